import fs from 'node:fs'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { QuotedeskError } from '../../shared/errors'
import { APPLICATION_ID, connectSqlite, schemaProblem } from '../db/connection'
import {
  createPrivateFile,
  freeName,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  removeWithSidecars,
  SIDECARS,
  tempSibling,
} from '../db/files'
import { assertNotLocked } from '../db/lock'
import { migrations as knownMigrations } from '../db/migrations'
import { storeTrouble, whyCannotWrite } from '../db/sqlite-errors'

/**
 * better-sqlite3 copies 100 pages per step and SQLite restarts a backup whenever another
 * connection writes between steps, so a busy library might never finish. One step copies the
 * whole file under a single read snapshot instead (WAL readers do not block the writer).
 */
const ALL_PAGES = 0x7fffffff

export interface BackupResult {
  file: string
  bytes: number
  articles: number
}

export interface RestoreResult {
  restoredFrom: string
  /** The library as it was before the restore, or null when there was no library yet. */
  keptAs: string | null
  articles: number
}

export interface LibraryFileCheck {
  problem: string | null
  articles: number
}

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-')
}

/** `news.quotedesk` → `news.backup-20250428-102030.quotedesk`, beside the library. */
export function defaultBackupPath(libraryFile: string, at = new Date()): string {
  const ext = path.extname(libraryFile)
  const base = libraryFile.slice(0, libraryFile.length - ext.length)
  return freeName((n) => `${base}.backup-${stamp(at)}${n > 1 ? `-${n}` : ''}${ext || '.quotedesk'}`)
}

/** Why `file` could not be written, for a message that names the file and the fix. */
function cannotWrite(what: string, file: string, err: unknown): QuotedeskError {
  const reason = whyCannotWrite(path.dirname(file), err)
  const fix = reason === 'the disk is full' ? 'free some space' : 'choose a folder you can write to'
  return new QuotedeskError(
    'internal',
    `Could not write ${what} ${file}: ${reason} (${(err as Error).message}); ${fix}`,
  )
}

/**
 * Checks that a file is a whole Quotedesk library this version can open: a SQLite database that
 * passes integrity_check, carries our application_id, has no migration from a newer version and
 * no schema object that Quotedesk's migrations did not make. Opens the file read-write (SQLite
 * needs that for WAL files), so pass a copy of anything precious.
 */
export async function checkLibraryFile(file: string): Promise<LibraryFileCheck> {
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = connectSqlite(file, { fileMustExist: true })
  } catch (err) {
    return { problem: `cannot be opened as a database (${(err as Error).message})`, articles: 0 }
  }
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[]
    const result = rows.map((row) => row.integrity_check)
    if (result.length !== 1 || result[0] !== 'ok') {
      return { problem: `is damaged (integrity_check: ${result.slice(0, 3).join('; ')})`, articles: 0 }
    }
    if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      return { problem: 'is not a Quotedesk library', articles: 0 }
    }
    const hasHistory = sqlite
      .prepare("select 1 from sqlite_schema where type = 'table' and name = 'kysely_migration'")
      .get()
    const applied = hasHistory ? (sqlite.prepare('select name from kysely_migration').pluck().all() as string[]) : []
    const unknown = applied.filter((name) => !Object.hasOwn(knownMigrations, name))
    if (unknown.length > 0) {
      return { problem: `was made by a newer version of Quotedesk (it has ${unknown.join(', ')})`, articles: 0 }
    }
    const tampered = await schemaProblem(sqlite, knownMigrations, applied)
    if (tampered) return { problem: tampered, articles: 0 }
    const hasArticles = sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'articles'").get()
    const articles = hasArticles ? (sqlite.prepare('select count(*) from articles').pluck().get() as number) : 0
    return { problem: null, articles }
  } catch (err) {
    // "file is not a database" and similar surface only on the first read.
    const trouble = storeTrouble(err)
    if (trouble === null || trouble === 'damaged') {
      return { problem: `is damaged or is not a database (${(err as Error).message})`, articles: 0 }
    }
    return { problem: `could not be read (${(err as Error).message})`, articles: 0 }
  } finally {
    sqlite.close()
  }
}

/**
 * Copies the open library with SQLite's online backup API (never a file copy of an open
 * database), checks the copy and only then gives it its final name, so a file with that name is
 * always a whole, checked backup.
 *
 * @example
 *   const { file } = await backupLibrary(library.sqlite, library.path)
 */
