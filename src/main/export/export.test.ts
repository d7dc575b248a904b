import fs from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { exportSchemaText, SCHEMA_FILE } from '../../../scripts/gen-schema'
import { makeTestHandlers } from '../../../test/helpers/db'
import { contract } from '../../shared/contract'
import { ExportV1, type ExportV1 as ExportDoc } from '../../shared/schemas/export'
import { dispatch } from '../rpc/dispatch'
import { parseMarkdownExport } from './markdown-roundtrip'
import { dumpLibrary, seedAnonymousSpeakers, seedArticle } from './testing'

const quiet = () => {}

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  // ajv-formats is not a dependency; these three are all the schema uses.
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/)
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)))
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object)
}

async function exportVia(handlers: Awaited<ReturnType<typeof makeTestHandlers>>['handlers'], input: unknown) {
  const reply = await dispatch(handlers, 'export:article', input, quiet)
  if (!reply.ok) throw new Error(reply.error.message)
  return contract['export:article'].output.parse(reply.value)
}

/** What must survive a round trip: everything but local timestamps and library-internal keys. */
function essence(doc: ExportDoc) {
  return {
    article: doc.article,
    speakers: doc.speakers.map((s) => ({ ...s, aliases: [...s.aliases].sort() })),
    sources: doc.sources,
    quotes: doc.quotes.map(({ updatedAt: _u, ...q }) => q),
  }
}

