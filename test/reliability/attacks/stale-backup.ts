import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Attack, AttackOutcome } from '../attacks'
import { runConfined } from './confined'
import { cli, LAST_MIGRATION, makeLibrary, said, TITLE } from './store-kit'

/**
 * Finding 12: the copy Quotedesk keeps before an upgrade. A file already at that name (from an
 * interrupted or earlier upgrade) must neither block the upgrade nor be overwritten, and a copy
 * that cannot be written is reported with its name and the fix.
 */

/** Upgrades an older library with `stale` at the backup's name: the upgrade runs, `stale` stays as it was. */
async function upgradeBeside(workDir: string, stale: (bak: string) => void): Promise<AttackOutcome> {
  const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'), { older: true })
  const bak = `${file}.before-${LAST_MIGRATION}.bak`
  stale(bak)
  const staleBytes = fs.readFileSync(bak)
  const run = await cli(['--db', file, 'list'], workDir)
  if (run.code !== 0 || !run.stdout.includes(TITLE)) return { held: false, detail: said(run) }
  if (!fs.readFileSync(bak).equals(staleBytes)) return { held: false, detail: `${path.basename(bak)} was overwritten` }
  const kept = fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.bak') && name !== path.basename(bak))
  if (kept.length !== 1) return { held: false, detail: `no new copy before the upgrade (${kept.join(', ')})` }
  return { held: true, detail: `upgraded; ${path.basename(bak)} left as it was, the new copy is ${kept[0]}` }
}

export const staleBackup: Attack[] = [
  {
    finding: 12,
    id: 'a66',
    title: 'a half-written copy from an interrupted upgrade at the pre-upgrade backup’s name',
    run: (workDir) =>
      upgradeBeside(workDir, (bak) => {
        fs.writeFileSync(bak, Buffer.alloc(4096, 0x5a))
      }),
  },
  {
    finding: 12,
    id: 'a67',
    title: 'an older pre-upgrade backup at that name (a library restored and upgraded again)',
    run: (workDir) =>
      upgradeBeside(workDir, (bak) => {
        const older = new BetterSqlite3(bak)
        older.exec("create table note (text); insert into note values ('the backup from last month')")
        older.close()
      }),
  },
  {
    finding: 12,
    id: 'a68',
    title: 'an upgrade on a nearly full disk, with no room for the pre-upgrade backup',
    run: (workDir) => runConfined('nearly-full-upgrade', workDir, { tmpfsKb: 1024 }),
  },
]
