import net from 'node:net'
import { TOKEN_HEADER, type RunningHost } from '../../../src/main/host/host'
import type { Attack, AttackOutcome } from '../attacks'
import { withHost } from './real-host'

/** Sends the bytes as given (http.request merges repeated headers) and returns the status and body. */
function raw(port: number, head: string[], body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.write(
        `${[...head, 'Connection: close', `Content-Length: ${Buffer.byteLength(body)}`].join('\r\n')}\r\n\r\n${body}`,
      ),
    )
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    socket.on('close', () =>
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0),
        body: answer.slice(answer.indexOf('\r\n\r\n') + 4),
      }),
    )
    socket.on('error', reject)
  })
}

function create(host: RunningHost, headers: string[]): Promise<{ status: number; body: string }> {
  return raw(
    host.port,
    ['POST /api/articles:create HTTP/1.1', `${TOKEN_HEADER}: ${host.token}`, ...headers],
    JSON.stringify({ body: '“Planted,” said nobody.' }),
  )
}

/** Held when the host answered 400 and, asked properly afterwards, holds no planted article. */
async function outcome(host: RunningHost, answer: { status: number; body: string }): Promise<AttackOutcome> {
  const listed = await raw(
    host.port,
    [
      'POST /api/articles:list HTTP/1.1',
      `Host: 127.0.0.1:${host.port}`,
      'Content-Type: application/json',
      `${TOKEN_HEADER}: ${host.token}`,
    ],
    '{}',
  )
  if (listed.status !== 200) return { held: false, detail: `the control request failed with ${listed.status}` }
  if (listed.body !== '{"ok":true,"value":[]}') return { held: false, detail: 'an article was planted' }
  if (answer.status !== 400) return { held: false, detail: `answered ${answer.status}` }
  const message = (JSON.parse(answer.body) as { error?: { message?: string } }).error?.message
  return { held: true, detail: `400: ${message}` }
}

/** Finding 13: a request that repeats Host (or another header we check once) is refused. */
export const repeatedHeaders: Attack[] = [
  {
    finding: 13,
    id: 'a81',
    title: 'an API write with two Host headers, the first allowed and the second a rebound name',
    run: (workDir) =>
      withHost(workDir, async (host) =>
        outcome(
          host,
          await create(host, [
            `Host: 127.0.0.1:${host.port}`,
            `Host: evil.example:${host.port}`,
            'Content-Type: application/json',
          ]),
        ),
      ),
  },
  {
    finding: 13,
    id: 'a82',
    title: 'the page fetched with two Host headers (what a rebinding proxy in front would send)',
    run: (workDir) =>
      withHost(workDir, async (host) =>
        outcome(host, await raw(host.port, ['GET / HTTP/1.1', `Host: localhost:${host.port}`, `Host: evil.example`])),
      ),
  },
  {
    finding: 13,
    id: 'a83',
    title: 'an API write with two Sec-Fetch-Site headers, same-origin then cross-site',
    run: (workDir) =>
      withHost(workDir, async (host) =>
        outcome(
          host,
          await create(host, [
            `Host: 127.0.0.1:${host.port}`,
            'Content-Type: application/json',
            'Sec-Fetch-Site: same-origin',
            'Sec-Fetch-Site: cross-site',
          ]),
        ),
      ),
  },
  {
    finding: 13,
    id: 'a84',
    title: 'an API write with two Content-Type headers, application/json then text/plain',
    run: (workDir) =>
      withHost(workDir, async (host) =>
        outcome(
          host,
          await create(host, [
            `Host: 127.0.0.1:${host.port}`,
            'Content-Type: application/json',
            'Content-Type: text/plain',
          ]),
        ),
      ),
  },
]
