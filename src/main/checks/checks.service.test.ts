import { describe, expect, it } from 'vitest'
import { BRIDGE_ARTICLE, BRIDGE_TRANSCRIPT } from '../../../test/fixtures/alignment/bridge-story'
import { makeTestHandlers } from '../../../test/helpers/db'
import type { Handlers } from '../../shared/contract'

const TRANSCRIPT = BRIDGE_TRANSCRIPT
const ARTICLE = BRIDGE_ARTICLE

async function setup(handlers: Handlers) {
  const article = await handlers['articles:create']({ body: ARTICLE })
  const source = await handlers['sources:create']({ kind: 'interview', title: 'Porter interview', body: TRANSCRIPT })
  const quotes = (await handlers['quotes:annotations']({ id: article.id })).quotes
  const byText = (start: string) => {
    const quote = quotes.find((q) => q.text.startsWith(start))
    if (!quote) throw new Error(`no quote starting ${start}`)
    return quote
  }
  return { article, source, byText }
}

describe('checking quotes against sources', () => {
  it('gives exact, altered and not found verdicts with the word diff and the passage in context', async () => {
    const { handlers } = await makeTestHandlers()
    const { source, byText } = await setup(handlers)

    const exact = byText('“This is a great day')
    await handlers['quotes:link-source']({ id: exact.id, sourceId: source.id })
    const exactCheck = await handlers['quotes:check']({ id: exact.id })
    expect(exactCheck).toMatchObject({ verdict: 'exact', sourceTitle: 'Porter interview' })
    expect(exactCheck.passage?.text).toMatch(/^this is a great day for the whole town/i)
    expect(exactCheck.passage?.before).toMatch(/Honestly, $/)

    const altered = byText('“We will watch')
    await handlers['quotes:link-source']({ id: altered.id, sourceId: source.id })
    const alteredCheck = await handlers['quotes:check']({ id: altered.id })
    expect(alteredCheck.verdict).toBe('altered')
    expect(alteredCheck.diff.filter((d) => d.op === 'delete').map((d) => d.text.trim())).toContain('very')

    const missing = byText('“Nobody has ever')
    await handlers['quotes:link-source']({ id: missing.id, sourceId: source.id })
    expect((await handlers['quotes:check']({ id: missing.id })).verdict).toBe('not_found')
  })

  it('keeps the proposal beside the editor’s status and logs link and check in the history', async () => {
    const { handlers } = await makeTestHandlers('fact-checker')
    const { source, byText } = await setup(handlers)
    const quote = byText('“We will watch')
    await handlers['quotes:link-source']({ id: quote.id, sourceId: source.id })
    await handlers['quotes:check']({ id: quote.id })
    const [stored] = await handlers['quotes:list']({ articleId: quote.articleId, status: 'unverified' }).then((qs) =>
      qs.filter((q) => q.id === quote.id),
    )
    expect(stored).toMatchObject({ sourceId: source.id, verdict: 'altered', status: 'unverified' })
    expect(stored?.verdictScore).toBeGreaterThan(0.5)
    const history = await handlers['quotes:history']({ id: quote.id })
    expect(history.map((h) => [h.actor, h.action])).toEqual([
      ['fact-checker', 'source linked'],
      ['fact-checker', 'checked'],
    ])
    // Unlinking clears the verdict, which belonged to that source.
    const unlinked = await handlers['quotes:link-source']({ id: quote.id, sourceId: null })
    expect(unlinked).toMatchObject({ sourceId: null, verdict: null })
  })

  it('asks for a source before checking', async () => {
    const { handlers } = await makeTestHandlers()
    const { byText } = await setup(handlers)
    await expect(handlers['quotes:check']({ id: byText('“This').id })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('suggests the source a quote comes from, and none when no source has it', async () => {
    const { handlers } = await makeTestHandlers()
    const { source, byText } = await setup(handlers)
    await handlers['sources:create']({ kind: 'web', title: 'Ferry timetable', body: 'The ferry leaves at nine.' })
    await handlers['sources:create']({ kind: 'document', title: 'Budget', body: 'The town budget for the bridge.' })
    const suggestion = await handlers['quotes:suggest-source']({ id: byText('“This is a great').id })
    expect(suggestion).toMatchObject({ sourceId: source.id, verdict: 'exact' })
    expect(await handlers['quotes:suggest-source']({ id: byText('“Nobody').id })).toBeNull()
  })

  it('gives the transcript time of the passage for a timed transcript', async () => {
    const { handlers } = await makeTestHandlers()
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:04.000',
      '<v Reporter>What do you want from the new bridge?',
      '',
      '00:01:05.500 --> 00:01:09.000',
      '<v Porter>Honestly, this is a great day for the whole town.',
      '',
    ].join('\n')
    const source = await handlers['sources:import']({
      fileName: 'porter.vtt',
      dataBase64: Buffer.from(vtt).toString('base64'),
    })
    const article = await handlers['articles:create']({
      body: '“This is a great day for the whole town,” Porter said.',
    })
    const [quote] = (await handlers['quotes:annotations']({ id: article.id })).quotes
    if (!quote) throw new Error('expected a quote')
    await handlers['quotes:link-source']({ id: quote.id, sourceId: source.id })
    const check = await handlers['quotes:check']({ id: quote.id })
    expect(check.verdict).toBe('exact')
    expect(check.timestamp).toMatch(/^00:01:05/)
  })
})

describe('name flags', () => {
  it('flags a misspelt known name, fixes it on accept, and keeps quotes on their words', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['entities:create']({ kind: 'work', name: 'Solitaire' })
    const article = await handlers['articles:create']({
      body: 'The Solitare author spoke on Monday.\n\n“It was a long road,” Oseman said.',
    })
    const flags = await handlers['names:flags']({ id: article.id })
    const flag = flags.find((f) => f.text === 'Solitare')
    expect(flag).toMatchObject({ suggestion: 'Solitaire' })
    expect(flag?.reason).toMatch(/Solitaire/)
    if (!flag) return
    const fixed = await handlers['names:accept']({ articleId: article.id, ...flag })
    expect(fixed.body).toMatch(/^The Solitaire author/)
    const [quote] = (await handlers['quotes:annotations']({ id: article.id })).quotes
    expect(quote && fixed.body.slice(quote.start, quote.end)).toBe('“It was a long road,”')
    expect((await handlers['names:flags']({ id: article.id })).some((f) => f.text === 'Solitare')).toBe(false)
  })

  it('remembers a dismissed flag, and refuses to apply a stale one', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['entities:create']({ kind: 'person', name: 'Bel Priestley' })
    const article = await handlers['articles:create']({ body: 'Bel Priestly as Naomi. Priestly will return.' })
    const flag = (await handlers['names:flags']({ id: article.id })).find((f) => f.text === 'Priestly')
    expect(flag?.suggestion).toBe('Priestley')
    if (!flag) return
    await handlers['names:dismiss']({ articleId: article.id, text: flag.text, suggestion: flag.suggestion })
    expect((await handlers['names:flags']({ id: article.id })).some((f) => f.text === 'Priestly')).toBe(false)
    await handlers['articles:update']({ id: article.id, body: `Intro. ${article.body}` })
    await expect(handlers['names:accept']({ articleId: article.id, ...flag })).rejects.toMatchObject({
      code: 'conflict',
    })
  })
})
