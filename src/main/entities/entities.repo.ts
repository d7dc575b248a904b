import { sql, type Kysely } from 'kysely'
import type { Database, EntityRow, NewEntityRow } from '../db/schema'

export const aliasKey = (alias: string): string => alias.normalize('NFC').trim().toLocaleLowerCase('en')

export async function insertEntity(db: Kysely<Database>, row: NewEntityRow): Promise<EntityRow> {
  return db.insertInto('entities').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findEntity(db: Kysely<Database>, id: string): Promise<EntityRow | undefined> {
  return db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst()
}

/** An entity of that kind whose name matches, ignoring case (SQLite's lower() folds ASCII only, so compare here). */
export async function findByName(
  db: Kysely<Database>,
  kind: EntityRow['kind'],
  name: string,
): Promise<EntityRow | undefined> {
  const key = aliasKey(name)
  const rows = await db.selectFrom('entities').selectAll().where('kind', '=', kind).execute()
  return rows.find((row) => aliasKey(row.name) === key)
}

export async function updateEntity(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<EntityRow, 'kind' | 'name' | 'notes' | 'updated_at' | 'origin'>>,
): Promise<EntityRow | undefined> {
  return db.updateTable('entities').set(changes).where('id', '=', id).returningAll().executeTakeFirst()
}

export async function deleteEntity(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('entities').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function replaceAliases(db: Kysely<Database>, entityId: string, aliases: string[]): Promise<void> {
  await db.deleteFrom('entity_aliases').where('entity_id', '=', entityId).execute()
  const seen = new Set<string>()
  const rows = []
  for (const alias of aliases) {
    const key = aliasKey(alias)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    rows.push({ entity_id: entityId, alias: alias.trim(), alias_key: key })
  }
  if (rows.length > 0) await db.insertInto('entity_aliases').values(rows).execute()
}

export async function aliasesOf(db: Kysely<Database>, entityIds: string[]): Promise<Map<string, string[]>> {
  const byEntity = new Map<string, string[]>()
  if (entityIds.length === 0) return byEntity
  // Chunked: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < entityIds.length; i += 500) {
    const rows = await db
      .selectFrom('entity_aliases')
      .select(['entity_id', 'alias'])
      .where('entity_id', 'in', entityIds.slice(i, i + 500))
      .orderBy('alias')
      .execute()
    for (const row of rows) byEntity.set(row.entity_id, [...(byEntity.get(row.entity_id) ?? []), row.alias])
  }
  return byEntity
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

export async function listEntities(
  db: Kysely<Database>,
  query: { kind?: EntityRow['kind'] | undefined; prefix?: string | undefined; limit: number },
): Promise<EntityRow[]> {
  let q = db.selectFrom('entities').selectAll().orderBy('name').limit(query.limit)
  if (query.kind) q = q.where('kind', '=', query.kind)
  const prefix = query.prefix?.trim()
  if (prefix) {
    const pattern = `${escapeLike(aliasKey(prefix))}%`
    // ESCAPE makes % and _ typed by the user plain characters.
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(name) LIKE ${pattern} ESCAPE '\\'`,
        eb(
          'id',
          'in',
          eb
            .selectFrom('entity_aliases')
            .select('entity_id')
            .where(sql<boolean>`alias_key LIKE ${pattern} ESCAPE '\\'`),
        ),
      ]),
    )
  }
  return q.execute()
}

/** Moves quotes, mentions and roles from one entity to another; returns how many of each moved. */
export async function reassignEntity(
  db: Kysely<Database>,
  fromId: string,
  toId: string,
): Promise<{ quotes: number; mentions: number; roles: number }> {
  const quotes = await db
    .updateTable('quotes')
    .set({ speaker_entity_id: toId })
    .where('speaker_entity_id', '=', fromId)
    .executeTakeFirst()
  const mentions = await db
    .updateTable('entity_mentions')
    .set({ entity_id: toId })
    .where('entity_id', '=', fromId)
    .executeTakeFirst()
  const roles = await db
    .updateTable('entity_roles')
    .set({ entity_id: toId })
    .where('entity_id', '=', fromId)
    .executeTakeFirst()
  return {
    quotes: Number(quotes.numUpdatedRows),
    mentions: Number(mentions.numUpdatedRows),
    roles: Number(roles.numUpdatedRows),
  }
}

/** Quotes whose speaker is the entity (removed ones left out), with their article's title, newest article first. */
export async function quotesBySpeaker(db: Kysely<Database>, entityId: string) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('articles as a', 'a.id', 'q.article_id')
    .selectAll('q')
    .select('a.title as article_title')
    .where('q.speaker_entity_id', '=', entityId)
    .where('q.is_removed', '=', 0)
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.seq', 'desc')
    .orderBy('q.start_offset')
    .orderBy('q.seq')
    .execute()
}
