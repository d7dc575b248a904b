import fs from 'node:fs/promises'
import path from 'node:path'
import { contentTypeFor } from '../content-types'
import { APP_HOST, APP_SCHEME, hasControlChar, parseUrl } from './origins'

export { contentTypeFor, FALLBACK_CONTENT_TYPE } from '../content-types'

// Encoded dots, slashes and backslashes and NUL exist only to sneak past a path check.
const ENCODED_TRICKS = /%(?:2e|2f|5c|00)/i

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * The file under `rootDir` that `app://quotedesk/<path>` names, or null. Follows the Electron
 * docs' `path.resolve` + `path.relative` pattern, then resolves symlinks and checks again, so a
 * link inside out/renderer cannot serve a file outside it (checklist item 18, notes E5).
 */
export async function resolveAppAsset(requestUrl: string, rootDir: string): Promise<string | null> {
  const url = parseUrl(requestUrl)
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  if (url.username !== '' || url.password !== '') return null
  const raw = url.pathname
  if (ENCODED_TRICKS.test(raw) || raw.includes('\\') || raw.includes('//')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  // Controls have no place in an asset name; ':' would be a drive letter or an NTFS stream on Windows.
  if (hasControlChar(decoded, { space: false }) || decoded.includes('\\') || decoded.includes(':')) return null
  const relativeName = decoded === '/' || decoded === '' ? 'index.html' : decoded.slice(1)

  const root = path.resolve(rootDir)
  const candidate = path.resolve(root, relativeName)
  if (!isInside(root, candidate)) return null
  try {
    const realRoot = await fs.realpath(root)
    const realFile = await fs.realpath(candidate)
    if (!isInside(realRoot, realFile)) return null
    const stat = await fs.stat(realFile)
    return stat.isFile() ? realFile : null
  } catch {
    return null
  }
}

export interface AssetHeaders {
  /** `CSP_HEADER` from src/renderer/csp.ts: the header form is the only one honouring frame-ancestors. */
  csp: string
}

function baseHeaders(headers: AssetHeaders, contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': headers.csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  }
}

/** The `protocol.handle('app', …)` handler body: a web Request in, a web Response out. */
export async function serveAppAsset(request: Request, rootDir: string, headers: AssetHeaders): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', {
      status: 405,
      headers: baseHeaders(headers, 'text/plain; charset=utf-8'),
    })
  }
  const file = await resolveAppAsset(request.url, rootDir)
  if (file === null) {
    return new Response('Not found', { status: 404, headers: baseHeaders(headers, 'text/plain; charset=utf-8') })
  }
  const body = request.method === 'HEAD' ? null : await fs.readFile(file)
  return new Response(body, { status: 200, headers: baseHeaders(headers, contentTypeFor(file)) })
}
