import type { Kysely } from 'kysely'
import { z } from 'zod'
import { QuotedeskError } from '../../shared/errors'
import { Timing } from '../../shared/schemas/imports'
import {
  CONFIDENTIAL_LABEL,
  EXPORT_FORMAT,
  ExportV1Checked,
  WITHHELD_SPEAKER,
  codePointPositions,
  splitsPair,
  type ExportQuote,
  type ExportSource,
  type ExportV1,
  type Redaction,
} from '../../shared/schemas/export'
import { findArticle } from '../articles/articles.repo'
import type { Database, QuoteRow, SourceRow } from '../db/schema'
import { aliasesOf } from '../entities/entities.repo'
import { quotesOf } from '../quotes/quotes.repo'
import * as repo from './export.repo'
import { speakersNamedInText } from './text-speakers'

/** Context kept in each TextQuoteSelector, in UTF-16 units (the same width the app stores). */
const SELECTOR_CONTEXT = 32

export interface BuildOptions {
  includeConfidential?: boolean | undefined
  /** For reproducible tests; defaults to the current time. */
  exportedAt?: string | undefined
}

export interface BuiltExport {
  doc: ExportV1
  /** True when anything confidential was left out. */
  isRedacted: boolean
}

/** Text around a span, cut so it never starts or ends inside a surrogate pair. */
function selectorContext(body: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = Math.max(0, start - SELECTOR_CONTEXT)
  if (splitsPair(body, from)) from++
  let to = Math.min(body.length, end + SELECTOR_CONTEXT)
  if (splitsPair(body, to)) to--
  return { prefix: body.slice(from, start), suffix: body.slice(end, to) }
}

/** Quotes that are still where they claim to be; removed and lost ones are not part of an export. */
function isExportable(row: QuoteRow, body: string): boolean {
  return (
    row.is_removed === 0 &&
    row.anchor === 'ok' &&
    row.end_offset > row.start_offset &&
    row.end_offset <= body.length &&
    !splitsPair(body, row.start_offset) &&
    !splitsPair(body, row.end_offset) &&
    body.slice(row.start_offset, row.end_offset) === row.text
  )
}

function toExportSource(row: SourceRow, includeConfidential: boolean): ExportSource {
  if (row.is_confidential === 1 && !includeConfidential) {
    return { id: row.id, redacted: true, label: CONFIDENTIAL_LABEL }
  }
  return {
    id: row.id,
    redacted: false,
    kind: row.kind,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    sourceDate: row.source_date,
    isConfidential: row.is_confidential === 1,
    notes: row.notes,
    body: row.body,
    timings: parseTimings(row.timings),
  }
}

function parseTimings(json: string): Timing[] {
  const parsed = z.array(Timing).safeParse(JSON.parse(json))
  return parsed.success ? parsed.data : []
}

/**
 * Reads one article with everything an export carries and applies the redaction rule once, so the
 * Markdown and JSON renderers never see a confidential source unless the user asked for it.
 */
