import type { Command } from 'commander'
import { startHost, type RunningHost } from '../../host/host'
import { CliError, withLibrary, type CliContext } from '../context'
import { inline } from '../terminal-text'

function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535)
    throw new CliError(`--port must be a number from 0 to 65535, not "${value}"`)
  return port
}

/** Resolves on SIGINT/SIGTERM; handlers are installed only while serving, so Ctrl-C still kills other commands. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return signal.aborted
      ? Promise.resolve()
      : new Promise((resolve) => signal.addEventListener('abort', () => resolve()))
  }
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('open the library in your browser through a private address on this computer')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--verbose', 'log each request (method, path, status) to stderr')
    .action(async (options: { port: string; verbose?: boolean }) => {
      const port = parsePort(options.port)
      if (!ctx.io.rendererDir) throw new CliError('serve needs the built interface; run `npm run build`')
      const rendererDir = ctx.io.rendererDir
      await withLibrary(ctx, async (handlers) => {
        let host: RunningHost
        try {
          host = await startHost({
            handlers,
            port,
            rendererDir,
            ...(options.verbose ? { log: (line: string) => ctx.io.stderr(`${inline(line)}\n`) } : {}),
            // Each address opens one tab (finding 11), so the next one is printed when one is used.
            onLaunchUrlUsed: (next) => ctx.io.stdout(`Opened in a browser. For another tab or browser, open ${next}\n`),
          })
        } catch (err) {
          const code = (err as { code?: unknown }).code
          if (code === 'EADDRINUSE') throw new CliError(`port ${port} is already in use; try --port 0`)
          throw err
        }
        ctx.io.stdout(`Quotedesk is running at ${host.launchUrl}\n`)
        await untilStopped(ctx.io.signal)
        await host.close()
      })
    })
}
