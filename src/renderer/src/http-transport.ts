import type { Transport } from '../../shared/client'
import { Fault, type Reply } from '../../shared/errors'

export const TOKEN_HEADER = 'X-Quotedesk-Token'

type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'text'>>

/** What to tell the user when the host answered with a status but no readable envelope. */
export function faultFromStatus(status: number): Fault {
  switch (status) {
    case 400:
    case 415:
      return { code: 'invalid_input', message: `Quotedesk's host could not read the request (HTTP ${status}).` }
    case 401:
      return {
        code: 'unauthorized',
        message: 'This page is not signed in to Quotedesk. Open the address printed by `quotedesk serve` again.',
      }
    case 403:
      return { code: 'forbidden', message: 'Quotedesk refused the request from this page (HTTP 403).' }
    case 404:
      return { code: 'unknown_channel', message: 'This Quotedesk host does not know that request (HTTP 404).' }
    case 413:
      return { code: 'too_large', message: 'That is larger than Quotedesk accepts; files may be up to 50 MB.' }
    default:
      return { code: 'internal', message: `Quotedesk's host answered with an unexpected error (HTTP ${status}).` }
  }
}

/** Accepts only a well-formed envelope; anything else is treated as if there were no reply. */
export function asEnvelope(json: unknown): Reply<unknown> | null {
  if (typeof json !== 'object' || json === null) return null
  const envelope = json as { ok?: unknown; value?: unknown; error?: unknown }
  if (envelope.ok === true && 'value' in envelope) return { ok: true, value: envelope.value }
  if (envelope.ok === false) {
    const fault = Fault.safeParse(envelope.error)
    if (fault.success) return { ok: false, error: fault.data }
  }
  return null
}

export function parseEnvelope(body: string): Reply<unknown> | null {
  try {
    return asEnvelope(JSON.parse(body))
  } catch {
    return null
  }
}

/**
 * Talks to the local browser host: `POST /api/<channel>` with the JSON input and the token
 * header. Never throws: a dead host, a bad status or a garbled body all become a Fault.
 */
export function createHttpTransport(token: string, fetchFn: Fetch, base = ''): Transport {
  return async (channel, input) => {
    let response: Pick<Response, 'status' | 'text'>
    try {
      response = await fetchFn(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
        cache: 'no-store',
        credentials: 'same-origin',
        referrerPolicy: 'no-referrer',
      })
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Quotedesk could not reach its host. Is `quotedesk serve` still running in the terminal?',
        },
      }
    }
    let body = ''
    try {
      body = await response.text()
    } catch {
      // A connection dropped mid-body: fall through to the status.
    }
    const envelope = parseEnvelope(body)
    if (envelope) return envelope
    if (response.status >= 200 && response.status < 300) {
      return { ok: false, error: { code: 'internal', message: 'Quotedesk’s host sent a reply this page cannot read.' } }
    }
    return { ok: false, error: faultFromStatus(response.status) }
  }
}
