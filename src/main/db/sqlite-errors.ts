import fs from 'node:fs'

/**
 * What a SQLite failure says about the library, so that each is reported as what it is: only
 * damage (SQLITE_CORRUPT, SQLITE_NOTADB, a failing integrity check) sends anyone to a backup.
 * A full disk or a read-only folder is not damage, and restoring an older backup over a healthy
 * library would lose work.
 */
export type StoreTrouble = 'busy' | 'full' | 'read_only' | 'cannot_open' | 'damaged' | 'io'

export function sqliteCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

export function storeTrouble(err: unknown): StoreTrouble | null {
  const code = sqliteCode(err)
  if (code === null) return null
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy'
  if (code === 'SQLITE_FULL') return 'full'
  if (code.startsWith('SQLITE_READONLY')) return 'read_only'
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') return 'cannot_open'
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged'
  if (code.startsWith('SQLITE_IOERR')) return 'io'
  return null
}

/**
 * What a person is told when a change (or a read) fails for a reason outside Quotedesk, or null
 * when the failure is not one of these.
 */
export function storeFailureMessage(err: unknown): string | null {
  switch (storeTrouble(err)) {
    case 'full':
      return 'The disk is full: the change was not saved, and nothing else was lost.'
    case 'busy':
      return 'The library is busy in another Quotedesk window or command; try again.'
    case 'read_only':
      return "The library is read-only: the change was not saved (open a copy, or fix the folder's permissions or free some disk space, then open it again)."
    case 'io':
      return `The disk could not be read or written (${sqliteCode(err)}): the change was not saved. Check that the disk is connected and has free space.`
    default:
      return null
  }
}

/**
 * SQLite reads a WAL library through its -shm file, which it must create (and grow) beside the
 * library: in a read-only folder or on a full disk even a read fails, with one of these.
 */
export function isCannotWriteBeside(err: unknown): boolean {
  const code = sqliteCode(err) ?? ''
  return (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_IOERR_SHM') ||
    code === 'SQLITE_FULL'
  )
}

/** A file system with (almost) no space left: SQLite then fails with SQLITE_FULL or an I/O error. */
export function isDiskFull(dir: string): boolean {
  try {
    const stats = fs.statfsSync(dir)
    return stats.bavail * stats.bsize < 64 * 1024
  } catch {
    return false
  }
}

const READ_ONLY = new Set(['SQLITE_READONLY_DIRECTORY', 'EROFS', 'EACCES', 'EPERM'])

/**
 * Why nothing can be written in `dir`, in words: the disk is full, the folder is read-only, or
 * (when neither can be seen) that it cannot be written to; callers add what the system said.
 */
export function whyCannotWrite(dir: string, err: unknown): string {
  if (storeTrouble(err) === 'full' || isDiskFull(dir)) return 'the disk is full'
  if (READ_ONLY.has(String((err as { code?: unknown } | null)?.code))) return 'its folder is read-only'
  try {
    fs.accessSync(dir, fs.constants.W_OK)
  } catch (error) {
    if (READ_ONLY.has(String((error as NodeJS.ErrnoException).code))) return 'its folder is read-only'
  }
  return 'it cannot be written to'
}
