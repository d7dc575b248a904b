import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { main } from '../../src/main/cli/main'
import type { Library } from '../../src/main/db/connection'
import { dispatch } from '../../src/main/rpc/dispatch'
import { createHandlers } from '../../src/main/services'
import { isChannel, type Channel, type Handlers } from '../../src/shared/contract'
import type { Reply } from '../../src/shared/errors'
import { HOSTILE_INPUTS, type HostileInput } from './hostile-catalogue'

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures/hostile')
export const MANIFEST = path.join(FIXTURES_DIR, 'MANIFEST.json')

export interface ManifestEntry {
  id: string
  title: string
  fileName: string
  bytes: number
  sha256: string
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** Small inputs as committed files; the rest are made at test time (size 'big'). */
export function committedInputs(): HostileInput[] {
  return HOSTILE_INPUTS.filter((input) => input.size === 'small' && !input.cliPath)
}

export function fixturePath(input: HostileInput): string {
  return path.join(FIXTURES_DIR, `${input.id}.bin`)
}

export type Ending = 'imported' | 'rejected' | 'crashed' | 'timed out'

export interface HostileOutcome {
  id: string
  title: string
  expected: string
  ending: Ending
  /** The user-facing message, or for an import, what was stored. */
  detail: string
  ms: number
  /** Empty when the input was handled as it must be. */
  problems: string[]
  /** Set when the problems are a reported, not yet fixed defect (the run stays green). */
  knownDefect: string | null
}

/** Counts for the figures table. Known defects are counted apart; everything else must be zero. */
export function summarise(outcomes: HostileOutcome[]) {
  const open = outcomes.filter((o) => !o.knownDefect)
  return {
    tried: outcomes.length,
    imported: open.filter((o) => o.ending === 'imported' && o.problems.length === 0).length,
    rejected: open.filter((o) => o.ending === 'rejected' && o.problems.length === 0).length,
    knownDefects: outcomes.length - open.length,
    failed: open.filter((o) => o.problems.length > 0).length,
    crashed: open.filter((o) => o.ending === 'crashed').length,
    hung: open.filter((o) => o.ending === 'timed out' || o.problems.some((p) => p.startsWith('took '))).length,
    partialWrites: open.filter((o) => o.problems.some((p) => p.startsWith('partial write'))).length,
  }
}

/** A known defect that no longer shows is a stale entry: fail so it gets removed. */
function settle(input: HostileInput, outcome: Omit<HostileOutcome, 'knownDefect'>): HostileOutcome {
  if (!input.knownDefect) return { ...outcome, knownDefect: null }
  if (outcome.problems.length > 0) return { ...outcome, knownDefect: input.knownDefect }
  return { ...outcome, problems: ['handled correctly now: remove its knownDefect note'], knownDefect: null }
}

/** Row counts of every table, so a refusal that wrote anything at all is caught. */
function rowCounts(library: Library): Record<string, number> {
  const tables = library.sqlite
    .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'")
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((name) => [
      name,
      library.sqlite
        .prepare(`select count(*) from "${name.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  )
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)))
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}

const SUPPORT_PROBE: Record<string, Buffer> = {
  html: Buffer.from('<p>“Probe,” she said.</p>'),
  docx: Buffer.from('probe'),
  json: Buffer.from('{}'),
  vtt: Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n“Probe,” she said.\n'),
  srt: Buffer.from('1\n00:00:01,000 --> 00:00:02,000\n“Probe,” she said.\n'),
}

/** The channel an input goes through: its own (e.g. `import:json`) once that exists. */
function channelFor(input: HostileInput): Channel {
  const own = input.expect.kind === 'pending' ? input.expect.channel : undefined
  return own !== undefined && isChannel(own) ? own : 'articles:import'
}

/** Whether the import path reads a format yet: anything but "is not supported" means it does. */
async function isSupported(handlers: Handlers, format: string, channel: string | undefined): Promise<boolean> {
  if (channel !== undefined) return isChannel(channel)
  const reply = await dispatch(
    handlers,
    'articles:import',
    { fileName: `probe.${format}`, dataBase64: (SUPPORT_PROBE[format] ?? Buffer.from('probe')).toString('base64') },
    () => {},
  )
  return reply.ok || !/is not supported/.test(reply.error.message)
}

function describeExpectation(input: HostileInput, supported: boolean): string {
  const e = input.expect
  if (e.kind === 'imports') return e.body !== undefined ? 'imports, exact text' : 'imports'
  if (e.kind === 'rejects') return `rejects: ${e.reason.source}`
  if (e.kind === 'either') return `imports (repaired) or rejects: ${e.reason.source}`
  if (!supported) return `.${e.format} not supported yet: rejects "is not supported"`
  if (e.channel) return `${e.channel}: ${e.whenSupported === 'rejects' ? 'rejects' : 'imports or rejects cleanly'}`
  return e.whenSupported === 'rejects' ? `.${e.format}: rejects` : `.${e.format}: imports or rejects cleanly`
}

/** Quote offsets point into the stored text and never split a surrogate pair (F4). */
async function offsetProblems(handlers: Handlers, articleId: string, body: string): Promise<string[]> {
  const quotes = await handlers['quotes:list']({ articleId })
  const problems: string[] = []
  const isLow = (at: number) => at > 0 && at < body.length && /[\uDC00-\uDFFF]/.test(body[at] ?? '')
  for (const q of quotes) {
    if (!(q.start >= 0 && q.start < q.end && q.end <= body.length))
      problems.push(`quote ${q.start}–${q.end} outside the text`)
    else if (body.slice(q.start, q.end) !== q.text)
      problems.push(`quote ${q.start}–${q.end} text differs from the body`)
    if (isLow(q.start) || isLow(q.end)) problems.push(`quote ${q.start}–${q.end} splits a surrogate pair`)
    if (!q.text.isWellFormed()) problems.push(`quote ${q.start}–${q.end} holds a lone surrogate`)
  }
  return problems
}

async function viaCli(input: HostileInput, target: string, libraryFile: string, cwd: string): Promise<Reply<unknown>> {
  let stderr = ''
  const code = await main(['--db', libraryFile, 'import', target], {
    stdout: () => {},
    stderr: (text) => (stderr += text),
    env: {},
    cwd,
  })
  return code === 0
    ? { ok: true, value: null }
    : { ok: false, error: { code: 'unsupported_file', message: stderr.replace(/^quotedesk: /, '').trim() } }
}

function cliTarget(input: HostileInput, dir: string): string {
  const target = path.join(dir, `${input.id}-${input.fileName}`)
  if (input.cliPath === 'directory') fs.mkdirSync(target, { recursive: true })
  if (input.cliPath === 'fifo') execFileSync('mkfifo', [target])
  if (input.cliPath === 'dev-zero') return '/dev/zero'
  return target
}

/** If a reader is stuck on the FIFO (the bug this entry guards against), give it EOF. */
function unblockFifo(target: string): void {
  try {
    fs.closeSync(fs.openSync(target, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK))
  } catch {
    // ENXIO: nobody is reading it, which is the expected case.
  }
}

export interface HostileRunOptions {
  library: Library
  /** For big inputs and the non-file paths. */
  workDir: string
  inputs?: HostileInput[]
  timeoutMs?: (input: HostileInput) => number
}

/**
 * Drives each input through the real import path (`articles:import` via dispatch on a real
 * library, or `quotedesk import PATH` for things that are not regular files) and judges it:
 * imported correctly, or refused with a clear message that names the file and the reason —
 * never a crash, a hang or a partial write.
 */
export async function runHostileInputs(options: HostileRunOptions): Promise<HostileOutcome[]> {
  const { library, workDir } = options
  const handlers = createHandlers(library, () => 'hostile')
  const supported = new Map<string, boolean>()
  const outcomes: HostileOutcome[] = []
  for (const input of options.inputs ?? HOSTILE_INPUTS) {
    const e = input.expect
    if (e.kind === 'pending' && !supported.has(e.format)) {
      supported.set(e.format, await isSupported(handlers, e.format, e.channel))
    }
    const channel = channelFor(input)
    const isSupportedNow = e.kind === 'pending' ? (supported.get(e.format) ?? false) : true
    const problems: string[] = []
    const before = rowCounts(library)
    const started = performance.now()
    const limit = options.timeoutMs?.(input) ?? (input.size === 'big' ? 60_000 : 10_000)

    let reply: Reply<unknown> | 'timeout'
    let target = ''
    try {
      if (input.cliPath) {
        target = cliTarget(input, workDir)
        reply = await withTimeout(viaCli(input, target, library.path, workDir), limit)
      } else {
        const data =
          input.size === 'small' && fs.existsSync(fixturePath(input))
            ? fs.readFileSync(fixturePath(input))
            : input.make()
        if (input.size === 'big') {
          // Made at test time and read back from disk, as a user's file would be.
          const file = path.join(workDir, input.fileName)
          fs.writeFileSync(file, data)
        }
        const base64 = data.toString('base64')
        const payload = input.payload ? input.payload(base64) : { fileName: input.fileName, dataBase64: base64 }
        reply = await withTimeout(
          dispatch(handlers, channel, payload, () => {}),
          limit,
        )
      }
    } catch (err) {
      outcomes.push(
        settle(input, {
          id: input.id,
          title: input.title,
          expected: describeExpectation(input, isSupportedNow),
          ending: 'crashed',
          detail: err instanceof Error ? err.message : String(err),
          ms: performance.now() - started,
          problems: ['threw instead of answering'],
        }),
      )
      continue
    } finally {
      if (input.cliPath === 'fifo' && target) unblockFifo(target)
    }
    const ms = performance.now() - started

    if (reply === 'timeout') {
      outcomes.push(
        settle(input, {
          id: input.id,
          title: input.title,
          expected: describeExpectation(input, isSupportedNow),
          ending: 'timed out',
          detail: `no answer in ${limit} ms`,
          ms,
          problems: ['hang'],
        }),
      )
      continue
    }

    let ending: Ending
    let detail: string
    if (reply.ok) {
      ending = 'imported'
      detail = 'imported'
      if (!input.cliPath) {
        // articles:import answers with the Article, import:json with a summary naming it.
        const value = reply.value as { id?: string; articleId?: string }
        const article = { id: value.articleId ?? value.id ?? '' }
        const stored = await handlers['articles:get']({ id: article.id })
        detail = `stored ${stored.body.length.toLocaleString('en')} characters, title ${JSON.stringify(stored.title.slice(0, 40))}`
        if (!stored.body.isWellFormed()) problems.push('stored body holds a lone surrogate')
        if (stored.body.includes('\u0000')) problems.push('stored body holds a NUL')
        if (stored.title.length > 500) problems.push('title longer than 500 characters')
        if (e.kind === 'imports' && e.body !== undefined && stored.body !== e.body) {
          problems.push(
            `stored ${JSON.stringify(stored.body.slice(0, 80))}, expected ${JSON.stringify(e.body.slice(0, 80))}`,
          )
        }
        if (e.kind === 'imports' && e.bodyLength !== undefined && stored.body.length !== e.bodyLength) {
          problems.push(`stored ${stored.body.length} characters, expected ${e.bodyLength}`)
        }
        problems.push(...(await offsetProblems(handlers, article.id, stored.body)))
        if (channel === 'articles:import' && rowCounts(library).articles !== (before.articles ?? 0) + 1)
          problems.push('article count did not grow by one')
      }
    } else {
      ending = 'rejected'
      detail = reply.error.message
      const names =
        detail.includes(input.fileName) ||
        (reply.error.code === 'invalid_input' &&
          (reply.error.issues ?? []).some((issue) => /^(fileName|dataBase64|\(input\))$/.test(issue.path)))
      if (!names) problems.push('the message names neither the file nor the bad field')
      const after = rowCounts(library)
      const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table])
      if (changed.length > 0) problems.push(`partial write: ${changed.join(', ')} changed`)
    }

    if (e.kind === 'imports' && ending !== 'imported') problems.push('expected an import')
    if (e.kind === 'rejects' && ending !== 'rejected') problems.push('expected a refusal')
    if (e.kind === 'rejects' && ending === 'rejected' && !e.reason.test(detail))
      problems.push(`reason does not match ${e.reason}`)
    if (e.kind === 'either' && ending === 'rejected' && !e.reason.test(detail))
      problems.push(`reason does not match ${e.reason}`)
    if (e.kind === 'either' && ending === 'imported' && e.check) {
      const value = reply.ok ? (reply.value as { id?: string; articleId?: string }) : {}
      const id = value.articleId ?? value.id
      const body = id ? (await handlers['articles:get']({ id })).body : ''
      const problem = e.check(body)
      if (problem) problems.push(problem)
    }
    if (e.kind === 'pending') {
      if (!isSupportedNow && !(ending === 'rejected' && /is not supported/.test(detail))) {
        problems.push(`.${e.format} is not supported yet, so the refusal must say so`)
      }
      if (isSupportedNow && e.whenSupported === 'rejects' && ending !== 'rejected') problems.push('expected a refusal')
    }
    if (ms > limit) {
      // Synchronous work blocks the event loop, so the timeout above cannot fire: judge it afterwards.
      problems.push(`took ${(ms / 1000).toFixed(1)} s, over the ${limit / 1000} s bound`)
    }
    outcomes.push(
      settle(input, {
        id: input.id,
        title: input.title,
        expected: describeExpectation(input, isSupportedNow),
        ending,
        detail,
        ms,
        problems,
      }),
    )
  }
  return outcomes
}
