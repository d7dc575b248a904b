import { z } from 'zod'
import { Id, IsoDate, LIMITS, safeText } from '../text'
import { ArticleStatus } from './articles'
import { EntityKind } from './entities'
import { QuoteKind, QuoteStatus } from './quotes'
import { SourceKind, Url } from './sources'
import { FileUpload, Timing } from './imports'

/** The only format this version writes and reads; a new major shape gets a new literal and schema file. */
export const EXPORT_FORMAT = 'quotedesk/1'

/** What a redacted confidential source is called in every export. */
export const CONFIDENTIAL_LABEL = 'confidential source'

/** The speaker of a quote from a redacted source when the article's own words do not name them. */
export const WITHHELD_SPEAKER = '(withheld)'

/** Upper bounds for an imported document, so a hostile file cannot make zod or SQLite work without end. */
export const EXPORT_LIMITS = {
  quotes: 50_000,
  speakers: 10_000,
  sources: 10_000,
  aliases: 200,
  actions: 200,
  timings: 1_000_000,
} as const

const Offset = z.number().int().min(0)
const Timestamp = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp' })

export const ExportArticle = z
  .strictObject({
    id: Id,
    title: safeText(LIMITS.title),
    /** The text every offset points into. */
    body: safeText(LIMITS.body),
    publishedOn: IsoDate.nullable(),
    status: ArticleStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ description: 'The article; `body` is the text every offset and selector points into.' })

export const ExportSpeaker = z
  .strictObject({
    id: Id,
    kind: EntityKind,
    name: safeText(LIMITS.name).refine((name) => name.trim() !== '', 'must not be empty'),
    aliases: z
      .array(safeText(LIMITS.name).refine((name) => name.trim() !== '', 'must not be empty'))
      .max(EXPORT_LIMITS.aliases),
  })
  .meta({ description: 'A person or organisation quoted in the article (a library entity).' })

export const PublicSource = z.strictObject({
  id: Id,
  redacted: z.literal(false),
  kind: SourceKind,
  title: safeText(LIMITS.title).refine((title) => title.trim() !== '', 'must not be empty'),
  url: Url.nullable(),
  outlet: safeText(LIMITS.name).nullable(),
  sourceDate: IsoDate.nullable(),
  isConfidential: z.boolean(),
  notes: safeText(LIMITS.note),
  /** The transcript or document text the quotes were checked against. */
  body: safeText(LIMITS.body),
  /** For a timed transcript (.vtt, .srt): when each line was said, as offsets into `body`. */
  timings: z.array(Timing).max(EXPORT_LIMITS.timings),
})

export const RedactedSource = z
  .strictObject({ id: Id, redacted: z.literal(true), label: z.literal(CONFIDENTIAL_LABEL) })
  .meta({ description: 'A confidential source left out of this export: only its id, so quotes still group by source.' })

export const ExportSource = z.discriminatedUnion('redacted', [PublicSource, RedactedSource])
export type ExportSource = z.infer<typeof ExportSource>

export const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: safeText(LIMITS.body),
  prefix: safeText(LIMITS.body),
  suffix: safeText(LIMITS.body),
})

export const TextPositionSelector = z
  .strictObject({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset })
  .meta({ description: 'W3C Web Annotation position, counted in Unicode code points (not UTF-16 units).' })

export const ExportQuote = z
  .strictObject({
    id: Id,
    /** UTF-16 code units into article.body, as JavaScript and the editor count; the span includes the quote marks. */
    start: Offset.meta({ description: 'UTF-16 code-unit offset into article.body (inclusive).' }),
    end: Offset.meta({ description: 'UTF-16 code-unit offset into article.body (exclusive).' }),
    text: safeText(LIMITS.body),
    kind: QuoteKind,
    isPartial: z.boolean(),
    speaker: z
      .strictObject({
        /** One of `speakers[].id`, or null for a name found in the text that is not a library entity. */
        id: Id.nullable(),
        name: safeText(LIMITS.name),
      })
      .nullable()
      .meta({
        description:
          'For a quote citing a redacted source: `id` is null and `name` is the speaker as the article text names ' +
          `them in the quote's attribution, or "${WITHHELD_SPEAKER}".`,
      }),
    speakerConfirmed: z.boolean(),
    confidence: z.number().min(0).max(1),
    cue: z.strictObject({ start: Offset, end: Offset }).nullable(),
    needsReview: z.boolean(),
    /** Shared by the pieces of one quotation; null on a quote citing a redacted source. */
    groupKey: safeText(LIMITS.name).nullable(),
    /** One of `sources[].id`. */
    sourceId: Id.nullable(),
    status: QuoteStatus,
    note: safeText(LIMITS.note),
    checkedBy: safeText(LIMITS.name).nullable(),
    checkedAt: Timestamp.nullable(),
    origin: z.enum(['analysis', 'user']),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** The same span as a W3C Web Annotation target, for annotation tools. */
    target: z.strictObject({
      source: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/, 'must be urn:uuid:<article id>'),
      selector: z.tuple([TextQuoteSelector, TextPositionSelector]),
    }),
  })
  .meta({ description: 'A quotation with its speaker, source and verification status.' })
