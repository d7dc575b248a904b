import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { runCli } from '../../../test/helpers/cli'
import { openLibrary } from '../db/connection'
import { migrations } from '../db/migrations'
import { createHandlers } from '../services'
import { checkLibraryFile, defaultBackupPath } from './backup.service'

let dir: string
let db: string

beforeEach(() => {
  dir = makeTempDir('quotedesk-backup-')
  db = path.join(dir, 'news.quotedesk')
})

function run(argv: string[]) {
  return runCli(db, dir, argv)
}

async function titles(file = db): Promise<string[]> {
  const library = await openLibrary(file)
  try {
    return (await library.db.selectFrom('articles').select('title').orderBy('title').execute()).map((r) => r.title)
  } finally {
    await library.close()
  }
}

async function addArticles(...names: string[]): Promise<void> {
  const library = await openLibrary(db)
  const handlers = createHandlers(library)
  for (const title of names) await handlers['articles:create']({ title, body: `“${title},” she said.` })
  await library.close()
}

async function deleteArticle(title: string): Promise<void> {
  const library = await openLibrary(db)
  const handlers = createHandlers(library)
  const found = (await handlers['articles:list']({})).find((a) => a.title === title)
  if (found) await handlers['articles:delete']({ id: found.id })
  await library.close()
}

function libraryFiles(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('news.quotedesk')) out[name] = fs.readFileSync(path.join(dir, name)).toString('base64')
  }
  return out
}