describe('JSON export (quotedesk/1)', () => {
  it('the checked-in JSON Schema is what scripts/gen-schema.ts generates (run it after changing the format)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await exportSchemaText())
  })

  it('validates against the shipped JSON Schema with ajv (draft 2020-12), redacted and not', async () => {
    const { library, handlers } = await makeTestHandlers()
    const seeded = await seedArticle(library, handlers)
    const validate = validator()
    for (const includeConfidential of [false, true]) {
      const file = await exportVia(handlers, { articleId: seeded.articleId, format: 'json', includeConfidential })
      const doc: unknown = JSON.parse(file.content)
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true)
      expect(file).toMatchObject({ mediaType: 'application/json', redacted: !includeConfidential })
      expect(file.fileName).toBe('Harbour plan wins the vote.json')
    }
    // The schema is not a rubber stamp: a wrong version and an extra key are refused.
    const good = JSON.parse((await exportVia(handlers, { articleId: seeded.articleId, format: 'json' })).content)
    expect(validate({ ...good, format: 'quotedesk/2' })).toBe(false)
    expect(validate({ ...good, extra: 1 })).toBe(false)
  })

  it('gives UTF-16 offsets and W3C selectors with code-point positions', async () => {
    const { handlers } = await makeTestHandlers()
    const body = 'Emoji first 😀😀 then\n\n“Quoted 😀 words,” said Jane Smith.'
    const article = await handlers['articles:create']({ body })
    const file = await exportVia(handlers, { articleId: article.id, format: 'json' })
    const doc = ExportV1.parse(JSON.parse(file.content))
    const quote = doc.quotes[0]
    if (!quote) throw new Error('no quote found')
    expect(body.slice(quote.start, quote.end)).toBe('“Quoted 😀 words,”')
    const [byQuote, byPosition] = quote.target.selector
    expect(byQuote).toMatchObject({ type: 'TextQuoteSelector', exact: '“Quoted 😀 words,”' })
    expect(body.endsWith(byQuote.suffix, body.length) || body.includes(byQuote.prefix + byQuote.exact)).toBe(true)
    const codePoints = [...body]
    expect(byPosition).toEqual({
      type: 'TextPositionSelector',
      start: [...body.slice(0, quote.start)].length,
      end: [...body.slice(0, quote.end)].length,
    })
    expect(codePoints.slice(byPosition.start, byPosition.end).join('')).toBe(byQuote.exact)
    expect(byPosition.start).toBe(quote.start - 2) // two emoji before it, one UTF-16 unit more each
    expect(quote.target.source).toBe(`urn:uuid:${article.id}`)
  })

  it('round-trips into a fresh library: same quotes, speakers, sources and statuses', async () => {
    const a = await makeTestHandlers()
    const seeded = await seedArticle(a.library, a.handlers)
    const first = await exportVia(a.handlers, {
      articleId: seeded.articleId,
      format: 'json',
      includeConfidential: true,
    })

    const b = await makeTestHandlers()
    const reply = await dispatch(
      b.handlers,
      'import:json',
      { fileName: first.fileName, dataBase64: Buffer.from(first.content).toString('base64') },
      quiet,
    )
    if (!reply.ok) throw new Error(reply.error.message)
    const summary = contract['import:json'].output.parse(reply.value)
    expect(summary).toMatchObject({ article: 'new', changed: true, quotes: { new: 3 }, sources: { new: 2 } })

    const second = await exportVia(b.handlers, {
      articleId: seeded.articleId,
      format: 'json',
      includeConfidential: true,
    })
    const before = ExportV1.parse(JSON.parse(first.content))
    const after = ExportV1.parse(JSON.parse(second.content))
    expect(essence(after)).toEqual(essence(before))
    expect(after.quotes.map((q) => q.status)).toEqual(['verified', 'disputed', 'unverified'])
    // The app's own channels see the imported data too.
    const listed = await b.handlers['quotes:list']({ articleId: seeded.articleId })
    expect(listed.map((q) => [q.speaker?.name, q.status, q.note])).toEqual(
      before.quotes.map((q) => [q.speaker?.name, q.status, q.note]),
    )
    expect((await b.handlers['sources:get']({ id: seeded.confidentialSourceId })).isConfidential).toBe(true)
  })

  it('is idempotent: importing the same file twice changes nothing and reports 0 new', async () => {
    const a = await makeTestHandlers()
    const seeded = await seedArticle(a.library, a.handlers)
    const file = await exportVia(a.handlers, { articleId: seeded.articleId, format: 'json', includeConfidential: true })
    const upload = { fileName: file.fileName, dataBase64: Buffer.from(file.content).toString('base64') }
    const b = await makeTestHandlers()
    await b.handlers['import:json'](upload)
    const dump = await dumpLibrary(b.library)
    const again = await b.handlers['import:json'](upload)
    expect(again).toMatchObject({
      article: 'unchanged',
      changed: false,
      quotes: { new: 0, updated: 0 },
      speakers: { new: 0, updated: 0 },
      sources: { new: 0, updated: 0 },
    })
    expect(await dumpLibrary(b.library)).toEqual(dump)
    // Re-importing into the library it came from is a no-op as well.
    const home = await dumpLibrary(a.library)
    expect(await a.handlers['import:json'](upload)).toMatchObject({ changed: false, quotes: { new: 0 } })
    expect(await dumpLibrary(a.library)).toEqual(home)
  })

  it('never declassifies: an older export re-imported leaves a source confidential and out of exports', async () => {
    const { library, handlers } = await makeTestHandlers()
    const seeded = await seedArticle(library, handlers)
    const old = await exportVia(handlers, { articleId: seeded.articleId, format: 'json', includeConfidential: true })
    // After the export, the editor marks the public source confidential.
    await handlers['sources:update']({ id: seeded.publicSourceId, isConfidential: true })
    const upload = { fileName: old.fileName, dataBase64: Buffer.from(old.content).toString('base64') }
    const summary = await handlers['import:json'](upload)
    expect(summary.notes).toContain('1 source is confidential in this library but not in the file: kept confidential')
    expect((await handlers['sources:get']({ id: seeded.publicSourceId })).isConfidential).toBe(true)
    const next = await exportVia(handlers, { articleId: seeded.articleId, format: 'json' })
    expect(next.content).not.toContain('Council minutes')
    expect(next.content).not.toContain('Public record')
    expect(next.content).not.toContain('We will finish the harbour by 2027.')
  })

  it('a redacted export never overwrites the speakers it withheld, and names no one the text does not', async () => {
    const a = await makeTestHandlers()
    const seeded = await seedAnonymousSpeakers(a.library, a.handlers)
    const file = await exportVia(a.handlers, { articleId: seeded.articleId, format: 'json' })
    const upload = { fileName: file.fileName, dataBase64: Buffer.from(file.content).toString('base64') }
    // Back into the library it came from: the withheld speakers stay who the library says they are.
    const home = await dumpLibrary(a.library)
    expect(await a.handlers['import:json'](upload)).toMatchObject({ changed: false, quotes: { unchanged: 4 } })
    expect(await dumpLibrary(a.library)).toEqual(home)

    // Into another library: the article's own words, or no speaker at all.
    const b = await makeTestHandlers()
    await b.handlers['import:json'](upload)
    const quotes = await b.handlers['quotes:list']({ articleId: seeded.articleId })
    expect(quotes.map((q) => q.speaker)).toEqual([
      { entityId: null, name: 'a senior council official' },
      { entityId: seeded.mayor.entityId, name: 'Ann Lee' },
      { entityId: null, name: 'a person close to the mayor' },
      null,
    ])
    expect((await b.handlers['entities:list']({})).map((e) => [e.name, e.aliases])).toEqual([['Ann Lee', []]])
  })

  it('applies a colleague’s verification to the same article (upsert by id)', async () => {
    const a = await makeTestHandlers()
    const seeded = await seedArticle(a.library, a.handlers)
    const file = await exportVia(a.handlers, { articleId: seeded.articleId, format: 'json', includeConfidential: true })
    const doc = ExportV1.parse(JSON.parse(file.content))
    const third = doc.quotes[2]
    if (!third) throw new Error('expected three quotes')
    third.status = 'verified'
    third.note = 'Checked by phone'
    const summary = await a.handlers['import:json']({
      fileName: 'x.json',
      dataBase64: Buffer.from(JSON.stringify(doc)).toString('base64'),
    })
    expect(summary).toMatchObject({ quotes: { new: 0, updated: 1, unchanged: 2 }, changed: true })
    const quote = (await a.handlers['quotes:list']({ articleId: seeded.articleId })).find((q) => q.id === third.id)
    expect(quote).toMatchObject({ status: 'verified', note: 'Checked by phone' })
  })

  it('merges speakers with existing entities by name or alias', async () => {
    const a = await makeTestHandlers()
    const seeded = await seedArticle(a.library, a.handlers)
    const file = await exportVia(a.handlers, { articleId: seeded.articleId, format: 'json' })
    const doc = ExportV1.parse(JSON.parse(file.content))
    const jane = doc.speakers.find((s) => s.name === 'Jane Smith')
    if (!jane) throw new Error('Jane Smith not exported')

    const b = await makeTestHandlers()
    const existing = await b.handlers['entities:create']({ kind: 'person', name: 'J. Smith', aliases: ['Jane Smith'] })
    const summary = await b.handlers['import:json']({
      fileName: file.fileName,
      dataBase64: Buffer.from(file.content).toString('base64'),
    })
    expect(summary.speakers.merged).toBe(1)
    const quotes = await b.handlers['quotes:list']({ articleId: seeded.articleId })
    const janeQuotes = quotes.filter((q) => q.speaker?.name === 'J. Smith')
    expect(janeQuotes.length).toBeGreaterThan(0)
    expect(janeQuotes.every((q) => q.speaker?.entityId === existing.id)).toBe(true)
    expect((await b.handlers['entities:list']({})).filter((e) => e.name.includes('Smith'))).toHaveLength(1)
  })

  it('imports nothing when any part fails (one transaction)', async () => {
    const a = await makeTestHandlers()
    const seeded = await seedArticle(a.library, a.handlers)
    const file = await exportVia(a.handlers, { articleId: seeded.articleId, format: 'json', includeConfidential: true })
    const other = await a.handlers['articles:create']({ body: 'Another\n\n“Something else,” Bob Jones said.' })
    const [otherQuote] = await a.handlers['quotes:list']({ articleId: other.id })
    if (!otherQuote) throw new Error('no quote in the other article')

    const b = await makeTestHandlers()
    const otherFile = await exportVia(a.handlers, { articleId: other.id, format: 'json' })
    await b.handlers['import:json']({
      fileName: 'o.json',
      dataBase64: Buffer.from(otherFile.content).toString('base64'),
    })
    const before = await dumpLibrary(b.library)
    // The last quote reuses an id that belongs to a different article in library b: speakers, sources
    // and the article are written first, then the clash aborts the whole import.
    const doc = ExportV1.parse(JSON.parse(file.content))
    const last = doc.quotes.at(-1)
    if (!last) throw new Error('no quotes')
    last.id = otherQuote.id
    const reply = await dispatch(
      b.handlers,
      'import:json',
      { fileName: 'clash.json', dataBase64: Buffer.from(JSON.stringify(doc)).toString('base64') },
      quiet,
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await dumpLibrary(b.library)).toEqual(before)
  })
})

