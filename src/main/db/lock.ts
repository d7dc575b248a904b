import type BetterSqlite3 from 'better-sqlite3'
import { QuotedeskError } from '../../shared/errors'

/** How long an open waits for another process's lock before giving up (better-sqlite3's default too). */
export const BUSY_TIMEOUT_MS = 5000

/** SQLITE_BUSY and SQLITE_LOCKED (with their extended codes) mean another connection holds the file. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}

export function libraryInUse(file: string): QuotedeskError {
  return new QuotedeskError(
    'conflict',
    `The library at ${file} is in use by another Quotedesk (or another program), which kept it locked for more than ${BUSY_TIMEOUT_MS / 1000} seconds. Close the other Quotedesk and try again; the file was not changed.`,
  )
}

/**
 * Fails fast, with a message people understand, when another process holds the write lock.
 * Several Quotedesk processes may share a library (the app and the CLI take turns through
 * busy_timeout), so only a lock held past the timeout refuses the open; it is never opened
 * read-only behind the user's back. Nothing is written: the probe transaction is rolled back.
 */
export function assertNotLocked(sqlite: BetterSqlite3.Database, file: string): void {
  try {
    sqlite.exec('begin immediate')
    sqlite.exec('rollback')
  } catch (err) {
    if (isBusyError(err)) throw libraryInUse(file)
    throw err
  }
}
