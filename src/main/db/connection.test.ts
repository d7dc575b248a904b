import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql, type Migration } from 'kysely'
import { describe, expect, it } from 'vitest'
import { makeTempDir, makeTestDb } from '../../../test/helpers/db'
import { APPLICATION_ID, openLibrary } from './connection'
import { migrations } from './migrations'

function pragmas(sqlite: BetterSqlite3.Database) {
  return {
    journal: sqlite.pragma('journal_mode', { simple: true }),
    synchronous: sqlite.pragma('synchronous', { simple: true }),
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }),
    busyTimeout: sqlite.pragma('busy_timeout', { simple: true }),
  }
}

describe('openLibrary', () => {
  it('applies WAL, synchronous FULL, foreign keys and a busy timeout on every open, including a reopen', async () => {
    const file = path.join(makeTempDir(), 'lib.quotedesk')
    const first = await openLibrary(file)
    expect(pragmas(first.sqlite)).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 })
    await first.close()

    // better-sqlite3 reopens a WAL file at synchronous=NORMAL: only a reopen proves FULL is set.
    const plain = new BetterSqlite3(file)
    expect(plain.pragma('synchronous', { simple: true })).toBe(1)
    plain.close()

    const again = await openLibrary(file)
    expect(pragmas(again.sqlite)).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 })
    await again.close()
  })

  it('creates every table, marks the file as a Quotedesk library and records all migrations', async () => {
    const library = await makeTestDb()
    const tables = library.sqlite
      .prepare("select name from sqlite_schema where type in ('table') and name not like 'sqlite_%' order by name")
      .pluck()
      .all()
    for (const table of [
      'articles',
      'entities',
      'entity_aliases',
      'sources',
      'quotes',
      'entity_mentions',
      'audit_log',
      'settings',
      'articles_fts',
      'quotes_fts',
      'sources_fts',
    ]) {
      expect(tables).toContain(table)
    }
    expect(library.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    const applied = library.sqlite.prepare('select name from kysely_migration order by name').pluck().all()
    expect(applied).toEqual(Object.keys(migrations).sort())
  })

  it('refuses a SQLite file that belongs to another program and leaves it untouched', async () => {
    const file = path.join(makeTempDir(), 'other.sqlite')
    const other = new BetterSqlite3(file)
    other.exec('create table notes (body text); insert into notes values (1)')
    other.close()
    const before = fs.readFileSync(file)
    await expect(openLibrary(file)).rejects.toThrow(/another program/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a file that is not a database and leaves it untouched', async () => {
    const file = path.join(makeTempDir(), 'garbage.quotedesk')
    const bytes = Buffer.alloc(8192, 7)
    fs.writeFileSync(file, bytes)
    await expect(openLibrary(file)).rejects.toThrow(/damaged or is not a SQLite database/)
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
  })

  it('refuses a library made by a newer Quotedesk without changing it', async () => {
    const file = path.join(makeTempDir(), 'lib.quotedesk')
    const library = await openLibrary(file)
    library.sqlite
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('9999_from_the_future', new Date().toISOString())
    await library.close()
    const before = fs.readFileSync(file)
    await expect(openLibrary(file)).rejects.toThrow(/newer version of Quotedesk/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('rolls back a failing migration completely: same schema, same data, same history, and it opens again', async () => {
    const file = path.join(makeTempDir(), 'lib.quotedesk')
    const library = await openLibrary(file)
    library.sqlite.prepare("insert into settings (key, value) values ('kept', 'yes')").run()
    const schemaBefore = library.sqlite.prepare('select type, name, sql from sqlite_schema order by name').all()
    const historyBefore = library.sqlite.prepare('select name from kysely_migration order by name').all()
    await library.close()

    const failing: Migration = {
      async up(db) {
        await sql`create table half_done (id integer)`.execute(db)
        await sql`insert into settings (key, value) values ('half', 'done')`.execute(db)
        throw new Error('boom')
      },
    }
    await expect(openLibrary(file, { migrations: { ...migrations, '9000_broken': failing } })).rejects.toThrow(
      /Could not upgrade the library.*boom.*left as it was/,
    )

    const reopened = await openLibrary(file)
    expect(reopened.sqlite.prepare('select type, name, sql from sqlite_schema order by name').all()).toEqual(
      schemaBefore,
    )
    expect(reopened.sqlite.prepare('select name from kysely_migration order by name').all()).toEqual(historyBefore)
    expect(reopened.sqlite.prepare('select key, value from settings order by key').all()).toEqual([
      { key: 'kept', value: 'yes' },
    ])
    await reopened.close()
    // The attempt was preceded by a backup made through SQLite's backup API.
    expect(fs.existsSync(`${file}.before-9000_broken.bak`)).toBe(true)
  })

  it('runs on SQLite 3.51.3 or newer (the WAL-reset bug is fixed there)', async () => {
    const library = await makeTestDb()
    const version = library.sqlite.prepare('select sqlite_version()').pluck().get() as string
    const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number)
    expect(major * 1_000_000 + minor * 1000 + patch).toBeGreaterThanOrEqual(3_051_003)
  })
})

describe('migrations folder', () => {
  it('lists every migration file in the explicit map, so a bundled main process runs them all', () => {
    const dir = path.join(import.meta.dirname, 'migrations')
    const files = fs
      .readdirSync(dir)
      .filter((name) => /^\d{4}_.+\.ts$/.test(name) && !name.endsWith('.test.ts'))
      .map((name) => name.replace(/\.ts$/, ''))
    expect(Object.keys(migrations).sort()).toEqual(files.sort())
  })
})
