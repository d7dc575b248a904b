import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { SCENARIOS, type ScenarioName } from './store-scenarios'

// Run by confined.ts: `confined-child <scenario> <workDir> [--tmpfs-kb=N]`; prints one JSON outcome.
const [name, workDir, tmpfs] = process.argv.slice(2)
const run = SCENARIOS[name as ScenarioName]
let outcome
if (!run || !workDir) {
  outcome = { held: false, detail: `no scenario ${name}` }
} else {
  try {
    let disk = workDir
    const kb = tmpfs?.match(/^--tmpfs-kb=(\d+)$/)?.[1]
    if (kb) {
      // Inside `unshare --mount`: this mount is private to this process and ends with it.
      disk = path.join(workDir, 'disk')
      fs.mkdirSync(disk)
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', disk])
    }
    outcome = await run(workDir, disk)
  } catch (error) {
    outcome = { held: false, detail: `threw: ${error instanceof Error ? error.message : String(error)}` }
  }
}
process.stdout.write(`${JSON.stringify(outcome)}\n`)
