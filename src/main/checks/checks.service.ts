import { sql, type Kysely } from 'kysely'
import { alignIndexed, type Alignment, type Timing } from '../../shared/alignment'
import { QuotedeskError } from '../../shared/errors'
import { findNameFlags } from '../../shared/names'
import type { Article } from '../../shared/schemas/articles'
import type {
  NameFlag,
  NameFlagAccept,
  NameFlagDismiss,
  QuoteCheck,
  QuoteLinkSource,
  SourceSuggestion,
} from '../../shared/schemas/checks'
import type { Quote } from '../../shared/schemas/quotes'
import { updateArticle } from '../articles/articles.service'
import { findArticle } from '../articles/articles.repo'
import { appendAudit } from '../audit/audit.repo'
import { newId, now } from '../clock'
import type { AppContext } from '../context'
import type { Database, QuoteRow, SourceRow } from '../db/schema'
import { findQuote, quotesOf, updateQuote } from '../quotes/quotes.repo'
import { toQuotes } from '../quotes/quotes.service'
import { findSource } from '../sources/sources.repo'
import { SourceIndexCache } from './source-index-cache'

/** Characters of source text shown on either side of a matched passage. */
const CONTEXT = 240
/** How many sources full-text search hands to the (costlier) alignment when suggesting one. */
const SUGGEST_CANDIDATES = 10

const caches = new WeakMap<object, SourceIndexCache>()

function cacheFor(ctx: AppContext): SourceIndexCache {
  let cache = caches.get(ctx.library)
  if (!cache) {
    cache = new SourceIndexCache()
    caches.set(ctx.library, cache)
  }
  return cache
}

function notFound(what: string, id: string): QuotedeskError {
  return new QuotedeskError('not_found', `No ${what} with id ${id}`)
}

function timingsOf(source: SourceRow): Timing[] {
  try {
    const parsed = JSON.parse(source.timings) as unknown
    return Array.isArray(parsed) ? (parsed as Timing[]) : []
  } catch {
    return []
  }
}

/** A multi-paragraph quotation is checked as one: its paragraph pieces, in order. */
async function quotationText(db: Kysely<Database>, quote: QuoteRow): Promise<string> {
  if (!quote.group_key) return quote.text
  const pieces = (await quotesOf(db, quote.article_id)).filter(
    (row) => row.group_key === quote.group_key && row.is_removed === 0 && row.anchor === 'ok',
  )
  return pieces.length > 1 ? pieces.map((row) => row.text).join('\n\n') : quote.text
}

function alignWith(ctx: AppContext, text: string, source: SourceRow): Alignment {
  const index = cacheFor(ctx).get(source.id, source.updated_at, source.body)
  return alignIndexed(text, index, { timings: timingsOf(source) })
}

/**
 * Aligns a quote (a multi-paragraph quotation as a whole) with a source through the shared index
 * cache, without recording anything: for showing where linked quotes sit in their source.
 *
 * @example
 *   const { sourceStart, sourceEnd } = await alignQuote(ctx, db, quoteRow, sourceRow)
 */
export async function alignQuote(
  ctx: AppContext,
  db: Kysely<Database>,
  quote: QuoteRow,
  source: SourceRow,
): Promise<Alignment> {
  return alignWith(ctx, await quotationText(db, quote), source)
}

function toCheck(quote: QuoteRow, source: SourceRow, result: Alignment): QuoteCheck {
  const found = result.sourceStart !== null && result.sourceEnd !== null
  return {
    quoteId: quote.id,
    sourceId: source.id,
    sourceTitle: source.title,
    verdict: result.verdict,
    score: Math.min(1, Math.max(0, result.score)),
    sourceStart: result.sourceStart,
    sourceEnd: result.sourceEnd,
    timestamp: result.timestamp ?? null,
    occurrences: result.occurrences,
    diff: result.diff,
    passage:
      found && result.sourceStart !== null && result.sourceEnd !== null
        ? {
            before: source.body.slice(Math.max(0, result.sourceStart - CONTEXT), result.sourceStart),
            text: source.body.slice(result.sourceStart, result.sourceEnd),
            after: source.body.slice(result.sourceEnd, result.sourceEnd + CONTEXT),
          }
        : null,
    brackets: (result.brackets ?? []).map((b) => ({ text: b.text, replaces: b.replaces })),
  }
}

/**
 * Links a quote to the source it should be checked against (or unlinks it with null).
 *
 * @example
 *   await linkSource(ctx, { id: quote.id, sourceId: transcript.id })
 */
export async function linkSource(ctx: AppContext, input: QuoteLinkSource): Promise<Quote> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await findQuote(trx, input.id)
    if (!before) throw notFound('quote', input.id)
    if (input.sourceId && !(await findSource(trx, input.sourceId))) throw notFound('source', input.sourceId)
    const row = await updateQuote(trx, input.id, {
      source_id: input.sourceId,
      // A verdict belongs to the source it was made against.
      verdict: null,
      verdict_score: null,
      verdict_at: null,
      updated_at: now(),
    })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'quote',
      subjectId: input.id,
      action: 'source linked',
      detail: { from: before.source_id, to: input.sourceId },
    })
    return (await toQuotes(trx, [row as QuoteRow]))[0] as Quote
  })
}

/**
 * Aligns a quote with its linked source and records the proposed verdict (the status stays the editor's).
 *
 * @example
 *   const check = await checkQuote(ctx, quote.id) // { verdict: 'altered', diff: [...] }
 */