export type ExportQuote = z.infer<typeof ExportQuote>

export const Redaction = z.strictObject({
  target: z.enum(['source', 'quote-note']),
  /** The source id, or the quote id whose note was left out. */
  id: Id,
  reason: z.literal(CONFIDENTIAL_LABEL),
})
export type Redaction = z.infer<typeof Redaction>

export const AuditSummary = z
  .strictObject({
    entries: z.number().int().min(0),
    firstAt: Timestamp.nullable(),
    lastAt: Timestamp.nullable(),
    actions: z
      .array(z.strictObject({ action: safeText(LIMITS.name), count: z.number().int().min(1) }))
      .max(EXPORT_LIMITS.actions),
  })
  .meta({ description: "Counts from the library's audit trail for the article and its quotes (no details)." })

/**
 * One article as Quotedesk writes it (`quotedesk export --format json`) and reads it back
 * (`quotedesk import file.json`). Published as resources/quotedesk-export-1.schema.json.
 */
export const ExportV1 = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    exportedAt: Timestamp,
    article: ExportArticle,
    speakers: z.array(ExportSpeaker).max(EXPORT_LIMITS.speakers),
    sources: z.array(ExportSource).max(EXPORT_LIMITS.sources),
    quotes: z.array(ExportQuote).max(EXPORT_LIMITS.quotes),
    /** Empty unless confidential material was left out. */
    redactions: z.array(Redaction).max(EXPORT_LIMITS.sources + EXPORT_LIMITS.quotes),
    audit: AuditSummary,
  })
  .meta({
    $id: 'https://quotedesk.app/schema/quotedesk-export-1.schema.json',
    title: 'Quotedesk export, format quotedesk/1',
    description:
      'One article with its quotes, speakers, sources, statuses and an audit summary. Offsets `start`/`end` are ' +
      'UTF-16 code units; `target.selector` repeats each span as W3C Web Annotation selectors, whose ' +
      'TextPositionSelector counts Unicode code points.',
  })
export type ExportV1 = z.infer<typeof ExportV1>

/**
 * Code-point positions of many UTF-16 offsets in one pass over the text (W3C selectors count
 * code points; one slice per quote would make a long article with many quotes quadratic).
 */
