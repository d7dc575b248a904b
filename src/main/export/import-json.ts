import type { Kysely } from 'kysely'
import { QuotedeskError, formatPath, type FaultIssue } from '../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../shared/schemas/imports'
import {
  EXPORT_FORMAT,
  ExportV1Checked,
  WITHHELD_SPEAKER,
  type ExportV1,
  type ImportSummary,
} from '../../shared/schemas/export'
import { countWords } from '../articles/article-text'
import { findArticle, insertArticle, updateArticle } from '../articles/articles.repo'
import { appendAudit } from '../audit/audit.repo'
import { now } from '../clock'
import type { AppContext } from '../context'
import type { Database, NewQuoteRow, QuoteRow, SourceRow } from '../db/schema'
import { aliasKey } from '../entities/entities.repo'
import { reanchor, contextOf } from '../quotes/anchor'
import { quotesOf, updateQuote } from '../quotes/quotes.repo'
import { findSource, insertSource, updateSource } from '../sources/sources.repo'
import * as repo from './export.repo'

/** How many validation problems one error message lists before summing up the rest. */
const MAX_LISTED_ISSUES = 12

function invalid(fileName: string, issues: FaultIssue[]): QuotedeskError {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `✖ ${issue.message}\n  → at ${issue.path}`)
  if (issues.length > MAX_LISTED_ISSUES) listed.push(`… and ${issues.length - MAX_LISTED_ISSUES} more problems`)
  return new QuotedeskError(
    'invalid_input',
    `${fileName} is not a valid Quotedesk export:\n${listed.join('\n')}`,
    issues.slice(0, 100),
  )
}

/** JSON.parse keeps "__proto__" as an own key; refuse it outright instead of trusting every consumer. */
/** Deeper than any real export: a hostile file nested 100,000 levels must not exhaust the stack. */
const MAX_DEPTH = 64

/**
 * Walks the parsed JSON without recursion, listing `__proto__` keys (zod would drop them silently) and
 * the first place nested deeper than any export can be.
 */
function scanKeys(value: unknown): { proto: string[]; tooDeep: string | null } {
  const proto: string[] = []
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }]
  while (stack.length > 0) {
    const { value: node, path } = stack.pop() as { value: unknown; path: PropertyKey[] }
    if (node === null || typeof node !== 'object') continue
    if (path.length > MAX_DEPTH) return { proto, tooDeep: formatPath(path.slice(0, 8)) }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ value: node[i], path: [...path, i] })
      continue
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') {
        if (proto.length < MAX_LISTED_ISSUES) proto.push(formatPath(path))
      } else stack.push({ value: (node as Record<string, unknown>)[key], path: [...path, key] })
    }
  }
  return { proto, tooDeep: null }
}

/**
 * Decodes and validates a Quotedesk JSON export. Every problem is reported with its path
 * (`quotes[0].end`), in the style of z.prettifyError.
 *
 * @example
 *   const doc = parseExportFile('budget.json', fs.readFileSync('budget.json'))
 */
export function parseExportFile(fileName: string, bytes: Uint8Array): ExportV1 {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new QuotedeskError('too_large', `${fileName}: the file is larger than the 50 MB import limit`)
  }
  let raw: unknown
  try {
    // fatal: a broken byte is an error, not a silent U+FFFD in someone's quote.
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (err) {
    const reason = err instanceof SyntaxError ? err.message : 'it is not UTF-8 text'
    throw new QuotedeskError('invalid_input', `${fileName} is not a valid Quotedesk export: ${reason}`)
  }
  const { proto, tooDeep } = scanKeys(raw)
  if (tooDeep !== null) {
    throw invalid(fileName, [{ path: tooDeep, message: `nested more than ${MAX_DEPTH} levels deep; no export is` }])
  }
  if (proto.length > 0) {
    throw invalid(
      fileName,
      proto.map((path) => ({ path, message: 'the key "__proto__" is not allowed' })),
    )
  }
  const format = (raw as { format?: unknown } | null)?.format
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && format !== EXPORT_FORMAT) {
    const got = typeof format === 'string' ? `"${format.slice(0, 40)}"` : 'no format'
    throw invalid(fileName, [
      { path: 'format', message: `this file has ${got}; this version of Quotedesk reads "${EXPORT_FORMAT}"` },
    ])
  }
  const parsed = ExportV1Checked.safeParse(raw)
  if (!parsed.success) {
    throw invalid(
      fileName,
      parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    )
  }
  return parsed.data
}

