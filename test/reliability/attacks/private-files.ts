import fs from 'node:fs'
import path from 'node:path'
import { openLibrary } from '../../../src/main/db/connection'
import type { Attack, AttackOutcome } from '../attacks'
import { cli, LAST_MIGRATION, makeLibrary, said } from './store-kit'

/**
 * Finding 10: on a shared computer every other account could read the library (confidential
 * sources included) and its backups. Whatever Quotedesk creates for a library is its owner's
 * only: folders 0700, the library, its -wal and -shm, backups and pre-upgrade copies 0600.
 * Each attack runs under the usual umask 022, where a plain create gives 0755 and 0644.
 */

function mode(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8).padStart(3, '0')
}

/** Files (and folders) that others can read, with their modes. */
function exposed(expect: Record<string, 'file' | 'folder'>): string[] {
  return Object.entries(expect).flatMap(([file, kind]) => {
    const want = kind === 'folder' ? '700' : '600'
    return mode(file) === want ? [] : [`${path.basename(file)} is ${mode(file)}`]
  })
}

async function withUmask(run: () => Promise<AttackOutcome>): Promise<AttackOutcome> {
  const old = process.umask(0o022)
  try {
    return await run()
  } finally {
    process.umask(old)
  }
}

function verdict(problems: string[], held: string): AttackOutcome {
  return problems.length > 0 ? { held: false, detail: problems.join('; ') } : { held: true, detail: held }
}

export const privateFiles: Attack[] = [
  {
    finding: 10,
    id: 'a62',
    title: 'a new library made by the CLI, and its -wal and -shm while it is open',
    run: (workDir) =>
      withUmask(async () => {
        const folder = path.join(workDir, 'data', 'quotedesk')
        const file = path.join(folder, 'library.quotedesk')
        fs.writeFileSync(path.join(workDir, 'note.txt'), '“It is private,” the editor said.\n')
        const run = await cli(['--db', file, 'import', path.join(workDir, 'note.txt')], workDir)
        if (run.code !== 0) return { held: false, detail: said(run) }
        const library = await openLibrary(file)
        try {
          // The -wal and -shm exist only while the library is open.
          const problems = exposed({
            [path.join(workDir, 'data')]: 'folder',
            [folder]: 'folder',
            [file]: 'file',
            [`${file}-wal`]: 'file',
            [`${file}-shm`]: 'file',
          })
          return verdict(problems, 'folders 700; library, -wal and -shm 600')
        } finally {
          await library.close()
        }
      }),
  },
  {
    finding: 10,
    id: 'a63',
    title: 'quotedesk backup, beside the library and with --out',
    run: (workDir) =>
      withUmask(async () => {
        const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'))
        const out = path.join(workDir, 'copy.quotedesk')
        const beside = await cli(['--db', file, 'backup'], workDir)
        const elsewhere = await cli(['--db', file, 'backup', '--out', out], workDir)
        if (beside.code !== 0 || elsewhere.code !== 0) return { held: false, detail: said(beside) || said(elsewhere) }
        const made = fs.readdirSync(path.dirname(file)).find((name) => name.includes('.backup-'))
        if (!made) return { held: false, detail: 'no backup beside the library' }
        const problems = exposed({ [path.join(path.dirname(file), made)]: 'file', [out]: 'file' })
        return verdict(problems, 'both backups 600')
      }),
  },
  {
    finding: 10,
    id: 'a64',
    title: 'the copy kept before an upgrade',
    run: (workDir) =>
      withUmask(async () => {
        const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'), { older: true })
        const run = await cli(['--db', file, 'list'], workDir)
        if (run.code !== 0) return { held: false, detail: said(run) }
        const bak = `${file}.before-${LAST_MIGRATION}.bak`
        if (!fs.existsSync(bak)) return { held: false, detail: 'no copy before the upgrade' }
        return verdict(exposed({ [bak]: 'file' }), `${path.basename(bak)} 600`)
      }),
  },
  {
    finding: 10,
    id: 'a65',
    title: 'quotedesk restore: the restored library and the copy of the one it replaced',
    run: (workDir) =>
      withUmask(async () => {
        const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'))
        const backup = path.join(workDir, 'backup.quotedesk')
        const made = await cli(['--db', file, 'backup', '--out', backup], workDir)
        // A backup someone handed over or copied keeps whatever mode it had.
        fs.chmodSync(backup, 0o644)
        fs.rmSync(file)
        const first = await cli(['--db', file, 'restore', backup], workDir)
        const second = await cli(['--db', file, 'restore', backup], workDir)
        if (made.code !== 0 || first.code !== 0 || second.code !== 0) {
          return { held: false, detail: said(made) || said(first) || said(second) }
        }
        const kept = fs.readdirSync(path.dirname(file)).find((name) => name.includes('.before-restore-'))
        if (!kept) return { held: false, detail: 'no copy of the replaced library' }
        const problems = exposed({ [file]: 'file', [path.join(path.dirname(file), kept)]: 'file' })
        return verdict(problems, 'restored library and the kept copy 600')
      }),
  },
]
