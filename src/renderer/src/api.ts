import { createClient, type Call, type Transport } from '../../shared/client'
import type { Channel } from '../../shared/contract'
import { asEnvelope, createHttpTransport } from './http-transport'
import { takeToken } from './token'

/**
 * The only module that touches `window.quotedesk` or HTTP. In the desktop app the preload
 * bridge carries calls over IPC; in a browser the local host does, authorised by the token
 * that `quotedesk serve` put in the address fragment.
 */
export type Connection = { mode: 'desktop' } | { mode: 'browser' } | { mode: 'no-token' }

function preloadTransport(bridge: NonNullable<Window['quotedesk']>): Transport {
  const broken = {
    ok: false,
    error: { code: 'internal', message: 'Quotedesk’s main process did not answer. Restart Quotedesk.' },
  } as const
  return async (channel: Channel, input) => {
    try {
      return asEnvelope(await bridge[channel](input)) ?? broken
    } catch {
      // Electron rejects only when main is gone or its handler threw past the dispatcher.
      return broken
    }
  }
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

function connect(): { connection: Connection; transport: Transport } {
  const bridge = window.quotedesk
  if (bridge) return { connection: { mode: 'desktop' }, transport: preloadTransport(bridge) }
  // Runs at import, before React renders, so the token leaves the address bar at once.
  const token = takeToken({ location: window.location, history: window.history, storage: sessionStore() })
  if (token === null) {
    return {
      connection: { mode: 'no-token' },
      transport: async () => ({
        ok: false,
        error: { code: 'unauthorized', message: 'Open Quotedesk from the address printed by `quotedesk serve`.' },
      }),
    }
  }
  return {
    connection: { mode: 'browser' },
    transport: createHttpTransport(token, (url, init) => window.fetch(url, init)),
  }
}

const opened = connect()

export const connection: Connection = opened.connection

/** The typed client; throws QuotedeskError with the service's Fault. */
export const call: Call = createClient(opened.transport)
