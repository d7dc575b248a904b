import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { openLibrary } from '../db/connection'
import { seedArticle } from '../export/testing'
import { createHandlers } from '../services'
import { runCli } from '../../../test/helpers/cli'
import type { CliIo } from './context'

let dir: string
let db: string

beforeEach(() => {
  dir = makeTempDir('quotedesk-cli-export-')
  db = path.join(dir, 'library.quotedesk')
})

function run(argv: string[], extra: Partial<CliIo> = {}, library = db) {
  return runCli(library, dir, argv, extra)
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return file
}

async function withHandlers<T>(
  run: (h: ReturnType<typeof createHandlers>, l: Awaited<ReturnType<typeof openLibrary>>) => Promise<T>,
) {
  const library = await openLibrary(db)
  try {
    return await run(
      createHandlers(library, () => 'tester'),
      library,
    )
  } finally {
    await library.close()
  }
}

/** A stderr stand-in that claims to be a terminal, to see the progress bar. */
function fakeTty(): { stream: PassThrough & { isTTY: boolean; columns: number }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 })
  let text = ''
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
  return { stream, text: () => text }
}

describe('quotedesk export', () => {
  it('writes one safely named file per article, unique on collision', async () => {
    await withHandlers(async (h) => {
      await h['articles:create']({ title: 'Same: title', body: '“One,” she said.' })
      await h['articles:create']({ title: 'Same: title', body: '“Two,” she said.' })
      await h['articles:create']({ title: '../CON', body: '“Three,” he said.' })
    })
    const result = await run(['export', '--format', 'md', '--all', '--out', 'out'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['Same - title (2).md', 'Same - title.md', '_CON.md'])
    expect(result.stdout).toMatch(/Exported 3 articles as Markdown to .*out\n$/)
  })

  it('exports chosen articles as JSON and reports redaction', async () => {
    const seeded = await withHandlers((h, l) => seedArticle(l, h))
    const result = await run(['export', '--format', 'json', '--article', seeded.articleId, '--out', 'out'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('confidential sources redacted in 1')
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'Harbour plan wins the vote.json'), 'utf8'))
    expect(doc.format).toBe('quotedesk/1')
  })

  it.each([
    [['export', '--format', 'md'], /choose the articles: --article ID \.\.\. or --all/],
    [['export', '--format', 'pdf', '--all'], /argument 'pdf' is invalid/],
    [['export', '--all'], /required option '--format <format>' not specified/],
  ])('refuses %j in one line', async (argv, message) => {
    const result = await run(argv)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('reports an unknown article and exits 1', async () => {
    const result = await run(['export', '--format', 'md', '--article', '00000000-0000-4000-8000-000000000000'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/No article with id 00000000/)
  })

  it('draws a progress bar on a terminal stderr only, and holds per-file lines back while it does', async () => {
    await withHandlers(async (h) => {
      for (let i = 0; i < 3; i++) await h['articles:create']({ body: `Article ${i}\n\n“Yes,” she said.` })
    })
    const tty = fakeTty()
    const shown = await run(['export', '--format', 'json', '--all', '--out', 'a'], { progressStream: tty.stream })
    expect(shown.code).toBe(0)
    expect(tty.text()).toMatch(/Exporting \[.*\] \d\/3/)
    expect(shown.stdout.trim().split('\n')).toHaveLength(1)

    const pipe = Object.assign(new PassThrough(), { isTTY: false })
    let piped = ''
    pipe.on('data', (chunk: Buffer) => (piped += chunk.toString()))
    const plain = await run(['export', '--format', 'json', '--all', '--out', 'b'], { progressStream: pipe })
    expect(piped).toBe('')
    expect(plain.stdout.trim().split('\n')).toHaveLength(4)
  })
})

describe('quotedesk import (folders, JSON exports, summary)', () => {
  it('imports a folder recursively: articles, Quotedesk exports; skips other files and says why', async () => {
    // A Quotedesk export made in another library.
    const other = path.join(dir, 'other.quotedesk')
    const otherLibrary = await openLibrary(other)
    const seeded = await seedArticle(
      otherLibrary,
      createHandlers(otherLibrary, () => 'tester'),
    )
    await otherLibrary.close()
    expect((await run(['export', '--format', 'json', '--all', '--out', 'in/exports'], {}, other)).code).toBe(0)

    write('in/a.txt', 'First article\n\n“Hello,” she said.\n')
    write('in/deeper/b.md', '# Second article\n\n“Bye,” he said.\n')
    write('in/photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    write('in/.hidden.txt', 'ignored')
    const result = await run(['import', 'in'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`Imported "Harbour plan wins the vote" (${seeded.articleId}) from in/exports/`)
    expect(result.stdout).toMatch(/3 quotes \(3 new, 0 updated\)/)
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      'Imported 2 articles and 1 Quotedesk export; skipped 1 (1 unsupported type .png); failed 0',
    )

    const again = await run(['import', 'in/exports'])
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/3 quotes \(0 new, 0 updated\).*nothing changed/)
  })

  it('reports an invalid JSON file with the paths that are wrong, and goes on', async () => {
    write('in/bad.json', JSON.stringify({ format: 'quotedesk/1', extra: 1 }))
    write('in/good.txt', 'Good article\n')
    const result = await run(['import', 'in'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^quotedesk: in\/bad\.json is not a valid Quotedesk export:\n {2}✖ /)
    expect(result.stderr).toMatch(/→ at article/)
    expect(result.stdout).toMatch(/Imported 1 article and 0 Quotedesk exports; skipped 0; failed 1\n$/)
  })

  it('refuses a folder with nothing in it', async () => {
    fs.mkdirSync(path.join(dir, 'empty'))
    const result = await run(['import', 'empty'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('quotedesk: empty: is a folder with no files to import\n')
  })

  it('shows a progress bar for many files on a terminal', async () => {
    for (let i = 0; i < 4; i++) write(`many/${i}.txt`, `Article ${i}\n`)
    const tty = fakeTty()
    const result = await run(['import', 'many'], { progressStream: tty.stream })
    expect(result.code).toBe(0)
    expect(tty.text()).toMatch(/Importing \[.*\] \d\/4/)
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      'Imported 4 articles and 0 Quotedesk exports; skipped 0; failed 0',
    )
  })
})
