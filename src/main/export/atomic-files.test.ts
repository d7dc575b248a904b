import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { ExportV1 } from '../../shared/schemas/export'
import { openLibrary } from '../db/connection'
import { createHandlers } from '../services'
import { sweepStaleTemps, writeAtomic } from './atomic-files'
import { exportToFolder } from './export-folder'

const CHILD = path.resolve(import.meta.dirname, '../../../test/fixtures/export/export-child.ts')
const TRIALS = 4

afterEach(() => {
  vi.restoreAllMocks()
})

describe('atomic export files', () => {
  it('leaves a good file untouched when a write fails, and no temp file behind', async () => {
    const dir = makeTempDir()
    const target = path.join(dir, 'article.md')
    fs.writeFileSync(target, 'the good old content')
    // write-file-atomic looks fs.rename up at call time, so this fails the step that would replace the file.
    vi.spyOn(fs, 'rename').mockImplementation(((_from: string, _to: string, done: (err: Error) => void) =>
      done(Object.assign(new Error('simulated disk failure'), { code: 'EIO' }))) as unknown as typeof fs.rename)
    await expect(writeAtomic(target, 'new content that never lands')).rejects.toThrow(/simulated disk failure/)
    expect(fs.readFileSync(target, 'utf8')).toBe('the good old content')
    expect(fs.readdirSync(dir)).toEqual(['article.md'])
  })

  it('sweeps only stale leftovers of its own temp files, never a person’s look-alike', async () => {
    const dir = makeTempDir()
    const names = [
      '.a.md.0123456789abcdef.tmp',
      '.b.json.fedcba9876543210.tmp',
      '.fresh.md.1111111111111111.tmp',
      'keep.md',
      // A person's files, and write-file-atomic's own temp names, which a person's file may also have.
      'notes.md.2024',
      'a.md.123456789',
      '.c.md.0123456789abcdef.tmp.bak',
      '.d.txt.0123456789abcdef.tmp',
    ]
    for (const name of names) fs.writeFileSync(path.join(dir, name), 'x')
    const old = new Date(Date.now() - 120_000)
    for (const name of names.filter((n) => !n.startsWith('.fresh'))) fs.utimesSync(path.join(dir, name), old, old)
    expect((await sweepStaleTemps(dir)).sort()).toEqual(['.a.md.0123456789abcdef.tmp', '.b.json.fedcba9876543210.tmp'])
    expect(fs.readdirSync(dir).sort()).toEqual(
      names.filter((n) => !['.a.md.0123456789abcdef.tmp', '.b.json.fedcba9876543210.tmp'].includes(n)).sort(),
    )
  })

  it(`keeps the target old or new, never torn, when an export is SIGKILLed (${TRIALS} trials), and sweeps leftovers next time`, async () => {
    const dir = makeTempDir('quotedesk-kill-')
    const dbPath = path.join(dir, 'library.quotedesk')
    const outDir = path.join(dir, 'out')
    const library = await openLibrary(dbPath)
    const handlers = createHandlers(library, () => 'tester')
    // A big body widens the window in which a write is in flight; inserted directly to skip analysis.
    const article = await handlers['articles:create']({ body: '“Short,” she said.' })
    const body = `${'Council harbour budget vote. '.repeat(150_000)}\n\n“Short,” she said.`
    await library.db.updateTable('articles').set({ body }).where('id', '=', article.id).execute()
    const first = await exportToFolder(handlers, [article.id], { format: 'json', outDir })
    await library.close()
    const target = path.join(outDir, first.written[0]?.fileName ?? '')
    const versions = new Set<string>([fs.readFileSync(target, 'utf8')])

    const leftovers = new Set<string>()
    for (let trial = 0; trial < TRIALS; trial++) {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, outDir, article.id], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      await new Promise<void>((resolve, reject) => {
        let seen = ''
        child.stdout.on('data', (chunk: Buffer) => {
          seen += chunk.toString()
          // Kill somewhere inside a later write: after the first finished, at a random moment.
          if (/wrote 1\n/.test(seen)) setTimeout(() => child.kill('SIGKILL'), Math.random() * 150)
        })
        child.on('exit', () => resolve())
        child.on('error', reject)
      })
      expect(stderr).toBe('')
      const content = fs.readFileSync(target, 'utf8')
      // Complete: it parses and is a whole export of this article (each version differs only in exportedAt).
      const doc = ExportV1.parse(JSON.parse(content))
      expect(doc.article.body).toBe(body)
      versions.add(content)
      for (const name of fs.readdirSync(outDir)) if (name !== path.basename(target)) leftovers.add(name)
    }
    expect(versions.size).toBeGreaterThan(1)

    // The next export sweeps whatever the killed ones left, once it is old enough to be abandoned.
    const old = new Date(Date.now() - 120_000)
    for (const name of fs.readdirSync(outDir))
      if (name !== path.basename(target)) fs.utimesSync(path.join(outDir, name), old, old)
    const reopened = await openLibrary(dbPath)
    try {
      const next = await exportToFolder(
        createHandlers(reopened, () => 'tester'),
        [article.id],
        { format: 'json', outDir },
      )
      expect(next.swept.sort()).toEqual([...leftovers].sort())
      expect(fs.readdirSync(outDir)).toEqual([path.basename(target)])
      console.log(
        `SIGKILL export: ${TRIALS} trials, 0 torn, ${leftovers.size} temp files left, ${next.swept.length} swept`,
      )
    } finally {
      await reopened.close()
    }
  }, 120_000)
})
