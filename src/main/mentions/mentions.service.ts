import type { Kysely } from 'kysely'
import { QuotedeskError } from '../../shared/errors'
import type { Mention, MentionCreate } from '../../shared/schemas/quotes'
import { findArticle } from '../articles/articles.repo'
import { appendAudit } from '../audit/audit.repo'
import { newId } from '../clock'
import type { AppContext } from '../context'
import type { Database, EntityRow, MentionRow } from '../db/schema'
import { findEntity } from '../entities/entities.repo'
import { checkSpan } from '../quotes/quotes.service'
import * as repo from './mentions.repo'

function notFound(what: string, id: string): QuotedeskError {
  return new QuotedeskError('not_found', `No ${what} with id ${id}`)
}

function toMention(row: MentionRow, entity: Pick<EntityRow, 'name' | 'kind'>): Mention {
  return {
    id: row.id,
    entityId: row.entity_id,
    entityName: entity.name,
    entityKind: entity.kind,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    origin: row.origin,
  }
}

async function requireEntity(db: Kysely<Database>, id: string): Promise<EntityRow> {
  const entity = await findEntity(db, id)
  if (!entity) throw notFound('entity', id)
  return entity
}

/**
 * Tags words of an article as naming an entity, by hand. The text is taken from the stored body,
 * and the tag is origin 'user', so re-analysis keeps it (following its words if the text changes).
 *
 * @example
 *   await createMention(ctx, { articleId, entityId, start: 0, end: 11 })
 */
export async function createMention(ctx: AppContext, input: MentionCreate): Promise<Mention> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const article = await findArticle(trx, input.articleId)
    if (!article) throw notFound('article', input.articleId)
    checkSpan(article.body, input.start, input.end)
    const entity = await requireEntity(trx, input.entityId)
    const row = await repo.insertMention(trx, {
      id: newId(),
      article_id: article.id,
      entity_id: entity.id,
      start_offset: input.start,
      end_offset: input.end,
      text: article.body.slice(input.start, input.end),
      origin: 'user',
    })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'article',
      subjectId: article.id,
      action: 'mention tagged',
      detail: { mentionId: row.id, entityId: entity.id, start: row.start_offset, end: row.end_offset, text: row.text },
    })
    return toMention(row, entity)
  })
}

/**
 * Removes a tag. A tag the analyser made stays as a tombstone (and becomes the user's decision), so the
 * next analysis does not put it back; a tag a person made is simply deleted.
 */
export async function removeMention(ctx: AppContext, id: string): Promise<null> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const row = await repo.findMention(trx, id)
    if (!row || row.is_removed === 1) throw notFound('mention', id)
    if (row.origin === 'analysis') {
      await trx.updateTable('entity_mentions').set({ origin: 'user', is_removed: 1 }).where('id', '=', id).execute()
    } else await repo.deleteMention(trx, id)
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'article',
      subjectId: row.article_id,
      action: 'mention removed',
      detail: { mentionId: row.id, entityId: row.entity_id, text: row.text, origin: row.origin },
    })
    return null
  })
}
