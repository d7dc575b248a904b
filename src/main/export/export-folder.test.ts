import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../test/helpers/cli'
import { makeTempDir, makeTestHandlers } from '../../../test/helpers/db'
import { openLibrary } from '../db/connection'
import { createHandlers } from '../services'
import { replaceFile, writeNewFile } from './atomic-files'
import { exportToFolder } from './export-folder'

afterEach(() => {
  vi.restoreAllMocks()
})

const BUDGET = 'Budget\n\n“We will balance it,” said Mayor Jane Smith.'

async function budgetArticle() {
  const { handlers } = await makeTestHandlers()
  const article = await handlers['articles:create']({ body: BUDGET })
  return { handlers, articleId: article.id }
}

function setup() {
  const dir = makeTempDir('quotedesk-folder-')
  const out = path.join(dir, 'out')
  fs.mkdirSync(out)
  return { dir, out, read: (name: string) => fs.readFileSync(path.join(out, name), 'utf8') }
}

describe('folder export never writes what is not its own', () => {
  it('leaves a person’s own Budget.md as it is and writes Budget (2).md, saying so', async () => {
    const { handlers, articleId } = await budgetArticle()
    const { out, read } = setup()
    fs.writeFileSync(path.join(out, 'Budget.md'), 'My own budget notes')
    const result = await exportToFolder(handlers, [articleId], { format: 'md', outDir: out })
    expect(read('Budget.md')).toBe('My own budget notes')
    expect(read('Budget (2).md')).toContain('“We will balance it,”')
    expect(result.written).toEqual([
      {
        articleId,
        fileName: 'Budget (2).md',
        isRedacted: false,
        isUpdate: false,
        passedOver: [{ fileName: 'Budget.md', reason: 'a file Quotedesk did not write for this article' }],
      },
    ])
  })

  it('never writes through a symlink, a folder or anything else under the name', async () => {
    const { handlers, articleId } = await budgetArticle()
    const { dir, out, read } = setup()
    const outside = path.join(dir, 'precious.txt')
    fs.writeFileSync(outside, 'precious')
    fs.symlinkSync(outside, path.join(out, 'Budget.json'))
    fs.symlinkSync(path.join(dir, 'nowhere.json'), path.join(out, 'Budget (2).json'))
    fs.mkdirSync(path.join(out, 'Budget (3).json'))
    const result = await exportToFolder(handlers, [articleId], { format: 'json', outDir: out })
    expect(fs.readFileSync(outside, 'utf8')).toBe('precious')
    expect(fs.existsSync(path.join(dir, 'nowhere.json'))).toBe(false)
    expect(fs.lstatSync(path.join(out, 'Budget.json')).isSymbolicLink()).toBe(true)
    expect(JSON.parse(read('Budget (4).json'))).toMatchObject({ article: { id: articleId } })
    expect(result.written[0]?.passedOver).toEqual([
      { fileName: 'Budget.json', reason: 'a symbolic link, not followed' },
      { fileName: 'Budget (2).json', reason: 'a symbolic link, not followed' },
      { fileName: 'Budget (3).json', reason: 'a folder' },
    ])
  })

  it('updates its own earlier export of the article in place, Markdown and JSON, and nothing else', async () => {
    const { handlers, articleId } = await budgetArticle()
    const other = await handlers['articles:create']({ title: 'Budget', body: '“Another one,” he said.' })
    const { out, read } = setup()
    for (const format of ['md', 'json'] as const) {
      const first = await exportToFolder(handlers, [articleId], { format, outDir: out })
      await handlers['articles:update']({ id: articleId, body: `${BUDGET}\n\nA new paragraph.` })
      const again = await exportToFolder(handlers, [articleId], { format, outDir: out })
      expect(again.written[0]).toMatchObject({ fileName: first.written[0]?.fileName, isUpdate: true, passedOver: [] })
      expect(read(`Budget.${format}`)).toContain('A new paragraph.')
      await handlers['articles:update']({ id: articleId, body: BUDGET })
      // Another article with the same title does not take over the first one's file.
      const second = await exportToFolder(handlers, [other.id], { format, outDir: out })
      expect(second.written[0]).toMatchObject({
        fileName: `Budget (2).${format}`,
        passedOver: [{ fileName: `Budget.${format}`, reason: 'the export of another article' }],
      })
    }
    expect(fs.readdirSync(out).sort()).toEqual(['Budget (2).json', 'Budget (2).md', 'Budget.json', 'Budget.md'])
  })

  it('keeps other hard links of its own file untouched: a re-export replaces the name, not the content', async () => {
    const { handlers, articleId } = await budgetArticle()
    const { dir, out, read } = setup()
    await exportToFolder(handlers, [articleId], { format: 'md', outDir: out })
    const mine = path.join(dir, 'mine.md')
    fs.linkSync(path.join(out, 'Budget.md'), mine)
    const before = fs.readFileSync(mine, 'utf8')
    await handlers['articles:update']({ id: articleId, body: `${BUDGET}\n\nLater.` })
    const again = await exportToFolder(handlers, [articleId], { format: 'md', outDir: out })
    expect(again.written[0]).toMatchObject({ fileName: 'Budget.md', isUpdate: true })
    expect(read('Budget.md')).toContain('Later.')
    expect(fs.readFileSync(mine, 'utf8')).toBe(before)
  })

  it('writes into the real folder behind a symlinked export folder and says which', async () => {
    const { handlers, articleId } = await budgetArticle()
    const { dir, out } = setup()
    const link = path.join(dir, 'link')
    fs.symlinkSync(out, link)
    const result = await exportToFolder(handlers, [articleId], { format: 'md', outDir: link })
    expect(result.dir).toBe(fs.realpathSync(out))
    expect(fs.readdirSync(out)).toEqual(['Budget.md'])
  })

  it('the CLI says what it wrote, what it left alone and why', async () => {
    const dir = makeTempDir('quotedesk-folder-cli-')
    const db = path.join(dir, 'library.quotedesk')
    const library = await openLibrary(db)
    await createHandlers(library, () => 'tester')['articles:create']({ body: BUDGET })
    await library.close()
    const out = path.join(dir, 'out')
    fs.mkdirSync(out)
    fs.writeFileSync(path.join(out, 'Budget.md'), 'My own budget notes')
    fs.symlinkSync(path.join(dir, 'elsewhere.md'), path.join(out, 'Budget (2).md'))
    const first = await runCli(db, dir, ['export', '--format', 'md', '--all', '--out', 'out'])
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.stdout).toBe(
      [
        `Exported ${path.join(out, 'Budget (3).md')}`,
        `Left ${path.join(out, 'Budget.md')} alone (a file Quotedesk did not write for this article); wrote Budget (3).md instead`,
        `Left ${path.join(out, 'Budget (2).md')} alone (a symbolic link, not followed); wrote Budget (3).md instead`,
        `Exported 1 article as Markdown to ${out} (1 written under a new name beside files that are not their own)`,
        '',
      ].join('\n'),
    )
    const again = await runCli(db, dir, ['export', '--format', 'md', '--all', '--out', 'out'])
    expect(again.stdout).toContain(`Updated ${path.join(out, 'Budget (3).md')}\n`)
    expect(fs.readFileSync(path.join(out, 'Budget.md'), 'utf8')).toBe('My own budget notes')
    expect(fs.existsSync(path.join(dir, 'elsewhere.md'))).toBe(false)
  })
})

