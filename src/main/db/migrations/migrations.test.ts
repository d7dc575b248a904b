import path from 'node:path'
import { Kysely } from 'kysely'
import { SqliteDialect } from 'kysely'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../test/helpers/db'
import { APPLICATION_ID, applyPragmas, createMigrator, openLibrary } from '../connection'
import type { Database } from '../schema'
import { migrations } from '.'

async function freshDb(): Promise<{ file: string; db: Kysely<Database>; sqlite: BetterSqlite3.Database }> {
  const file = path.join(makeTempDir(), 'lib.quotedesk')
  const sqlite = new BetterSqlite3(file)
  applyPragmas(sqlite)
  // As every library made by openLibrary is marked, whatever its schema version.
  sqlite.pragma(`application_id = ${APPLICATION_ID}`)
  return { file, sqlite, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }) }
}

describe('migrations, one step at a time', () => {
  it('0001_library: articles, entities, sources, quotes with their constraints', async () => {
    const { db, sqlite } = await freshDb()
    const { error } = await createMigrator(db).migrateTo('0001_library')
    expect(error).toBeUndefined()
    const stamp = '2025-01-01T00:00:00.000Z'
    sqlite
      .prepare('insert into articles (id, title, body, created_at, updated_at) values (?, ?, ?, ?, ?)')
      .run('a1', 'T', 'Body', stamp, stamp)
    // A quote must belong to an article and end after it starts.
    const insertQuote = sqlite.prepare(
      'insert into quotes (id, article_id, start_offset, end_offset, text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
    )
    expect(() => insertQuote.run('q1', 'missing', 0, 4, 'Body', stamp, stamp)).toThrow(/FOREIGN KEY/)
    expect(() => insertQuote.run('q2', 'a1', 4, 2, 'Bo', stamp, stamp)).toThrow(/CHECK/)
    expect(() =>
      sqlite
        .prepare('insert into articles (id, title, body, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
        .run('a2', 'T', 'B', 'published', stamp, stamp),
    ).toThrow(/CHECK/)
    // STRICT tables refuse a value of the wrong type.
    expect(() =>
      sqlite
        .prepare(
          'insert into quotes (id, article_id, start_offset, end_offset, text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
        )
        .run('q3', 'a1', 'zero', 4, 'Body', stamp, stamp),
    ).toThrow(/cannot store TEXT value in INTEGER column/)
    insertQuote.run('q4', 'a1', 0, 4, 'Body', stamp, stamp)
    sqlite.prepare("delete from articles where id = 'a1'").run()
    expect(sqlite.prepare('select count(*) from quotes').pluck().get()).toBe(0)
    await db.destroy()
  })

  it('0002_audit_settings: the audit log is append-only', async () => {
    const { db, sqlite } = await freshDb()
    expect((await createMigrator(db).migrateTo('0002_audit_settings')).error).toBeUndefined()
    sqlite
      .prepare(
        "insert into audit_log (at, actor, subject_type, subject_id, action) values ('t', 'me', 'article', 'a1', 'created')",
      )
      .run()
    expect(() => sqlite.prepare("update audit_log set actor = 'someone else'").run()).toThrow(/append-only/)
    expect(() => sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/)
    expect(() =>
      sqlite
        .prepare(
          "insert into audit_log (at, actor, subject_type, subject_id, action, detail) values ('t', 'me', 'article', 'a1', 'x', 'not json')",
        )
        .run(),
    ).toThrow(/CHECK/)
    await db.destroy()
  })

  it('0003_search: indexes what earlier versions stored, then keeps the index in step', async () => {
    const { db, sqlite, file } = await freshDb()
    expect((await createMigrator(db).migrateTo('0002_audit_settings')).error).toBeUndefined()
    const stamp = '2025-01-01T00:00:00.000Z'
    sqlite
      .prepare('insert into articles (id, title, body, created_at, updated_at) values (?, ?, ?, ?, ?)')
      .run('a1', 'Council vote', 'The mayor said the budget was “a forever love”.', stamp, stamp)
    sqlite
      .prepare('insert into sources (id, kind, title, body, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
      .run('s1', 'interview', 'Mayor transcript', 'We talked about the harbour.', stamp, stamp)
    await db.destroy()

    // Upgrading through the app's own open path (backup, then migrate).
    const library = await openLibrary(file)
    const match = (table: string, q: string) =>
      library.sqlite.prepare(`select count(*) from ${table} where ${table} match ?`).pluck().get(q)
    expect(match('articles_fts', 'forever')).toBe(1)
    expect(match('sources_fts', 'harbour')).toBe(1)
    library.sqlite.prepare("update articles set body = 'Nothing here' where id = 'a1'").run()
    expect(match('articles_fts', 'forever')).toBe(0)
    expect(match('articles_fts', 'nothing')).toBe(1)
    library.sqlite.prepare("delete from articles where id = 'a1'").run()
    expect(match('articles_fts', 'nothing')).toBe(0)
    // FTS5 raises SQLITE_CORRUPT_VTAB here if the index and the table disagree.
    expect(() =>
      library.sqlite.prepare("insert into articles_fts(articles_fts) values ('integrity-check')").run(),
    ).not.toThrow()
    await library.close()
  })

  it('0005_source_timings: existing sources get no timings, and only a JSON array is stored', async () => {
    const { db, sqlite } = await freshDb()
    expect((await createMigrator(db).migrateTo('0004_quote_analysis')).error).toBeUndefined()
    const stamp = '2025-01-01T00:00:00.000Z'
    sqlite
      .prepare('insert into sources (id, kind, title, body, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
      .run('s1', 'interview', 'Mayor transcript', 'We talked about the harbour.', stamp, stamp)
    expect((await createMigrator(db).migrateTo('0005_source_timings')).error).toBeUndefined()
    expect(sqlite.prepare("select timings from sources where id = 's1'").pluck().get()).toBe('[]')
    const setTimings = sqlite.prepare("update sources set timings = ? where id = 's1'")
    expect(() => setTimings.run('not json')).toThrow(/CHECK/)
    expect(() => setTimings.run('{"start":0}')).toThrow(/CHECK/)
    setTimings.run('[{"start":0,"end":9,"time":"00:00:01.000"}]')
    await db.destroy()
  })

  it('runs the whole chain from an empty file', async () => {
    const { db } = await freshDb()
    const { error, results } = await createMigrator(db).migrateToLatest()
    expect(error).toBeUndefined()
    expect(results?.map((r) => [r.migrationName, r.status])).toEqual(
      Object.keys(migrations)
        .sort()
        .map((name) => [name, 'Success']),
    )
    await db.destroy()
  })
})

describe('0006_checks', () => {
  it('keeps existing entities as the user’s own and starts quotes with no verdict', async () => {
    const { db, sqlite } = await freshDb()
    expect((await createMigrator(db).migrateTo('0005_source_timings')).error).toBeUndefined()
    const stamp = '2025-01-01T00:00:00.000Z'
    sqlite
      .prepare('insert into entities (id, kind, name, created_at, updated_at) values (?, ?, ?, ?, ?)')
      .run('e1', 'person', 'Alice Oseman', stamp, stamp)
    sqlite
      .prepare('insert into articles (id, title, body, created_at, updated_at) values (?, ?, ?, ?, ?)')
      .run('a1', 'T', '“Hi,” she said.', stamp, stamp)
    sqlite
      .prepare(
        'insert into quotes (id, article_id, start_offset, end_offset, text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
      )
      .run('q1', 'a1', 0, 5, '“Hi,”', stamp, stamp)
    expect((await createMigrator(db).migrateTo('0006_checks')).error).toBeUndefined()
    expect(sqlite.prepare("select origin from entities where id = 'e1'").pluck().get()).toBe('user')
    expect(sqlite.prepare("select verdict, verdict_score from quotes where id = 'q1'").get()).toEqual({
      verdict: null,
      verdict_score: null,
    })
    expect(() => sqlite.prepare("update quotes set verdict = 'probably' where id = 'q1'").run()).toThrow(/CHECK/)
    await db.destroy()
  })
})

describe('0007_mention_tombstones', () => {
  it('keeps existing mentions visible', async () => {
    const { db, sqlite } = await freshDb()
    expect((await createMigrator(db).migrateTo('0006_checks')).error).toBeUndefined()
    const stamp = '2025-01-01T00:00:00.000Z'
    sqlite
      .prepare('insert into entities (id, kind, name, created_at, updated_at) values (?, ?, ?, ?, ?)')
      .run('e1', 'person', 'Alice Oseman', stamp, stamp)
    sqlite
      .prepare('insert into articles (id, title, body, created_at, updated_at) values (?, ?, ?, ?, ?)')
      .run('a1', 'T', 'Alice Oseman said.', stamp, stamp)
    sqlite
      .prepare(
        'insert into entity_mentions (id, article_id, entity_id, start_offset, end_offset, text) values (?, ?, ?, ?, ?, ?)',
      )
      .run('m1', 'a1', 'e1', 0, 12, 'Alice Oseman')
    expect((await createMigrator(db).migrateTo('0007_mention_tombstones')).error).toBeUndefined()
    expect(sqlite.prepare("select is_removed from entity_mentions where id = 'm1'").pluck().get()).toBe(0)
    await db.destroy()
  })
})
