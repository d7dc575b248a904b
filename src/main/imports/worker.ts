import { parentPort } from 'node:worker_threads'
import { QuotedeskError } from '../../shared/errors'
import { readByFormat } from '.'
import type { WorkerInput, WorkerOutput } from './isolate'

// One import at a time (isolate.ts never sends a second before the first is answered).
parentPort?.on('message', async (input: WorkerInput) => {
  let output: WorkerOutput
  try {
    output = { ok: true, doc: await readByFormat(input.fileName, input.format, input.bytes) }
  } catch (err) {
    output =
      err instanceof QuotedeskError
        ? { ok: false, code: err.code, message: err.message }
        : { ok: false, message: err instanceof Error ? err.message : String(err) }
  }
  parentPort?.postMessage(output)
})