export function codePointPositions(body: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].filter((at) => at >= 0 && at <= body.length).sort((a, b) => a - b)
  const positions = new Map<number, number>()
  let unit = 0
  let points = 0
  for (const at of wanted) {
    while (unit < at) {
      const c = body.charCodeAt(unit)
      const isPair = c >= 0xd800 && c <= 0xdbff && unit + 1 < at && isLowSurrogate(body.charCodeAt(unit + 1))
      unit += isPair ? 2 : 1
      points++
    }
    positions.set(at, points)
  }
  return positions
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/** True when `at` falls between the two halves of a surrogate pair. */
export function splitsPair(body: string, at: number): boolean {
  if (at <= 0 || at >= body.length) return false
  const before = body.charCodeAt(at - 1)
  const after = body.charCodeAt(at)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

/**
 * ExportV1 plus the checks JSON Schema cannot state: spans lie inside the body on character
 * boundaries, quoted text and selectors agree with the body, and every reference resolves.
 * Import parses with this; the published schema is the plain ExportV1.
 */
export const ExportV1Checked = ExportV1.superRefine((doc, ctx) => {
  const body = doc.article.body
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  const span = (path: PropertyKey[], start: number, end: number): boolean => {
    const problems: [PropertyKey, string][] = []
    if (end < start) problems.push(['end', 'must not come before start'])
    if (start > body.length) problems.push(['start', `must be at most ${body.length}, the body's length`])
    if (end > body.length) problems.push(['end', `must be at most ${body.length}, the body's length`])
    if (splitsPair(body, start)) problems.push(['start', 'must not fall inside a character (surrogate pair)'])
    if (splitsPair(body, end)) problems.push(['end', 'must not fall inside a character (surrogate pair)'])
    for (const [key, message] of problems) issue([...path, key], message)
    return problems.length === 0
  }
  const speakerIds = new Set<string>()
  doc.speakers.forEach((speaker, i) => {
    if (speakerIds.has(speaker.id)) issue(['speakers', i, 'id'], 'is listed twice')
    speakerIds.add(speaker.id)
  })
  const sourceIds = new Set<string>()
  doc.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) issue(['sources', i, 'id'], 'is listed twice')
    sourceIds.add(source.id)
    if (source.redacted) return
    const bad = source.timings.findIndex((timing) => timing.end > source.body.length)
    if (bad >= 0)
      issue(['sources', i, 'timings', bad, 'end'], `must be at most ${source.body.length}, the body's length`)
  })
  const quoteIds = new Set<string>()
  const codePoints = codePointPositions(
    body,
    doc.quotes.flatMap((quote) => [quote.start, quote.end]),
  )
  doc.quotes.forEach((quote, i) => {
    const at = ['quotes', i]
    if (quoteIds.has(quote.id)) issue([...at, 'id'], 'is listed twice')
    quoteIds.add(quote.id)
    if (quote.end === quote.start) issue([...at, 'end'], 'must end after it starts')
    if (span(at, quote.start, quote.end)) {
      const exact = body.slice(quote.start, quote.end)
      if (quote.text !== exact) issue([...at, 'text'], 'does not match article.body between start and end')
      const [byQuote, byPosition] = quote.target.selector
      if (byQuote.exact !== exact) issue([...at, 'target', 'selector', 0, 'exact'], 'does not match article.body')
      const prefixAt = quote.start - byQuote.prefix.length
      if (prefixAt < 0 || !body.startsWith(byQuote.prefix, prefixAt))
        issue([...at, 'target', 'selector', 0, 'prefix'], 'is not the text before the quote')
      if (!body.startsWith(byQuote.suffix, quote.end))
        issue([...at, 'target', 'selector', 0, 'suffix'], 'is not the text after the quote')
      const cpStart = codePoints.get(quote.start)
      const cpEnd = codePoints.get(quote.end)
      if (byPosition.start !== cpStart || byPosition.end !== cpEnd)
        issue([...at, 'target', 'selector', 1], `must be start ${cpStart}, end ${cpEnd} in code points`)
    }
    if (quote.target.source !== `urn:uuid:${doc.article.id}`)
      issue([...at, 'target', 'source'], 'must name this article')
    if (quote.cue) span([...at, 'cue'], quote.cue.start, quote.cue.end)
    if (quote.speaker?.id && !speakerIds.has(quote.speaker.id)) issue([...at, 'speaker', 'id'], 'is not in speakers')
    if (quote.sourceId && !sourceIds.has(quote.sourceId)) issue([...at, 'sourceId'], 'is not in sources')
  })
  doc.redactions.forEach((redaction, i) => {
    const known = redaction.target === 'source' ? sourceIds : quoteIds
    if (!known.has(redaction.id))
      issue(['redactions', i, 'id'], `is not in ${redaction.target === 'source' ? 'sources' : 'quotes'}`)
  })
})

export const ExportFormat = z.enum(['md', 'json'])
export type ExportFormat = z.infer<typeof ExportFormat>

export const ExportRequest = z.strictObject({
  articleId: Id,
  format: ExportFormat,
  /** Confidential sources are redacted unless the user explicitly asks for them. */
  includeConfidential: z.boolean().optional(),
})
export type ExportRequest = z.infer<typeof ExportRequest>

/** The file to save; the renderer offers it as a download or through the native save dialog. */
export const ExportedFile = z.object({
  /** A safe file name from the article's title (no folders, no reserved names). */
  fileName: z.string(),
  mediaType: z.enum(['text/markdown', 'application/json']),
  content: z.string(),
  redacted: z.boolean(),
})
export type ExportedFile = z.infer<typeof ExportedFile>

/** What the desktop app's save dialog did: `saved` is false when the user cancelled. */
export const SavedExport = z.object({
  saved: z.boolean(),
  /** The name the user chose, never the folder: paths stay in the main process. */
  fileName: z.string().nullable(),
  redacted: z.boolean(),
})
export type SavedExport = z.infer<typeof SavedExport>

export const ImportJsonRequest = FileUpload
export type ImportJsonRequest = z.infer<typeof ImportJsonRequest>

const Counts = z.object({ new: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })

export const ImportSummary = z.object({
  fileName: z.string(),
  articleId: Id,
  title: z.string(),
  article: z.enum(['new', 'updated', 'unchanged']),
  quotes: Counts,
  /** `merged`: speakers matched to an existing entity by name or alias (with a different id). */
  speakers: Counts.extend({ merged: z.number().int() }),
  /** `redacted`: confidential sources the file left out and this library does not have. */
  sources: Counts.extend({ redacted: z.number().int() }),
  /** False when the import changed nothing (e.g. the same file imported twice). */
  changed: z.boolean(),
  notes: z.array(z.string()),
})
export type ImportSummary = z.infer<typeof ImportSummary>
