import type { CliIo } from '../../src/main/cli/context'
import { main } from '../../src/main/cli/main'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the command line in-process against the library file `db`, in `cwd`, with an empty
 * environment; what it prints is collected. `extra` replaces parts of the I/O (stdin, a TTY…).
 */
export async function runCli(db: string, cwd: string, argv: string[], extra: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(['--db', db, ...argv], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    cwd,
    ...extra,
  })
  return { code, stdout, stderr }
}