export async function checkQuote(ctx: AppContext, id: string): Promise<QuoteCheck> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const quote = await findQuote(trx, id)
    if (!quote) throw notFound('quote', id)
    if (!quote.source_id) {
      throw new QuotedeskError('conflict', 'This quote has no source yet: link one (or ask for a suggestion) first.')
    }
    const source = await findSource(trx, quote.source_id)
    if (!source) throw notFound('source', quote.source_id)
    const result = alignWith(ctx, await quotationText(trx, quote), source)
    const check = toCheck(quote, source, result)
    const stamp = now()
    await updateQuote(trx, id, { verdict: check.verdict, verdict_score: check.score, verdict_at: stamp })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'quote',
      subjectId: id,
      action: 'checked',
      detail: { sourceId: source.id, verdict: check.verdict, score: Number(check.score.toFixed(3)) },
    })
    return check
  })
}

/** Words worth searching for: long, distinct, in the order they appear. */
function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 12)
}

/**
 * Proposes the source a quote most likely comes from: full-text search narrows the library, then
 * each candidate is aligned and the best verdict wins.
 */
export async function suggestSource(ctx: AppContext, id: string): Promise<SourceSuggestion> {
  const db = ctx.library.db
  const quote = await findQuote(db, id)
  if (!quote) throw notFound('quote', id)
  const text = await quotationText(db, quote)
  const words = searchWords(text)
  if (words.length === 0) return null
  const match = words.map((word) => `"${word}"`).join(' OR ')
  const candidates = await sql<{ id: string }>`
    SELECT s.id AS id FROM sources_fts JOIN sources s ON s.seq = sources_fts.rowid
    WHERE sources_fts MATCH ${match} ORDER BY bm25(sources_fts) LIMIT ${SUGGEST_CANDIDATES}`.execute(db)
  let best: SourceSuggestion = null
  for (const { id: sourceId } of candidates.rows) {
    const source = await findSource(db, sourceId)
    if (!source) continue
    const result = alignWith(ctx, text, source)
    if (result.verdict === 'not_found') continue
    if (!best || result.score > best.score) {
      best = { sourceId, title: source.title, score: Math.min(1, Math.max(0, result.score)), verdict: result.verdict }
    }
  }
  return best
}

async function dismissedKeys(db: Kysely<Database>, articleId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('name_flag_dismissals')
    .select(['text', 'suggestion'])
    .where((eb) => eb.or([eb('article_id', '=', articleId), eb('article_id', 'is', null)]))
    .execute()
  return new Set(rows.map((row) => `${row.text}\u0000${row.suggestion}`))
}

/**
 * Names in an article that nearly match a known entity, that are spelled two ways in the article,
 * or that are spelled differently in the sources its quotes are linked to.
 */
export async function nameFlags(ctx: AppContext, articleId: string): Promise<NameFlag[]> {
  const db = ctx.library.db
  const article = await findArticle(db, articleId)
  if (!article) throw notFound('article', articleId)
  // Known names: what people entered, and what the analyser found in other articles too.
  const entities = await db
    .selectFrom('entities')
    .select(['id', 'name', 'kind'])
    .where((eb) =>
      eb.or([
        eb('origin', '=', 'user'),
        eb.exists(
          eb
            .selectFrom('entity_mentions')
            .select('entity_mentions.id')
            .whereRef('entity_mentions.entity_id', '=', 'entities.id')
            .where('entity_mentions.article_id', '!=', articleId),
        ),
      ]),
    )
    .execute()
  const knownIds = new Set(entities.map((e) => e.id))
  const aliases = (await db.selectFrom('entity_aliases').select(['entity_id', 'alias']).execute()).filter((a) =>
    knownIds.has(a.entity_id),
  )
  const kinds = new Map(entities.map((e) => [e.id, e.kind]))
  const names = [
    ...entities.map((e) => ({ name: e.name, entityId: e.id, kind: e.kind })),
    ...aliases.map((a) => ({ name: a.alias, entityId: a.entity_id, kind: kinds.get(a.entity_id) ?? 'other' })),
  ]
  const linked = await db
    .selectFrom('quotes')
    .innerJoin('sources', 'sources.id', 'quotes.source_id')
    .select('sources.body')
    .distinct()
    .where('quotes.article_id', '=', articleId)
    .execute()
  const dismissed = await dismissedKeys(db, articleId)
  return findNameFlags(article.body, names, { otherTexts: linked.map((row) => row.body) })
    .filter((flag) => !dismissed.has(`${flag.text}\u0000${flag.suggestion}`))
    .map((flag) => ({ ...flag, entityId: flag.entityId ?? null }))
}

/** Accepts a name flag: the article's text is corrected, and its quotes follow their words. */
export async function acceptNameFlag(ctx: AppContext, input: NameFlagAccept): Promise<Article> {
  const article = await findArticle(ctx.library.db, input.articleId)
  if (!article) throw notFound('article', input.articleId)
  if (article.body.slice(input.start, input.end) !== input.text) {
    throw new QuotedeskError(
      'conflict',
      `The article changed: “${input.text}” is no longer at that place. Refresh the flags.`,
    )
  }
  const body = article.body.slice(0, input.start) + input.suggestion + article.body.slice(input.end)
  return updateArticle(ctx, { id: article.id, body })
}

export async function dismissNameFlag(ctx: AppContext, input: NameFlagDismiss): Promise<null> {
  return ctx.library.db.transaction().execute(async (trx) => {
    if (!(await findArticle(trx, input.articleId))) throw notFound('article', input.articleId)
    await trx
      .insertInto('name_flag_dismissals')
      .values({
        id: newId(),
        article_id: input.everywhere ? null : input.articleId,
        text: input.text,
        suggestion: input.suggestion,
        created_at: now(),
      })
      .execute()
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'article',
      subjectId: input.articleId,
      action: 'name flag dismissed',
      detail: { text: input.text, suggestion: input.suggestion, everywhere: input.everywhere ?? false },
    })
    return null
  })
}
