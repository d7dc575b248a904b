import { contract, isChannel, type Handlers } from '../../shared/contract'
import { invalidInput, QuotedeskError, type Fault, type Reply } from '../../shared/errors'
import { sqliteCode, storeFailureMessage } from '../db/sqlite-errors'

/** Logs the real cause of an unexpected failure; the caller sees only a generic message. */
export type FaultLogger = (channel: string, err: unknown) => void

const defaultLogger: FaultLogger = (channel, err) => {
  console.error(`[quotedesk] ${channel} failed:`, err)
}

export function toFault(err: unknown): Fault {
  if (err instanceof QuotedeskError) return err.toFault()
  const code = sqliteCode(err)
  if (code?.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: 'That change conflicts with what is already in the library.' }
  }
  const message = storeFailureMessage(err)
  return { code: 'internal', message: message ?? 'Something went wrong inside Quotedesk; the change was not saved.' }
}

/**
 * The single place input is validated: transport-free, used by IPC, the HTTP host and tests.
 * Never throws; every outcome is a Reply envelope.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  raw: unknown,
  log: FaultLogger = defaultLogger,
): Promise<Reply<unknown>> {
  if (!isChannel(channel)) {
    // String() throws on e.g. [Object.create(null)]: only a string is ever echoed back (fuzz finding).
    const name = typeof channel === 'string' ? JSON.stringify(channel).slice(0, 80) : `of type ${typeof channel}`
    return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel ${name}` } }
  }
  const parsed = contract[channel].input.safeParse(raw)
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) }
  try {
    // The one cast: the contract ties each channel's parsed input to its handler.
    const run = handlers[channel] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await run(parsed.data) }
  } catch (err) {
    const fault = toFault(err)
    // A full disk or a read-only library is explained to the user already; it is not a bug.
    if (fault.code === 'internal' && storeFailureMessage(err) === null) log(channel, err)
    return { ok: false, error: fault }
  }
}
