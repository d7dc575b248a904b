import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Migration,
  type SqliteDialectConfig,
} from 'kysely'
import { QuotedeskError } from '../../shared/errors'
import { createPrivateFile, freeName, makePrivate, PRIVATE_DIR_MODE, removeWithSidecars, tempSibling } from './files'
import { assertNotLocked, BUSY_TIMEOUT_MS, isBusyError, libraryInUse } from './lock'
import { migrations as allMigrations } from './migrations'
import type { Database } from './schema'
import { readSchema, schemaDifference, type SchemaObject } from './schema-check'
import { isCannotWriteBeside, storeTrouble, whyCannotWrite } from './sqlite-errors'

/** Written into the file header so Quotedesk never mistakes another app's SQLite file for a library. */
export const APPLICATION_ID = 0x51444b31 // "QDK1"

/** SQLite before 3.51.3 can corrupt WAL databases used by two connections (the WAL-reset bug). */
const MIN_SQLITE = [3, 51, 3] as const

// The stock adapter reports no transactional DDL, so Kysely's Migrator would run SQLite
// migrations outside a transaction and a failure half-way would brick the file.
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

// BEGIN IMMEDIATE takes the write lock up front, so a second process (the CLI beside the app)
// waits on busy_timeout instead of failing with SQLITE_BUSY when a read upgrades to a write.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class QuotedeskDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig

  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter()
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

export interface OpenLibraryOptions {
  /** Electron passes its own ABI build of better-sqlite3 here; Node uses the default. */
  nativeBinding?: string
  /** Tests swap in a failing migration; the app always uses the full list. */
  migrations?: Record<string, Migration>
}

export interface Library {
  path: string
  db: Kysely<Database>
  sqlite: BetterSqlite3.Database
  /**
   * Why the library is open read-only ("its folder is read-only", "the disk is full", "the file
   * is read-only"), or null. A read-only library can be read, exported and backed up elsewhere;
   * every change fails with SQLITE_READONLY.
   */
  readOnly: string | null
  close(): Promise<void>
}

/**
 * Every connection Quotedesk opens. SQL kept in a library file (triggers, views, defaults) may
 * call only functions SQLite marks harmless (trusted_schema=OFF). better-sqlite3 turns on
 * SQLITE_DBCONFIG_DEFENSIVE on every connection unless `unsafeMode()` is called, which Quotedesk
 * never does, so no statement can write sqlite_schema or an FTS shadow table directly.
 */
export function connectSqlite(file: string | Buffer, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS, ...options })
  sqlite.pragma('trusted_schema = OFF')
  return sqlite
}

/** Settings that SQLite does not keep in the file, so they are applied on every open. */
export function applyPragmas(sqlite: BetterSqlite3.Database, isReadOnly = false): void {
  // A read-only library is already in WAL mode (or is an in-memory copy), and switching writes.
  if (!isReadOnly) sqlite.pragma('journal_mode = WAL')
  // better-sqlite3 reopens a WAL file at NORMAL; FULL keeps the last commits across power loss.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  // Every write then fails alike, SQLITE_READONLY, whatever made the library read-only.
  if (isReadOnly) sqlite.pragma('query_only = ON')
}

export function createMigrator(db: Kysely<Database>, migrations: Record<string, Migration> = allMigrations): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
}

function assertSqliteVersion(sqlite: BetterSqlite3.Database): void {
  const version = sqlite.prepare('select sqlite_version() as v').get() as { v: string }
  const parts = version.v.split('.').map(Number)
  for (let i = 0; i < MIN_SQLITE.length; i++) {
    const have = parts[i] ?? 0
    const need = MIN_SQLITE[i] ?? 0
    if (have > need) return
    if (have < need) {
      throw new QuotedeskError(
        'internal',
        `SQLite ${version.v} is too old: Quotedesk needs ${MIN_SQLITE.join('.')} or newer`,
      )
    }
  }
}

function tableNames(sqlite: BetterSqlite3.Database): string[] {
  return (sqlite.prepare("select name from sqlite_schema where type = 'table'").all() as { name: string }[]).map(
    (row) => row.name,
  )
}

