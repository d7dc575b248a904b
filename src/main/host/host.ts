import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CSP_HEADER } from '../../renderer/csp'
import type { Handlers } from '../../shared/contract'
import type { Fault, Reply } from '../../shared/errors'
import { SESSION_PATH } from '../../shared/session'
import type { Library } from '../db/connection'
import { dispatch } from '../rpc/dispatch'
import { createHandlers } from '../services'
import { checkRequest, isJsonContentType, TOKEN_HEADER, tokenMatches } from './guards'
import { createLaunchCodes } from './launch-code'
import { contentTypeOf, resolveStatic } from './static-files'

/** Large enough for a 50 MB import sent base64 inside JSON (about 67 MB). */
export const MAX_BODY_BYTES = 70 * 1024 * 1024
export { SESSION_PATH } from '../../shared/session'
export { TOKEN_HEADER } from './guards'

export type HostOptions = ({ handlers: Handlers; library?: never } | { library: Library; handlers?: never }) & {
  /** 0 picks a free port. */
  port?: number
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** One line per request (method, path, status) and unexpected failures; never headers, codes or the token. */
  log?: (line: string) => void
  maxBodyBytes?: number
  /** Called each time a page used the printed address, with the next one (for another tab). */
  onLaunchUrlUsed?: (next: string) => void
}

export interface RunningHost {
  /** `http://127.0.0.1:PORT/` */
  url: string
  /**
   * `url` plus `#code=…`, the address that opens the library in one browser tab: the page trades
   * the one-time code for the session token, so the address left in the browser's history is
   * dead. Read it again after a use for the next one. The fragment never reaches a Referer.
   */
  readonly launchUrl: string
  port: number
  /** The session token the API checks; never printed or put in an address. */
  token: string
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Other sites cannot even read our files through <script> or <img> (no-cors).
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const

class BodyTooLarge extends Error {}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: http.OutgoingHttpHeaders = {},
) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

function sendReply(
  res: http.ServerResponse,
  status: number,
  reply: Reply<unknown>,
  extra: http.OutgoingHttpHeaders = {},
) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(reply), { 'Cache-Control': 'no-store', ...extra })
}

