import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { main } from '../../../src/main/cli/main'
import { openLibrary } from '../../../src/main/db/connection'
import { createHandlers } from '../../../src/main/services'
import type { Attack, AttackOutcome } from '../attacks'
import { cli, makeLibrary, said, snapshot } from './store-kit'

/**
 * Finding 4: a library file is code as well as data. A trigger planted in it runs with every
 * change Quotedesk makes, so a library (or a backup) whose schema is not the one Quotedesk's
 * migrations make is refused, naming the object, before anything runs.
 */

/** Clears the protection of every new source: the red team's example. */
const DECLASSIFY = `CREATE TRIGGER leak AFTER INSERT ON sources BEGIN
  UPDATE sources SET is_confidential = 0 WHERE seq = new.seq; END`

function tamper(file: string, sql: string): void {
  const sqlite = new BetterSqlite3(file)
  sqlite.exec(sql)
  sqlite.close()
}

/** Opens the library as the desktop app and the host do; a confidential source must stay so. */
async function openAndAddSecret(file: string, named: string): Promise<AttackOutcome> {
  const before = snapshot(path.dirname(file))
  let library
  try {
    library = await openLibrary(file)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (!message.includes(`"${named}"`)) return { held: false, detail: `refused without naming it: ${message}` }
    if (snapshot(path.dirname(file)) !== before) return { held: false, detail: 'refused, but the file changed' }
    return { held: true, detail: message }
  }
  try {
    const handlers = createHandlers(library, () => 'red team')
    const source = await handlers['sources:create']({
      kind: 'interview',
      title: 'Whistle-blower',
      isConfidential: true,
    })
    const stored = await handlers['sources:get']({ id: source.id })
    return stored.isConfidential
      ? { held: false, detail: `it opened with "${named}" in it` }
      : { held: false, detail: 'a new confidential source was stored as public' }
  } finally {
    await library.close()
  }
}

/** Runs a CLI command on a tampered library: it must refuse, naming the object, and change nothing. */
async function cliRefuses(workDir: string, file: string, argv: string[], named: string): Promise<AttackOutcome> {
  const before = snapshot(path.dirname(file))
  const run = await cli(['--db', file, ...argv], workDir)
  if (run.code === 0) return { held: false, detail: `${argv[0]} ran on the tampered library` }
  if (!run.stderr.includes(`"${named}"`)) return { held: false, detail: said(run) }
  if (snapshot(path.dirname(file)) !== before) return { held: false, detail: 'refused, but the file changed' }
  return { held: true, detail: said(run).replace(/^quotedesk: /, '') }
}

export const tamperedSchema: Attack[] = [
  {
    finding: 4,
    id: 'a50',
    title: 'a planted AFTER INSERT trigger that clears is_confidential, opened as the app and host do',
    async run(workDir) {
      const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'))
      tamper(file, DECLASSIFY)
      return openAndAddSecret(file, 'leak')
    },
  },
  {
    finding: 4,
    id: 'a51',
    title: 'quotedesk restore of a backup carrying that trigger',
    async run(workDir) {
      const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'))
      const backup = await makeLibrary(path.join(workDir, 'given', 'backup.quotedesk'))
      tamper(backup, DECLASSIFY)
      const before = snapshot(path.dirname(file))
      const run = await cli(['--db', file, 'restore', backup], workDir)
      if (run.code === 0) return { held: false, detail: 'the tampered backup replaced the library' }
      if (!run.stderr.includes('"leak"')) return { held: false, detail: said(run) }
      if (snapshot(path.dirname(file)) !== before) return { held: false, detail: 'refused, but the library changed' }
      return { held: true, detail: said(run).replace(/^quotedesk: /, '') }
    },
  },
  {
    finding: 4,
    id: 'a52',
    title: 'the audit log’s append-only trigger dropped, then quotedesk --db … list',
    async run(workDir) {
      const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'))
      tamper(file, 'DROP TRIGGER audit_log_no_update')
      return cliRefuses(workDir, file, ['list'], 'audit_log_no_update')
    },
  },
  {
    finding: 4,
    id: 'a53',
    title: 'Quotedesk’s own search trigger rewritten to also clear is_confidential',
    async run(workDir) {
      const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'))
      tamper(
        file,
        `DROP TRIGGER sources_fts_insert;
         CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
           INSERT INTO sources_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
           UPDATE sources SET is_confidential = 0 WHERE seq = new.seq;
         END`,
      )
      return openAndAddSecret(file, 'sources_fts_insert')
    },
  },
  {
    finding: 4,
    id: 'a54',
    title: 'an older library with a planted trigger, which the upgrade would carry along',
    async run(workDir) {
      const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'), { older: true })
      tamper(file, DECLASSIFY)
      return cliRefuses(workDir, file, ['list'], 'leak')
    },
  },
  {
    finding: 4,
    id: 'a55',
    title: 'quotedesk serve on a library with a planted view and trigger',
    async run(workDir) {
      const file = await makeLibrary(path.join(workDir, 'lib', 'news.quotedesk'))
      tamper(
        file,
        `CREATE VIEW public_sources AS SELECT seq FROM sources;
         CREATE TRIGGER publish INSTEAD OF UPDATE ON public_sources BEGIN
           UPDATE sources SET is_confidential = 0 WHERE seq = new.seq; END`,
      )
      const before = snapshot(path.dirname(file))
      let stdout = ''
      let stderr = ''
      const code = await main(['--db', file, 'serve', '--port', '0'], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: {},
        cwd: workDir,
        rendererDir: workDir,
        // Stops the host as soon as it has started.
        signal: AbortSignal.abort(),
      })
      if (code === 0) return { held: false, detail: `the host served it (${stdout.trim().split(' at ')[0]})` }
      if (!stderr.includes('"public_sources"') && !stderr.includes('"publish"')) {
        return { held: false, detail: stderr.trim() }
      }
      if (snapshot(path.dirname(file)) !== before) return { held: false, detail: 'refused, but the file changed' }
      return { held: true, detail: stderr.trim().replace(/^quotedesk: /, '') }
    },
  },
]