/** What to do about `reason` (from whyCannotWrite), as the start of a sentence. */
function fixFor(reason: string): string {
  if (reason === 'the disk is full') return 'Free some space on the disk and open it again'
  if (reason.includes('read-only')) return 'Fix the permissions, or open a copy in a folder you can write to'
  return 'Open a copy in a folder you can write to'
}

/** The one message for a library that SQLite could not read, by what the failure really is. */
function openFailure(err: unknown, file: string): QuotedeskError {
  if (err instanceof QuotedeskError) return err
  const message = (err as Error).message
  const trouble = storeTrouble(err)
  // A lock held by another process is not damage: saying so would send people to their backups.
  if (trouble === 'busy') return libraryInUse(file)
  if (trouble === null || trouble === 'damaged') {
    return new QuotedeskError(
      'unsupported_file',
      `The library at ${file} is damaged or is not a SQLite database (${message}). It was not changed; restore it from a backup.`,
    )
  }
  if (trouble === 'io') {
    return new QuotedeskError(
      'internal',
      `Could not read the library at ${file}: the disk reported an error (${message}). It was not changed; check that the disk is connected and has free space, then try again.`,
    )
  }
  const reason = whyCannotWrite(path.dirname(file), err)
  return new QuotedeskError(
    'internal',
    `Could not open the library at ${file}: ${reason} (${message}). It was not changed. ${fixFor(reason)}.`,
  )
}

/** Refuses a file that is damaged or belongs to another program before anything writes to it. */
function checkFile(sqlite: BetterSqlite3.Database, file: string): void {
  let check: unknown
  let tables: string[]
  try {
    check = sqlite.pragma('quick_check', { simple: true })
    tables = tableNames(sqlite)
  } catch (err) {
    // The caller may still read it another way (openReadable).
    if (isCannotWriteBeside(err)) throw err
    throw openFailure(err, file)
  }
  if (check !== 'ok') {
    throw new QuotedeskError(
      'unsupported_file',
      `The library at ${file} is damaged or is not a SQLite database (${String(check)}). It was not changed; restore it from a backup.`,
    )
  }
  const appId = sqlite.pragma('application_id', { simple: true }) as number
  if (appId !== APPLICATION_ID && tables.length > 0) {
    throw new QuotedeskError(
      'unsupported_file',
      `The file at ${file} is a SQLite database of another program, not a Quotedesk library. It was not changed.`,
    )
  }
}

/**
 * A library SQLite cannot open where it is: a WAL database is read through a -shm file beside
 * it, which a read-only folder or a full disk cannot hold. With no -wal left (the library was
 * closed cleanly, so the main file is all of it) its bytes are read into memory and opened from
 * there, read-only.
 */
function openInMemory(file: string, reason: string, options: OpenLibraryOptions): BetterSqlite3.Database {
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })
  if (wal && wal.size > 0) {
    throw new QuotedeskError(
      'internal',
      `Could not open the library at ${file}: ${reason}, and ${file}-wal holds changes from a session that did not finish, which only a library that can be written to can take in. It was not changed. ${fixFor(reason)}.`,
    )
  }
  const bytes = fs.readFileSync(file)
  // Header bytes 18 and 19 say "WAL", which an in-memory database cannot be.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20)
  return connectSqlite(bytes, { readonly: true, ...nativeBindingOf(options) })
}

function nativeBindingOf(options: OpenLibraryOptions): BetterSqlite3.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
}

function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Opens and checks the library, read-only when it cannot be written to. */
function openReadable(
  file: string,
  options: OpenLibraryOptions,
): { sqlite: BetterSqlite3.Database; readOnly: string | null } {
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = connectSqlite(file, nativeBindingOf(options))
  } catch (err) {
    throw openFailure(err, file)
  }
  try {
    checkFile(sqlite, file)
    // SQLite opens a file it may not write read-only without saying so.
    return { sqlite, readOnly: isWritable(file) ? null : 'the file is read-only' }
  } catch (err) {
    sqlite.close()
    if (!isCannotWriteBeside(err)) throw err
    const reason = whyCannotWrite(path.dirname(file), err)
    const copy = openInMemory(file, reason, options)
    try {
      checkFile(copy, file)
      return { sqlite: copy, readOnly: reason }
    } catch (err) {
      copy.close()
      throw openFailure(err, file)
    }
  }
}

