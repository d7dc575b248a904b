import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'
import { parseSnippet } from './library.service'
import { toFtsQuery } from './search.repo'

describe('library search', () => {
  it('finds articles, quotes and sources, best first, with highlight ranges instead of HTML', async () => {
    const { handlers } = await makeTestHandlers()
    // The analyser stores the quote with the article.
    const article = await handlers['articles:create']({
      title: 'Harbour plan',
      body: 'The council met.\n\n“The harbour is a forever love,” the mayor said.',
    })
    await handlers['sources:create']({
      kind: 'interview',
      title: 'Mayor call',
      body: 'I said the harbour is a forever love.',
    })
    await handlers['articles:create']({ title: 'Unrelated', body: 'Football results.' })

    const { hits } = await handlers['library:search']({ query: 'forever love' })
    expect(hits.map((h) => h.kind).sort()).toEqual(['article', 'quote', 'source'])
    const quote = hits.find((h) => h.kind === 'quote')
    expect(quote).toMatchObject({ articleId: article.id, title: 'Harbour plan' })
    for (const hit of hits) {
      const marked = hit.snippet.highlights.map(([s, e]) => hit.snippet.text.slice(s, e).toLowerCase())
      expect(marked).toEqual(['forever', 'love'])
    }
  })

  it('matches the last word as a prefix, so results come as you type', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['articles:create']({ title: 'Solitaire', body: 'A novel by Alice Oseman.' })
    expect((await handlers['library:search']({ query: 'alice ose' })).hits).toHaveLength(1)
    expect((await handlers['library:search']({ query: 'ose alice' })).hits).toHaveLength(0)
  })

  it('treats FTS syntax in what the user typed as plain words', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['articles:create']({ title: 'Quotes', body: 'He said "NEAR" and OR twice.' })
    for (const query of ['"', 'NEAR(', 'title:x', '*', 'a AND', '-x', '^']) {
      // A query made only of syntax finds nothing rather than failing; one with a word finds it.
      const { hits } = await handlers['library:search']({ query })
      expect(Array.isArray(hits), query).toBe(true)
    }
    expect((await handlers['library:search']({ query: 'NEAR OR' })).hits).toHaveLength(1)
  })

  it('ignores accents and case', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['sources:create']({ kind: 'web', title: 'Café society', body: 'Crème brûlée' })
    expect((await handlers['library:search']({ query: 'cafe CREME' })).hits).toHaveLength(1)
  })

  it('narrows to the kinds asked for', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['articles:create']({ title: 'Harbour', body: 'harbour' })
    await handlers['sources:create']({ kind: 'web', title: 'Harbour', body: 'harbour' })
    const { hits } = await handlers['library:search']({ query: 'harbour', kinds: ['source'] })
    expect(hits.map((h) => h.kind)).toEqual(['source'])
  })
})

describe('search helpers', () => {
  it.each([
    ['forever love', '"forever" "love"*'],
    ['  "quoted"  ', '"quoted"*'],
    ['don’t', '"don" "t"*'],
    ['***', null],
  ])('turns %j into the FTS query %j', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected)
  })

  it('parses marked snippets into text and ranges', () => {
    expect(parseSnippet('a \uE000b\uE001 c \uE000dd\uE001')).toEqual({
      text: 'a b c dd',
      highlights: [
        [2, 3],
        [6, 8],
      ],
    })
  })
})
