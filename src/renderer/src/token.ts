/** The per-launch access token the browser host prints as `http://127.0.0.1:PORT/#token=…`. */
const TOKEN_KEY = 'quotedesk.token'
// The host mints base64url tokens; anything else is a mangled paste, not a credential to send.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,512}$/

/** Reads `token` from a location hash and returns the hash without it (other parameters kept). */
export function splitTokenFromHash(hash: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const raw = params.get('token')
  if (raw === null) return { token: null, rest: hash }
  params.delete('token')
  const remaining = params.toString()
  return { token: TOKEN_SHAPE.test(raw) ? raw : null, rest: remaining === '' ? '' : `#${remaining}` }
}

export interface TokenEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>
  history: Pick<History, 'replaceState' | 'state'>
  storage: Pick<Storage, 'getItem' | 'setItem'> | null
}

/**
 * Moves the fragment token into sessionStorage and strips it from the address bar, so it never
 * reaches history, bookmarks, logs or a Referer; a reload in the same tab then finds it again.
 */
export function takeToken(env: TokenEnv): string | null {
  const { token, rest } = splitTokenFromHash(env.location.hash)
  if (env.location.hash.includes('token=')) {
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}${rest}`)
  }
  if (token !== null) {
    try {
      env.storage?.setItem(TOKEN_KEY, token)
    } catch {
      // Storage can be disabled by policy; the token still works for this page load.
    }
    return token
  }
  try {
    return env.storage?.getItem(TOKEN_KEY) ?? null
  } catch {
    return null
  }
}
