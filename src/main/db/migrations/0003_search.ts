import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// External-content FTS5 tables keyed by each table's integer `seq`, kept in sync by triggers
// so that no code path can forget to index (Signal's pattern).
const indexed = [
  { table: 'articles', fts: 'articles_fts', columns: ['title', 'body'] },
  { table: 'quotes', fts: 'quotes_fts', columns: ['text'] },
  { table: 'sources', fts: 'sources_fts', columns: ['title', 'body'] },
] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, fts, columns } of indexed) {
    const cols = sql.raw(columns.join(', '))
    const newCols = sql.raw(columns.map((c) => `new.${c}`).join(', '))
    const oldCols = sql.raw(columns.map((c) => `old.${c}`).join(', '))
    const ftsName = sql.raw(fts)
    const tableName = sql.raw(table)

    await sql`
      CREATE VIRTUAL TABLE ${ftsName} USING fts5(
        ${cols}, content='${sql.raw(table)}', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2'
      )`.execute(db)
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_fts_insert`)} AFTER INSERT ON ${tableName} BEGIN
        INSERT INTO ${ftsName} (rowid, ${cols}) VALUES (new.seq, ${newCols});
      END`.execute(db)
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_fts_delete`)} AFTER DELETE ON ${tableName} BEGIN
        INSERT INTO ${ftsName} (${ftsName}, rowid, ${cols}) VALUES ('delete', old.seq, ${oldCols});
      END`.execute(db)
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_fts_update`)} AFTER UPDATE OF ${cols} ON ${tableName} BEGIN
        INSERT INTO ${ftsName} (${ftsName}, rowid, ${cols}) VALUES ('delete', old.seq, ${oldCols});
        INSERT INTO ${ftsName} (rowid, ${cols}) VALUES (new.seq, ${newCols});
      END`.execute(db)
    // Index whatever an earlier version already stored.
    await sql`INSERT INTO ${ftsName} (${ftsName}) VALUES ('rebuild')`.execute(db)
  }
}
