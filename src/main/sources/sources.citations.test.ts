import { describe, expect, it } from 'vitest'
import { BRIDGE_ARTICLE, BRIDGE_TRANSCRIPT } from '../../../test/fixtures/alignment/bridge-story'
import { makeTestHandlers } from '../../../test/helpers/db'
import { contract } from '../../shared/contract'

const TRANSCRIPT = BRIDGE_TRANSCRIPT
const ARTICLE = BRIDGE_ARTICLE

const VTT = [
  'WEBVTT Harbour call',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Reporter>Will the harbour close?',
  '',
  '00:00:05.500 --> 00:00:09.000',
  '<v Harbour Master>Not this year, and not while I am here.',
  '',
].join('\n')

describe('sources:citations', () => {
  it('gives each linked quote’s article, status, verdict and the passage where it sits in the source', async () => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:create']({ title: 'Bridge opens', body: ARTICLE })
    const source = await handlers['sources:create']({ kind: 'interview', title: 'Porter interview', body: TRANSCRIPT })
    const other = await handlers['sources:create']({ kind: 'web', title: 'Other', body: 'Nothing here.' })
    const quotes = (await handlers['quotes:annotations']({ id: article.id })).quotes
    const byText = (start: string) => quotes.find((q) => q.text.startsWith(start))!
    const exact = byText('“This is a great day')
    const altered = byText('“We will watch')
    const missing = byText('“Nobody has ever')
    for (const quote of [exact, altered, missing]) {
      await handlers['quotes:link-source']({ id: quote.id, sourceId: source.id })
    }
    await handlers['quotes:check']({ id: altered.id })
    await handlers['quotes:set-status']({ id: exact.id, status: 'verified' })
    await handlers['quotes:link-source']({ id: byText('“Nobody').id, sourceId: other.id })
    await handlers['quotes:link-source']({ id: missing.id, sourceId: source.id })

    const citations = await handlers['sources:citations']({ id: source.id })
    expect(contract['sources:citations'].output.parse(citations)).toEqual(citations)
    expect(citations.map((c) => c.quoteId)).toEqual([exact.id, altered.id, missing.id])
    const [first, second, third] = citations
    expect(first).toMatchObject({
      articleId: article.id,
      articleTitle: 'Bridge opens',
      status: 'verified',
      verdict: null,
    })
    expect(first?.match?.verdict).toBe('exact')
    expect(TRANSCRIPT.slice(first!.match!.start, first!.match!.end)).toMatch(/^this is a great day for the whole town/)
    expect(second).toMatchObject({ verdict: 'altered', match: { verdict: 'altered' } })
    expect(TRANSCRIPT.slice(second!.match!.start, second!.match!.end)).toMatch(/^We will watch the costs very closely/)
    expect(third).toMatchObject({ match: null })
    // Nothing is recorded by looking.
    expect((await handlers['quotes:history']({ id: exact.id })).map((h) => h.action)).not.toContain('checked')
    expect(await handlers['sources:citations']({ id: other.id })).toEqual([])
  })

  it('gives a timed transcript’s passage its time', async () => {
    const { handlers } = await makeTestHandlers()
    const source = await handlers['sources:import']({
      fileName: 'harbour.vtt',
      dataBase64: Buffer.from(VTT).toString('base64'),
    })
    const article = await handlers['articles:create']({
      body: 'The harbour stays open. “Not this year, and not while I am here,” the harbour master said.',
    })
    const [quote] = (await handlers['quotes:annotations']({ id: article.id })).quotes
    await handlers['quotes:link-source']({ id: quote!.id, sourceId: source.id })
    const [citation] = await handlers['sources:citations']({ id: source.id })
    expect(citation?.match).toMatchObject({ verdict: 'exact', timestamp: '00:00:05.500' })
    expect(source.body.slice(citation!.match!.start, citation!.match!.end)).toContain('Not this year')
  })

  it('says when the source is missing', async () => {
    const { handlers } = await makeTestHandlers()
    await expect(handlers['sources:citations']({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'not_found',
    })
  })
})
