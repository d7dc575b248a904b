import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { openLibrary } from '../../src/main/db/connection'
import { seededRandom } from '../fixtures/seeded-random'
import { STATUS_ROUNDS, type GoCommand } from './writer'

const ROOT = path.resolve(import.meta.dirname, '../..')
const WRITER_TS = path.join(ROOT, 'test/reliability/writer.ts')
const BUNDLE_DIR = path.join(ROOT, 'node_modules/.cache/quotedesk-reliability')

/**
 * A command that runs the TypeScript file `entry` under Node. tsx costs about 1 s of CPU per start
 * on this machine, a bundle about 0.3 s, so the file is bundled with esbuild (already installed
 * for tsx and Vite; packages stay external and resolve from the project's node_modules), else run
 * through tsx. `bundle` is the file written, for a caller that wants it gone.
 */
export async function nodeCommand(entry: string, name: string): Promise<{ command: string[]; bundle: string | null }> {
  try {
    const esbuild = await import('esbuild')
    const outfile = path.join(BUNDLE_DIR, `${name}-${process.pid}-${Date.now()}.mjs`)
    await esbuild.build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    })
    return { command: [process.execPath, outfile], bundle: outfile }
  } catch {
    return { command: [process.execPath, '--import', 'tsx', entry], bundle: null }
  }
}

/** The command that starts a writer, bundled once per run. */
export async function writerCommand(): Promise<string[]> {
  return [...(await nodeCommand(WRITER_TS, 'writer')).command, '--writer']
}

interface Writer {
  child: ChildProcessWithoutNullStreams
  stdout: string
  stderr: string
  ready: Promise<void>
  exited: Promise<void>
}

function startWriter(command: string[]): Writer {
  const [exe, ...args] = command
  const child = spawn(exe ?? process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
  const writer: Writer = { child, stdout: '', stderr: '', ready: Promise.resolve(), exited: Promise.resolve() }
  writer.exited = new Promise((resolve) => child.once('close', () => resolve()))
  writer.ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      writer.stdout += chunk.toString('utf8')
      if (writer.stdout.startsWith('ready\n')) resolve()
    })
    child.stderr.on('data', (chunk: Buffer) => (writer.stderr += chunk.toString('utf8')))
    child.once('close', (code, signal) =>
      reject(new Error(`writer stopped before it was ready (${code ?? signal}): ${writer.stderr.slice(0, 500)}`)),
    )
  })
  // A late rejection after `ready` is expected (the kill) and must not be reported as unhandled.
  writer.ready.catch(() => undefined)
  return writer
}

/** Keeps one writer loaded ahead, so module loading overlaps the previous trial (2 cores). */
export class WriterPool {
  #command: string[]
  #spare: Writer | null = null

  constructor(command: string[]) {
    this.#command = command
  }

  static async create(): Promise<WriterPool> {
    return new WriterPool(await writerCommand())
  }

  async take(): Promise<Writer> {
    const writer = this.#spare ?? startWriter(this.#command)
    this.#spare = startWriter(this.#command)
    await writer.ready
    return writer
  }

  async close(): Promise<void> {
    const spare = this.#spare
    this.#spare = null
    if (spare) {
      spare.child.kill('SIGKILL')
      await spare.exited
    }
    const bundle = this.#command.find((arg) => arg.includes(BUNDLE_DIR))
    if (bundle) fs.rmSync(bundle, { force: true })
  }
}

export interface TrialResult {
  acks: string[]
  /** The writer died of something other than our SIGKILL (it must never stop by itself). */
  writerFailure: string | null
  killAfterMs: number
}

/** Starts writing, SIGKILLs the writer 50 ms + U(0, 300) ms later, returns what it acknowledged. */
export async function runTrial(pool: WriterPool, go: GoCommand, random: () => number): Promise<TrialResult> {
  const writer = await pool.take()
  const killAfterMs = 50 + random() * 300
  writer.child.stdin.write(`go ${JSON.stringify(go)}\n`)
  const timer = setTimeout(() => writer.child.kill('SIGKILL'), killAfterMs)
  await writer.exited
  clearTimeout(timer)
  const signal = writer.child.signalCode
  // Only whole lines count: a kill can cut the last line short.
  const lines = writer.stdout.split('\n').slice(0, -1)
  const acks = lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4))
  const writerFailure = signal === 'SIGKILL' ? null : `exit ${writer.child.exitCode}: ${writer.stderr.slice(0, 500)}`
  return { acks, writerFailure, killAfterMs }
}

