import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'
import { EXPORT_FORMAT, type ExportQuote, type ExportV1 } from '../../shared/schemas/export'
import { frontMatter, renderMarkdown, splitParagraphs } from './markdown'
import { parseMarkdownExport } from './markdown-roundtrip'

const ID = '00000000-0000-4000-8000-000000000000'
const STAMP = '2025-04-28T10:00:00.000Z'

/** A document with quotes ending at the given offsets; the renderer needs nothing else to be real. */
function docOf(body: string, ends: number[], title = 'Title'): ExportV1 {
  const quotes = ends.map((end, i): ExportQuote => ({
    id: ID,
    start: 0,
    end,
    text: body.slice(0, end),
    kind: 'direct',
    isPartial: false,
    speaker: { id: null, name: `Speaker *${i}* [x](y) <b>` },
    speakerConfirmed: false,
    confidence: 1,
    cue: null,
    needsReview: false,
    groupKey: null,
    sourceId: null,
    status: 'verified',
    note: '',
    checkedBy: null,
    checkedAt: null,
    origin: 'analysis',
    createdAt: STAMP,
    updatedAt: STAMP,
    target: {
      source: `urn:uuid:${ID}`,
      selector: [
        { type: 'TextQuoteSelector', exact: body.slice(0, end), prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 0 },
      ],
    },
  }))
  return {
    format: EXPORT_FORMAT,
    exportedAt: STAMP,
    article: { id: ID, title, body, publishedOn: null, status: 'draft', createdAt: STAMP, updatedAt: STAMP },
    speakers: [],
    sources: [],
    quotes,
    redactions: [],
    audit: { entries: 0, firstAt: null, lastAt: null, actions: [] },
  }
}

const META = [
  '*',
  '_',
  '**',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '`',
  '```',
  '|',
  '#',
  '# ',
  '-',
  '- ',
  '+',
  '!',
  '\\',
  '&',
  '&amp;',
  ':',
  '^',
  '~',
  '~~',
  '=',
  '1.',
  '1)',
  '---',
  '***',
  '<script>alert(1)</script>',
  '<!-- x -->',
  '[^q1]',
  '[x]: https://evil.example',
  'https://x.io/a_b',
  'www.example.com',
  'a@b.co',
  '"',
  '“',
  '”',
  '😀',
  'é',
  'e\u0301',
  '\n',
  '\n\n',
  '\n\n\n',
  ' ',
  '  ',
  '    ',
  '\t',
  '\r',
  '\r\n',
  '\u00a0',
  '\u2028',
  '| a | b |\n|---|---|',
]

/** Article text as people paste it, heavy in Markdown and HTML metacharacters. */
const body = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
    fc
      .array(fc.oneof(fc.constantFrom(...META), fc.string({ minLength: 1, maxLength: 6 })), {
        minLength: 1,
        maxLength: 60,
      })
      .map((parts) => parts.join('')),
  )
  .filter((text) => text.trim() !== '' && !text.includes('\u0000') && text.isWellFormed())

/** Quote ends on character boundaries, as the app stores them. */
function endsIn(text: string, picks: number[]): number[] {
  return picks.map((pick) => {
    let end = (pick % text.length) + 1
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++
    return end
  })
}

describe('Markdown export round trip', () => {
  it('parses back (CommonMark + GFM) to the exact body, whatever the text, with a footnote per quote', () => {
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 6 }), (text, picks) => {
        const doc = docOf(text, endsIn(text, picks))
        const parsed = parseMarkdownExport(renderMarkdown(doc, false))
        expect(parsed.text).toBe(text)
        expect(parsed.unexpected).toEqual([])
        expect(parsed.footnotes).toBe(doc.quotes.length)
      }),
      { numRuns: 1500 },
    )
  })

  it.each([
    ['HTML and script', '<script>alert(1)</script> <img src=x onerror=alert(1)>'],
    ['a link definition', '[x]: https://evil.example\n\n[x]'],
    ['emphasis and code', '*x* _y_ **z** `code` ``` fenced'],
    ['a heading and rules', '# h\n\n---\n\n***\n\nSetext\n==='],
    ['a footnote lookalike', 'Text[^q1] and [^q1]: fake definition'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['front matter inside the body', '---\ntitle: injected\n---\nbody'],
    ['lists and quotes', '- item\n1. one\n> quoted'],
    ['whitespace at the edges', '  leading\n\n\n\ntrailing  \n\n'],
    ['a bare URL', 'See https://example.com/a_b_c and www.example.org.'],
    // An email autolink whose address opens with a symbol CommonMark allows there (found by the property above).
    ['an autolink lookalike', 'Mail <^@0> or <+x@y.z> or <a@b>, not <3'],
  ])('keeps %s as text through the app', async (_name, text) => {
    const { handlers } = await makeTestHandlers()
    const article = await handlers['articles:create']({ body: `${text}\n\n“Quoted ${text},” said Jane Smith.` })
    const file = await handlers['export:article']({ articleId: article.id, format: 'md' })
    const parsed = parseMarkdownExport(file.content)
    expect(parsed.text).toBe(article.body)
    expect(parsed.unexpected).toEqual([])
  })

  it('cuts paragraphs so that joining them gives the body back', () => {
    fc.assert(
      fc.property(body, (text) => {
        const pieces = splitParagraphs(text)
        expect(pieces.map((p) => text.slice(p.start, p.end)).join('\n\n')).toBe(text)
        expect(pieces.every((p) => p.end > p.start)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('YAML front matter', () => {
  it.each([
    ['a colon', 'Budget: the vote'],
    ['a hash', '# not a comment'],
    ['a document marker', '---'],
    ['an end marker', '...'],
    ['newlines', 'line one\n---\nline three'],
    ['a leading star', '*alias'],
    ['a leading ampersand', '&anchor'],
    ['a leading bang', '!tag'],
    ['quotes', `"double" and 'single'`],
    ['a YAML 1.1 boolean', 'yes'],
    ['a date', '2025-04-28'],
    ['null', 'null'],
    ['flow characters', '{a: [b]}'],
    ['a tab and a bell', 'tab\there\u0007'],
    ['emoji and a line separator', '😀 \u2028 next'],
  ])('parses back to the same values with %s in the title', (_name, title) => {
    const doc = docOf('Body text', [4], title)
    const markdown = renderMarkdown(doc, false)
    const parsed = parseMarkdownExport(markdown)
    expect(parsed.frontMatter).toEqual(frontMatter(doc, false))
    expect(parsed.text).toBe('Body text')
    // Tools that cut front matter with a "---" line regex must not end it early.
    expect(markdown.split('\n').filter((line) => line === '---')).toHaveLength(2)
  })
})
