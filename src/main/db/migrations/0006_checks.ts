import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// The alignment's last proposal is kept beside the editor's status: the tool proposes, a person decides.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE quotes ADD COLUMN verdict TEXT
      CHECK (verdict IN ('exact', 'altered', 'elided', 'bracketed', 'partial', 'not_found'))`.execute(db)
  await sql`ALTER TABLE quotes ADD COLUMN verdict_score REAL CHECK (verdict_score >= 0 AND verdict_score <= 1)`.execute(
    db,
  )
  await sql`ALTER TABLE quotes ADD COLUMN verdict_at TEXT`.execute(db)

  // Entities the analyser added on its own are not yet "known" names: a misspelling it picked up from
  // one article must not become the spelling every other article is checked against.
  await sql`
    ALTER TABLE entities ADD COLUMN origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('user', 'analysis'))`.execute(
    db,
  )

  // A name flag the editor dismissed stays dismissed: for one article, or everywhere when article_id is null.
  await sql`
    CREATE TABLE name_flag_dismissals (
      id TEXT PRIMARY KEY,
      article_id TEXT REFERENCES articles (id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      suggestion TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX name_flag_dismissals_by_text ON name_flag_dismissals (text, suggestion)`.execute(db)
}
