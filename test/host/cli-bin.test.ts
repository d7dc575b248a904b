import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../helpers/db'

// QUOTEDESK_BIN lets a build made elsewhere be tested; by default the repo's own launcher.
const BIN = path.resolve(process.env.QUOTEDESK_BIN ?? 'bin/quotedesk.js')
const isBuilt = fs.existsSync(path.resolve(path.dirname(BIN), '../out/main/cli.js'))
const FIXTURE = path.resolve('test/fixtures/articles/heartstopper-film-article.txt')

function runBin(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('bin/quotedesk.js without a build', () => {
  it('says to run npm run build and exits 1', () => {
    const dir = makeTempDir('quotedesk-nobuild-')
    fs.mkdirSync(path.join(dir, 'bin'))
    fs.copyFileSync('bin/quotedesk.js', path.join(dir, 'bin', 'quotedesk.js'))
    const result = spawnSync(process.execPath, [path.join(dir, 'bin', 'quotedesk.js'), 'list'], { encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('quotedesk: the command line is not built yet; run `npm run build` first\n')
  })
})

describe.skipIf(!isBuilt)('the built bin (run `npm run build` first; skipped when out/main/cli.js is missing)', () => {
  it('imports a file, lists it as JSON, and fails in one line on an unknown command', () => {
    const db = path.join(makeTempDir('quotedesk-bin-'), 'library.quotedesk')
    const imported = runBin(['--db', db, 'import', FIXTURE])
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    expect(imported.stdout).toMatch(/^Imported "Heartstopper creator Alice Oseman/)
    const listed = runBin(['--db', db, 'list', '--json'])
    expect(JSON.parse(listed.stdout)).toMatchObject([{ publishedOn: '2025-04-28' }])
    const missing = runBin(['--db', db, 'import', 'no-such-file.txt'])
    expect(missing).toMatchObject({ code: 1, stderr: 'quotedesk: no-such-file.txt: no such file\n' })
    const unknown = runBin(['--db', db, 'frobnicate'])
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toBe("quotedesk: unknown command 'frobnicate'\n")
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('serve prints one line, answers, and exits 0 on %s', async (signal) => {
    const db = path.join(makeTempDir('quotedesk-bin-'), 'library.quotedesk')
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          if (stdout.includes('\n')) resolve(stdout)
        })
        child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)))
      })
      const match = /^Quotedesk is running at (http:\/\/127\.0\.0\.1:\d+\/)#code=([\w-]{43})\n$/.exec(line)
      expect(match, line).not.toBeNull()
      const [, url = '', code = ''] = match ?? []
      const session = await fetch(`${url}api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      })
      const { value } = (await session.json()) as { value: { token: string } }
      const token = value.token
      const created = await fetch(`${url}api/articles:create`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Quotedesk-Token': token },
        body: JSON.stringify({ body: '“It works,” said the CLI.' }),
      })
      expect(await created.json()).toMatchObject({ ok: true, value: { status: 'draft' } })
      expect((await fetch(`${url}api/articles:list`, { method: 'POST', body: '{}' })).status).toBe(401)
    } finally {
      child.kill(signal)
    }
    expect(await exited).toBe(0)
    // The address line, and the next address printed once the first was used.
    expect(stdout.split('\n')).toHaveLength(3)
    expect(stderr).toBe('')
    // A clean close checkpoints and removes the WAL; the article is in the main file.
    expect(fs.existsSync(`${db}-wal`)).toBe(false)
    expect(JSON.parse(runBin(['--db', db, 'list', '--json']).stdout)).toHaveLength(1)
  })
})
