import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { main } from '../../../src/main/cli/main'
import { openLibrary } from '../../../src/main/db/connection'
import { migrations } from '../../../src/main/db/migrations'
import { createHandlers } from '../../../src/main/services'

/** What the red team's store attacks share: real library files and the real CLI. */

export const TITLE = 'Harbour plan wins the vote'

/** The migrations of an older Quotedesk: everything but the last two. */
export const OLDER = Object.fromEntries(Object.entries(migrations).slice(0, -2))
export const LAST_MIGRATION = Object.keys(migrations).at(-1) ?? ''

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function cli(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd })
  return { code, stdout, stderr }
}

/** The first line of what the CLI said, for an attack's detail. */
export function said(run: CliRun): string {
  return (run.stderr.trim() || run.stdout.trim()).split('\n')[0]?.slice(0, 240) ?? ''
}

/** A library with one article, made by today's Quotedesk or (`older`) by one two migrations behind. */
export async function makeLibrary(file: string, options: { older?: boolean } = {}): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  if (options.older) {
    await (await openLibrary(file, { migrations: OLDER })).close()
    const sqlite = new BetterSqlite3(file)
    const now = new Date().toISOString()
    sqlite
      .prepare('insert into articles (id, title, body, created_at, updated_at) values (?, ?, ?, ?, ?)')
      .run('7d0c1c9e-5b1a-4c39-9c43-1d3f0e6b2a10', TITLE, '“We will finish it,” she said.', now, now)
    sqlite.close()
    return file
  }
  const library = await openLibrary(file)
  await createHandlers(library)['articles:create']({ title: TITLE, body: '“We will finish it,” she said.' })
  await library.close()
  return file
}

/**
 * Every file in `dir` (not below it) and its bytes, so "nothing changed" covers the WAL too.
 * Left out: a -shm (an index SQLite rebuilds from the files) and an empty -wal (it holds nothing).
 */
export function snapshot(dir: string): string {
  const out: Record<string, string> = {}
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name)
    const stat = fs.statSync(file)
    if (!stat.isFile() || name.endsWith('-shm') || (name.endsWith('-wal') && stat.size === 0)) continue
    out[name] = fs.readFileSync(file).toString('base64')
  }
  return JSON.stringify(out)
}

/** Fills the disk that holds `dir` until writes fail, leaving `leaveKb` free. */
export function fillDisk(dir: string, leaveKb = 0): void {
  const reserve = path.join(dir, 'reserve')
  if (leaveKb > 0) fs.writeFileSync(reserve, Buffer.alloc(leaveKb * 1024))
  const fd = fs.openSync(path.join(dir, 'filler'), 'w')
  const chunk = Buffer.alloc(4096)
  try {
    for (;;) fs.writeSync(fd, chunk)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
  } finally {
    fs.closeSync(fd)
    fs.rmSync(reserve, { force: true })
  }
}

/** What a person must never be told about a healthy library. */
export const DAMAGED = /damaged|restore it from a backup/i
