import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// When each line of a timed transcript (.vtt, .srt) was said: a JSON array of
// { start, end, time } with offsets into the source's body. Existing sources have none.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE sources ADD COLUMN timings TEXT NOT NULL DEFAULT '[]'
      CHECK (json_valid(timings) AND json_type(timings) = 'array')`.execute(db)
}
