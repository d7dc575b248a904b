import type {
  Article,
  ArticleCreate,
  ArticleListQuery,
  ArticleSummary,
  ArticleUpdate,
} from '../../shared/schemas/articles'
import type { FileUpload } from '../../shared/schemas/imports'
import { QuotedeskError } from '../../shared/errors'
import { appendAudit } from '../audit/audit.repo'
import { newId, now } from '../clock'
import type { AppContext } from '../context'
import type { ArticleRow, ArticleRowUpdate } from '../db/schema'
import { readDocument } from '../imports'
import { annotateArticle } from '../quotes/annotate'
import { countWords, deriveTitle, detectLeadingDate } from './article-text'
import * as repo from './articles.repo'

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    publishedOn: row.published_on,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toSummary(row: Omit<ArticleRow, 'body'>): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    publishedOn: row.published_on,
    status: row.status,
    wordCount: row.word_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function notFound(id: string): QuotedeskError {
  return new QuotedeskError('not_found', `No article with id ${id}`)
}

/**
 * Stores a new article; the title defaults to the first line and the date to a leading
 * "date YYYY-MM-DD" token.
 *
 * @example
 *   await createArticle(ctx, { body: '“We won,” the coach said.' })
 */
export async function createArticle(ctx: AppContext, input: ArticleCreate): Promise<Article> {
  const stamp = now()
  const title = input.title?.trim() || deriveTitle(input.body)
  return ctx.library.db.transaction().execute(async (trx) => {
    const row = await repo.insertArticle(trx, {
      id: newId(),
      title,
      body: input.body,
      word_count: countWords(input.body),
      published_on: input.publishedOn ?? detectLeadingDate(input.body),
      status: input.status ?? 'draft',
      created_at: stamp,
      updated_at: stamp,
    })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'article',
      subjectId: row.id,
      action: 'created',
      detail: { title },
    })
    // Quotes, speakers and entities are stored with the article, in the same transaction.
    await annotateArticle(trx, ctx.actor(), row.id, row.body)
    return toArticle(row)
  })
}

/**
 * Reads an uploaded draft (.txt, .md, .html, .docx, .vtt, .srt) and stores it as a new article,
 * with the title and publication date the document states.
 *
 * @example
 *   await importArticle(ctx, { fileName: 'draft.docx', dataBase64 })
 */
export async function importArticle(ctx: AppContext, upload: FileUpload): Promise<Article> {
  const doc = await readDocument(upload.fileName, Buffer.from(upload.dataBase64, 'base64'))
  const title = doc.title ?? deriveTitle(doc.text)
  return createArticle(ctx, { title: title.slice(0, 500), body: doc.text, publishedOn: doc.date })
}

export async function listArticles(ctx: AppContext, query: ArticleListQuery): Promise<ArticleSummary[]> {
  const rows = await repo.listArticles(ctx.library.db, {
    status: query.status,
    limit: query.limit ?? 1000,
    offset: query.offset ?? 0,
  })
  return rows.map(toSummary)
}

export async function getArticle(ctx: AppContext, id: string): Promise<Article> {
  const row = await repo.findArticle(ctx.library.db, id)
  if (!row) throw notFound(id)
  return toArticle(row)
}

export async function updateArticle(ctx: AppContext, input: ArticleUpdate): Promise<Article> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await repo.findArticle(trx, input.id)
    if (!before) throw notFound(input.id)
    const changes: ArticleRowUpdate = {}
    const changed: string[] = []
    if (input.title !== undefined && input.title !== before.title) {
      changes.title = input.title.trim()
      changed.push('title')
    }
    if (input.body !== undefined && input.body !== before.body) {
      changes.body = input.body
      changes.word_count = countWords(input.body)
      changed.push('body')
    }
    if (input.publishedOn !== undefined && input.publishedOn !== before.published_on) {
      changes.published_on = input.publishedOn
      changed.push('publishedOn')
    }
    if (input.status !== undefined && input.status !== before.status) {
      changes.status = input.status
      changed.push('status')
    }
    if (changed.length === 0) return toArticle(before)
    changes.updated_at = now()
    const row = await repo.updateArticle(trx, input.id, changes)
    if (!row) throw notFound(input.id)
    const detail: Record<string, unknown> = { changed }
    if (changes.status) detail.status = { from: before.status, to: changes.status }
    await appendAudit(trx, { actor: ctx.actor(), subjectType: 'article', subjectId: row.id, action: 'updated', detail })
    if (changes.body !== undefined) await annotateArticle(trx, ctx.actor(), row.id, row.body)
    return toArticle(row)
  })
}

export async function deleteArticle(ctx: AppContext, id: string): Promise<null> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await repo.findArticle(trx, id)
    if (!before || !(await repo.deleteArticle(trx, id))) throw notFound(id)
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'article',
      subjectId: id,
      action: 'deleted',
      detail: { title: before.title },
    })
    return null
  })
}
