import type { Kysely } from 'kysely'
import type { AuditRow, Database, EntityRow, QuoteRow, SourceRow } from '../db/schema'

async function chunked<T>(ids: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  // SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < ids.length; i += 500) out.push(...(await load(ids.slice(i, i + 500))))
  return out
}

export async function entitiesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EntityRow[]> {
  return chunked(ids, (chunk) => db.selectFrom('entities').selectAll().where('id', 'in', chunk).execute())
}

export async function sourcesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<SourceRow[]> {
  return chunked(ids, (chunk) => db.selectFrom('sources').selectAll().where('id', 'in', chunk).execute())
}

/** The audit trail of one article and its quotes, oldest first. */
export async function auditOfArticle(
  db: Kysely<Database>,
  articleId: string,
  quoteIds: readonly string[],
): Promise<Pick<AuditRow, 'at' | 'action'>[]> {
  const article = await db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'action'])
    .where('subject_type', '=', 'article')
    .where('subject_id', '=', articleId)
    .execute()
  const quotes = await chunked(quoteIds, (chunk) =>
    db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'action'])
      .where('subject_type', '=', 'quote')
      .where('subject_id', 'in', chunk)
      .execute(),
  )
  return [...article, ...quotes].sort((a, b) => a.seq - b.seq)
}

/** Every entity with its alias keys, for matching imported speakers by name or alias. */
export async function entityNameIndex(
  db: Kysely<Database>,
): Promise<{ entities: Pick<EntityRow, 'id' | 'name'>[]; aliases: { entity_id: string; alias_key: string }[] }> {
  const entities = await db.selectFrom('entities').select(['id', 'name']).orderBy('seq').execute()
  const aliases = await db.selectFrom('entity_aliases').select(['entity_id', 'alias_key']).execute()
  return { entities, aliases }
}

export async function quotesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<QuoteRow[]> {
  return chunked(ids, (chunk) => db.selectFrom('quotes').selectAll().where('id', 'in', chunk).execute())
}
