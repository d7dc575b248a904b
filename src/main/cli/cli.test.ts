import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { openLibrary } from '../db/connection'
import { main } from './main'

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/articles/heartstopper-film-article.txt')

let dir: string
let db: string

beforeEach(() => {
  dir = makeTempDir('quotedesk-cli-')
  db = path.join(dir, 'library.quotedesk')
})

async function run(
  argv: string[],
  extra: { signal?: AbortSignal; rendererDir?: string; onStdout?: (text: string) => void } = {},
) {
  let stdout = ''
  let stderr = ''
  const code = await main(['--db', db, ...argv], {
    stdout: (text) => {
      stdout += text
      extra.onStdout?.(text)
    },
    stderr: (text) => (stderr += text),
    env: {},
    cwd: dir,
    ...(extra.signal ? { signal: extra.signal } : {}),
    ...(extra.rendererDir ? { rendererDir: extra.rendererDir } : {}),
  })
  return { code, stdout, stderr }
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

async function bodies(): Promise<Record<string, string>> {
  const library = await openLibrary(db)
  try {
    const rows = await library.db.selectFrom('articles').select(['title', 'body']).execute()
    return Object.fromEntries(rows.map((row) => [row.title, row.body]))
  } finally {
    await library.close()
  }
}

describe('quotedesk import', () => {
  it('imports the sample article with its title and date', async () => {
    const result = await run(['import', FIXTURE])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(
      /^Imported "Heartstopper creator Alice Oseman has shared exciting details about the upcoming film\." \([0-9a-f-]{36}\) from .*heartstopper-film-article\.txt\n$/,
    )
    const listed = JSON.parse((await run(['list', '--json'])).stdout) as { publishedOn: string | null }[]
    expect(listed).toMatchObject([{ publishedOn: '2025-04-28', status: 'draft' }])
  })

  it('decodes UTF-8, UTF-8 with BOM and CRLF to the same text', async () => {
    const text = 'Plain title\n“Yes,” she said.\n'
    const files = [
      write('plain.txt', text),
      write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('Plain', 'Bom'))])),
      write('crlf.txt', text.replace('Plain', 'Crlf').replaceAll('\n', '\r\n')),
    ]
    const result = await run(['import', ...files])
    expect(result.code).toBe(0)
    expect(
      result.stdout
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('Imported "')),
    ).toHaveLength(3)
    expect(await bodies()).toEqual({
      'Plain title': text,
      'Bom title': text.replace('Plain', 'Bom'),
      'Crlf title': text.replace('Plain', 'Crlf'),
    })
  })

  it('takes a Markdown title from its heading', async () => {
    const file = write('draft.md', 'Intro line first\n\n# The real headline\n\n“Quote,” he said.\n')
    const result = await run(['import', file])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Imported "The real headline"')
  })

  it('decodes windows-1252 curly quotes 0x93 0x94 as “ ”', async () => {
    const file = write(
      'legacy.txt',
      Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x73, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64, 0x85]),
    )
    expect((await run(['import', file])).code).toBe(0)
    expect(Object.values(await bodies())).toEqual(['“Hi” she said…'])
  })

  it('reports a missing file in one line, imports the rest and exits 1', async () => {
    const good = write('good.txt', 'Good article\n')
    const result = await run(['import', 'nope.txt', good])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('quotedesk: nope.txt: no such file\n')
    expect(result.stdout).toContain('Imported "Good article"')
  })

  it.each([
    ['a folder', () => (fs.mkdirSync(path.join(dir, 'folder.txt')), 'folder.txt'), /folder\.txt: is a folder/],
    [
      'an unsupported type',
      () => (write('photo.pdf', '%PDF-1.4'), 'photo.pdf'),
      /photo\.pdf: Quotedesk imports \.txt, \.md, \.html, \.docx, \.vtt and \.srt files; "\.pdf" is not supported/,
    ],
    ['an empty file', () => (write('empty.txt', ''), 'empty.txt'), /empty\.txt: the file is empty/],
    ['a binary file', () => (write('bin.txt', Buffer.from([1, 0, 2, 0xff, 0, 7])), 'bin.txt'), /bin\.txt: .*binary/],
  ])('refuses %s with one line and exit 1', async (_name, make, message) => {
    const result = await run(['import', make()])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/)
  })
})