describe('no-clobber writes', () => {
  it('writeNewFile never replaces what is there and leaves no temp file', async () => {
    const { out, read } = setup()
    fs.writeFileSync(path.join(out, 'a.md'), 'theirs')
    fs.symlinkSync(path.join(out, 'missing'), path.join(out, 'b.md'))
    expect(await writeNewFile(out, 'a.md', 'ours')).toBe(false)
    expect(await writeNewFile(out, 'b.md', 'ours')).toBe(false)
    expect(await writeNewFile(out, 'c.md', 'ours')).toBe(true)
    expect([read('a.md'), read('c.md')]).toEqual(['theirs', 'ours'])
    expect(fs.readdirSync(out).sort()).toEqual(['a.md', 'b.md', 'c.md'])
  })

  it('writeNewFile works where the filesystem has no hard links (FAT, exFAT), still without replacing', async () => {
    const { out, read } = setup()
    fs.writeFileSync(path.join(out, 'a.md'), 'theirs')
    vi.spyOn(fs.promises, 'link').mockRejectedValue(Object.assign(new Error('not supported'), { code: 'EPERM' }))
    expect(await writeNewFile(out, 'a.md', 'ours')).toBe(false)
    expect(await writeNewFile(out, 'b.md', 'ours')).toBe(true)
    expect([read('a.md'), read('b.md')]).toEqual(['theirs', 'ours'])
    expect(fs.readdirSync(out).sort()).toEqual(['a.md', 'b.md'])
  })

  it('replaceFile leaves the old file whole, and no temp file, when the rename fails', async () => {
    const { out, read } = setup()
    fs.writeFileSync(path.join(out, 'a.md'), 'the good old content')
    vi.spyOn(fs.promises, 'rename').mockRejectedValue(
      Object.assign(new Error('simulated disk failure'), { code: 'EIO' }),
    )
    await expect(replaceFile(out, 'a.md', 'new content that never lands')).rejects.toThrow(/simulated disk failure/)
    expect(read('a.md')).toBe('the good old content')
    expect(fs.readdirSync(out)).toEqual(['a.md'])
  })
})
