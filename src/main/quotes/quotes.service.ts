import { QuotedeskError } from '../../shared/errors'
import type {
  ArticleAnnotations,
  AuditEntry,
  Quote,
  QuoteCreate,
  QuoteListQuery,
  QuoteSetSpeaker,
  QuoteSetStatus,
  QuoteSpan,
} from '../../shared/schemas/quotes'
import { appendAudit, auditFor } from '../audit/audit.repo'
import { findArticle } from '../articles/articles.repo'
import { newId, now } from '../clock'
import type { AppContext } from '../context'
import type { Database, QuoteRow } from '../db/schema'
import { findEntity } from '../entities/entities.repo'
import type { Kysely } from 'kysely'
import { contextOf } from './anchor'
import { annotateArticle } from './annotate'
import * as repo from './quotes.repo'

export function toQuote(row: QuoteRow, names: Map<string, string>): Quote {
  const speakerName = row.speaker_entity_id ? names.get(row.speaker_entity_id) : row.speaker_label
  return {
    id: row.id,
    articleId: row.article_id,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    prefix: row.prefix,
    suffix: row.suffix,
    kind: row.kind,
    isPartial: row.is_partial === 1,
    speaker: speakerName ? { entityId: row.speaker_entity_id, name: speakerName } : null,
    speakerConfirmed: row.speaker_confirmed === 1,
    confidence: row.confidence,
    cue: row.cue_start !== null && row.cue_end !== null ? { start: row.cue_start, end: row.cue_end } : null,
    needsReview: row.needs_review === 1,
    groupKey: row.group_key,
    sourceId: row.source_id,
    status: row.status,
    note: row.note,
    checkedBy: row.checked_by,
    checkedAt: row.checked_at,
    origin: row.origin,
    anchor: row.anchor,
    verdict: row.verdict,
    verdictScore: row.verdict_score,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function toQuotes(db: Kysely<Database>, rows: QuoteRow[]): Promise<Quote[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.speaker_entity_id ? [row.speaker_entity_id] : [])))]
  const names = await repo.speakerNames(db, ids)
  return rows.map((row) => toQuote(row, names))
}

function notFound(what: string, id: string): QuotedeskError {
  return new QuotedeskError('not_found', `No ${what} with id ${id}`)
}

async function requireQuote(db: Kysely<Database>, id: string): Promise<QuoteRow> {
  const row = await repo.findQuote(db, id)
  if (!row) throw notFound('quote', id)
  return row
}

/** A span must lie inside the body and never split a surrogate pair (storage would mangle half a character). */
export function checkSpan(body: string, start: number, end: number): void {
  const issues = []
  if (end > body.length) issues.push({ path: 'end', message: `must be at most ${body.length}, the article's length` })
  const splits = (at: number) =>
    at > 0 && at < body.length && /[\uDC00-\uDFFF]/.test(body[at] ?? '') && /[\uD800-\uDBFF]/.test(body[at - 1] ?? '')
  if (splits(start)) issues.push({ path: 'start', message: 'must not fall inside a character' })
  if (splits(end)) issues.push({ path: 'end', message: 'must not fall inside a character' })
  if (issues.length > 0)
    throw new QuotedeskError('invalid_input', `Invalid input at ${issues[0]?.path}: ${issues[0]?.message}`, issues)
}

/**
 * Runs the analyser over an article and stores what it finds, keeping user decisions.
 *
 * @example
 *   await analyzeArticle(ctx, article.id)
 */
export async function analyzeArticle(ctx: AppContext, articleId: string): Promise<ArticleAnnotations> {
  await ctx.library.db.transaction().execute(async (trx) => {
    const article = await findArticle(trx, articleId)
    if (!article) throw notFound('article', articleId)
    await annotateArticle(trx, ctx.actor(), article.id, article.body)
  })
  return getAnnotations(ctx, articleId)
}

export async function getAnnotations(ctx: AppContext, articleId: string): Promise<ArticleAnnotations> {
  const db = ctx.library.db
  if (!(await findArticle(db, articleId))) throw notFound('article', articleId)
  const rows = (await repo.quotesOf(db, articleId)).filter((row) => row.is_removed === 0)
  const mentions = await repo.mentionsOf(db, articleId)
  return {
    articleId,
    quotes: await toQuotes(db, rows),
    mentions: mentions.map((m) => ({
      id: m.id,
      entityId: m.entity_id,
      entityName: m.entity_name,
      entityKind: m.entity_kind,
      start: m.start_offset,
      end: m.end_offset,
      text: m.text,
      origin: m.origin,
    })),
  }
}

