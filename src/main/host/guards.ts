import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type Refusal = { status: 400 | 403; reason: string }

export const TOKEN_HEADER = 'x-quotedesk-token'

/** Host names the page may use to reach us; anything else is DNS rebinding or a proxy (H3). */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
}

export function allowedOrigins(port: number): ReadonlySet<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value
}

/**
 * Headers a request may carry once. Node keeps the first Host and joins or drops other
 * repeats, so a second one could tell a proxy in front of us something else than what we
 * checked (finding 13); a browser never repeats them.
 */
const ONCE_ONLY: ReadonlySet<string> = new Set([
  'host',
  'origin',
  'sec-fetch-site',
  'content-type',
  'content-length',
  'authorization',
  TOKEN_HEADER,
])

/** The first single header that `rawHeaders` (name, value, name, value …) carries twice, or null. */
export function repeatedHeader(rawHeaders: readonly string[]): string | null {
  const seen = new Set<string>()
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]?.toLowerCase() ?? ''
    if (!ONCE_ONLY.has(name)) continue
    if (seen.has(name)) return name
    seen.add(name)
  }
  return null
}

/**
 * The checks every request passes before routing, static files included: no repeated Host,
 * Origin or other single header (finding 13), Host (H3), Origin and Fetch Metadata (H4).
 * Returns why a request is refused, or null.
 */
export function checkRequest(
  req: Pick<IncomingMessage, 'method' | 'headers' | 'rawHeaders'>,
  port: number,
): Refusal | null {
  const repeated = repeatedHeader(req.rawHeaders)
  if (repeated) return { status: 400, reason: `the ${repeated} header is repeated` }
  const { headers } = req
  const method = req.method ?? 'GET'
  const host = single(headers.host)?.toLowerCase()
  if (host === undefined || !allowedHosts(port).has(host)) return { status: 403, reason: 'forbidden host' }

  // `Origin: null` (sandboxed frames, file: pages, some redirects) is refused like any foreign origin.
  const origin = single(headers.origin)
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return { status: 403, reason: 'forbidden origin' }
  }

  const site = single(headers['sec-fetch-site'])?.toLowerCase()
  if (method !== 'GET' && method !== 'HEAD' && (site === 'cross-site' || site === 'same-site')) {
    return { status: 403, reason: 'cross-site request' }
  }
  return null
}

/** Constant-time after the length check, so a wrong guess learns nothing from timing (H2). */
export function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(token, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Only `application/json` (optionally `; charset=utf-8`): HTML forms and `no-cors` fetches cannot send it. */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/json') return false
  return params.every((param) => param === '' || param === 'charset=utf-8' || param === 'charset="utf-8"')
}
