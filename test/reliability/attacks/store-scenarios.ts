import fs from 'node:fs'
import path from 'node:path'
import type { AttackOutcome } from '../attacks'
import { cli, DAMAGED, fillDisk, LAST_MIGRATION, makeLibrary, said, snapshot, TITLE } from './store-kit'

/**
 * Store attacks that need a confinement (confined.ts): a folder file modes really apply to, or
 * a disk that is really full. Each runs the real CLI on a real library on `disk` (a full tmpfs,
 * or `dir` itself); notes and exports stay in `dir`.
 */

/** list, export and backup (elsewhere) must work on a library that cannot be written; a change says why not. */
async function readsButRefusesWrites(dir: string, library: string): Promise<AttackOutcome> {
  const out = path.join(dir, 'out')
  const note = path.join(dir, 'note.txt')
  const db = ['--db', library]
  const list = await cli([...db, 'list'], dir)
  if (list.code !== 0 || !list.stdout.includes(TITLE)) return { held: false, detail: `list: ${said(list)}` }
  const exported = await cli([...db, 'export', '--all', '--format', 'md', '--out', out], dir)
  if (exported.code !== 0) return { held: false, detail: `export: ${said(exported)}` }
  const backup = await cli([...db, 'backup', '--out', path.join(out, 'copy.quotedesk')], dir)
  if (backup.code !== 0) return { held: false, detail: `backup: ${said(backup)}` }
  const write = await cli([...db, 'import', note], dir)
  const message = write.stderr.split('\n').find((line) => line.includes('note.txt')) ?? said(write)
  if (write.code === 0) return { held: false, detail: 'the import was accepted' }
  if (DAMAGED.test(write.stderr) || !/read-only/.test(message)) return { held: false, detail: `import: ${message}` }
  return { held: true, detail: `list, export and backup work; import: ${message.replace(`quotedesk: ${note}: `, '')}` }
}

/** The library goes in `disk`; what is read or written beside it (a note, exports) in `dir`. */
function prepare(dir: string, disk: string): string {
  fs.mkdirSync(path.join(dir, 'out'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'note.txt'), '“It will not be saved,” the editor said.\n')
  return path.join(disk, 'library', 'news.quotedesk')
}

/** An older library needs an upgrade, which writes: the refusal must say why, not "damaged". */
async function refusesUpgrade(dir: string, library: string, why: RegExp): Promise<AttackOutcome> {
  const before = snapshot(path.dirname(library))
  const list = await cli(['--db', library, 'list'], dir)
  const after = snapshot(path.dirname(library))
  if (list.code === 0) return { held: false, detail: 'it opened' }
  if (DAMAGED.test(list.stderr) || !why.test(list.stderr)) return { held: false, detail: said(list) }
  if (after !== before) return { held: false, detail: 'the library folder changed' }
  return { held: true, detail: said(list).replace(/^quotedesk: /, '') }
}

export const SCENARIOS = {
  async 'read-only-folder'(dir: string, disk: string): Promise<AttackOutcome> {
    const library = await makeLibrary(prepare(dir, disk))
    fs.chmodSync(path.dirname(library), 0o555)
    try {
      return await readsButRefusesWrites(dir, library)
    } finally {
      fs.chmodSync(path.dirname(library), 0o755)
    }
  },

  async 'read-only-file'(dir: string, disk: string): Promise<AttackOutcome> {
    const library = await makeLibrary(prepare(dir, disk))
    fs.chmodSync(library, 0o444)
    return readsButRefusesWrites(dir, library)
  },

  async 'read-only-older'(dir: string, disk: string): Promise<AttackOutcome> {
    const library = await makeLibrary(prepare(dir, disk), { older: true })
    fs.chmodSync(path.dirname(library), 0o555)
    try {
      return await refusesUpgrade(dir, library, /read-only/)
    } finally {
      fs.chmodSync(path.dirname(library), 0o755)
    }
  },

  async 'full-disk'(dir: string, disk: string): Promise<AttackOutcome> {
    const library = await makeLibrary(prepare(dir, disk))
    fillDisk(disk)
    return readsButRefusesWrites(dir, library)
  },

  async 'full-disk-older'(dir: string, disk: string): Promise<AttackOutcome> {
    const library = await makeLibrary(prepare(dir, disk), { older: true })
    fillDisk(disk)
    return refusesUpgrade(dir, library, /disk is full/)
  },

  /** Room for SQLite's -shm but not for the copy made before the upgrade. */
  async 'nearly-full-upgrade'(dir: string, disk: string): Promise<AttackOutcome> {
    const library = await makeLibrary(prepare(dir, disk), { older: true })
    fillDisk(disk, 96)
    const before = snapshot(path.dirname(library))
    const list = await cli(['--db', library, 'list'], dir)
    const after = snapshot(path.dirname(library))
    const bak = `${library}.before-${LAST_MIGRATION}.bak`
    if (list.code === 0) return { held: false, detail: 'the upgrade ran without its backup' }
    if (!list.stderr.includes(bak) || !/free some space/i.test(list.stderr)) return { held: false, detail: said(list) }
    if (after !== before)
      return { held: false, detail: `the library folder changed: ${Object.keys(JSON.parse(after))}` }
    return { held: true, detail: said(list).replace(/^quotedesk: /, '') }
  },
} satisfies Record<string, (dir: string, disk: string) => Promise<AttackOutcome>>

export type ScenarioName = keyof typeof SCENARIOS
