import type { Channel, Input, Output } from './contract'
import { QuotedeskError, type Reply } from './errors'

/** Carries one call to main (IPC) or to the browser host (HTTP) and returns its envelope. */
export type Transport = (channel: Channel, input: unknown) => Promise<Reply<unknown>>

export type Call = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>

/** The typed client: the same for the preload bridge and the HTTP host; throws QuotedeskError. */
export function createClient(transport: Transport): Call {
  return async (channel, input) => {
    const reply = await transport(channel, input)
    if (reply.ok) return reply.value as Output<typeof channel>
    throw QuotedeskError.fromFault(reply.error)
  }
}