export interface CrashCheck {
  integrity: string[]
  foreignKeyViolations: number
  /** Acknowledged ids that are not (fully) in the file. */
  lost: string[]
  /** Batches present in part: `{ batch, problem }`. */
  partial: { batch: number; problem: string }[]
  /** The app's own open refused the file. */
  openError: string | null
  maxBatch: number
}

interface QuoteGroup {
  article_id: string
  n: number
  notes: number
  note: string
}

/**
 * Reopens the library through openLibrary (the app's recovery path) and checks SQLite's
 * promises at application level: integrity, foreign keys, every acknowledged id present, and
 * every batch all-or-nothing.
 */
export async function checkLibrary(file: string, acked: Iterable<string>): Promise<CrashCheck> {
  const result: CrashCheck = {
    integrity: [],
    foreignKeyViolations: 0,
    lost: [],
    partial: [],
    openError: null,
    maxBatch: 0,
  }
  let library
  try {
    library = await openLibrary(file)
  } catch (err) {
    result.openError = err instanceof Error ? err.message : String(err)
    return result
  }
  try {
    const sqlite = library.sqlite
    result.integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .filter((line) => line !== 'ok')
    result.foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length

    const articles = sqlite
      .prepare("select id, cast(substr(title, 7) as integer) as batch from articles where title like 'batch %'")
      .all() as { id: string; batch: number }[]
    const idOf = new Map(articles.map((a) => [a.batch, a.id]))
    const audits = sqlite
      .prepare("select subject_id as id, action, detail from audit_log where subject_type = 'article'")
      .all() as { id: string; action: string; detail: string }[]
    const created = new Set(audits.filter((a) => a.action === 'created').map((a) => a.id))
    const analysedQuotes = new Map(
      audits
        .filter((a) => a.action === 'analyzed')
        .map((a) => [a.id, (JSON.parse(a.detail) as { quotes: number }).quotes]),
    )
    const groups = new Map(
      (
        sqlite
          .prepare(
            'select article_id, count(*) as n, count(distinct note) as notes, max(note) as note from quotes group by article_id',
          )
          .all() as QuoteGroup[]
      ).map((g) => [g.article_id, g]),
    )
    const statusAudits = sqlite
      .prepare(
        `select q.article_id as articleId, json_extract(a.detail, '$.note') as note, count(*) as n
         from audit_log a join quotes q on q.id = a.subject_id
         where a.subject_type = 'quote' and a.action = 'status set' group by 1, 2`,
      )
      .all() as { articleId: string; note: string; n: number }[]

    for (const { id, batch } of articles) {
      result.maxBatch = Math.max(result.maxBatch, batch)
      const group = groups.get(id)
      const problems: string[] = []
      if (!created.has(id)) problems.push('article without its "created" audit row')
      if (!analysedQuotes.has(id)) problems.push('article without its "analyzed" audit row')
      if (!group || group.n === 0) problems.push('article without its quotes')
      else if (analysedQuotes.get(id) !== group.n)
        problems.push(`${group.n} quotes stored, ${analysedQuotes.get(id)} analysed`)
      if (group && group.notes > 1) problems.push(`quotes carry ${group.notes} different status batches`)
      for (const audit of statusAudits.filter((a) => a.articleId === id)) {
        if (audit.n !== group?.n) problems.push(`status batch ${audit.note}: ${audit.n} of ${group?.n ?? 0} audit rows`)
      }
      if (group && group.note !== '' && !statusAudits.some((a) => a.articleId === id && a.note === group.note)) {
        problems.push(`status batch ${group.note} applied without its audit rows`)
      }
      for (const problem of problems) result.partial.push({ batch, problem })
    }

    for (const ack of acked) {
      const create = /^c(\d+)$/.exec(ack)
      const status = /^s(\d+)\/(\d+)$/.exec(ack)
      if (create) {
        if (!idOf.has(Number(create[1]))) result.lost.push(ack)
      } else if (status) {
        const id = idOf.get(Number(status[1]))
        const note = id ? groups.get(id)?.note : undefined
        const round = note ? Number(note.split('/')[1]) : 0
        if (!note?.startsWith(`${status[1]}/`) || round < Number(status[2]) || round > STATUS_ROUNDS) {
          result.lost.push(ack)
        }
      } else {
        result.lost.push(`unrecognised ack ${ack}`)
      }
    }
    return result
  } finally {
    await library.close()
  }
}

