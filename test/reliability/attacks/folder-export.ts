import fs from 'node:fs'
import path from 'node:path'
import { openLibrary } from '../../../src/main/db/connection'
import { createHandlers } from '../../../src/main/services'
import { runCli } from '../../helpers/cli'
import type { Attack, AttackOutcome } from '../attacks'

const BODY = 'Budget\n\n“We will balance it,” said Mayor Jane Smith.'

interface Scene {
  db: string
  out: string
  /** Runs `quotedesk export --format <format> --all --out out`; returns what it printed. */
  exportAll: (format: 'md' | 'json') => Promise<string>
}

async function scene(workDir: string, bodies: string[] = [BODY]): Promise<Scene> {
  const db = path.join(workDir, 'library.quotedesk')
  const library = await openLibrary(db)
  try {
    const handlers = createHandlers(library, () => 'red team')
    for (const body of bodies) await handlers['articles:create']({ body })
  } finally {
    await library.close()
  }
  const out = path.join(workDir, 'out')
  fs.mkdirSync(out, { recursive: true })
  return {
    db,
    out,
    async exportAll(format) {
      const result = await runCli(db, workDir, ['export', '--format', format, '--all', '--out', out])
      if (result.code !== 0) throw new Error(`export failed: ${result.stderr.trim()}`)
      return result.stdout
    },
  }
}

/** Held when every file the person had is byte for byte what it was. */
function untouched(files: Record<string, string>, said: string): AttackOutcome {
  for (const [file, before] of Object.entries(files)) {
    const now = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
    if (now !== before)
      return { held: false, detail: `${path.basename(file)} was ${now === null ? 'removed' : 'overwritten'}` }
  }
  const line = said.split('\n').find((l) => l.startsWith('Left ')) ?? said.trim().split('\n').at(-1) ?? ''
  const kept = Object.keys(files).map((file) => path.basename(file))
  return {
    held: true,
    detail: `${kept.length > 0 ? `kept ${kept.join(', ')}; ` : ''}${line.replace(/\S*[/\\](out\b)/g, '$1')}`,
  }
}

/** Finding 7: a folder export must never write through a link or replace a file it did not write. */
export const folderExport: Attack[] = [
  {
    finding: 7,
    id: 'a25',
    title: 'a Budget.md symlink in the export folder pointing at a file outside it',
    async run(workDir) {
      const s = await scene(workDir)
      const outside = path.join(workDir, 'outside.txt')
      fs.writeFileSync(outside, 'a file outside the export folder')
      fs.symlinkSync(outside, path.join(s.out, 'Budget.md'))
      return untouched({ [outside]: 'a file outside the export folder' }, await s.exportAll('md'))
    },
  },
  {
    finding: 7,
    id: 'a26',
    title: 'a person’s own Budget.md in the export folder, same name as the article',
    async run(workDir) {
      const s = await scene(workDir)
      const mine = path.join(s.out, 'Budget.md')
      fs.writeFileSync(mine, 'My own budget notes')
      return untouched({ [mine]: 'My own budget notes' }, await s.exportAll('md'))
    },
  },
  {
    finding: 7,
    id: 'a27',
    title: 'a dangling Budget.json symlink (the export would create its target or replace the link)',
    async run(workDir) {
      const s = await scene(workDir)
      const link = path.join(s.out, 'Budget.json')
      const target = path.join(workDir, 'created-through-link.json')
      fs.symlinkSync(target, link)
      const said = await s.exportAll('json')
      if (fs.existsSync(target)) return { held: false, detail: 'the export created the file the link points to' }
      if (!fs.lstatSync(link).isSymbolicLink()) return { held: false, detail: 'the export replaced the symlink' }
      return untouched({}, said)
    },
  },
  {
    finding: 7,
    id: 'a28',
    title: 'a person’s notes.md.2024 in the export folder (shaped like a temp file of a killed export)',
    async run(workDir) {
      const s = await scene(workDir)
      const notes = path.join(s.out, 'notes.md.2024')
      fs.writeFileSync(notes, 'Notes from 2024')
      const old = new Date(Date.now() - 3_600_000)
      fs.utimesSync(notes, old, old)
      return untouched({ [notes]: 'Notes from 2024' }, await s.exportAll('md'))
    },
  },
  {
    finding: 7,
    id: 'a29',
    title: 'the export of another article with the same title, written by an earlier run',
    async run(workDir) {
      const s = await scene(workDir, [BODY])
      await s.exportAll('md')
      const first = path.join(s.out, 'Budget.md')
      const before = fs.readFileSync(first, 'utf8')
      // A second library's article of the same title exported into the same folder.
      const other = await scene(path.join(workDir, 'other'), ['Budget\n\n“It will not balance,” he said.'])
      const result = await runCli(other.db, workDir, ['export', '--format', 'md', '--all', '--out', s.out])
      return untouched({ [first]: before }, result.stdout)
    },
  },
  {
    finding: 7,
    id: 'a30',
    title: 'Budget.md in the export folder is a hard link to a person’s own file',
    async run(workDir) {
      const s = await scene(workDir)
      const mine = path.join(workDir, 'mine.md')
      fs.writeFileSync(mine, 'My own budget notes')
      fs.linkSync(mine, path.join(s.out, 'Budget.md'))
      return untouched(
        { [mine]: 'My own budget notes', [path.join(s.out, 'Budget.md')]: 'My own budget notes' },
        await s.exportAll('md'),
      )
    },
  },
]