function fault(code: Fault['code'], message: string): Reply<unknown> {
  return { ok: false, error: { code, message } }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * The browser host: serves the built renderer and `POST /api/<channel>` on 127.0.0.1 only,
 * behind a per-launch token, a Host allowlist and Origin/Fetch-Metadata checks (notes §4, H1–H6).
 *
 * Every `/api/*` answer is a JSON Reply envelope, whatever the status, so the renderer's
 * transport can always parse the body and see the same Faults as over IPC:
 * - 200: the channel ran; `ok:false` Faults from validation or the service (e.g. `invalid_input`
 *   naming the field) are still 200, exactly what IPC returns.
 * - 400 invalid JSON or a repeated single header (Host, Origin, token …), 401 token or a used
 *   launch code, 403 host/origin/cross-site, 404 unknown channel, 405 not POST, 413 body over
 *   the limit, 415 not application/json.
 *
 * @example
 *   const host = await startHost({ library, rendererDir: 'out/renderer' })
 *   console.log(host.launchUrl) // http://127.0.0.1:41234/#code=…
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const handlers = options.handlers ?? createHandlers(options.library)
  const log = options.log ?? (() => {})
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES
  const token = randomBytes(32).toString('base64url')
  const codes = createLaunchCodes()
  let port = 0
  let base = ''
  const launchUrl = () => `${base}#code=${codes.current()}`

  /** `POST /api/session {"code": …}`: the one-time code from the address, for the session token. */
  async function serveSession(req: http.IncomingMessage, res: http.ServerResponse): Promise<number> {
    if (req.method !== 'POST') {
      sendReply(res, 405, fault('invalid_input', 'Use POST to open a Quotedesk session.'), { Allow: 'POST' })
      return 405
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendReply(res, 415, fault('invalid_input', 'The Quotedesk API accepts only application/json.'))
      return 415
    }
    let given: unknown
    try {
      given = (JSON.parse((await readBody(req, 1024)).toString('utf8')) as { code?: unknown } | null)?.code
    } catch {
      // Too long or not JSON: no code anyone was given.
    }
    if (!codes.redeem(given)) {
      sendReply(
        res,
        401,
        fault(
          'unauthorized',
          'This address was already used, or is from an earlier run of Quotedesk. Open the newest address Quotedesk printed in its terminal.',
        ),
      )
      return 401
    }
    options.onLaunchUrlUsed?.(launchUrl())
    sendReply(res, 200, { ok: true, value: { token } })
    return 200
  }

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<number> {
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      sendReply(
        res,
        401,
        fault('unauthorized', 'Missing or wrong Quotedesk token: open the address Quotedesk printed.'),
      )
      return 401
    }
    if (req.method !== 'POST') {
      sendReply(res, 405, fault('invalid_input', 'Use POST for the Quotedesk API.'), { Allow: 'POST' })
      return 405
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendReply(res, 415, fault('invalid_input', 'The Quotedesk API accepts only application/json.'))
      return 415
    }
    let channel: string
    try {
      channel = decodeURIComponent(pathname.slice('/api/'.length))
    } catch {
      channel = ''
    }
    const declared = Number(req.headers['content-length'] ?? 0)
    let body: Buffer
    try {
      if (declared > limit) throw new BodyTooLarge()
      body = await readBody(req, limit)
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err
      const mb = Math.round(limit / 1024 / 1024)
      // Close the connection: the rest of an oversize body is not worth reading.
      sendReply(res, 413, fault('too_large', `The request is larger than ${mb} MB.`), { Connection: 'close' })
      return 413
    }
    let raw: unknown
    try {
      raw = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'))
    } catch {
      sendReply(res, 400, fault('invalid_input', 'The request body is not valid JSON.'))
      return 400
    }
    const reply = await dispatch(handlers, channel, raw, (name, err) =>
      log(`${name} failed: ${err instanceof Error ? err.message : String(err)}`),
    )
    const status = !reply.ok && reply.error.code === 'unknown_channel' ? 404 : 200
    sendReply(res, status, reply)
    return status
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<number> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' })
      return 405
    }
    const target = await resolveStatic(options.rendererDir, pathname)
    if (target.kind === 'bad-request') {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request\n')
      return 400
    }
    if (target.kind === 'not-found') {
      const isPage = pathname === '/' || !pathname.slice(pathname.lastIndexOf('/')).includes('.')
      const text = isPage ? 'The Quotedesk interface is not built yet: run `npm run build`.\n' : 'Not found\n'
      send(res, 404, 'text/plain; charset=utf-8', text)
      return 404
    }
    const content = await fs.readFile(target.file)
    // The page reads its launch code from the URL fragment, so the HTML must never come from a cache.
    send(res, 200, contentTypeOf(target.file), content, { 'Cache-Control': 'no-cache' })
    return 200
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<number> {
    const refusal = checkRequest(req, port)
    if (refusal) {
      const code = refusal.status === 400 ? 'invalid_input' : 'forbidden'
      send(res, refusal.status, 'application/json; charset=utf-8', JSON.stringify(fault(code, refusal.reason)), {
        'Cache-Control': 'no-store',
      })
      return refusal.status
    }
    const url = req.url ?? ''
    const pathname = url.split('?', 1)[0] ?? ''
    if (pathname === SESSION_PATH) return serveSession(req, res)
    if (pathname === '/api' || pathname.startsWith('/api/')) return serveApi(req, res, pathname)
    return serveStatic(req, res, pathname)
  }

  const server = http.createServer((req, res) => {
    // Only the path: a query string could carry something a user pasted by mistake.
    const where = `${req.method ?? '?'} ${(req.url ?? '').split('?', 1)[0]?.slice(0, 200)}`
    handle(req, res).then(
      (status) => log(`${where} ${status}`),
      (err: unknown) => {
        log(`${where} 500 ${err instanceof Error ? err.message : String(err)}`)
        if (!res.headersSent) {
          sendReply(res, 500, fault('internal', 'Something went wrong inside Quotedesk.'))
        } else res.destroy()
      },
    )
  })
  server.headersTimeout = 10_000
  server.requestTimeout = 120_000
  server.keepAliveTimeout = 5_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // 127.0.0.1, never `localhost` (may be ::1 or both) and never all interfaces (H1).
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}/`

  return {
    url: base,
    get launchUrl() {
      return launchUrl()
    },
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // Browsers keep idle connections open; without this close() would wait for them.
        server.closeAllConnections()
      }),
  }
}
