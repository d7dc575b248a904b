/**
 * `quotedesk serve` prints `http://127.0.0.1:PORT/#code=…`. The browser writes that address to
 * its history before this page runs, so the code is good for one use only: the page trades it
 * for the session token, which lives in this tab's sessionStorage (a reload keeps it) and never
 * in the address.
 */
import { SESSION_PATH } from '../../shared/session'

const TOKEN_KEY = 'quotedesk.token'
// The host mints base64url codes and tokens; anything else is a mangled paste, not a secret to send.
const SECRET_SHAPE = /^[A-Za-z0-9_-]{16,512}$/
export { SESSION_PATH } from '../../shared/session'

/** Reads `code` from a location hash and returns the hash without it (other parameters kept). */
export function splitCodeFromHash(hash: string): { code: string | null; rest: string } {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const raw = params.get('code')
  if (raw === null) return { code: null, rest: hash }
  params.delete('code')
  const remaining = params.toString()
  return { code: SECRET_SHAPE.test(raw) ? raw : null, rest: remaining === '' ? '' : `#${remaining}` }
}

export interface TokenEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>
  history: Pick<History, 'replaceState' | 'state'>
  storage: Pick<Storage, 'getItem' | 'setItem'> | null
}

type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'json'>>

/** Signed in; no address and no token (opened by hand); or an address that was already used. */
export type SignIn = { state: 'signed-in'; token: string } | { state: 'no-token' } | { state: 'address-used' }

function stored(env: TokenEnv): string | null {
  try {
    return env.storage?.getItem(TOKEN_KEY) ?? null
  } catch {
    return null
  }
}

/** The session token for this code, or the status the host refused it with. */
async function exchange(code: string, fetchFn: Fetch, base: string): Promise<string | number> {
  try {
    const response = await fetchFn(`${base}${SESSION_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
      credentials: 'same-origin',
      referrerPolicy: 'no-referrer',
    })
    const reply = (await response.json()) as { ok?: unknown; value?: { token?: unknown } }
    const token = reply.ok === true ? reply.value?.token : undefined
    return typeof token === 'string' && SECRET_SHAPE.test(token) ? token : response.status
  } catch {
    return 0
  }
}

/**
 * Takes the code out of the address bar at once (this runs before anything else awaits), trades
 * it for the session token and keeps that in sessionStorage. A used code in a tab that already
 * holds a token (the address opened again in the same tab) keeps that token.
 *
 * @example
 *   const signIn = await signInFromAddress({ location, history, storage: sessionStorage }, fetch)
 */
export async function signInFromAddress(env: TokenEnv, fetchFn: Fetch, base = ''): Promise<SignIn> {
  const { code, rest } = splitCodeFromHash(env.location.hash)
  if (env.location.hash.includes('code=')) {
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}${rest}`)
  }
  const kept = stored(env)
  if (code === null) return kept === null ? { state: 'no-token' } : { state: 'signed-in', token: kept }
  const exchanged = await exchange(code, fetchFn, base)
  if (typeof exchanged === 'string') {
    try {
      env.storage?.setItem(TOKEN_KEY, exchanged)
    } catch {
      // Storage can be disabled by policy; the token still works until this page is reloaded.
    }
    return { state: 'signed-in', token: exchanged }
  }
  if (kept !== null) return { state: 'signed-in', token: kept }
  return exchanged === 401 ? { state: 'address-used' } : { state: 'no-token' }
}
