import { Command, CommanderError } from 'commander'
import { COMMANDS } from './commands'
import { describeError, type CliContext, type CliIo, type GlobalOptions } from './context'
import { errorLine, forTerminal } from './terminal-text'

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('quotedesk')
    .description('Quotedesk: find, attribute and fact-check every quotation in a news article.')
    .option('--db <path>', 'library file (default: $QUOTEDESK_DB, else the Quotedesk data folder)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout(text),
      writeErr: (text) => ctx.io.stderr(text),
      // Commander's own errors become one line in the same shape as ours.
      outputError: (text, write) => write(`quotedesk: ${text.replace(/^error: /, '')}`),
    })
  for (const register of COMMANDS) register(program, ctx)
  return program
}

/**
 * Runs the CLI in-process and returns its exit code; never throws and never calls process.exit,
 * so tests can run it with their own stdout and stderr.
 *
 * @example
 *   const code = await main(['--db', 'news.quotedesk', 'list', '--json'], { stdout, stderr })
 */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  // The one way out to the terminal, so no command can print a file's escape sequences (finding 9).
  const io: CliIo = {
    ...given,
    stdout: (text) => given.stdout(forTerminal(text)),
    stderr: (text) => given.stderr(forTerminal(text)),
  }
  const ctx: CliContext = { io, exitCode: 0, globals: () => program.opts<GlobalOptions>() }
  const program = buildProgram(ctx)
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return ctx.exitCode
  } catch (err) {
    // Commander has already printed its message (or the help text) through configureOutput.
    if (err instanceof CommanderError) return err.exitCode
    io.stderr(errorLine(describeError(err)))
    return err instanceof Error && 'exitCode' in err && typeof err.exitCode === 'number' ? err.exitCode : 1
  }
}
