import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { AttackOutcome } from '../attacks'
import { SCENARIOS, type ScenarioName } from './store-scenarios'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const CHILD_TS = path.join(ROOT, 'test/reliability/attacks/confined-child.ts')
const BUNDLE_DIR = path.join(ROOT, 'node_modules/.cache/quotedesk-reliability')
/** nobody/nogroup on Debian and most Linux systems; any unused id would do. */
const UNPRIVILEGED = 65534

/**
 * Where a scenario runs:
 * - `unprivileged`: as an account that file modes apply to. Root ignores them, so when the tests
 *   run as root (CI containers do) the scenario runs in a child process as uid 65534.
 * - `full-disk`: on a small tmpfs of its own, mounted in a private mount namespace (`unshare`,
 *   with a user namespace when not root), so the disk really is full and nothing leaks out.
 */
export type Confinement = 'unprivileged' | { tmpfsKb: number }

let bundled: Promise<string[]> | undefined

/** The child's command: bundled once per run with esbuild (0.3 s a start), else tsx (1 s). */
function childCommand(): Promise<string[]> {
  bundled ??= (async () => {
    try {
      const esbuild = await import('esbuild')
      const outfile = path.join(BUNDLE_DIR, `confined-${process.pid}-${Date.now()}.mjs`)
      await esbuild.build({
        entryPoints: [CHILD_TS],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'warning',
      })
      process.once('exit', () => fs.rmSync(outfile, { force: true }))
      return [process.execPath, outfile]
    } catch {
      return [process.execPath, '--import', 'tsx', CHILD_TS]
    }
  })()
  return bundled
}

function canUnshare(asRoot: boolean): string[] | null {
  const prefix = ['unshare', '--mount', ...(asRoot ? [] : ['--user', '--map-root-user'])]
  try {
    execFileSync(prefix[0] ?? 'unshare', [...prefix.slice(1), 'true'], { stdio: 'ignore' })
    return prefix
  } catch {
    return null
  }
}

async function runChild(command: string[], options: { uid?: number; gid?: number }): Promise<AttackOutcome> {
  const [exe, ...args] = command
  const child = spawn(exe ?? process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  const line = stdout.trim().split('\n').at(-1) ?? ''
  try {
    return JSON.parse(line) as AttackOutcome
  } catch {
    return { held: false, detail: `the confined run stopped (${code}): ${(stderr || stdout).trim().slice(0, 300)}` }
  }
}

/** Runs a store scenario in `workDir` under `confinement` and returns what it saw. */
export async function runConfined(
  name: ScenarioName,
  workDir: string,
  confinement: Confinement,
): Promise<AttackOutcome> {
  const asRoot = process.getuid?.() === 0
  if (confinement === 'unprivileged') {
    if (!asRoot) return SCENARIOS[name](workDir, workDir)
    fs.chownSync(workDir, UNPRIVILEGED, UNPRIVILEGED)
    const command = await childCommand()
    return runChild([...command, name, workDir], { uid: UNPRIVILEGED, gid: UNPRIVILEGED })
  }
  const prefix = canUnshare(asRoot)
  if (!prefix) {
    return { held: false, detail: 'could not make a full disk here: `unshare --mount` is not allowed' }
  }
  const command = await childCommand()
  return runChild([...prefix, ...command, name, workDir, `--tmpfs-kb=${confinement.tmpfsKb}`], {})
}