function checkNotNewer(sqlite: BetterSqlite3.Database, file: string, known: Record<string, Migration>): string[] {
  if (!tableNames(sqlite).includes('kysely_migration')) return []
  const applied = (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (row) => row.name,
  )
  const unknown = applied.filter((name) => !Object.hasOwn(known, name))
  if (unknown.length > 0) {
    throw new QuotedeskError(
      'unsupported_file',
      `The library at ${file} was made by a newer version of Quotedesk (it has ${unknown.join(', ')}). Update Quotedesk to open it; the file was not changed.`,
    )
  }
  return applied
}

const expectedSchemas = new WeakMap<Record<string, Migration>, Map<string, Promise<SchemaObject[]>>>()

async function buildSchema(
  migrations: Record<string, Migration>,
  options: OpenLibraryOptions,
): Promise<SchemaObject[]> {
  const memory = connectSqlite(':memory:', nativeBindingOf(options))
  const db = new Kysely<Database>({ dialect: new QuotedeskDialect({ database: memory }) })
  try {
    // Run even with no migrations: the Migrator's own two tables are part of every library.
    const { error } = await createMigrator(db, migrations).migrateToLatest()
    if (error) throw error
    return readSchema(memory)
  } finally {
    await db.destroy()
  }
}

/** The schema the migrations named in `applied` make in an empty database; built once per set. */
function expectedSchema(
  migrations: Record<string, Migration>,
  applied: readonly string[],
  options: OpenLibraryOptions,
): Promise<SchemaObject[]> {
  let bySet = expectedSchemas.get(migrations)
  if (!bySet) {
    bySet = new Map()
    expectedSchemas.set(migrations, bySet)
  }
  const names = [...applied].sort()
  const cacheKey = names.join('\n')
  let schema = bySet.get(cacheKey)
  if (!schema) {
    const subset = Object.fromEntries(names.flatMap((name) => (migrations[name] ? [[name, migrations[name]]] : [])))
    schema = buildSchema(subset, options)
    const cache = bySet
    schema.catch(() => cache.delete(cacheKey))
    bySet.set(cacheKey, schema)
  }
  return schema
}

/**
 * Compares the library's schema with the one its applied migrations make, so a trigger, view or
 * index that someone added (or a trigger of ours they dropped) is refused before it can run.
 * Returns a phrase to follow the file's name, or null for a schema Quotedesk made.
 *
 * @example
 *   await schemaProblem(sqlite, migrations, ['0001_library']) // null, or 'has a trigger "x" …'
 */
export async function schemaProblem(
  sqlite: BetterSqlite3.Database,
  migrations: Record<string, Migration>,
  applied: readonly string[],
  options: OpenLibraryOptions = {},
): Promise<string | null> {
  const actual = readSchema(sqlite)
  // A new, empty file.
  if (actual.length === 0) return null
  const hasHistory = actual.some((object) => object.name === 'kysely_migration')
  // A library without the Migrator's tables has no history, so nothing of Quotedesk's is expected.
  const expected = (await expectedSchema(migrations, applied, options)).filter(
    (object) => hasHistory || !object.tblName.startsWith('kysely_migration'),
  )
  const difference = schemaDifference(actual, expected)
  return difference && `${difference}; it may have been tampered with`
}

/** Makes the library's folder (owner only) and an empty library file (owner only) if they are missing. */
function prepareLibraryFile(file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE })
    createPrivateFile(file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && fs.existsSync(file)) return
    const reason = whyCannotWrite(path.dirname(file), err)
    throw new QuotedeskError(
      'internal',
      `Cannot create a library at ${file}: ${reason} (${(err as Error).message}). ${fixFor(reason)}.`,
    )
  }
}

/**
 * The copy made before an upgrade, through SQLite's backup API (never a file copy of an open
 * database). Written under a temporary name and renamed when whole, to a name no file has yet:
 * a leftover file from an earlier attempt is neither opened nor overwritten.
 */