describe('quotedesk backup', () => {
  it('writes a checked copy beside the library, named with the date and time', async () => {
    await addArticles('Alpha', 'Beta')
    const result = await run(['backup'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const match = /^Backed up (\S+) to (\S+) \(2 articles, \d[\d,]* KB; integrity check ok\)\n$/.exec(result.stdout)
    expect(match?.[1]).toBe(db)
    const file = match?.[2] ?? ''
    expect(path.dirname(file)).toBe(dir)
    expect(path.basename(file)).toMatch(/^news\.backup-\d{8}-\d{6}\.quotedesk$/)
    expect(await checkLibraryFile(file)).toEqual({ problem: null, articles: 2 })
    expect(await titles(file)).toEqual(['Alpha', 'Beta'])
  })

  it('never overwrites: a second backup in the same second gets its own name, --out refuses an existing file', async () => {
    await addArticles('Alpha')
    const at = new Date('2025-04-28T10:20:30Z')
    const first = defaultBackupPath(db, at)
    fs.writeFileSync(first, 'taken')
    expect(defaultBackupPath(db, at)).toBe(path.join(dir, 'news.backup-20250428-102030-2.quotedesk'))

    const result = await run(['backup', '--out', 'mine.quotedesk'])
    expect(result.code).toBe(0)
    expect(fs.existsSync(path.join(dir, 'mine.quotedesk'))).toBe(true)
    const again = await run(['backup', '--out', 'mine.quotedesk'])
    expect(again).toMatchObject({ code: 1, stdout: '' })
    expect(again.stderr).toBe(
      `quotedesk: ${path.join(dir, 'mine.quotedesk')} already exists; choose another file for the backup\n`,
    )
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('quotedesk restore', () => {
  it('round trip: restores the backed-up content and keeps the library it replaced', async () => {
    await addArticles('Alpha', 'Beta')
    const backup = path.join(dir, 'monday.quotedesk')
    expect((await run(['backup', '--out', backup])).code).toBe(0)
    await addArticles('Gamma')
    await deleteArticle('Alpha')
    expect(await titles()).toEqual(['Beta', 'Gamma'])

    const result = await run(['restore', backup])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const kept = /the previous library was kept as (\S+)\n$/.exec(result.stdout)?.[1] ?? ''
    expect(result.stdout).toMatch(new RegExp(`^Restored ${db} from ${backup} \\(2 articles\\); `))
    expect(await titles()).toEqual(['Alpha', 'Beta'])
    expect(path.basename(kept)).toMatch(/^news\.quotedesk\.before-restore-\d{8}-\d{6}\.bak$/)
    expect(await titles(kept)).toEqual(['Beta', 'Gamma'])
    expect((await checkLibraryFile(backup)).problem).toBeNull()
  })

  it('restores while another Quotedesk holds the library open, which then reads the restored content', async () => {
    await addArticles('Alpha')
    const backup = path.join(dir, 'tuesday.quotedesk')
    expect((await run(['backup', '--out', backup])).code).toBe(0)
    await addArticles('Beta')
    const app = await openLibrary(db)
    try {
      const handlers = createHandlers(app)
      expect((await handlers['articles:list']({})).map((a) => a.title).sort()).toEqual(['Alpha', 'Beta'])
      expect((await run(['restore', backup])).code).toBe(0)
      // SQLite's backup API wrote through the locks, so the open connection sees the new pages.
      expect((await handlers['articles:list']({})).map((a) => a.title)).toEqual(['Alpha'])
      expect(app.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await app.close()
    }
  })

  it('restores over a library that is too damaged to open, keeping the damaged bytes', async () => {
    await addArticles('Alpha')
    const backup = path.join(dir, 'good.quotedesk')
    expect((await run(['backup', '--out', backup])).code).toBe(0)
    const garbage = Buffer.alloc(8192, 0x42)
    fs.writeFileSync(db, garbage)
    expect((await run(['list'])).stderr).toMatch(/damaged/)

    const result = await run(['restore', backup])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(await titles()).toEqual(['Alpha'])
    const kept = /kept as (\S+)\n$/.exec(result.stdout)?.[1] ?? ''
    expect(fs.readFileSync(kept).equals(garbage)).toBe(true)
  })

  it('restores into a place with no library yet', async () => {
    await addArticles('Alpha')
    const backup = path.join(dir, 'carry.quotedesk')
    expect((await run(['backup', '--out', backup])).code).toBe(0)
    db = path.join(dir, 'elsewhere', 'new.quotedesk')
    const result = await run(['restore', backup])
    expect(result.stdout).toBe(`Restored ${db} from ${backup} (1 article)\n`)
    expect(await titles()).toEqual(['Alpha'])
  })

  const refusals: [string, (file: string) => void, RegExp][] = [
    [
      'a file that is not a database',
      (file) => fs.writeFileSync(file, 'just some notes\n'.repeat(500)),
      /is damaged or is not a database|cannot be opened/,
    ],
    ['an empty file', (file) => fs.writeFileSync(file, ''), /is not a Quotedesk library/],
    [
      'a SQLite database of another program',
      (file) => {
        const other = new BetterSqlite3(file)
        other.exec('create table notes (body text); insert into notes values (1)')
        other.close()
      },
      /is not a Quotedesk library/,
    ],
    [
      'a backup cut short',
      (file) => {
        const whole = fs.readFileSync(db)
        fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)))
      },
      /is damaged/,
    ],
    [
      'a library from a newer Quotedesk',
      (file) => {
        fs.copyFileSync(db, file)
        const newer = new BetterSqlite3(file)
        newer.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999_future', 'now')
        newer.close()
      },
      /was made by a newer version of Quotedesk \(it has 9999_future\)/,
    ],
    [
      'a backup with a trigger planted in it',
      (file) => {
        fs.copyFileSync(db, file)
        const planted = new BetterSqlite3(file)
        planted.exec('CREATE TRIGGER leak AFTER INSERT ON sources BEGIN UPDATE sources SET is_confidential = 0; END')
        planted.close()
      },
      /has a trigger "leak" that Quotedesk did not create; it may have been tampered with/,
    ],
  ]

  for (const [name, make, reason] of refusals) {
    it(`refuses ${name}, naming the file and the reason, and changes nothing`, async () => {
      await addArticles('Alpha')
      const bad = path.join(dir, 'bad.quotedesk')
      make(bad)
      const badBytes = fs.readFileSync(bad)
      const before = libraryFiles()
      const result = await run(['restore', bad])
      expect(result).toMatchObject({ code: 1, stdout: '' })
      expect(result.stderr).toMatch(new RegExp(`^quotedesk: ${bad} `))
      expect(result.stderr).toMatch(reason)
      expect(result.stderr).toMatch(/the library was not changed\n$/)
      expect(libraryFiles()).toEqual(before)
      expect(fs.readFileSync(bad).equals(badBytes)).toBe(true)
      expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.includes('before-restore'))).toEqual([])
    })
  }

  it('refuses a missing file', async () => {
    const result = await run(['restore', 'nowhere.quotedesk'])
    expect(result.stderr).toBe(`quotedesk: ${path.join(dir, 'nowhere.quotedesk')}: no such file\n`)
  })
})

describe('the automatic backup before a migration', () => {
  it('upgrading an older library first writes <file>.before-<migration>.bak, a whole copy at the old version', async () => {
    const names = Object.keys(migrations)
    const latest = names.at(-1) ?? ''
    const older = Object.fromEntries(Object.entries(migrations).slice(0, -1))
    const old = await openLibrary(db, { migrations: older })
    await createHandlers(old)['articles:create']({ title: 'From before', body: '“Old,” he said.' })
    await old.close()

    const upgraded = await openLibrary(db)
    await upgraded.close()
    const bak = `${db}.before-${latest}.bak`
    expect(fs.existsSync(bak)).toBe(true)
    const copy = new BetterSqlite3(bak, { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.prepare('select name from kysely_migration order by name').pluck().all()).toEqual(names.slice(0, -1))
      expect(copy.prepare('select title from articles').pluck().all()).toEqual(['From before'])
    } finally {
      copy.close()
    }
    // And that copy is itself a library this version can restore (and upgrade again).
    expect((await checkLibraryFile(bak)).problem).toBeNull()
    expect((await run(['restore', bak])).code).toBe(0)
    expect(await titles()).toEqual(['From before'])
  })

  it('opening an up-to-date library makes no backup', async () => {
    await addArticles('Alpha')
    await addArticles('Beta')
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.bak'))).toEqual([])
  })
})
