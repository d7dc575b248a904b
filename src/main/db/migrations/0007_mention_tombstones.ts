import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// An analyser's mention that a person removed stays as a tombstone, so the next analysis does not
// tag the same words again: a user's decision is never overwritten.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE entity_mentions ADD COLUMN is_removed INTEGER NOT NULL DEFAULT 0 CHECK (is_removed IN (0, 1))`.execute(
    db,
  )
}
