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

describe('a library whose schema Quotedesk did not make', () => {
  async function tampered(sql: string, options: Parameters<typeof openLibrary>[1] = {}): Promise<string> {
    const file = path.join(makeTempDir(), 'lib.quotedesk')
    await (await openLibrary(file, options)).close()
    const raw = new BetterSqlite3(file)
    raw.exec(sql)
    raw.close()
    return file
  }

  it.each([
    ['a trigger', 'CREATE TRIGGER t AFTER INSERT ON sources BEGIN SELECT 1; END', 'has a trigger "t"'],
    ['a view', 'CREATE VIEW v AS SELECT body FROM sources', 'has a view "v"'],
    ['an index', 'CREATE INDEX i ON sources (title)', 'has an index "i"'],
    ['a table', 'CREATE TABLE stash (x)', 'has a table "stash"'],
    ['a dropped trigger', 'DROP TRIGGER audit_log_no_delete', 'lacks the trigger "audit_log_no_delete"'],
    ['a dropped index', 'DROP INDEX quotes_by_source', 'lacks the index "quotes_by_source"'],
  ])('refuses %s, naming it, and leaves the file as it was', async (_what, sql, named) => {
    const file = await tampered(sql)
    const before = fs.readFileSync(file)
    await expect(openLibrary(file)).rejects.toThrow(named)
    await expect(openLibrary(file)).rejects.toThrow(/may have been tampered with\. It was not opened, and not changed/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('compares an older library with the schema of its own migrations, then upgrades it', async () => {
    const older = Object.fromEntries(Object.entries(migrations).slice(0, 4))
    const clean = await tampered('SELECT 1', { migrations: older })
    const library = await openLibrary(clean)
    expect(library.sqlite.prepare('select count(*) from kysely_migration').pluck().get()).toBe(
      Object.keys(migrations).length,
    )
    await library.close()
    await expect(openLibrary(await tampered('CREATE VIEW v AS SELECT 1', { migrations: older }))).rejects.toThrow(
      'has a view "v"',
    )
  })

  it('opens a library whose own trigger was rewritten in other case and spacing, or after ANALYZE', async () => {
    const file = await tampered(`
      DROP TRIGGER audit_log_no_update;
      create   trigger "AUDIT_LOG_NO_UPDATE" before UPDATE on audit_log
        begin select raise(ABORT, 'audit_log is append-only'); end;
      ANALYZE;`)
    const library = await openLibrary(file)
    expect(library.sqlite.prepare("select count(*) from sqlite_schema where name = 'sqlite_stat1'").pluck().get()).toBe(
      1,
    )
    await library.close()
  })

  it('sees a changed message in our trigger: string literals keep their case', async () => {
    const file = await tampered(`
      DROP TRIGGER audit_log_no_update;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'Audit_log is append-only'); END;`)
    await expect(openLibrary(file)).rejects.toThrow('has a trigger "audit_log_no_update" that differs')
  })

  it('runs with trusted_schema off and SQLite’s defensive mode on, on every open', async () => {
    const file = path.join(makeTempDir(), 'lib.quotedesk')
    for (let i = 0; i < 2; i++) {
      const library = await openLibrary(file)
      expect(library.sqlite.pragma('trusted_schema', { simple: true })).toBe(0)
      // Defensive mode (better-sqlite3 sets it): not even writable_schema lets SQL edit the schema.
      library.sqlite.pragma('writable_schema = ON')
      expect(() => library.sqlite.exec("update sqlite_schema set sql = sql where name = 'articles'")).toThrow(
        /may not be modified/,
      )
      await library.close()
    }
  })
})

describe('files the library is made of', () => {
  const modeOf = (file: string) => fs.statSync(file).mode & 0o777
  const ifModes = process.platform === 'win32' ? it.skip : it

  ifModes('creates folders for its owner only (0700) and the library, -wal and -shm 0600', async () => {
    const old = process.umask(0o022)
    try {
      const dir = makeTempDir()
      const file = path.join(dir, 'a', 'b', 'lib.quotedesk')
      const library = await openLibrary(file)
      expect([modeOf(path.join(dir, 'a')), modeOf(path.join(dir, 'a', 'b'))]).toEqual([0o700, 0o700])
      expect([file, `${file}-wal`, `${file}-shm`].map(modeOf)).toEqual([0o600, 0o600, 0o600])
      await library.close()
    } finally {
      process.umask(old)
    }
  })

  ifModes('closes an existing 0644 library to other accounts, but leaves the folder it is in alone', async () => {
    const dir = makeTempDir()
    fs.chmodSync(dir, 0o755)
    const file = path.join(dir, 'lib.quotedesk')
    await (await openLibrary(file)).close()
    fs.chmodSync(file, 0o644)
    await (await openLibrary(file)).close()
    expect([modeOf(dir), modeOf(file)]).toEqual([0o755, 0o600])
  })

  it('upgrades beside a stale pre-upgrade copy without opening or overwriting it', async () => {
    const older = Object.fromEntries(Object.entries(migrations).slice(0, -1))
    const file = path.join(makeTempDir(), 'lib.quotedesk')
    await (await openLibrary(file, { migrations: older })).close()
    const stale = `${file}.before-${Object.keys(migrations).at(-1)}.bak`
    fs.writeFileSync(stale, 'not a database')
    await (await openLibrary(file)).close()
    expect(fs.readFileSync(stale, 'utf8')).toBe('not a database')
    expect(fs.existsSync(stale.replace(/\.bak$/, '-2.bak'))).toBe(true)
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('says which file it could not create, and why', async () => {
    const dir = makeTempDir()
    const blocker = path.join(dir, 'not-a-folder')
    fs.writeFileSync(blocker, '')
    await expect(openLibrary(path.join(blocker, 'lib.quotedesk'))).rejects.toThrow(
      `Cannot create a library at ${path.join(blocker, 'lib.quotedesk')}`,
    )
  })
})