type Counts = { new: number; updated: number; unchanged: number }
const counts = (): Counts => ({ new: 0, updated: 0, unchanged: 0 })

function sameValues<T extends object>(row: T, wanted: Partial<T>): boolean {
  return Object.entries(wanted).every(([key, value]) => row[key as keyof T] === value)
}

/** The library's name and alias keys → entity id (the oldest entity wins a shared name). */
async function nameIndex(db: Kysely<Database>): Promise<Map<string, string>> {
  const { entities, aliases } = await repo.entityNameIndex(db)
  const byKey = new Map<string, string>()
  for (const entity of entities) if (!byKey.has(aliasKey(entity.name))) byKey.set(aliasKey(entity.name), entity.id)
  for (const alias of aliases) if (!byKey.has(alias.alias_key)) byKey.set(alias.alias_key, alias.entity_id)
  return byKey
}

/**
 * Stores a validated export in one transaction: speakers are merged with existing entities by id,
 * name or alias; sources, the article and quotes are upserted by id. Importing the same file twice
 * changes nothing the second time.
 *
 * @example
 *   const summary = await importExport(ctx, parseExportFile(name, bytes), name)
 */
export async function importExport(ctx: AppContext, doc: ExportV1, fileName: string): Promise<ImportSummary> {
  const stamp = now()
  const actor = ctx.actor()
  const summary: ImportSummary = {
    fileName,
    articleId: doc.article.id,
    title: doc.article.title,
    article: 'unchanged',
    quotes: counts(),
    speakers: { ...counts(), merged: 0 },
    sources: { ...counts(), redacted: 0 },
    changed: false,
    notes: [],
  }
  await ctx.library.db.transaction().execute(async (trx) => {
    // Speakers: same id, else same name or alias, else a new entity keeping the file's id.
    const byKey = await nameIndex(trx)
    const speakerIds = new Map<string, string>()
    for (const speaker of doc.speakers) {
      const names = [speaker.name, ...speaker.aliases]
      const existing = (await repo.entitiesByIds(trx, [speaker.id]))[0]
      const matchedId = existing?.id ?? names.map((name) => byKey.get(aliasKey(name))).find((id) => id !== undefined)
      if (matchedId) {
        const entity = existing ?? (await repo.entitiesByIds(trx, [matchedId]))[0]
        const known = new Set(
          (await trx.selectFrom('entity_aliases').select('alias_key').where('entity_id', '=', matchedId).execute()).map(
            (row) => row.alias_key,
          ),
        )
        known.add(aliasKey(entity?.name ?? ''))
        const fresh = [...new Map(names.map((name) => [aliasKey(name), name.trim()])).entries()].filter(
          ([key]) => key !== '' && !known.has(key),
        )
        for (const [key, alias] of fresh) {
          await trx.insertInto('entity_aliases').values({ entity_id: matchedId, alias, alias_key: key }).execute()
          byKey.set(key, matchedId)
        }
        if (fresh.length > 0) summary.speakers.updated++
        else summary.speakers.unchanged++
        if (matchedId !== speaker.id) summary.speakers.merged++
        speakerIds.set(speaker.id, matchedId)
        continue
      }
      await trx
        .insertInto('entities')
        .values({
          id: speaker.id,
          kind: speaker.kind,
          name: speaker.name.trim(),
          notes: '',
          created_at: stamp,
          updated_at: stamp,
        })
        .execute()
      const aliasRows = [...new Map(speaker.aliases.map((a) => [aliasKey(a), a.trim()])).entries()]
        .filter(([key]) => key !== '' && key !== aliasKey(speaker.name))
        .map(([alias_key, alias]) => ({ entity_id: speaker.id, alias, alias_key }))
      if (aliasRows.length > 0) await trx.insertInto('entity_aliases').values(aliasRows).execute()
      for (const name of names) if (!byKey.has(aliasKey(name))) byKey.set(aliasKey(name), speaker.id)
      speakerIds.set(speaker.id, speaker.id)
      summary.speakers.new++
    }

    // Sources by id. A redacted source can only be linked if this library already has it.
    const sourceIds = new Map<string, string | null>()
    let keptConfidentialTitles = 0
    for (const source of doc.sources) {
      const existing = await findSource(trx, source.id)
      if (source.redacted) {
        sourceIds.set(source.id, existing ? existing.id : null)
        if (existing) summary.sources.unchanged++
        else summary.sources.redacted++
        continue
      }
      // A file never lowers a protection: a source this library keeps confidential stays so,
      // whatever an older or edited export says (issue 12).
      const keptConfidential = existing?.is_confidential === 1 && !source.isConfidential
      if (keptConfidential) keptConfidentialTitles++
      const values = {
        kind: source.kind,
        title: source.title.trim(),
        url: source.url,
        outlet: source.outlet,
        source_date: source.sourceDate,
        body: source.body,
        is_confidential: source.isConfidential || keptConfidential ? 1 : 0,
        notes: source.notes,
        timings: JSON.stringify(source.timings),
      } satisfies Partial<SourceRow>
      sourceIds.set(source.id, source.id)
      if (!existing) {
        await insertSource(trx, { id: source.id, ...values, created_at: stamp, updated_at: stamp })
        // Like sources:create, the audit log never holds a source's title or text.
        await appendAudit(trx, {
          actor,
          subjectType: 'source',
          subjectId: source.id,
          action: 'imported',
          detail: { kind: source.kind },
        })
        summary.sources.new++
      } else if (!sameValues(existing, values)) {
        await updateSource(trx, source.id, { ...values, updated_at: stamp })
        summary.sources.updated++
      } else summary.sources.unchanged++
    }

    // The article by id.
    const article = doc.article
    const before = await findArticle(trx, article.id)
    const articleValues = {
      title: article.title,
      body: article.body,
      published_on: article.publishedOn,
      status: article.status,
    }
    if (!before) {
      await insertArticle(trx, {
        id: article.id,
        ...articleValues,
        word_count: countWords(article.body),
        created_at: article.createdAt,
        updated_at: article.updatedAt,
      })
      summary.article = 'new'
    } else if (!sameValues(before, articleValues)) {
      await updateArticle(trx, article.id, {
        ...articleValues,
        word_count: countWords(article.body),
        updated_at: stamp,
      })
      summary.article = 'updated'
    }

    // Quotes by id.
    const redactedNotes = new Set(doc.redactions.filter((r) => r.target === 'quote-note').map((r) => r.id))
    const redactedSources = new Set(doc.sources.filter((s) => s.redacted).map((s) => s.id))
    const existingQuotes = new Map(
      (
        await repo.quotesByIds(
          trx,
          doc.quotes.map((q) => q.id),
        )
      ).map((row) => [row.id, row]),
    )
    let unlinked = 0
    for (const [i, quote] of doc.quotes.entries()) {
      const existing = existingQuotes.get(quote.id)
      if (existing && existing.article_id !== article.id) {
        throw new QuotedeskError(
          'conflict',
          `${fileName}: quotes[${i}] has the id of a quote in another article of this library; nothing was imported`,
        )
      }
      const [selector] = quote.target.selector
      const mappedSource = quote.sourceId ? (sourceIds.get(quote.sourceId) ?? null) : null
      if (quote.sourceId && mappedSource === null) unlinked++
      // A quote from a source the file redacted has its speaker redacted too (the article's words or
      // "(withheld)", no entity, no group): that never replaces the speaker this library knows.
      const isSpeakerRedacted = quote.sourceId !== null && redactedSources.has(quote.sourceId)
      const speaker = {
        speaker_entity_id: quote.speaker?.id ? (speakerIds.get(quote.speaker.id) ?? null) : null,
        speaker_label:
          quote.speaker && !quote.speaker.id && !(isSpeakerRedacted && quote.speaker.name === WITHHELD_SPEAKER)
            ? quote.speaker.name
            : null,
        speaker_confirmed: quote.speakerConfirmed ? 1 : 0,
        group_key: quote.groupKey,
      } satisfies Partial<QuoteRow>
      const values: Partial<QuoteRow> = {
        start_offset: quote.start,
        end_offset: quote.end,
        text: quote.text,
        kind: quote.kind,
        is_partial: quote.isPartial ? 1 : 0,
        confidence: quote.confidence,
        cue_start: quote.cue?.start ?? null,
        cue_end: quote.cue?.end ?? null,
        needs_review: quote.needsReview ? 1 : 0,
        ...(isSpeakerRedacted && existing ? {} : speaker),
        status: quote.status,
        checked_by: quote.checkedBy,
        checked_at: quote.checkedAt,
        origin: quote.origin,
        is_removed: 0,
        anchor: 'ok',
        // A note the file redacted, or a source it could not name, never wipes what this library knows.
        ...(redactedNotes.has(quote.id) && existing ? {} : { note: quote.note }),
        ...(quote.sourceId && mappedSource === null && existing ? {} : { source_id: mappedSource }),
      }
      if (!existing) {
        await trx
          .insertInto('quotes')
          .values({
            id: quote.id,
            article_id: article.id,
            prefix: selector.prefix,
            suffix: selector.suffix,
            ...values,
            created_at: quote.createdAt,
            updated_at: quote.updatedAt,
          } as NewQuoteRow)
          .execute()
        summary.quotes.new++
      } else if (!sameValues(existing, values)) {
        await updateQuote(trx, quote.id, {
          ...values,
          prefix: selector.prefix,
          suffix: selector.suffix,
          updated_at: stamp,
        })
        summary.quotes.updated++
      } else summary.quotes.unchanged++
    }

    // The library may hold quotes of this article the file does not: keep them on their words.
    if (summary.article === 'updated' && before && before.body !== article.body) {
      const inFile = new Set(doc.quotes.map((q) => q.id))
      for (const row of await quotesOf(trx, article.id)) {
        if (inFile.has(row.id)) continue
        const place = reanchor(article.body, {
          start: row.start_offset,
          end: row.end_offset,
          text: row.text,
          prefix: row.prefix,
          suffix: row.suffix,
        })
        await updateQuote(
          trx,
          row.id,
          place
            ? {
                start_offset: place.start,
                end_offset: place.end,
                ...contextOf(article.body, place.start, place.end),
                anchor: 'ok',
              }
            : { anchor: 'lost' },
        )
      }
    }

    if (unlinked > 0) {
      summary.notes.push(
        `${unlinked} ${unlinked === 1 ? 'quote cites' : 'quotes cite'} a confidential source the file left out; ` +
          'new ones were imported without a source',
      )
    }
    if (redactedNotes.size > 0) summary.notes.push(`${redactedNotes.size} quote notes were redacted in the file`)
    if (keptConfidentialTitles > 0)
      summary.notes.push(
        `${keptConfidentialTitles} ${keptConfidentialTitles === 1 ? 'source is' : 'sources are'} confidential in this library but not in the file: kept confidential`,
      )

    summary.changed =
      summary.article !== 'unchanged' ||
      [summary.quotes, summary.speakers, summary.sources].some((c) => c.new > 0 || c.updated > 0)
    // Only a real change is recorded, so importing the same file again leaves the library exactly as it was.
    if (summary.changed) {
      await appendAudit(trx, {
        actor,
        subjectType: 'article',
        subjectId: article.id,
        action: 'imported',
        detail: { quotes: summary.quotes, speakers: summary.speakers, sources: summary.sources },
      })
    }
  })
  return summary
}
