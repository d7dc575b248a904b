/** The renderer's only origin in a built app, served by `protocol.handle('app', …)`. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'quotedesk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Whether `value` holds a C0 control or DEL, plus space and the C1 controls unless told otherwise. */
export function hasControlChar(value: string, { space = true, c1 = true } = {}): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 || code === 0x7f || (space && code === 0x20) || (c1 && code >= 0x80 && code <= 0x9f)) return true
  }
  return false
}

/** `new URL` that answers null instead of throwing, so hostile strings never reach a catch-all. */
export function parseUrl(value: unknown): URL | null {
  // The WHATWG parser silently strips or re-encodes these; Chromium hands us canonical URLs, so a
  // string that still contains one did not come from Chromium and is refused instead of repaired.
  if (typeof value !== 'string' || value === '' || hasControlChar(value, { c1: false })) return null
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/**
 * The origin of `url` as Chromium reports it for our schemes, or null when it has none we trust.
 * Node's WHATWG parser gives `'null'` as the origin of every non-special scheme (like `app:`),
 * so the tuple is built by hand; URLs carrying credentials never match anything.
 */
export function originOf(url: string): string | null {
  const parsed = parseUrl(url)
  if (!parsed || parsed.username !== '' || parsed.password !== '' || parsed.host === '') return null
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin
  if (parsed.protocol === `${APP_SCHEME}:`) return `${parsed.protocol}//${parsed.host}`
  return null
}

/** True when `url` belongs exactly to `trustedOrigin` (scheme, host and port; no credentials). */
export function isSameOrigin(url: string, trustedOrigin: string): boolean {
  return originOf(url) === trustedOrigin
}

/**
 * The electron-vite dev server URL, honoured only in an unpackaged app and only on loopback:
 * otherwise one environment variable could point a user's Quotedesk at a remote page.
 */
export function devRendererUrl(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): URL | null {
  const raw = env.ELECTRON_RENDERER_URL
  if (isPackaged || raw === undefined || raw === '') return null
  const url = parseUrl(raw)
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) {
    throw new Error(`ELECTRON_RENDERER_URL must be an http://localhost dev-server URL, got ${JSON.stringify(raw)}`)
  }
  return url
}
