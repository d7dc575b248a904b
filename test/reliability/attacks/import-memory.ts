import { spawn } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import type { Reply } from '../../../src/shared/errors'
import type { Attack, AttackOutcome } from '../attacks'
import { emptyParagraphs, footnoteEcho, repeated, wordDocx, zip } from '../hostile-catalogue'
import { redeemLaunchCode } from './real-host'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const MB = 1024 * 1024
/** Long enough for the old code to die of memory (it took 79 s for the red team), short of the test's timeout. */
const ANSWER_MS = 100_000

interface Host {
  call(channel: string, input: unknown): Promise<Reply<unknown>>
  /** Whether the host process is still running, and how it ended if not. */
  ended(): string | null
  stop(): Promise<void>
}

/**
 * The real browser host, `quotedesk serve` from source, in a process of its own: the attack
 * sees whether an import takes the host (and so every window) down, as a crash of the Electron
 * main process would.
 */
async function startHost(workDir: string): Promise<Host> {
  const cli = path.join(ROOT, 'src/main/cli/index.ts')
  const args = ['--import', 'tsx', cli, '--db', path.join(workDir, 'library.quotedesk'), 'serve', '--port', '0']
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let ending: string | null = null
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      const last = stderr.trim().split('\n').filter(Boolean).slice(0, 3).join(' / ')
      ending = `exit ${signal ?? code}${last ? `: ${last.slice(0, 200)}` : ''}`
      resolve()
    }),
  )
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const { port, code } = await new Promise<{ port: number; code: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start: ${stderr.slice(0, 300)}`)), 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const match = /running at http:\/\/127\.0\.0\.1:(\d+)\/#code=(\S+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve({ port: Number(match[1]), code: match[2] ?? '' })
      }
    })
    void exited.then(() => reject(new Error(`the host stopped before it started (${ending})`)))
  })
  // The printed address carries a one-time code; the page trades it for the session token.
  const token = await redeemLaunchCode(`http://127.0.0.1:${port}/`, code)
  if (token === null) throw new Error('the host refused its own launch code')
  const call = (channel: string, input: unknown) =>
    new Promise<Reply<unknown>>((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(input))
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/${channel}`,
          headers: { 'content-type': 'application/json', 'x-quotedesk-token': token },
          timeout: ANSWER_MS,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply<unknown>))
          res.on('error', reject)
        },
      )
      req.on('timeout', () => req.destroy(new Error(`no answer in ${ANSWER_MS / 1000} s`)))
      req.on('error', reject)
      req.end(body)
    })
  return {
    call,
    ended: () => ending,
    async stop() {
      if (ending !== null) return
      child.kill('SIGTERM')
      // A host stuck in a parser cannot run its SIGTERM handler.
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

/**
 * Imports `make()` through the host while another window keeps asking for the library. It holds
 * if the file is refused for `reason`, the host lives, and every answer to the other window, during
 * the import and after it, comes within two seconds: the old code froze every window for as long as
 * the parsers ran, or until the process died.
 */
async function importWhileAnswering(
  workDir: string,
  fileName: string,
  make: () => Buffer,
  reason: RegExp,
): Promise<AttackOutcome> {
  const host = await startHost(workDir)
  try {
    const dataBase64 = make().toString('base64')
    const started = performance.now()
    let isDone = false
    const importing = host.call('articles:import', { fileName, dataBase64 }).finally(() => (isDone = true))
    importing.catch(() => undefined)
    let answered = 0
    let slowest = 0
    const ask = async () => {
      const asked = performance.now()
      const list = await host.call('articles:list', {}).catch(() => null)
      slowest = Math.max(slowest, performance.now() - asked)
      if (list?.ok) answered++
      return list?.ok ? (list.value as unknown[]).length : null
    }
    while (!isDone) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      if (!isDone && (await ask()) === null) break
    }
    let reply: Reply<unknown>
    try {
      reply = await importing
    } catch (error) {
      // The connection may drop a moment before the process's exit is seen.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      const ended = host.ended()
      return {
        held: false,
        detail: ended
          ? `the host died ${seconds(started)} into the import (${ended})`
          : `no answer ${seconds(started)} into the import (${error instanceof Error ? error.message : String(error)})`,
      }
    }
    const took = seconds(started)
    const articles = await ask()
    const outcome = reply.ok ? 'imported' : `refused ("${reply.error.message.slice(0, 110)}…")`
    const detail = `${outcome} in ${took}; the other window was answered ${answered} times, the slowest in ${(slowest / 1000).toFixed(2)} s`
    if (reply.ok || !reason.test(reply.error.message)) return { held: false, detail }
    return { held: articles === 0 && slowest < 2000 && host.ended() === null, detail }
  } finally {
    await host.stop()
  }
}

/** `word/body.bin`, named the main document by the package, so a check of *.xml parts never sees it. */
function renamedMainDocument(size: number): Buffer {
  const rels =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" ' +
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/body.bin"/></Relationships>'
  const body = Buffer.concat([
    Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'),
    emptyParagraphs(size),
    Buffer.from('</w:body></w:document>'),
  ])
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/body.bin', data: body, deflate: true },
  ])
}

/**
 * Finding 3: a small file whose markup the parsers multiply past memory took the process, and
 * with it every window, down. Each attack runs the real host in its own process.
 */
export const importMemory: Attack[] = [
  {
    finding: 3,
    id: 'a40',
    title: "the red team's .docx: 190 MB of honest XML (empty runs) in 0.6 MB, sent to the host",
    slow: true,
    run: (workDir) =>
      importWhileAnswering(
        workDir,
        'empty-runs.docx',
        () => wordDocx(emptyParagraphs(190 * MB)),
        /its XML would unpack to/,
      ),
  },
  {
    finding: 3,
    id: 'a41',
    title: 'the same XML as word/body.bin, which the package names its main document',
    slow: true,
    run: (workDir) =>
      importWhileAnswering(workDir, 'renamed.docx', () => renamedMainDocument(150 * MB), /its XML would unpack to/),
  },
  {
    finding: 3,
    id: 'a42',
    title: '40 MB of empty paragraphs, under the 64 MB XML limit: 3.8 million nodes for mammoth',
    slow: true,
    run: (workDir) =>
      importWhileAnswering(
        workDir,
        'many-paragraphs.docx',
        () => wordDocx(emptyParagraphs(40 * MB)),
        /too complex to import/,
      ),
  },
  {
    finding: 3,
    id: 'a43',
    title: 'a 2 KB .docx whose one footnote is referenced 2,500 times (mammoth writes it out at each)',
    run: (workDir) =>
      importWhileAnswering(workDir, 'footnote-echo.docx', () => footnoteEcho(2_500, 200_000), /footnote is repeated/),
  },
  {
    finding: 3,
    id: 'a44',
    title: 'a 40 MB web page of empty elements: 6 million nodes for linkedom',
    slow: true,
    run: (workDir) =>
      importWhileAnswering(
        workDir,
        'empty-elements.html',
        () => Buffer.concat([Buffer.from('<html><body><p>Hi.</p>'), repeated('<i></i>', 6_000_000)]),
        /the page is too complex to import/,
      ),
  },
  {
    finding: 3,
    id: 'a45',
    title: 'another window is answered while a slow .docx (160,000 empty paragraphs, under every count) is read',
    slow: true,
    run: (workDir) =>
      importWhileAnswering(workDir, 'slow.docx', () => wordDocx(emptyParagraphs(5 * MB)), /the file has no text in it/),
  },
]
