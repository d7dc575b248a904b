/// <reference types="electron-vite/node" />
import { Worker } from 'node:worker_threads'
import { QuotedeskError, type FaultCode } from '../../shared/errors'
import { importError } from './decode'
import type { DecodedDocument } from '.'

/** The formats whose parsers build a tree, so memory grows with the markup, not with the text. */
export type MarkupFormat = 'docx' | 'html'

/** One import, sent to the worker with `bytes` transferred. */
export interface WorkerInput {
  fileName: string
  format: MarkupFormat
  bytes: Uint8Array
}

/** The worker's one answer to it. */
export type WorkerOutput =
  | { ok: true; doc: DecodedDocument }
  /** `code` when the reader refused the file; without it, a parser failed on it. */
  | { ok: false; code?: FaultCode; message: string }

export interface ImportLimits {
  /** The worker's heap. */
  heapMb: number
  /** How long one import may take, the worker's start included. */
  deadlineMs: number
}

/**
 * The largest document the counts let through (half a million XML or HTML nodes) peaks below
 * 0.9 GB of heap, so 2 GB is reached only by a file built to exhaust memory in a way they do
 * not foresee. Reaching it ends the worker, not the process, for the many small allocations a
 * parser makes; one allocation that overshoots the limit by more than 16 MB aborts the whole
 * process (nodejs/node#47224), which is why the counts keep every document far below it.
 * Electron keeps all of its main process's V8 heaps in one 4 GB pointer cage, so this leaves
 * the app its own room. The deadline is far beyond the 10 s the largest document takes on this
 * 2-core machine.
 */
export const IMPORT_LIMITS: ImportLimits = { heapMb: 2048, deadlineMs: 120_000 }

/** An idle worker is kept this long: starting one (loading mammoth and linkedom) costs about 0.4 s. */
const IDLE_MS = 10_000

const isSource = new URL(import.meta.url).pathname.endsWith('.ts')

/**
 * Built, the worker is a bundle of its own (electron-vite's `?modulePath`). From source
 * (vitest, tsx) a thread cannot load TypeScript by itself, so it runs a line of JavaScript
 * that loads the worker through tsx.
 */
async function startWorker(heapMb: number): Promise<Worker> {
  const options = { resourceLimits: { maxOldGenerationSizeMb: heapMb } }
  if (!isSource) return new Worker((await import('./worker?modulePath')).default, options)
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const worker = JSON.stringify(new URL('./worker.ts', import.meta.url).href)
  return new Worker(`import(${tsx}).then((api) => api.tsImport(${worker}, ${worker}))`, { ...options, eval: true })
}

/** The worker kept warm between imports; one import runs at a time, so it is never shared. */
let idle: { worker: Worker; timer: NodeJS.Timeout } | undefined

async function takeWorker(heapMb: number): Promise<Worker> {
  const kept = idle
  idle = undefined
  if (kept) clearTimeout(kept.timer)
  // A thread that has ended has the id -1.
  if (kept && kept.worker.threadId !== -1 && heapMb === IMPORT_LIMITS.heapMb) {
    kept.worker.ref()
    return kept.worker
  }
  if (kept) void kept.worker.terminate()
  return startWorker(heapMb)
}

/** Keeps a worker that answered for the next import; it never holds the process open. */
function keepWorker(worker: Worker, heapMb: number): void {
  if (heapMb !== IMPORT_LIMITS.heapMb) {
    void worker.terminate()
    return
  }
  worker.unref()
  const timer = setTimeout(() => {
    idle = undefined
    void worker.terminate()
  }, IDLE_MS).unref()
  idle = { worker, timer }
}

/** Imports wait for each other: each may take the whole heap limit, and two at once would take twice that. */
let queue: Promise<unknown> = Promise.resolve()

/**
 * Reads a .docx or .html file in a worker thread with a bounded heap and a deadline, so a file
 * built to exhaust memory or time ends that thread with a clear message while the process, the
 * host and every other window carry on (issue 12, finding 3).
 *
 * @example
 *   const doc = await readInWorker('story.docx', 'docx', bytes) // readByFormat, off this thread
 */
export function readInWorker(
  fileName: string,
  format: MarkupFormat,
  bytes: Uint8Array,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<DecodedDocument> {
  // The worker gets a copy, never the caller's buffer: that may be Node's shared pool, and
  // transferring it would detach it.
  const own = new Uint8Array(bytes)
  const job = queue.then(() => readOnce(fileName, format, own, limits))
  queue = job.catch(() => undefined)
  return job
}

async function readOnce(
  fileName: string,
  format: MarkupFormat,
  own: Uint8Array<ArrayBuffer>,
  limits: ImportLimits,
): Promise<DecodedDocument> {
  const worker = await takeWorker(limits.heapMb)
  return new Promise<DecodedDocument>((resolve, reject) => {
    const finish = (end: () => void, keep: boolean) => {
      clearTimeout(timer)
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      if (keep) keepWorker(worker, limits.heapMb)
      else void worker.terminate()
      end()
    }
    const onMessage = (output: WorkerOutput) =>
      finish(() => {
        if (output.ok) resolve(output.doc)
        else reject(output.code ? new QuotedeskError(output.code, output.message) : new Error(output.message))
      }, true)
    const onError = (err: Error & { code?: string }) =>
      finish(
        () =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? importError(
                  fileName,
                  `the file needs more memory than an import may use (${limits.heapMb.toLocaleString('en')} MB), so it was stopped and nothing was imported`,
                )
              : err,
          ),
        false,
      )
    const onExit = (code: number) =>
      finish(() => reject(new Error(`the reader stopped unexpectedly (exit code ${code})`)), false)
    const timer = setTimeout(
      () =>
        finish(
          () =>
            reject(
              importError(
                fileName,
                `reading the file took longer than ${limits.deadlineMs / 1000} s, so it was stopped and nothing was imported`,
              ),
            ),
          false,
        ),
      limits.deadlineMs,
    )
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
    const input: WorkerInput = { fileName, format, bytes: own }
    worker.postMessage(input, [own.buffer])
  })
}