describe('Markdown export', () => {
  it('has front matter, the body, and a footnote per quote naming speaker, source and status', async () => {
    const { library, handlers } = await makeTestHandlers()
    const seeded = await seedArticle(library, handlers)
    const file = await exportVia(handlers, { articleId: seeded.articleId, format: 'md', includeConfidential: false })
    expect(file).toMatchObject({
      fileName: 'Harbour plan wins the vote.md',
      mediaType: 'text/markdown',
      redacted: true,
    })
    const parsed = parseMarkdownExport(file.content)
    const article = await handlers['articles:get']({ id: seeded.articleId })
    expect(parsed.text).toBe(article.body)
    expect(parsed.unexpected).toEqual([])
    expect(parsed.footnotes).toBe(3)
    expect(parsed.frontMatter).toEqual({
      'quotedesk-article': seeded.articleId,
      title: 'Harbour plan wins the vote',
      date: '2025-04-28',
      status: 'draft',
      speakers: ['Jane Smith', 'Bob Jones'],
      sources: [
        {
          title: 'Council minutes',
          outlet: 'Harbour Gazette',
          date: '2025-04-27',
          url: 'https://example.org/minutes?a=1&b=2',
        },
        { title: 'confidential source', redacted: true },
      ],
      redacted: true,
    })
    expect(file.content).toContain(
      '[^q1]: Speaker: Jane Smith. Source: Council minutes, Harbour Gazette, 2025-04-27, <https://example.org/minutes?a=1&b=2>. Status: verified.',
    )
    expect(file.content).toContain('[^q2]: Speaker: Bob Jones. Source: confidential source. Status: disputed.')
    expect(file.content).toMatch(/\[\^q3]: Speaker: (Jane )?Smith\. Source: none recorded\. Status: not yet verified\./)
  })
})
