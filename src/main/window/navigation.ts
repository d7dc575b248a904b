import { APP_HOST, APP_SCHEME, hasControlChar, isSameOrigin, parseUrl } from './origins'

/** Longer links are refused rather than handed to the OS: no article needs one, exploits often do. */
export const MAX_EXTERNAL_URL_LENGTH = 2048

/**
 * Whether a window may navigate to `url`: only within the origin it was loaded from
 * (`app://quotedesk`, or the exact dev-server origin in development). Parsed, never `startsWith`.
 */
export function isAllowedNavigation(url: string, trustedOrigin: string): boolean {
  return isSameOrigin(url, trustedOrigin)
}

/**
 * The link to hand to `shell.openExternal`, or null. Only plain https links without credentials:
 * `file:`, `smb:`, `ms-msdt:` and other OS handlers have been remote-code vectors.
 */
export function safeExternalUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EXTERNAL_URL_LENGTH) return null
  // Controls are invisible in a link and significant to some OS URL handlers; the parser would
  // strip them silently, and a link that needed stripping is not one we pass on.
  if (hasControlChar(value)) return null
  // `https:example` parses as https://example/: only the spelled-out form is a link a person wrote.
  if (!/^https:\/\//iu.test(value)) return null
  const url = parseUrl(value)
  if (!url || url.protocol !== 'https:' || url.hostname === '') return null
  if (url.username !== '' || url.password !== '') return null
  if (url.href.length > MAX_EXTERNAL_URL_LENGTH) return null
  return url
}

/**
 * The session's request filter (checklist item 1): the renderer loads only its own files.
 * `data:` and `blob:` never touch the network and CSP decides where they may be used;
 * in development the exact dev-server origin (and its HMR WebSocket) is allowed too.
 */
export function isAllowedRequest(url: string, devOrigin: string | null = null): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true
    case 'http:':
      return devOrigin !== null && isSameOrigin(url, devOrigin)
    case 'ws:': {
      if (devOrigin === null) return false
      const asHttp = new URL(parsed.href)
      asHttp.protocol = 'http:'
      return isSameOrigin(asHttp.href, devOrigin)
    }
    default:
      return false
  }
}
