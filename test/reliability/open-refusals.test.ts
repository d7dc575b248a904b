import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/db/connection'
import { migrations } from '../../src/main/db/migrations'
import { dispatch } from '../../src/main/rpc/dispatch'
import { createHandlers } from '../../src/main/services'
import { makeTempDir } from '../helpers/db'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** Every file of the library, so "touches nothing" covers the WAL too. */
function snapshot(file: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(file + suffix)) out[suffix || 'db'] = fs.readFileSync(file + suffix).toString('base64')
  }
  return out
}

async function makeLibrary(dir: string, options: Parameters<typeof openLibrary>[1] = {}): Promise<string> {
  const file = path.join(dir, 'lib.quotedesk')
  const library = await openLibrary(file, options)
  await createHandlers(library)['articles:create']({ body: '“It stays as it was,” the editor said.' })
  await library.close()
  return file
}

/**
 * Another process holding a lock, as another Quotedesk in the middle of a long write would.
 * `exclusive` also sets locking_mode=EXCLUSIVE, which in WAL mode locks readers out as well.
 */
async function holdLock(file: string, how: 'write' | 'exclusive'): Promise<ChildProcess> {
  const code = `
    const Database = require('better-sqlite3')
    const db = new Database(process.argv[1])
    ${how === 'exclusive' ? "db.pragma('locking_mode = EXCLUSIVE'); db.exec('begin exclusive; commit')" : "db.exec('begin exclusive')"}
    process.stdout.write('locked\\n')
    setInterval(() => {}, 1000)
  `
  const child = spawn(process.execPath, ['-e', code, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
    child.once('exit', (exitCode) => reject(new Error(`lock holder exited with ${exitCode}`)))
  })
  return child
}

async function release(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

describe('opening a library that another process has locked', () => {
  // Not it.concurrent: better-sqlite3 sleeps through busy_timeout on the main thread anyway.
  it('locked for reading too: fails after the 5 s busy timeout with "in use by another Quotedesk", touching nothing', async () => {
    const file = await makeLibrary(makeTempDir())
    const holder = await holdLock(file, 'exclusive')
    try {
      const before = snapshot(file)
      const started = performance.now()
      await expect(openLibrary(file)).rejects.toThrow(
        /is in use by another Quotedesk \(or another program\).*the file was not changed/,
      )
      expect(performance.now() - started).toBeGreaterThan(4500)
      expect(snapshot(file)).toEqual(before)
    } finally {
      await release(holder)
    }
    // Nothing was lost, and it opens once the other process is gone.
    const library = await openLibrary(file)
    expect(library.sqlite.prepare('select count(*) from articles').pluck().get()).toBe(1)
    await library.close()
  }, 20_000)

  it('being written: it opens (WAL readers never wait), a write waits 5 s then says "busy", nothing changes', async () => {
    const file = await makeLibrary(makeTempDir())
    const holder = await holdLock(file, 'write')
    try {
      const before = snapshot(file)
      const library = await openLibrary(file)
      try {
        const handlers = createHandlers(library)
        expect(await handlers['articles:list']({})).toHaveLength(1)
        const started = performance.now()
        const reply = await dispatch(handlers, 'articles:create', { body: 'Written while locked.' }, () => {})
        expect(performance.now() - started).toBeGreaterThan(4500)
        expect(reply).toEqual({
          ok: false,
          error: { code: 'internal', message: expect.stringMatching(/busy in another Quotedesk .* try again/) },
        })
      } finally {
        await library.close()
      }
      expect(snapshot(file)).toEqual(before)
    } finally {
      await release(holder)
    }
  }, 20_000)

  it('needing an upgrade while another process writes: refuses with "in use", no backup, nothing changed', async () => {
    const dir = makeTempDir()
    const older = Object.fromEntries(Object.entries(migrations).slice(0, -1))
    const file = path.join(dir, 'lib.quotedesk')
    await (await openLibrary(file, { migrations: older })).close()
    const holder = await holdLock(file, 'write')
    try {
      const before = snapshot(file)
      await expect(openLibrary(file)).rejects.toThrow(/in use by another Quotedesk/)
      expect(snapshot(file)).toEqual(before)
      expect(fs.readdirSync(dir).filter((name) => name.endsWith('.bak'))).toEqual([])
    } finally {
      await release(holder)
    }
  }, 20_000)
})

describe('opening a damaged library', () => {
  async function damaged(how: 'page' | 'truncate'): Promise<string> {
    const file = await makeLibrary(makeTempDir())
    const bytes = fs.readFileSync(file)
    if (how === 'page') {
      // Scribble over the b-tree page header of a page in the middle: the kind of damage a bad
      // disk sector or a file copied while open leaves behind (SQLite "How To Corrupt" §1–§2).
      const pageSize = bytes.readUInt16BE(16)
      const page = Math.floor(bytes.length / pageSize / 2)
      bytes.fill(0x5a, page * pageSize, page * pageSize + 64)
      fs.writeFileSync(file, bytes)
    } else {
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
    }
    return file
  }

  for (const how of ['page', 'truncate'] as const) {
    it(`refuses a library with ${how === 'page' ? 'a scribbled page' : 'its second half missing'} and leaves the bytes as they were`, async () => {
      const file = await damaged(how)
      const before = snapshot(file)
      await expect(openLibrary(file)).rejects.toThrow(/is damaged or is not a SQLite database[\s\S]*It was not changed/)
      expect(snapshot(file)).toEqual(before)
    })
  }

  it('a SQLite file of another program keeps its bytes (and no WAL is started in it)', async () => {
    const file = path.join(makeTempDir(), 'other.db')
    const other = new BetterSqlite3(file)
    other.exec('create table t (x); insert into t values (1)')
    other.close()
    const before = snapshot(file)
    await expect(openLibrary(file)).rejects.toThrow(/another program/)
    expect(snapshot(file)).toEqual(before)
  })
})
