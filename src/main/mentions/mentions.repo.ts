import type { Kysely } from 'kysely'
import type { Database, MentionRow, NewMentionRow } from '../db/schema'

export async function findMention(db: Kysely<Database>, id: string): Promise<MentionRow | undefined> {
  return db.selectFrom('entity_mentions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertMention(db: Kysely<Database>, row: NewMentionRow): Promise<MentionRow> {
  return db.insertInto('entity_mentions').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function deleteMention(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('entity_mentions').where('id', '=', id).execute()
}
