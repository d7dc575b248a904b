import type { Channel, Output } from '../../shared/contract'
import type { Reply } from '../../shared/errors'

/**
 * What the preload exposes as `window.quotedesk`: one frozen function per contract channel,
 * each resolving to main's Reply envelope (never rejecting for expected failures). The input is
 * `unknown` on purpose: the bridge is a transport and main validates every input with zod;
 * typed calls go through `createClient` (`Input<C>` in, `Output<C>` out).
 */
export type QuotedeskApi = { readonly [C in Channel]: (input: unknown) => Promise<Reply<Output<C>>> }

declare global {
  interface Window {
    /** Present only inside the Electron app; in the browser host the client talks HTTP instead. */
    readonly quotedesk?: QuotedeskApi
  }
}
