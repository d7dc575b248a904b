import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { declassify } from './attacks/declassify'
import { deviceNames } from './attacks/device-names'
import { folderExport } from './attacks/folder-export'
import { honestStoreErrors } from './attacks/honest-store-errors'
import { importMemory } from './attacks/import-memory'
import { launchAddress } from './attacks/launch-address'
import { privateFiles } from './attacks/private-files'
import { repeatedHeaders } from './attacks/repeated-headers'
import { speakerRedaction } from './attacks/speaker-redaction'
import { staleBackup } from './attacks/stale-backup'
import { tamperedSchema } from './attacks/tampered-schema'
import { terminalEscapes } from './attacks/terminal-escapes'

/**
 * The red team's fault classes (issue 12), each as attacks that run against real parts: a real
 * library file, the real CLI, the real host. An attack *holds* when Quotedesk refuses it or
 * defuses it; `detail` says what the user saw. `npm run reliability` runs them all and prints a
 * table; `attacks.test.ts` runs them in `npm test`.
 */

export interface AttackOutcome {
  held: boolean
  /** What happened, in a line: the message the user saw, or what leaked. */
  detail: string
  /**
   * Why the attack could not be set up on this machine (a full disk needs a private mount, a
   * read-only folder an account that file modes apply to). Neither held nor got through.
   */
  notStaged?: string
}

export interface Attack {
  /** The red team's finding number (issue 12). */
  finding: number
  id: string
  title: string
  /** Runs the attack in `workDir`, a fresh empty directory the attack may fill. */
  run: (workDir: string) => Promise<AttackOutcome>
  /** Slow attacks (seconds, hundreds of MB) run in `npm run reliability` only. */
  slow?: boolean
}

export const ATTACKS: readonly Attack[] = [
  ...declassify,
  ...speakerRedaction,
  ...importMemory,
  ...tamperedSchema,
  ...folderExport,
  ...honestStoreErrors,
  ...terminalEscapes,
  ...privateFiles,
  ...launchAddress,
  ...staleBackup,
  ...repeatedHeaders,
  ...deviceNames,
]

export interface AttackResult extends AttackOutcome {
  attack: Attack
  ms: number
}

/** Runs each attack in its own temporary directory; an attack that throws has not held. */
export async function runAttacks(attacks: readonly Attack[] = ATTACKS): Promise<AttackResult[]> {
  const results: AttackResult[] = []
  for (const attack of attacks) {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `quotedesk-attack-${attack.id}-`))
    const started = performance.now()
    let outcome: AttackOutcome
    try {
      outcome = await attack.run(workDir)
    } catch (error) {
      outcome = { held: false, detail: `threw: ${error instanceof Error ? error.message : String(error)}` }
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true })
    }
    results.push({ ...outcome, attack, ms: performance.now() - started })
  }
  return results
}
