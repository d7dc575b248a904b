import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURE_DIR } from '../../../scripts/make-import-fixtures'
import { makeTestHandlers } from '../../../test/helpers/db'
import { dispatch } from '../rpc/dispatch'

const upload = (fileName: string) => ({
  fileName,
  dataBase64: fs.readFileSync(path.join(FIXTURE_DIR, fileName)).toString('base64'),
})

describe('articles:import through readDocument', () => {
  it.each([
    ['article.html', 'Council keeps the harbour open', '2025-04-28'],
    ['draft.docx', 'Harbour & council', null],
    ['untitled.docx', 'Only a paragraph.', null],
    ['windows-1252.md', 'Café owners – a vote', null],
    ['utf16le-bom.txt', '“Hé,” she said. 😀', null],
  ])('imports %s as a draft titled %j', async (name, title, publishedOn) => {
    const { handlers } = await makeTestHandlers()
    expect(await handlers['articles:import'](upload(name))).toMatchObject({ title, publishedOn, status: 'draft' })
  })

  it('stores a hostile web page as plain text only', async () => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:import'](upload('hostile.html'))
    expect(article.body).toContain('A link that runs code and a click handler leave only their words behind them.')
    expect(article.body).not.toMatch(/<|>|javascript|onerror|pwned/i)
  })

  it.each(['bomb.docx', 'png.txt', 'utf16-no-bom.txt', 'corrupt.docx'])(
    'refuses %s and writes nothing to the library',
    async (name) => {
      const { handlers, library } = await makeTestHandlers()
      const reply = await dispatch(handlers, 'articles:import', upload(name), () => {})
      expect(reply).toMatchObject({ ok: false, error: { code: 'unsupported_file' } })
      expect(reply.ok ? '' : reply.error.message.startsWith(`${name}: `)).toBe(true)
      const count = (table: string) => library.sqlite.prepare(`select count(*) from ${table}`).pluck().get()
      expect([count('articles'), count('audit_log')]).toEqual([0, 0])
    },
  )
})
