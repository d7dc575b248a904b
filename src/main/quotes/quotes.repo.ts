import type { Kysely } from 'kysely'
import type { Database, NewQuoteRow, QuoteRow } from '../db/schema'

export async function quotesOf(db: Kysely<Database>, articleId: string): Promise<QuoteRow[]> {
  return db
    .selectFrom('quotes')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('start_offset')
    .orderBy('seq')
    .execute()
}

export async function findQuote(db: Kysely<Database>, id: string): Promise<QuoteRow | undefined> {
  return db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertQuote(db: Kysely<Database>, row: NewQuoteRow): Promise<QuoteRow> {
  return db.insertInto('quotes').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateQuote(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<QuoteRow, 'seq' | 'id' | 'article_id' | 'created_at'>>,
): Promise<QuoteRow | undefined> {
  return db.updateTable('quotes').set(changes).where('id', '=', id).returningAll().executeTakeFirst()
}

export async function deleteQuotes(db: Kysely<Database>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom('quotes')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
  }
}

export async function mentionsOf(db: Kysely<Database>, articleId: string) {
  return db
    .selectFrom('entity_mentions as m')
    .innerJoin('entities as e', 'e.id', 'm.entity_id')
    .select([
      'm.id',
      'm.entity_id',
      'm.start_offset',
      'm.end_offset',
      'm.text',
      'm.origin',
      'e.name as entity_name',
      'e.kind as entity_kind',
    ])
    .where('m.article_id', '=', articleId)
    .where('m.is_removed', '=', 0)
    .orderBy('m.start_offset')
    .execute()
}

export async function speakerNames(db: Kysely<Database>, entityIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (let i = 0; i < entityIds.length; i += 500) {
    const rows = await db
      .selectFrom('entities')
      .select(['id', 'name'])
      .where('id', 'in', entityIds.slice(i, i + 500))
      .execute()
    for (const row of rows) names.set(row.id, row.name)
  }
  return names
}