export async function backupLibrary(
  sqlite: BetterSqlite3.Database,
  libraryFile: string,
  out?: string,
): Promise<BackupResult> {
  const target = path.resolve(out ?? defaultBackupPath(libraryFile))
  if (target === path.resolve(libraryFile)) {
    throw new QuotedeskError('conflict', `${target} is the library itself; choose another file for the backup`)
  }
  if (fs.existsSync(target)) {
    throw new QuotedeskError('conflict', `${target} already exists; choose another file for the backup`)
  }
  if (!fs.existsSync(path.dirname(target))) {
    throw new QuotedeskError('not_found', `${path.dirname(target)}: no such folder for the backup`)
  }
  const temp = tempSibling(target, 'partial')
  try {
    try {
      createPrivateFile(temp)
      await sqlite.backup(temp, { progress: () => ALL_PAGES })
    } catch (err) {
      throw cannotWrite('the backup', target, err)
    }
    const check = await checkLibraryFile(temp)
    if (check.problem) throw new QuotedeskError('internal', `The backup ${check.problem}; it was not kept`)
    fs.renameSync(temp, target)
    return { file: target, bytes: fs.statSync(target).size, articles: check.articles }
  } finally {
    removeWithSidecars(temp)
  }
}

/**
 * Replaces the library with a backup after checking the backup and keeping a copy of the
 * current library beside it. A healthy library is overwritten through the backup API, which
 * takes SQLite's locks, so another Quotedesk that has it open sees either the old or the new
 * content; a damaged library (which no Quotedesk can have open) is replaced by a rename.
 *
 * @example
 *   await restoreLibrary('/data/news.quotedesk', '/data/news.backup-20250428-102030.quotedesk')
 */
export async function restoreLibrary(libraryFile: string, fromFile: string, at = new Date()): Promise<RestoreResult> {
  const library = path.resolve(libraryFile)
  const from = path.resolve(fromFile)
  if (from === library) throw new QuotedeskError('conflict', `${from} is the library itself`)
  const stat = fs.statSync(from, { throwIfNoEntry: false })
  if (!stat) throw new QuotedeskError('not_found', `${from}: no such file`)
  if (!stat.isFile()) throw new QuotedeskError('unsupported_file', `${from}: is not a regular file`)

  // Checked and restored from a private copy: the user's file is never opened read-write, and
  // it cannot change between the check and the restore.
  fs.mkdirSync(path.dirname(library), { recursive: true, mode: PRIVATE_DIR_MODE })
  const staged = tempSibling(library, 'restore')
  try {
    try {
      // The copy has the backup's mode, so it is no more exposed than the backup until chmod.
      fs.copyFileSync(from, staged, fs.constants.COPYFILE_EXCL)
      fs.chmodSync(staged, PRIVATE_FILE_MODE)
    } catch (err) {
      throw cannotWrite('a copy of the backup beside the library as', staged, err)
    }
    const check = await checkLibraryFile(staged)
    if (check.problem) {
      throw new QuotedeskError('unsupported_file', `${from} ${check.problem}; the library was not changed`)
    }

    let keptAs: string | null = null
    let current: BetterSqlite3.Database | null = null
    if (fs.existsSync(library)) {
      keptAs = freeName((n) => `${library}.before-restore-${stamp(at)}${n > 1 ? `-${n}` : ''}.bak`)
      try {
        current = connectSqlite(library, { fileMustExist: true })
        assertNotLocked(current, library)
        createPrivateFile(keptAs)
        await current.backup(keptAs, { progress: () => ALL_PAGES })
      } catch (err) {
        if (err instanceof QuotedeskError) {
          current?.close()
          throw err
        }
        // The current file is damaged: keep its bytes as they are, journal included.
        current?.close()
        current = null
        removeWithSidecars(keptAs)
        for (const suffix of ['', '-wal']) {
          if (!fs.existsSync(`${library}${suffix}`)) continue
          fs.copyFileSync(`${library}${suffix}`, `${keptAs}${suffix}`)
          fs.chmodSync(`${keptAs}${suffix}`, PRIVATE_FILE_MODE)
        }
      }
    }

    if (current) {
      const source = connectSqlite(staged, { fileMustExist: true })
      try {
        current.close()
        await source.backup(library, { progress: () => ALL_PAGES })
      } finally {
        source.close()
      }
    } else {
      // A stale -wal beside the new file would be replayed into it: it belongs to the old one.
      for (const suffix of SIDECARS) fs.rmSync(`${library}${suffix}`, { force: true })
      fs.renameSync(staged, library)
    }
    return { restoredFrom: from, keptAs, articles: check.articles }
  } finally {
    removeWithSidecars(staged)
  }
}
