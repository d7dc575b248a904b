import { sql, type Kysely } from 'kysely'
import type { Database, NewSourceRow, SourceRow } from '../db/schema'

export async function insertSource(db: Kysely<Database>, row: NewSourceRow): Promise<SourceRow> {
  return db.insertInto('sources').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findSource(db: Kysely<Database>, id: string): Promise<SourceRow | undefined> {
  return db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listSources(
  db: Kysely<Database>,
  query: { kind?: SourceRow['kind'] | undefined; limit: number },
): Promise<(Omit<SourceRow, 'body' | 'timings'> & { length: number })[]> {
  let q = db
    .selectFrom('sources')
    .select([
      'seq',
      'id',
      'kind',
      'title',
      'url',
      'outlet',
      'source_date',
      'is_confidential',
      'notes',
      'created_at',
      'updated_at',
      sql<number>`length(body)`.as('length'),
    ])
    .orderBy('updated_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(query.limit)
  if (query.kind) q = q.where('kind', '=', query.kind)
  return q.execute()
}

export async function updateSource(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<SourceRow, 'seq' | 'id' | 'created_at'>>,
): Promise<SourceRow | undefined> {
  return db.updateTable('sources').set(changes).where('id', '=', id).returningAll().executeTakeFirst()
}

export async function deleteSource(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sources').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Quotes linked to the source (removed ones left out), with their article's title, in article order. */
export async function quotesCiting(db: Kysely<Database>, sourceId: string) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('articles as a', 'a.id', 'q.article_id')
    .leftJoin('entities as e', 'e.id', 'q.speaker_entity_id')
    .selectAll('q')
    .select(['a.title as article_title', 'e.name as speaker_name'])
    .where('q.source_id', '=', sourceId)
    .where('q.is_removed', '=', 0)
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.seq', 'desc')
    .orderBy('q.start_offset')
    .orderBy('q.seq')
    .execute()
}