export async function buildExport(
  db: Kysely<Database>,
  articleId: string,
  options: BuildOptions = {},
): Promise<BuiltExport> {
  const includeConfidential = options.includeConfidential === true
  const article = await findArticle(db, articleId)
  if (!article) throw new QuotedeskError('not_found', `No article with id ${articleId}`)
  const body = article.body
  const rows = (await quotesOf(db, articleId)).filter((row) => isExportable(row, body))

  const sourceIds = [...new Set(rows.flatMap((row) => (row.source_id ? [row.source_id] : [])))]
  const sources = new Map((await repo.sourcesByIds(db, sourceIds)).map((row) => [row.id, row]))

  const redactions: Redaction[] = []
  const exportSources = sourceIds.flatMap((id) => {
    const row = sources.get(id)
    if (!row) return []
    const source = toExportSource(row, includeConfidential)
    if (source.redacted) redactions.push({ target: 'source', id, reason: CONFIDENTIAL_LABEL })
    return [source]
  })
  const redactedSources = new Set(redactions.map((r) => r.id))
  const isFromRedacted = (row: QuoteRow) => row.source_id !== null && redactedSources.has(row.source_id)

  // A quote from a redacted source is tied to no one the library knows: its speaker is what the
  // article's own words name in its cue, and no entity id links it. Its entity is listed only for
  // quotes on the record. Aliases are library-only names (one could be "a senior official"), so they
  // go from every speaker: one entity without them would single out who spoke off the record.
  const redactedRows = rows.filter(isFromRedacted)
  const namedInText = speakersNamedInText(
    body,
    redactedRows.map((row) => ({ id: row.id, start: row.start_offset, end: row.end_offset })),
  )
  const speakerIds = [
    ...new Set(rows.flatMap((row) => (row.speaker_entity_id && !isFromRedacted(row) ? [row.speaker_entity_id] : []))),
  ]
  const entities = new Map((await repo.entitiesByIds(db, speakerIds)).map((row) => [row.id, row]))
  const aliases = redactedRows.length > 0 ? new Map<string, string[]>() : await aliasesOf(db, speakerIds)

  const codePoints = codePointPositions(
    body,
    rows.flatMap((row) => [row.start_offset, row.end_offset]),
  )
  const quotes = rows.map((row): ExportQuote => {
    const isRedacted = isFromRedacted(row)
    const entity = row.speaker_entity_id ? entities.get(row.speaker_entity_id) : undefined
    const speaker = isRedacted
      ? { id: null, name: namedInText.get(row.id) ?? WITHHELD_SPEAKER }
      : entity
        ? { id: entity.id, name: entity.name }
        : row.speaker_label
          ? { id: null, name: row.speaker_label }
          : null
    const sourceId = row.source_id && sources.has(row.source_id) ? row.source_id : null
    // A note on a quote from a confidential source may name or describe that source.
    const isNoteRedacted = isRedacted && row.note !== ''
    if (isNoteRedacted) redactions.push({ target: 'quote-note', id: row.id, reason: CONFIDENTIAL_LABEL })
    return {
      id: row.id,
      start: row.start_offset,
      end: row.end_offset,
      text: row.text,
      kind: row.kind,
      isPartial: row.is_partial === 1,
      speaker,
      speakerConfirmed: row.speaker_confirmed === 1,
      confidence: row.confidence,
      cue:
        row.cue_start !== null && row.cue_end !== null && row.cue_end <= body.length
          ? { start: row.cue_start, end: row.cue_end }
          : null,
      needsReview: row.needs_review === 1,
      // Pieces of one quotation share a key: it would tie this piece to a named speaker's.
      groupKey: isRedacted ? null : row.group_key,
      sourceId,
      status: row.status,
      note: isNoteRedacted ? '' : row.note,
      checkedBy: row.checked_by,
      checkedAt: row.checked_at,
      origin: row.origin,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      target: {
        source: `urn:uuid:${article.id}`,
        selector: [
          { type: 'TextQuoteSelector', exact: row.text, ...selectorContext(body, row.start_offset, row.end_offset) },
          {
            type: 'TextPositionSelector',
            start: codePoints.get(row.start_offset) ?? 0,
            end: codePoints.get(row.end_offset) ?? 0,
          },
        ],
      },
    }
  })

  const audit = await repo.auditOfArticle(
    db,
    articleId,
    rows.map((row) => row.id),
  )
  const counts = new Map<string, number>()
  for (const entry of audit) counts.set(entry.action, (counts.get(entry.action) ?? 0) + 1)

  const doc: ExportV1 = {
    format: EXPORT_FORMAT,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    article: {
      id: article.id,
      title: article.title,
      body,
      publishedOn: article.published_on,
      status: article.status,
      createdAt: article.created_at,
      updatedAt: article.updated_at,
    },
    speakers: speakerIds.flatMap((id) => {
      const entity = entities.get(id)
      return entity ? [{ id, kind: entity.kind, name: entity.name, aliases: aliases.get(id) ?? [] }] : []
    }),
    sources: exportSources,
    quotes,
    redactions,
    audit: {
      entries: audit.length,
      firstAt: audit[0]?.at ?? null,
      lastAt: audit.at(-1)?.at ?? null,
      actions: [...counts].map(([action, count]) => ({ action, count })).slice(0, 200),
    },
  }
  // Every export must be importable: a library row that breaks the format is a bug to surface, not to ship.
  const checked = ExportV1Checked.safeParse(doc)
  if (!checked.success) {
    const first = checked.error.issues[0]
    throw new QuotedeskError(
      'internal',
      `This article cannot be exported: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid data'}`,
    )
  }
  return { doc, isRedacted: redactions.length > 0 }
}
