import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'
import { auditFor } from '../audit/audit.repo'
import { dispatch } from '../rpc/dispatch'
import { deriveTitle, detectLeadingDate, countWords } from './article-text'

const quiet = () => {}

describe('articles', () => {
  it('creates an article with a title from its first line and a date from a leading date token', async () => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:create']({
      body: ' date 2025-04-28 Council approves harbour plan after long debate. More text.\n\n“We did it,” the mayor said.',
    })
    expect(article.title).toBe('Council approves harbour plan after long debate.')
    expect(article.publishedOn).toBe('2025-04-28')
    expect(article.status).toBe('draft')
    expect(article.body.startsWith(' date 2025-04-28')).toBe(true)
  })

  it('lists newest first with word counts, without sending every body', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['articles:create']({ title: 'First', body: 'one two three' })
    await handlers['articles:create']({ title: 'Second', body: 'don’t stop — rock ’n’ roll' })
    const list = await handlers['articles:list']({})
    expect(list.map((a) => a.title)).toEqual(['Second', 'First'])
    expect(list.map((a) => a.wordCount)).toEqual([5, 3])
    expect(list[0]).not.toHaveProperty('body')
  })

  it('records who created, changed and deleted an article in the audit log', async () => {
    const { handlers, library } = await makeTestHandlers('editor-jo')
    const article = await handlers['articles:create']({ body: 'Draft' })
    await handlers['articles:update']({ id: article.id, status: 'approved', title: 'Final' })
    await handlers['articles:delete']({ id: article.id })
    const log = await auditFor(library.db, 'article', article.id)
    // Analysis runs on creation; changing only the title and status does not re-run it.
    expect(log.map((row) => [row.actor, row.action])).toEqual([
      ['editor-jo', 'created'],
      ['editor-jo', 'analyzed'],
      ['editor-jo', 'updated'],
      ['editor-jo', 'deleted'],
    ])
    expect(JSON.parse(log[2]?.detail ?? '{}')).toEqual({
      changed: ['title', 'status'],
      status: { from: 'draft', to: 'approved' },
    })
    await expect(handlers['articles:get']({ id: article.id })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('rejects text that storage would silently mangle, naming the field', async () => {
    const { handlers } = await makeTestHandlers()
    const surrogate = await dispatch(handlers, 'articles:create', { body: 'x\uD83Dy' }, quiet)
    expect(surrogate).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'body' }] } })
    if (!surrogate.ok) expect(surrogate.error.message).toMatch(/lone surrogate/)
    const nul = await dispatch(handlers, 'articles:create', { body: 'a\u0000b', title: 'ok' }, quiet)
    expect(nul).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'body' }] } })
    const emoji = await handlers['articles:create']({ body: 'I 😀 “quotes” é 𠀀' })
    expect((await handlers['articles:get']({ id: emoji.id })).body).toBe('I 😀 “quotes” é 𠀀')
  })

  it('rolls back the whole change when any part of it fails', async () => {
    const { handlers, library } = await makeTestHandlers()
    library.sqlite.exec(
      "CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
    )
    await expect(handlers['articles:create']({ body: 'Will not stay' })).rejects.toThrow(/disk trouble/)
    expect(library.sqlite.prepare('select count(*) from articles').pluck().get()).toBe(0)
    expect(
      library.sqlite.prepare("select count(*) from articles_fts where articles_fts match 'stay'").pluck().get(),
    ).toBe(0)
  })

  it('imports a file with a BOM and CRLF line ends as clean text', async () => {
    const { handlers } = await makeTestHandlers()
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('# Harbour vote\r\n\r\n“Yes,” she said.\r\n'),
    ])
    const article = await handlers['articles:import']({ fileName: 'vote.md', dataBase64: bytes.toString('base64') })
    expect(article.title).toBe('Harbour vote')
    expect(article.body).toBe('# Harbour vote\n\n“Yes,” she said.\n')
  })
})

describe('article text helpers', () => {
  it.each([
    ['Short.\n\nBody', 'Short.'],
    ['\n\n   \n# A heading line\nbody', 'A heading line'],
    ['', 'Untitled article'],
    ['— — —', 'Untitled article'],
  ])('derives a title from %j', (body, title) => {
    expect(deriveTitle(body)).toBe(title)
  })

  it('cuts a very long first line at a word boundary', () => {
    const title = deriveTitle('word '.repeat(200))
    expect(title.length).toBeLessThanOrEqual(201)
    expect(title.endsWith('word…')).toBe(true)
  })

  it.each([
    [' date 2025-04-28 Text', '2025-04-28'],
    ['Date: 2024-02-29\nText', '2024-02-29'],
    ['date 2023-02-29 not a real day', null],
    ['Updated 2025-04-28', null],
  ])('reads a leading date from %j', (body, date) => {
    expect(detectLeadingDate(body)).toBe(date)
  })

  it('counts words the way an editor would', () => {
    expect(countWords('don’t stop, rock ’n’ roll — 18, 17')).toBe(7)
  })
})
