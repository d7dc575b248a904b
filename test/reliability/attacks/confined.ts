import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { AttackOutcome } from '../attacks'
import { nodeCommand } from '../crash-harness'
import { SCENARIOS, type ScenarioName } from './store-scenarios'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const CHILD_TS = path.join(ROOT, 'test/reliability/attacks/confined-child.ts')
/** nobody/nogroup on Debian and most Linux systems; any unused id would do. */
const UNPRIVILEGED = 65534

/**
 * Where a scenario runs:
 * - `unprivileged`: as an account that file modes apply to. Root ignores them, so when the tests
 *   run as root (CI containers do) the scenario runs in a child process as uid 65534.
 * - `{ tmpfsKb }`: on a small tmpfs of its own, mounted in a private mount namespace (`unshare`,
 *   with a user namespace when not root), so the disk really is full and nothing leaks out.
 */
export type Confinement = 'unprivileged' | { tmpfsKb: number }

/** The child's command and its clean-up: the bundle made for this child is removed when it is done. */
async function childCommand(): Promise<{ command: string[]; done: () => void }> {
  const { command, bundle } = await nodeCommand(CHILD_TS, 'confined')
  return { command, done: () => (bundle === null ? undefined : fs.rmSync(bundle, { force: true })) }
}

/** Whether an account with no rights of its own can read this checkout (a clone under /root cannot). */
function canRunAs(uid: number): boolean {
  try {
    execFileSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CHILD_TS)})`], {
      uid,
      gid: uid,
      stdio: 'ignore',
    })
    return true
  } catch {
    return false
  }
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

async function runChild(
  prefix: string[],
  args: string[],
  options: { uid?: number; gid?: number },
): Promise<AttackOutcome> {
  const { command, done } = await childCommand()
  const [exe, ...rest] = [...prefix, ...command, ...args]
  const child = spawn(exe ?? process.execPath, rest, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null))
    child.once('close', resolve)
  }).finally(done)
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
    if (!canRunAs(UNPRIVILEGED))
      return {
        held: false,
        detail: '',
        notStaged: `uid ${UNPRIVILEGED} cannot read this checkout, so file modes cannot be tried as root`,
      }
    fs.chownSync(workDir, UNPRIVILEGED, UNPRIVILEGED)
    return runChild([], [name, workDir], { uid: UNPRIVILEGED, gid: UNPRIVILEGED })
  }
  const prefix = canUnshare(asRoot)
  if (!prefix) {
    return { held: false, detail: '', notStaged: 'could not make a full disk here: `unshare --mount` is not allowed' }
  }
  return runChild(prefix, [name, workDir, `--tmpfs-kb=${confinement.tmpfsKb}`], {})
}