export async function listQuotes(ctx: AppContext, query: QuoteListQuery): Promise<Quote[]> {
  const rows = (await repo.quotesOf(ctx.library.db, query.articleId)).filter(
    (row) => (query.includeRemoved || row.is_removed === 0) && (!query.status || row.status === query.status),
  )
  return toQuotes(ctx.library.db, rows)
}

/** A quote the analyser missed, marked by hand. */
export async function createQuote(ctx: AppContext, input: QuoteCreate): Promise<Quote> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const article = await findArticle(trx, input.articleId)
    if (!article) throw notFound('article', input.articleId)
    checkSpan(article.body, input.start, input.end)
    if (input.speakerEntityId && !(await findEntity(trx, input.speakerEntityId))) {
      throw notFound('entity', input.speakerEntityId)
    }
    const stamp = now()
    const row = await repo.insertQuote(trx, {
      id: newId(),
      article_id: article.id,
      start_offset: input.start,
      end_offset: input.end,
      text: article.body.slice(input.start, input.end),
      ...contextOf(article.body, input.start, input.end),
      speaker_entity_id: input.speakerEntityId ?? null,
      speaker_confirmed: input.speakerEntityId ? 1 : 0,
      origin: 'user',
      created_at: stamp,
      updated_at: stamp,
    })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'quote',
      subjectId: row.id,
      action: 'marked',
      detail: { start: input.start, end: input.end },
    })
    return (await toQuotes(trx, [row]))[0] as Quote
  })
}

export async function updateSpan(ctx: AppContext, input: QuoteSpan): Promise<Quote> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await requireQuote(trx, input.id)
    const article = await findArticle(trx, before.article_id)
    if (!article) throw notFound('article', before.article_id)
    checkSpan(article.body, input.start, input.end)
    const row = await repo.updateQuote(trx, input.id, {
      start_offset: input.start,
      end_offset: input.end,
      text: article.body.slice(input.start, input.end),
      ...contextOf(article.body, input.start, input.end),
      anchor: 'ok',
      // A span set by hand is a decision: re-analysis must not replace it with its own.
      origin: 'user',
      updated_at: now(),
    })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'quote',
      subjectId: input.id,
      action: 'span changed',
      detail: { from: [before.start_offset, before.end_offset], to: [input.start, input.end] },
    })
    return (await toQuotes(trx, [row as QuoteRow]))[0] as Quote
  })
}

/** Removes a false quote; it stays as a tombstone so re-analysis does not bring it back. */
export async function removeQuote(ctx: AppContext, id: string): Promise<null> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await requireQuote(trx, id)
    if (before.origin === 'user') await repo.deleteQuotes(trx, [id])
    else await repo.updateQuote(trx, id, { is_removed: 1, updated_at: now() })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'quote',
      subjectId: id,
      action: 'removed',
      detail: { text: before.text.slice(0, 200) },
    })
    return null
  })
}

export async function setSpeaker(ctx: AppContext, input: QuoteSetSpeaker): Promise<Quote> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await requireQuote(trx, input.id)
    const entity = input.entityId ? await findEntity(trx, input.entityId) : undefined
    if (input.entityId && !entity) throw notFound('entity', input.entityId)
    const row = await repo.updateQuote(trx, input.id, {
      speaker_entity_id: input.entityId,
      speaker_label: null,
      speaker_confirmed: 1,
      needs_review: 0,
      updated_at: now(),
    })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'quote',
      subjectId: input.id,
      action: 'speaker set',
      detail: {
        from: before.speaker_entity_id ?? before.speaker_label,
        to: input.entityId,
        name: entity?.name ?? null,
      },
    })
    return (await toQuotes(trx, [row as QuoteRow]))[0] as Quote
  })
}

export async function setStatus(ctx: AppContext, input: QuoteSetStatus): Promise<Quote> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await requireQuote(trx, input.id)
    const stamp = now()
    const actor = ctx.actor()
    const row = await repo.updateQuote(trx, input.id, {
      status: input.status,
      ...(input.note !== undefined ? { note: input.note } : {}),
      checked_by: actor,
      checked_at: stamp,
      updated_at: stamp,
    })
    await appendAudit(trx, {
      actor,
      subjectType: 'quote',
      subjectId: input.id,
      action: 'status set',
      detail: { from: before.status, to: input.status, ...(input.note !== undefined ? { note: input.note } : {}) },
    })
    return (await toQuotes(trx, [row as QuoteRow]))[0] as Quote
  })
}

export async function quoteHistory(ctx: AppContext, id: string): Promise<AuditEntry[]> {
  await requireQuote(ctx.library.db, id)
  const rows = await auditFor(ctx.library.db, 'quote', id)
  return rows.map((row) => ({
    at: row.at,
    actor: row.actor,
    action: row.action,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }))
}
