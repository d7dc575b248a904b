import type { Handlers } from '../../shared/contract'
import { QuotedeskError } from '../../shared/errors'
import { openLibrary, type Library } from '../db/connection'
import { storeFailureMessage } from '../db/sqlite-errors'
import { resolveLibraryPath } from '../paths'
import { createHandlers } from '../services'

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Where the built renderer is (out/renderer); the entry computes it from its own location. */
  rendererDir?: string
  /** Stops `serve`; without it, `serve` stops on SIGINT/SIGTERM. */
  signal?: AbortSignal
  /** Where progress bars go (stderr); a bar is drawn only when it is a terminal. */
  progressStream?: NodeJS.WritableStream & { isTTY?: boolean }
}

export interface GlobalOptions {
  db?: string
}

/** What each command module receives. */
export interface CliContext {
  io: CliIo
  /** Set by a command that failed in part (e.g. one file of three did not import). */
  exitCode: number
  globals: () => GlobalOptions
}

/** An expected failure: printed as one line on stderr, never with a stack. */
export class CliError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode = 1) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

export function libraryPath(ctx: CliContext): string {
  return resolveLibraryPath({ db: ctx.globals().db, env: ctx.io.env ?? process.env, cwd: ctx.io.cwd ?? process.cwd() })
}

/** Opens the library for one command and always closes it, even when the command throws. */
export async function withLibrary<T>(
  ctx: CliContext,
  run: (handlers: Handlers, library: Library) => Promise<T>,
): Promise<T> {
  const library = await openLibrary(libraryPath(ctx))
  if (library.readOnly) {
    ctx.io.stderr(
      `quotedesk: the library at ${library.path} is open read-only (${library.readOnly}): it can be listed, exported and backed up elsewhere, but not changed\n`,
    )
  }
  try {
    return await run(createHandlers(library), library)
  } finally {
    await library.close()
  }
}

/** One line, whatever was thrown: QuotedeskError and CliError carry a message meant for people. */
export function describeError(err: unknown): string {
  if (err instanceof CliError || err instanceof QuotedeskError) return err.message
  const store = storeFailureMessage(err)
  if (store) return store
  if (err instanceof Error) return err.message.split('\n', 1)[0] ?? 'unknown error'
  return String(err)
}
