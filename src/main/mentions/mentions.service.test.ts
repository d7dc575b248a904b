import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'
import { contract } from '../../shared/contract'
import { dispatch } from '../rpc/dispatch'

const BODY = 'The harbour board met on Monday. “We are ready,” said Mara Quill, its chair.'

async function setUp() {
  const { library, handlers } = await makeTestHandlers()
  const article = await handlers['articles:create']({ body: BODY })
  const board = await handlers['entities:create']({ kind: 'organization', name: 'Harbour Board' })
  const span = { start: BODY.indexOf('harbour board'), end: BODY.indexOf('harbour board') + 'harbour board'.length }
  return { library, handlers, article, board, span }
}

async function auditActions(library: Awaited<ReturnType<typeof setUp>>['library'], articleId: string) {
  const rows = await library.db
    .selectFrom('audit_log')
    .select(['action', 'actor', 'detail'])
    .where('subject_type', '=', 'article')
    .where('subject_id', '=', articleId)
    .orderBy('seq')
    .execute()
  return rows.filter((row) => row.action.startsWith('mention'))
}

describe('mentions tagged by hand', () => {
  it('tags words as an entity, with the text from the body, and lists the tag with the annotations', async () => {
    const { library, handlers, article, board, span } = await setUp()
    const mention = await handlers['mentions:create']({ articleId: article.id, entityId: board.id, ...span })
    expect(contract['mentions:create'].output.parse(mention)).toEqual(mention)
    expect(mention).toMatchObject({
      entityId: board.id,
      entityName: 'Harbour Board',
      entityKind: 'organization',
      text: 'harbour board',
      origin: 'user',
      ...span,
    })
    const { mentions } = await handlers['quotes:annotations']({ id: article.id })
    expect(mentions).toContainEqual(mention)
    const audit = await auditActions(library, article.id)
    expect(audit.map((row) => [row.action, row.actor])).toEqual([['mention tagged', 'tester']])
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ mentionId: mention.id, text: 'harbour board' })
  })

  it('removes a tag and records it', async () => {
    const { library, handlers, article, board, span } = await setUp()
    const mention = await handlers['mentions:create']({ articleId: article.id, entityId: board.id, ...span })
    expect(await handlers['mentions:remove']({ id: mention.id })).toBeNull()
    const { mentions } = await handlers['quotes:annotations']({ id: article.id })
    expect(mentions.find((m) => m.id === mention.id)).toBeUndefined()
    expect((await auditActions(library, article.id)).map((row) => row.action)).toEqual([
      'mention tagged',
      'mention removed',
    ])
    const again = await dispatch(handlers, 'mentions:remove', { id: mention.id }, () => {})
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it.each([
    ['past the end', { start: 4, end: BODY.length + 1 }, 'end'],
    ['empty', { start: 4, end: 4 }, 'end'],
    ['backwards', { start: 9, end: 4 }, 'end'],
  ])('rejects a span %s', async (_name, span, path) => {
    const { library, handlers, article, board } = await setUp()
    const reply = await dispatch(handlers, 'mentions:create', { articleId: article.id, entityId: board.id, ...span })
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path }] } })
    expect(await auditActions(library, article.id)).toEqual([])
  })

  it('rejects a span that splits a character, an unknown entity and an unknown article', async () => {
    const { handlers, board } = await setUp()
    const emoji = await handlers['articles:create']({ body: 'Cheers 🎉 from Mara Quill.' })
    const inside = 'Cheers 🎉'.length - 1
    expect(
      await dispatch(handlers, 'mentions:create', { articleId: emoji.id, entityId: board.id, start: 0, end: inside }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'end' }] } })
    const stranger = '00000000-0000-4000-8000-000000000000'
    expect(
      await dispatch(handlers, 'mentions:create', { articleId: emoji.id, entityId: stranger, start: 0, end: 6 }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(
      await dispatch(handlers, 'mentions:create', { articleId: stranger, entityId: board.id, start: 0, end: 6 }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('keeps a tag through re-analysis, following its words, and drops it only when they are gone', async () => {
    const { handlers, article, board, span } = await setUp()
    const mention = await handlers['mentions:create']({ articleId: article.id, entityId: board.id, ...span })

    const moved = `Late news. ${BODY}`
    await handlers['articles:update']({ id: article.id, body: moved })
    const after = (await handlers['quotes:annotations']({ id: article.id })).mentions.find((m) => m.id === mention.id)
    expect(after).toMatchObject({ origin: 'user', entityId: board.id, text: 'harbour board' })
    expect(moved.slice(after?.start, after?.end)).toBe('harbour board')
    expect(after?.start).toBe(span.start + 'Late news. '.length)

    await handlers['quotes:analyze']({ id: article.id })
    const analysed = (await handlers['quotes:annotations']({ id: article.id })).mentions
    expect(analysed.filter((m) => m.id === mention.id)).toHaveLength(1)

    await handlers['articles:update']({ id: article.id, body: moved.replace('harbour board', 'port authority') })
    const gone = (await handlers['quotes:annotations']({ id: article.id })).mentions
    expect(gone.find((m) => m.id === mention.id)).toBeUndefined()
  })
})

describe('removing a tag the analyser made', () => {
  it('keeps it removed through an edit and a fresh analysis', async () => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:create']({
      body: 'Mayor Jane Porter opened the bridge.\n\n“It is a great day,” Porter said.',
    })
    const before = (await handlers['quotes:annotations']({ id: article.id })).mentions
    const tag = before.find((m) => m.origin === 'analysis' && m.text === 'Porter')
    if (!tag) throw new Error('expected the analyser to tag Porter')
    await handlers['mentions:remove']({ id: tag.id })
    await handlers['articles:update']({ id: article.id, body: `Updated.\n\n${article.body}` })
    await handlers['quotes:analyze']({ id: article.id })
    const after = (await handlers['quotes:annotations']({ id: article.id })).mentions
    expect(after.some((m) => m.text === 'Porter' && m.start > article.body.indexOf('“'))).toBe(false)
    // The other mention of her is untouched.
    expect(after.some((m) => m.text.includes('Jane Porter'))).toBe(true)
    await expect(handlers['mentions:remove']({ id: tag.id })).rejects.toMatchObject({ code: 'not_found' })
  })
})
