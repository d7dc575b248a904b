import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'
import { dispatch } from '../rpc/dispatch'

const STORY = [
  'Mayor Jane Porter opened the new harbour bridge on Monday.',
  '“This is a great day for the whole town,” Porter said.',
  'Council leader Tom Reyes was less sure. “We will watch the costs closely,” he said.',
].join('\n\n')

describe('quotes stored with an article', () => {
  it('finds quotes and speakers on import and stores the people as entities with their mentions', async () => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:create']({ body: STORY })
    const { quotes, mentions } = await handlers['quotes:annotations']({ id: article.id })
    expect(quotes.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['“This is a great day for the whole town,”', 'Jane Porter'],
      ['“We will watch the costs closely,”', 'Tom Reyes'],
    ])
    for (const quote of quotes) {
      expect(article.body.slice(quote.start, quote.end)).toBe(quote.text)
      expect(quote).toMatchObject({ origin: 'analysis', status: 'unverified', anchor: 'ok' })
    }
    const porter = (await handlers['entities:list']({ query: 'Jane Porter' }))[0]
    expect(porter).toMatchObject({ kind: 'person', name: 'Jane Porter' })
    expect(porter?.aliases).toContain('Porter')
    expect(mentions.filter((m) => m.entityId === porter?.id).map((m) => m.text)).toEqual(['Jane Porter', 'Porter'])
  })

  it('keeps a confirmed speaker, a removed false quote and a hand-marked quote through an edit', async () => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:create']({ body: STORY })
    const [first, second] = (await handlers['quotes:annotations']({ id: article.id })).quotes
    if (!first || !second) throw new Error('expected two quotes')
    const spokesperson = await handlers['entities:create']({ kind: 'person', name: 'Ana Lima' })
    await handlers['quotes:set-speaker']({ id: first.id, entityId: spokesperson.id })
    await handlers['quotes:remove']({ id: second.id })
    const missedAt = article.body.indexOf('opened the new harbour bridge')
    const missed = await handlers['quotes:create']({
      articleId: article.id,
      start: missedAt,
      end: missedAt + 'opened the new harbour bridge'.length,
    })

    // The journalist adds a paragraph at the top: every offset moves.
    const edited = await handlers['articles:update']({ id: article.id, body: `Updated at noon.\n\n${article.body}` })
    const quotes = (await handlers['quotes:annotations']({ id: edited.id })).quotes
    const kept = quotes.find((q) => q.id === first.id)
    expect(kept?.speaker).toEqual({ entityId: spokesperson.id, name: 'Ana Lima' })
    expect(kept?.speakerConfirmed).toBe(true)
    expect(quotes.some((q) => q.text === second.text)).toBe(false)
    const hand = quotes.find((q) => q.id === missed.id)
    expect(hand && edited.body.slice(hand.start, hand.end)).toBe('opened the new harbour bridge')
    for (const quote of quotes) expect(edited.body.slice(quote.start, quote.end)).toBe(quote.text)

    // Asking for a fresh analysis keeps them too.
    const again = (await handlers['quotes:analyze']({ id: article.id })).quotes
    expect(again.find((q) => q.id === first.id)?.speaker?.name).toBe('Ana Lima')
    expect(again.some((q) => q.text === second.text)).toBe(false)
    expect(again.some((q) => q.id === missed.id)).toBe(true)
  })

  it('lists a quote whose words were deleted outside the editor as lost instead of dropping it', async () => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:create']({ body: STORY })
    const quote = (await handlers['quotes:annotations']({ id: article.id })).quotes[0]
    if (!quote) throw new Error('expected a quote')
    await handlers['quotes:set-status']({ id: quote.id, status: 'verified', note: 'Matches the recording' })
    await handlers['articles:update']({ id: article.id, body: article.body.replace(quote.text, '') })
    const lost = (await handlers['quotes:list']({ articleId: article.id })).find((q) => q.id === quote.id)
    expect(lost).toMatchObject({ anchor: 'lost', status: 'verified', note: 'Matches the recording' })
  })

  it('records every status change with who and when, as the quote’s history', async () => {
    const { handlers } = await makeTestHandlers('desk-editor')
    const article = await handlers['articles:create']({ body: STORY })
    const quote = (await handlers['quotes:annotations']({ id: article.id })).quotes[0]
    if (!quote) throw new Error('expected a quote')
    const checked = await handlers['quotes:set-status']({ id: quote.id, status: 'disputed', note: 'Porter denies it' })
    expect(checked).toMatchObject({ status: 'disputed', note: 'Porter denies it', checkedBy: 'desk-editor' })
    expect(checked.checkedAt).not.toBeNull()
    await handlers['quotes:set-status']({ id: quote.id, status: 'verified' })
    const history = await handlers['quotes:history']({ id: quote.id })
    expect(history.map((h) => [h.actor, h.action, h.detail.from, h.detail.to])).toEqual([
      ['desk-editor', 'status set', 'unverified', 'disputed'],
      ['desk-editor', 'status set', 'disputed', 'verified'],
    ])
    expect((await handlers['quotes:list']({ articleId: article.id, status: 'verified' })).map((q) => q.id)).toEqual([
      quote.id,
    ])
  })

  it('refuses a hand-marked span outside the article or inside a character', async () => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:create']({ body: 'He said “😀 yes” loudly.' })
    const beyond = await dispatch(handlers, 'quotes:create', { articleId: article.id, start: 0, end: 999 }, () => {})
    expect(beyond).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'end' }] } })
    const emoji = article.body.indexOf('😀')
    const split = await dispatch(
      handlers,
      'quotes:create',
      { articleId: article.id, start: emoji + 1, end: emoji + 4 },
      () => {},
    )
    expect(split).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'start' }] } })
    const backwards = await dispatch(handlers, 'quotes:create', { articleId: article.id, start: 5, end: 2 }, () => {})
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'end' }] } })
  })

  it('matches people already in the library, including by alias, before creating new ones', async () => {
    const { handlers } = await makeTestHandlers()
    const porter = await handlers['entities:create']({ kind: 'person', name: 'Jane Porter', aliases: ['Porter'] })
    const article = await handlers['articles:create']({ body: '“The bridge is open,” Porter said.' })
    const [quote] = (await handlers['quotes:annotations']({ id: article.id })).quotes
    expect(quote?.speaker).toEqual({ entityId: porter.id, name: 'Jane Porter' })
    expect(await handlers['entities:list']({ query: 'Porter' })).toHaveLength(1)
  })
})