describe('quotedesk list', () => {
  it('prints a table, or a JSON array with --json', async () => {
    expect((await run(['list'])).stdout).toContain('no articles yet')
    expect(JSON.parse((await run(['list', '--json'])).stdout)).toEqual([])
    await run(['import', write('a.txt', 'First article\n'), write('b.txt', 'Second article\n')])
    const table = await run(['list'])
    expect(table.code).toBe(0)
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+STATUS\s+PUBLISHED\s+UPDATED\s+TITLE$/)
    expect(table.stdout).toContain('First article')
    const listed = JSON.parse((await run(['list', '--json'])).stdout) as Record<string, unknown>[]
    expect(listed.map((a) => a.title).sort()).toEqual(['First article', 'Second article'])
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual([
      'createdAt',
      'id',
      'publishedOn',
      'status',
      'title',
      'updatedAt',
      'wordCount',
    ])
  })
})

describe('errors', () => {
  it.each([
    [['frobnicate'], /^quotedesk: unknown command 'frobnicate'/],
    [['import'], /^quotedesk: missing required argument 'files'/],
    [['list', '--colour'], /^quotedesk: unknown option '--colour'/],
    [['serve', '--port', 'abc'], /^quotedesk: --port must be a number/],
  ])('%j exits non-zero with one line on stderr', async (argv, message) => {
    const result = await run(argv, { rendererDir: dir })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('reports a library file that is not a library in one line', async () => {
    fs.writeFileSync(db, 'this is not sqlite '.repeat(100))
    const result = await run(['list'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^quotedesk: The library at .* is damaged or is not a SQLite database/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('prints help on --help and exits 0', async () => {
    const result = await run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/import .*\n.*list.*\n.*serve/s)
  })
})

describe('quotedesk serve', () => {
  it('prints the address, trades its one-time code for the token, prints the next address, and closes on stop', async () => {
    const rendererDir = path.join(dir, 'renderer')
    fs.mkdirSync(rendererDir)
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Quotedesk</title>')
    const stop = new AbortController()
    const printed: string[] = []
    let announce: () => void = () => {}
    const announced = new Promise<void>((resolve) => (announce = resolve))
    const running = run(['serve', '--port', '0'], {
      signal: stop.signal,
      rendererDir,
      onStdout: (text) => {
        printed.push(text)
        announce()
      },
    })

    await announced
    const line = printed[0] ?? ''
    const match = /^Quotedesk is running at (http:\/\/127\.0\.0\.1:(\d+)\/)#code=([\w-]{43})\n$/.exec(line)
    expect(match).not.toBeNull()
    const [, url = '', , code] = match ?? []
    const post = async (pathname: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${url}${pathname}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json()) as { value?: { token?: string } } }
    }
    const session = await post('api/session', { code })
    expect(session.status).toBe(200)
    const token = session.body.value?.token ?? ''
    expect(line).not.toContain(token)
    expect((await post('api/articles:list', {}, { 'X-Quotedesk-Token': token })).status).toBe(200)
    // The printed address is spent; the line printed after the use carries the next one.
    expect((await post('api/session', { code })).status).toBe(401)
    expect(printed[1]).toMatch(
      /^Opened in a browser\. For another tab or browser, open http:\/\/127\.0\.0\.1:\d+\/#code=[\w-]{43}\n$/,
    )
    expect(printed[1]).not.toContain(code)

    stop.abort()
    const result = await running
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toBe(printed.join(''))
    expect(printed).toHaveLength(2)
    // Closed cleanly: the WAL was checkpointed away when the last connection closed.
    expect(fs.existsSync(`${db}-wal`)).toBe(false)
  })
})
