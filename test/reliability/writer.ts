import readline from 'node:readline'
import type { Kysely } from 'kysely'
import { createArticle } from '../../src/main/articles/articles.service'
import { appendAudit } from '../../src/main/audit/audit.repo'
import { now } from '../../src/main/clock'
import { openLibrary } from '../../src/main/db/connection'
import type { Database } from '../../src/main/db/schema'
import * as quotesRepo from '../../src/main/quotes/quotes.repo'
import { analyze } from '../../src/shared/analysis'

/**
 * The child of the crash harness (notes §5.4). It loads its modules, prints `ready`, and waits
 * for `go {"file","mode","first"}` (JSON) on stdin, so the parent can start the next writer
 * while the current one is still being killed. Then, for ever:
 *
 *   c<b>    createArticle (the real service: article, audit, analysed quotes and entities in one
 *           transaction) titled `batch <b>`;
 *   s<b>/r  three status batches: every quote of that article set to verified with note `<b>/<r>`,
 *           one audit row per quote — in one transaction, or, in `broken` mode (the control),
 *           the very same statements without one.
 *
 * `ack <id>` is printed only after the transaction committed.
 */

export const STATUS_ROUNDS = 3

export interface GoCommand {
  file: string
  mode: 'tx' | 'broken'
  first: number
}
const NAMES = ['Maria Lopez', 'James Okafor', 'Priya Shah', 'Tom Becker']

export function batchBody(batch: number): string {
  const lines = Array.from(
    { length: 8 },
    (_, i) => `“Statement ${i + 1} of batch ${batch} stands as written,” ${NAMES[i % NAMES.length]} said on Tuesday.`,
  )
  return [`Batch ${batch} report`, ...lines].join('\n\n')
}

async function setStatuses(db: Kysely<Database>, articleId: string, note: string): Promise<void> {
  const stamp = now()
  for (const quote of await quotesRepo.quotesOf(db, articleId)) {
    await quotesRepo.updateQuote(db, quote.id, {
      status: 'verified',
      note,
      checked_by: 'writer',
      checked_at: stamp,
      updated_at: stamp,
    })
    await appendAudit(db, {
      actor: 'writer',
      subjectType: 'quote',
      subjectId: quote.id,
      action: 'status set',
      detail: { from: quote.status, to: 'verified', note },
    })
  }
}

async function write(file: string, mode: string, first: number): Promise<never> {
  const library = await openLibrary(file)
  const ctx = { library, actor: () => 'writer' }
  process.stdout.write('open\n')
  for (let batch = first; ; batch++) {
    const article = await createArticle(ctx, { title: `batch ${batch}`, body: batchBody(batch) })
    process.stdout.write(`ack c${batch}\n`)
    for (let round = 1; round <= STATUS_ROUNDS; round++) {
      const note = `${batch}/${round}`
      if (mode === 'broken') await setStatuses(library.db, article.id, note)
      else await library.db.transaction().execute((trx) => setStatuses(trx, article.id, note))
      process.stdout.write(`ack s${note}\n`)
    }
  }
}

// Only when run as the child: the harness imports batchBody and STATUS_ROUNDS from here too.
if (process.argv.includes('--writer')) {
  const lines = readline.createInterface({ input: process.stdin })
  lines.once('line', (line) => {
    const go = (line.startsWith('go ') ? JSON.parse(line.slice(3)) : null) as GoCommand | null
    if (
      !go ||
      typeof go.file !== 'string' ||
      (go.mode !== 'tx' && go.mode !== 'broken') ||
      !Number.isInteger(go.first)
    ) {
      process.stderr.write(`writer: bad command ${JSON.stringify(line)}\n`)
      process.exit(2)
    }
    write(go.file, go.mode, go.first).catch((err: unknown) => {
      process.stderr.write(`writer: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
      process.exit(1)
    })
  })
  // Warm the analyser's code paths while waiting, as a running app would be: otherwise the first
  // article takes ~150 ms of the 50–350 ms kill window and the kills land in JIT, not in writes.
  for (let i = 0; i < 5; i++) analyze(batchBody(i))
  process.stdout.write('ready\n')
}
