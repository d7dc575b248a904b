import { randomBytes } from 'node:crypto'
import fs from 'node:fs'

/**
 * A library holds confidential sources, so every file Quotedesk makes for it (the library, its
 * backups, the copy kept before an upgrade or a restore) is readable by its owner only, and so
 * is every folder it creates. SQLite gives a library's -wal and -shm the library's own mode.
 * Folders that already exist are the user's choice and keep their mode.
 */
export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_DIR_MODE = 0o700

/** The files SQLite may keep beside a database. */
export const SIDECARS = ['-wal', '-shm', '-journal'] as const

/** Creates an empty file only its owner can read; fails if it exists (EEXIST). */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE))
}

/**
 * Takes group and other access away from a library file and its sidecars, leaving the owner's
 * as it is. Only for files this account owns: a library made before Quotedesk did this (0644)
 * is closed to other accounts the next time it is opened for writing. Windows has no such modes.
 */
export function makePrivate(file: string): void {
  const uid = process.getuid?.()
  if (uid === undefined) return
  for (const name of [file, ...SIDECARS.map((suffix) => `${file}${suffix}`)]) {
    const stat = fs.statSync(name, { throwIfNoEntry: false })
    if (stat?.isFile() && stat.uid === uid && (stat.mode & 0o077) !== 0) fs.chmodSync(name, stat.mode & 0o700)
  }
}

export function freeName(make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const candidate = make(n)
    if (!fs.existsSync(candidate)) return candidate
  }
}

/** A name beside `file` that nothing else uses, for a copy that gets its final name only when whole. */
export function tempSibling(file: string, label: string): string {
  return `${file}.${label}-${randomBytes(4).toString('hex')}.tmp`
}

export function removeWithSidecars(file: string): void {
  for (const suffix of ['', ...SIDECARS]) fs.rmSync(`${file}${suffix}`, { force: true })
}
