import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, makeTestHandlers } from '../../../test/helpers/db'
import type { Reply } from '../../shared/errors'
import { SESSION_PATH, startHost, TOKEN_HEADER, type RunningHost } from './host'

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function request(
  port: number,
  options: {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    setHost?: boolean
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
        setHost: options.setHost ?? true,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Sends bytes exactly as given: http.request cannot omit Host from HTTP/1.0 or send raw paths. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text))
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()))
    socket.on('error', reject)
  })
}

let host: RunningHost
let logs: string[]
let rendererDir: string

async function launch(): Promise<RunningHost> {
  const { handlers } = await makeTestHandlers()
  const started = await startHost({ handlers, rendererDir, log: (line) => logs.push(line) })
  hosts.push(started)
  return started
}

const hosts: RunningHost[] = []

beforeEach(async () => {
  logs = []
  rendererDir = makeTempDir('quotedesk-renderer-')
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Quotedesk</title>')
  fs.mkdirSync(path.join(rendererDir, 'assets'))
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  host = await launch()
})

afterEach(async () => {
  while (hosts.length > 0) await hosts.pop()?.close()
})

const json = { 'Content-Type': 'application/json' }

function api(channel: string, input: unknown, headers: Record<string, string> = {}) {
  return request(host.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { ...json, [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(input),
  })
}

describe('header matrix (notes §4.2)', () => {
  const port = () => host.port
  const cases: [string, number, () => Record<string, string>][] = [
    ['good request', 200, () => ({})],
    ['rebound Host', 403, () => ({ Host: `evil.example:${port()}` })],
    ['Host without port', 403, () => ({ Host: '127.0.0.1' })],
    ['Host with another port', 403, () => ({ Host: `127.0.0.1:${port() + 1}` })],
    ['localhost Host', 200, () => ({ Host: `localhost:${port()}` })],
    ['[::1] Host', 200, () => ({ Host: `[::1]:${port()}` })],
    ['foreign Origin', 403, () => ({ Origin: 'http://evil.example' })],
    ['Origin on another port', 403, () => ({ Origin: `http://127.0.0.1:${port() + 1}` })],
    ['https Origin', 403, () => ({ Origin: `https://127.0.0.1:${port()}` })],
    ['Origin null', 403, () => ({ Origin: 'null' })],
    ['same-origin Origin', 200, () => ({ Origin: `http://127.0.0.1:${port()}` })],
    ['localhost Origin', 200, () => ({ Origin: `http://localhost:${port()}` })],
    ['Sec-Fetch-Site cross-site', 403, () => ({ 'Sec-Fetch-Site': 'cross-site' })],
    ['Sec-Fetch-Site same-site', 403, () => ({ 'Sec-Fetch-Site': 'same-site' })],
    ['Sec-Fetch-Site same-origin', 200, () => ({ 'Sec-Fetch-Site': 'same-origin' })],
    ['no token', 401, () => ({ [TOKEN_HEADER]: '' })],
    [
      'token off by one character',
      401,
      () => ({ [TOKEN_HEADER]: host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A') }),
    ],
    ['token one character short', 401, () => ({ [TOKEN_HEADER]: host.token.slice(0, -1) })],
    ['text/plain body', 415, () => ({ 'Content-Type': 'text/plain' })],
    ['form body', 415, () => ({ 'Content-Type': 'application/x-www-form-urlencoded' })],
    ['json with a foreign charset', 415, () => ({ 'Content-Type': 'application/json; charset=utf-16' })],
    ['json with utf-8 charset', 200, () => ({ 'Content-Type': 'application/json; charset=UTF-8' })],
    [
      'X-Forwarded-Host is ignored',
      403,
      () => ({ 'X-Forwarded-Host': `127.0.0.1:${port()}`, Host: `evil.example:${port()}` }),
    ],
  ]

  it.each(cases)('%s → %i', async (_name, expected, headers) => {
    const answer = await api('articles:list', {}, headers())
    expect(answer.status).toBe(expected)
    // Every API answer is an envelope, and none ever approves a cross-origin read.
    expect(JSON.parse(answer.body)).toHaveProperty('ok', expected === 200)
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
    expect(answer.headers['cache-control']).toBe('no-store')
  })

  it('refuses a rebound Host on static files too', async () => {
    expect((await request(host.port, { headers: { Host: `evil.example:${host.port}` } })).status).toBe(403)
    expect((await request(host.port, { headers: { Host: `localhost:${host.port}` } })).status).toBe(200)
  })

  it('refuses an HTTP/1.0 request without Host (raw socket)', async () => {
    const answer = await rawRequest(host.port, 'GET / HTTP/1.0\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.[01] 403 /)
  })

  it('refuses an HTTP/1.1 request without Host', async () => {
    const answer = await request(host.port, { setHost: false })
    expect([400, 403]).toContain(answer.status)
  })

  it('allows a cross-site GET of the page (a link), but not a cross-site POST', async () => {
    expect((await request(host.port, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200)
  })

  it('answers GET on the API with 405', async () => {
    const answer = await request(host.port, { path: '/api/articles:list', headers: { [TOKEN_HEADER]: host.token } })
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toBe('POST')
  })

  it('answers an unknown channel with 404 and a Fault, even an inherited key', async () => {
    for (const channel of ['nope:nope', '__proto__', 'constructor', '']) {
      const answer = await api(channel, {})
      expect(answer.status).toBe(404)
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    }
  })

  it('answers a body that is not JSON with 400 and a Fault', async () => {
    const answer = await request(host.port, {
      method: 'POST',
      path: '/api/articles:list',
      headers: { ...json, [TOKEN_HEADER]: host.token },
      body: '{"oops',
    })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('repeated headers (finding 13)', () => {
  const port = () => host.port
  const cases: [string, number, () => string[]][] = [
    ['Host allowed, then rebound', 400, () => [`Host: 127.0.0.1:${port()}`, `Host: evil.example:${port()}`]],
    ['Host rebound, then allowed', 400, () => [`Host: evil.example:${port()}`, `Host: 127.0.0.1:${port()}`]],
    ['Host twice, both allowed', 400, () => [`Host: 127.0.0.1:${port()}`, `host: localhost:${port()}`]],
    ['Origin ours, then foreign', 400, () => [`Origin: http://127.0.0.1:${port()}`, 'Origin: http://evil.example']],
    ['the token twice', 400, () => [`X-Quotedesk-Token: ${host.token}`]],
    ['Sec-Fetch-Site twice', 400, () => ['Sec-Fetch-Site: same-origin', 'Sec-Fetch-Site: cross-site']],
    ['Content-Type twice', 400, () => ['Content-Type: text/plain']],
    ['Authorization twice', 400, () => ['Authorization: Basic YQ==', 'Authorization: Basic Yg==']],
    ['a header that may repeat (Accept)', 200, () => ['Accept: application/json', 'Accept: */*']],
  ]

  it.each(cases)('%s → %i', async (_name, expected, extra) => {
    const lines = extra()
    const head = [
      'POST /api/articles:list HTTP/1.1',
      ...(lines.some((line) => /^host:/i.test(line)) ? [] : [`Host: 127.0.0.1:${port()}`]),
      'Content-Type: application/json',
      `X-Quotedesk-Token: ${host.token}`,
      ...lines,
      'Content-Length: 2',
      'Connection: close',
    ]
    const answer = await rawRequest(host.port, `${head.join('\r\n')}\r\n\r\n{}`)
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${expected} `))
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Reply<unknown>
    expect(body.ok).toBe(expected === 200)
    if (!body.ok)
      expect(body.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/repeated/) })
  })
})

describe('body limit', () => {
  it('refuses a declared 71 MB body with 413 before reading it', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/articles:import',
          headers: { ...json, [TOKEN_HEADER]: host.token, 'Content-Length': String(71 * 1024 * 1024) },
          agent: false,
        },
        (res) => {
          let body = ''
          res.on('data', (chunk: Buffer) => (body += chunk.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        },
      )
      req.on('error', reject)
      // Only the start of the body: the server must answer without waiting for the rest.
      req.write('{"fileName":"big.txt","dataBase64":"')
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'too_large' } })
  })

  it('refuses a chunked body that grows past the limit with 413', async () => {
    const { handlers } = await makeTestHandlers()
    const small = await startHost({ handlers, rendererDir, maxBodyBytes: 1024 })
    hosts.push(small)
    const answer = await request(small.port, {
      method: 'POST',
      path: '/api/articles:create',
      headers: { ...json, [TOKEN_HEADER]: small.token, 'Transfer-Encoding': 'chunked' },
      body: JSON.stringify({ body: 'x'.repeat(4096) }),
    })
    expect(answer.status).toBe(413)
  })

  it('lets a 50 MB file sent base64 through to the service', async () => {
    // A .pdf name makes the service refuse it cheaply: what matters is that the host read the whole body.
    const bytes = Buffer.alloc(50 * 1024 * 1024 - 1024, 'a')
    const answer = await api('articles:import', { fileName: 'long.pdf', dataBase64: bytes.toString('base64') })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unsupported_file' } })
  })
})

describe('static files', () => {
  it('serves index.html and assets with content types and security headers', async () => {
    const page = await request(host.port, {})
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    const script = await request(host.port, { path: '/assets/app.js' })
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it('falls back to index.html for extension-less paths only', async () => {
    expect((await request(host.port, { path: '/articles/123' })).body).toContain('<title>Quotedesk</title>')
    expect((await request(host.port, { path: '/assets' })).body).toContain('<title>Quotedesk</title>')
    expect((await request(host.port, { path: '/assets/missing.js' })).status).toBe(404)
  })

  it('answers HEAD without a body and refuses POST on pages', async () => {
    const head = await request(host.port, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect((await request(host.port, { method: 'POST', path: '/', headers: json, body: '{}' })).status).toBe(405)
  })

  const traversal = [
    '/../package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/assets/..%2f..%2fpackage.json',
    '/%5c..%5c..%5cetc%5cpasswd',
    '/..\\..\\etc\\passwd',
    '/index.html%00.js',
    '/%00',
    '/%',
    '//etc/passwd',
    '/.%2e/.%2e/etc/passwd',
  ]
  it.each(traversal)('refuses traversal %s with 400 or 404', async (rawPath) => {
    const answer = await rawRequest(
      host.port,
      `GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`,
    )
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1])
    expect([400, 404]).toContain(status)
    expect(answer).not.toContain('root:')
    expect(answer).not.toContain('"name": "quotedesk"')
  })
})

describe('binding and token', () => {
  it('listens on 127.0.0.1 only', async () => {
    // The server object is private to the host; /proc/net/tcp shows what the kernel really bound.
    const hexPort = host.port.toString(16).toUpperCase().padStart(4, '0')
    const table = fs.readFileSync('/proc/net/tcp', 'utf8')
    const listening = table.split('\n').filter((line) => line.includes(`:${hexPort} `) && / 0A /.test(line))
    expect(listening.map((line) => line.trim().split(/\s+/)[1])).toEqual([`0100007F:${hexPort}`])
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`)
  })

  it('makes a new 43-character token per launch and refuses the old one', async () => {
    const first = host
    const oldToken = first.token
    await first.close()
    hosts.splice(hosts.indexOf(first), 1)
    host = await launch()
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(host.token).not.toBe(oldToken)
    expect((await api('articles:list', {}, { [TOKEN_HEADER]: oldToken })).status).toBe(401)
    expect((await api('articles:list', {})).status).toBe(200)
    expect(host.launchUrl).toMatch(new RegExp(`^${host.url}#code=[A-Za-z0-9_-]{43}$`))
    expect(host.launchUrl).not.toContain(host.token)
  })

  it('never writes the token or a launch code to its log', async () => {
    const code = codeOf(host.launchUrl)
    await openSession(code)
    await openSession(code)
    await api('articles:list', {})
    await request(host.port, {
      path: `/api/articles:list?token=${host.token}`,
      headers: { [TOKEN_HEADER]: host.token },
    })
    await request(host.port, { path: `/?token=${host.token}` })
    await api('articles:list', {}, { [TOKEN_HEADER]: `${host.token}x` })
    expect(logs.length).toBeGreaterThanOrEqual(4)
    expect(logs.join('\n')).not.toContain(host.token)
    expect(logs.join('\n')).not.toContain(code)
    expect(logs).toContain('POST /api/articles:list 200')
    expect(logs).toContain('POST /api/session 200')
    expect(logs).toContain('POST /api/session 401')
  })
})

function codeOf(launchUrl: string): string {
  return new URLSearchParams(new URL(launchUrl).hash.slice(1)).get('code') ?? ''
}

function openSession(code: unknown, headers: Record<string, string> = {}, port = host.port) {
  return request(port, {
    method: 'POST',
    path: SESSION_PATH,
    headers: { ...json, ...headers },
    body: JSON.stringify({ code }),
  })
}

describe('launch codes (finding 11)', () => {
  it('trades the code in the printed address for the session token, once', async () => {
    const printed = host.launchUrl
    const first = await openSession(codeOf(printed))
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(first.body)).toEqual({ ok: true, value: { token: host.token } })
    // The same address again (from the browser's history): nothing.
    const again = await openSession(codeOf(printed))
    expect(again.status).toBe(401)
    expect(JSON.parse(again.body)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/already used/) },
    })
    // The next address works, once.
    expect(host.launchUrl).not.toBe(printed)
    expect((await openSession(codeOf(host.launchUrl))).status).toBe(200)
  })

  it('tells whoever printed the address about the next one', async () => {
    const { handlers } = await makeTestHandlers()
    const next: string[] = []
    const watched = await startHost({ handlers, rendererDir, onLaunchUrlUsed: (url) => next.push(url) })
    hosts.push(watched)
    const printed = watched.launchUrl
    expect((await openSession(codeOf(printed), {}, watched.port)).status).toBe(200)
    expect(next).toEqual([watched.launchUrl])
    expect(next[0]).not.toBe(printed)
  })

  it('refuses a wrong code without spending the live one', async () => {
    for (const wrong of ['', 'x'.repeat(43), host.token, 42, null, { code: 'x' }]) {
      expect((await openSession(wrong)).status).toBe(401)
    }
    expect((await openSession(codeOf(host.launchUrl))).status).toBe(200)
  })

  it('is not itself a token: the code does not open the API', async () => {
    expect((await api('articles:list', {}, { [TOKEN_HEADER]: codeOf(host.launchUrl) })).status).toBe(401)
  })

  it('lets only one of two racing tabs in', async () => {
    const code = codeOf(host.launchUrl)
    const answers = await Promise.all([openSession(code), openSession(code)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401])
  })

  const refusals: [string, number, () => Promise<Answer>][] = [
    ['from a foreign Origin', 403, () => openSession(codeOf(host.launchUrl), { Origin: 'http://evil.example' })],
    ['cross-site', 403, () => openSession(codeOf(host.launchUrl), { 'Sec-Fetch-Site': 'cross-site' })],
    ['through a rebound Host', 403, () => openSession(codeOf(host.launchUrl), { Host: `evil.example:${host.port}` })],
    [
      'as a form post',
      415,
      () => openSession(codeOf(host.launchUrl), { 'Content-Type': 'application/x-www-form-urlencoded' }),
    ],
    ['by GET', 405, () => request(host.port, { path: SESSION_PATH })],
    [
      'with a body over 1 KB',
      401,
      () =>
        request(host.port, {
          method: 'POST',
          path: SESSION_PATH,
          headers: json,
          body: JSON.stringify({ code: codeOf(host.launchUrl), pad: 'x'.repeat(2048) }),
        }),
    ],
  ]
  it.each(refusals)('refuses an exchange %s (%i) and keeps the code alive', async (_name, status, attempt) => {
    const printed = host.launchUrl
    expect((await attempt()).status).toBe(status)
    expect(host.launchUrl).toBe(printed)
    expect((await openSession(codeOf(printed))).status).toBe(200)
  })
})

describe('API round trip', () => {
  it('creates an article and lists it', async () => {
    const created = await api('articles:create', { body: 'Oseman said: “We are making a film.”\nMore text.' })
    expect(created.status).toBe(200)
    const article = JSON.parse(created.body) as Reply<{ id: string; title: string }> as {
      ok: true
      value: { id: string }
    }
    expect(article.ok).toBe(true)
    const listed = JSON.parse((await api('articles:list', {})).body) as Reply<{ id: string }[]>
    expect(listed).toMatchObject({ ok: true, value: [{ id: article.value.id }] })
  })

  it('returns a Fault naming the field for an invalid payload (200, like IPC)', async () => {
    const answer = await api('articles:create', { body: 42 })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'body' }] },
    })
  })

  it('accepts a channel name that the renderer percent-encoded', async () => {
    const answer = await request(host.port, {
      method: 'POST',
      path: `/api/${encodeURIComponent('articles:list')}`,
      headers: { ...json, [TOKEN_HEADER]: host.token },
      body: '{}',
    })
    expect(answer.status).toBe(200)
  })
})
