import { createClient, type Call, type Transport } from '../../shared/client'
import type { Channel } from '../../shared/contract'
import { asEnvelope, createHttpTransport } from './http-transport'
import { signInFromAddress, type SignIn } from './token'

/**
 * The only module that touches `window.quotedesk` or HTTP. In the desktop app the preload
 * bridge carries calls over IPC; in a browser the local host does, authorised by the session
 * token this tab got for the one-time code in the address `quotedesk serve` printed.
 */
export type Connection = { mode: 'desktop' } | { mode: 'browser' }

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

const bridge = window.quotedesk

export const connection: Connection = bridge ? { mode: 'desktop' } : { mode: 'browser' }

/** What the page shows: the app, or why this tab cannot open the library. */
export type Gate = 'open' | Exclude<SignIn['state'], 'signed-in'>

const signedOut = {
  ok: false,
  error: { code: 'unauthorized', message: 'Open Quotedesk from the address printed by `quotedesk serve`.' },
} as const

function connect(): { gate: Promise<Gate>; transport: Transport } {
  if (bridge) return { gate: Promise.resolve('open'), transport: preloadTransport(bridge) }
  // Runs at import, before React renders, so the code leaves the address bar at once.
  const signIn = signInFromAddress(
    { location: window.location, history: window.history, storage: sessionStore() },
    (url, init) => window.fetch(url, init),
  )
  const http = signIn.then((s) =>
    s.state === 'signed-in' ? createHttpTransport(s.token, (url, init) => window.fetch(url, init)) : null,
  )
  return {
    gate: signIn.then((s) => (s.state === 'signed-in' ? 'open' : s.state)),
    transport: async (channel, input) => {
      const send = await http
      return send ? send(channel, input) : signedOut
    },
  }
}

const opened = connect()

/** Settles once the page knows whether it may call the host (at once in the desktop app). */
export const gate: Promise<Gate> = opened.gate

/** The typed client; throws QuotedeskError with the service's Fault. */
export const call: Call = createClient(opened.transport)