export interface CrashFigures {
  seed: number
  trials: number
  acknowledged: number
  lost: number
  partial: number
  integrityFailures: number
  foreignKeyFailures: number
  openFailures: number
  writerFailures: number
  /** Control only: trials in which the harness found the broken writer's half-applied batch. */
  caught: number
  wallMs: number
  problems: string[]
}

export interface CrashRunOptions {
  file: string
  trials: number
  mode: GoCommand['mode']
  seed: number
  pool: WriterPool
  onTrial?: (index: number, figures: CrashFigures) => void
}

/**
 * The same file for every trial, so each trial also exercises recovery from the previous kill.
 * Every acknowledgement ever seen must still be there after every later kill.
 */
export async function runCrashTrials(options: CrashRunOptions): Promise<CrashFigures> {
  const random = seededRandom(options.seed)
  const figures: CrashFigures = {
    seed: options.seed,
    trials: 0,
    acknowledged: 0,
    lost: 0,
    partial: 0,
    integrityFailures: 0,
    foreignKeyFailures: 0,
    openFailures: 0,
    writerFailures: 0,
    caught: 0,
    wallMs: 0,
    problems: [],
  }
  const started = performance.now()
  const acked = new Set<string>()
  let next = (await checkLibrary(options.file, [])).maxBatch + 1
  for (let i = 0; i < options.trials; i++) {
    const first = next
    const trial = await runTrial(options.pool, { file: options.file, mode: options.mode, first }, random)
    for (const ack of trial.acks) acked.add(ack)
    figures.trials++
    figures.acknowledged += trial.acks.length
    if (trial.writerFailure) {
      figures.writerFailures++
      figures.problems.push(`trial ${i + 1}: writer failed by itself: ${trial.writerFailure}`)
    }
    const check = await checkLibrary(options.file, acked)
    next = Math.max(next, check.maxBatch + 1)
    const fresh = check.partial.filter((p) => p.batch >= first)
    if (check.openError) figures.openFailures++
    if (check.integrity.length > 0) figures.integrityFailures++
    if (check.foreignKeyViolations > 0) figures.foreignKeyFailures++
    if (options.mode === 'broken') {
      // A control file keeps its earlier damage; only what this trial did counts as caught.
      if (fresh.length > 0 || check.lost.length > 0) figures.caught++
    } else {
      figures.lost = check.lost.length
      figures.partial = check.partial.length
      const detail = [
        ...(check.openError ? [`reopen failed: ${check.openError}`] : []),
        ...check.integrity.map((line) => `integrity: ${line}`),
        ...(check.foreignKeyViolations ? [`${check.foreignKeyViolations} foreign key violations`] : []),
        ...check.lost.map((ack) => `acknowledged ${ack} is missing`),
        ...check.partial.map((p) => `batch ${p.batch}: ${p.problem}`),
      ]
      for (const line of detail.slice(0, 5))
        figures.problems.push(`trial ${i + 1} (kill at ${trial.killAfterMs.toFixed(0)} ms): ${line}`)
    }
    options.onTrial?.(i, figures)
  }
  figures.wallMs = performance.now() - started
  return figures
}

/** A fresh library file (migrated once, so trials exercise writing rather than creating). */
export async function freshLibrary(dir: string, name: string): Promise<string> {
  const file = path.join(dir, name)
  fs.rmSync(file, { force: true })
  const library = await openLibrary(file)
  await library.close()
  return file
}

export interface BusyWriter {
  /** Every id acknowledged so far. */
  acks(): string[]
  waitForAcks(n: number, timeoutMs?: number): Promise<void>
  stop(): Promise<void>
}

/** A writer that keeps committing until stopped (for backups taken under load). */
export async function startBusyWriter(pool: WriterPool, go: GoCommand): Promise<BusyWriter> {
  const writer = await pool.take()
  writer.child.stdin.write(`go ${JSON.stringify(go)}\n`)
  const acks = () =>
    writer.stdout
      .split('\n')
      .slice(0, -1)
      .filter((line) => line.startsWith('ack '))
      .map((line) => line.slice(4))
  return {
    acks,
    async waitForAcks(n, timeoutMs = 20_000) {
      const deadline = performance.now() + timeoutMs
      while (acks().length < n) {
        if (writer.child.exitCode !== null) throw new Error(`writer stopped: ${writer.stderr.slice(0, 500)}`)
        if (performance.now() > deadline) throw new Error(`writer acknowledged only ${acks().length} of ${n}`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    },
    async stop() {
      writer.child.kill('SIGKILL')
      await writer.exited
    },
  }
}
