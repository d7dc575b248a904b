import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE articles (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      word_count INTEGER NOT NULL DEFAULT 0,
      published_on TEXT,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'approved')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db)

  await sql`
    CREATE TABLE entities (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'work', 'place', 'other')),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db)

  await sql`
    CREATE TABLE entity_aliases (
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
      alias_key TEXT NOT NULL,
      PRIMARY KEY (entity_id, alias_key)
    ) STRICT`.execute(db)
  await sql`CREATE INDEX entity_aliases_by_key ON entity_aliases (alias_key)`.execute(db)

  await sql`
    CREATE TABLE sources (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('interview', 'document', 'web', 'press_release', 'other')),
      title TEXT NOT NULL,
      url TEXT,
      outlet TEXT,
      source_date TEXT,
      body TEXT NOT NULL DEFAULT '',
      is_confidential INTEGER NOT NULL DEFAULT 0 CHECK (is_confidential IN (0, 1)),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db)

  await sql`
    CREATE TABLE quotes (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
      end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
      text TEXT NOT NULL,
      prefix TEXT NOT NULL DEFAULT '',
      suffix TEXT NOT NULL DEFAULT '',
      is_partial INTEGER NOT NULL DEFAULT 0 CHECK (is_partial IN (0, 1)),
      speaker_entity_id TEXT REFERENCES entities (id) ON DELETE SET NULL,
      source_id TEXT REFERENCES sources (id) ON DELETE SET NULL,
      status TEXT NOT NULL DEFAULT 'unverified'
        CHECK (status IN ('unverified', 'verified', 'altered', 'not_found', 'disputed')),
      note TEXT NOT NULL DEFAULT '',
      checked_by TEXT,
      checked_at TEXT,
      origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis', 'user')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX quotes_by_article ON quotes (article_id, start_offset)`.execute(db)
  await sql`CREATE INDEX quotes_by_speaker ON quotes (speaker_entity_id)`.execute(db)
  await sql`CREATE INDEX quotes_by_source ON quotes (source_id)`.execute(db)

  await sql`
    CREATE TABLE entity_mentions (
      id TEXT PRIMARY KEY,
      article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
      end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
      text TEXT NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX entity_mentions_by_article ON entity_mentions (article_id, start_offset)`.execute(db)
  await sql`CREATE INDEX entity_mentions_by_entity ON entity_mentions (entity_id)`.execute(db)
}