async function backupBeforeUpgrade(sqlite: BetterSqlite3.Database, file: string, migration: string): Promise<void> {
  const target = freeName((n) => `${file}.before-${migration}${n > 1 ? `-${n}` : ''}.bak`)
  const temp = tempSibling(target, 'partial')
  try {
    createPrivateFile(temp)
    await sqlite.backup(temp)
    fs.renameSync(temp, target)
  } catch (err) {
    const reason = whyCannotWrite(path.dirname(file), err)
    throw new QuotedeskError(
      'internal',
      `Could not upgrade the library at ${file}: the copy kept before an upgrade could not be written to ${target}: ${reason} (${(err as Error).message}). The library was not changed. ${fixFor(reason)}.`,
    )
  } finally {
    removeWithSidecars(temp)
  }
}

/**
 * Opens (creating if needed) the library file, checks it, applies the pragmas, backs the file up
 * and migrates it to the latest schema in one transaction. A library that cannot be written to
 * (a read-only file or folder, a full disk) opens read-only when it needs no upgrade.
 *
 * @example
 *   const library = await openLibrary('/tmp/news.quotedesk')
 */
export async function openLibrary(file: string, options: OpenLibraryOptions = {}): Promise<Library> {
  const migrations = options.migrations ?? allMigrations
  const resolved = path.resolve(file)
  prepareLibraryFile(resolved)
  const { sqlite, readOnly } = openReadable(resolved, options)
  let db: Kysely<Database> | undefined
  try {
    assertSqliteVersion(sqlite)
    const applied = checkNotNewer(sqlite, resolved, migrations)
    const tampered = await schemaProblem(sqlite, migrations, applied, options)
    if (tampered) {
      throw new QuotedeskError(
        'unsupported_file',
        `The library at ${resolved} ${tampered}. It was not opened, and not changed; use a backup you trust.`,
      )
    }
    const pending = Object.keys(migrations).filter((name) => !applied.includes(name))
    const isMarked = sqlite.pragma('application_id', { simple: true }) === APPLICATION_ID
    if (readOnly && (pending.length > 0 || !isMarked)) {
      const what = isMarked
        ? `was made by an older Quotedesk and must be upgraded before this one can open it, but ${readOnly}`
        : `cannot be made into a library: ${readOnly}`
      throw new QuotedeskError(
        'internal',
        `The ${isMarked ? 'library' : 'file'} at ${resolved} ${what}. It was not changed. ${fixFor(readOnly)}.`,
      )
    }
    // Only an open that must write (a new file, an upgrade) needs the write lock: a library that
    // another Quotedesk is writing to still opens, since WAL readers never wait (docs/RELIABILITY.md).
    if (pending.length > 0 || !isMarked) assertNotLocked(sqlite, resolved)
    applyPragmas(sqlite, readOnly !== null)
    if (!isMarked) sqlite.pragma(`application_id = ${APPLICATION_ID}`)
    if (applied.length > 0 && pending.length > 0) await backupBeforeUpgrade(sqlite, resolved, pending.at(-1) ?? '')

    db = new Kysely<Database>({ dialect: new QuotedeskDialect({ database: sqlite }) })
    const { error } = pending.length > 0 ? await createMigrator(db, migrations).migrateToLatest() : { error: null }
    if (error) {
      if (isBusyError(error)) throw libraryInUse(resolved)
      const reason = storeTrouble(error) === 'full' ? ` ${fixFor('the disk is full')}.` : ''
      throw new QuotedeskError(
        'internal',
        `Could not upgrade the library at ${resolved}: ${error instanceof Error ? error.message : String(error)}. It was left as it was.${reason}`,
      )
    }
    if (!readOnly) makePrivate(resolved)
    const library: Library = {
      path: resolved,
      db,
      sqlite,
      readOnly,
      close: async () => {
        await library.db.destroy()
      },
    }
    return library
  } catch (err) {
    if (db) await db.destroy()
    else sqlite.close()
    // Another process took the lock between the probe and our first write.
    if (isBusyError(err)) throw libraryInUse(resolved)
    throw err
  }
}
