import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// What the analyser found (kind, confidence, cue, paragraph group) and what a user decided
// (a confirmed speaker, a removed false quote), kept apart so re-analysis never overwrites a decision.
export async function up(db: Kysely<any>): Promise<void> {
  const quoteColumns = [
    sql`kind TEXT NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct', 'partial', 'block', 'document'))`,
    sql`confidence REAL NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1)`,
    sql`cue_start INTEGER`,
    sql`cue_end INTEGER`,
    sql`group_key TEXT`,
    sql`needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1))`,
    // A speaker named in the text that is not an entity, such as a quoted document.
    sql`speaker_label TEXT`,
    sql`speaker_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (speaker_confirmed IN (0, 1))`,
    // A false quote the user removed stays as a tombstone so re-analysis does not bring it back.
    sql`is_removed INTEGER NOT NULL DEFAULT 0 CHECK (is_removed IN (0, 1))`,
    // 'lost' when the article changed outside the editor and the quote's words are gone.
    sql`anchor TEXT NOT NULL DEFAULT 'ok' CHECK (anchor IN ('ok', 'lost'))`,
  ]
  for (const column of quoteColumns) await sql`ALTER TABLE quotes ADD COLUMN ${column}`.execute(db)

  await sql`
    ALTER TABLE entity_mentions ADD COLUMN origin TEXT NOT NULL DEFAULT 'analysis'
      CHECK (origin IN ('analysis', 'user'))`.execute(db)

  await sql`
    CREATE TABLE entity_roles (
      id TEXT PRIMARY KEY,
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      of_name TEXT
    ) STRICT`.execute(db)
  await sql`CREATE INDEX entity_roles_by_article ON entity_roles (article_id)`.execute(db)
  await sql`CREATE INDEX entity_roles_by_entity ON entity_roles (entity_id)`.execute(db)
}
