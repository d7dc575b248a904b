import path from 'node:path'
import envPaths from 'env-paths'

export const LIBRARY_FILE_NAME = 'library.quotedesk'

export interface LibraryPathOptions {
  /** From `--db PATH`. */
  db?: string | undefined
  env?: NodeJS.ProcessEnv
  /** Electron's app.getPath('userData'); absent in the CLI. */
  userDataDir?: string | undefined
  /** Relative `--db` and `QUOTEDESK_DB` values are taken from here. */
  cwd?: string
}

const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== ''

/**
 * Where the library lives: `--db` wins, then `QUOTEDESK_DB`, then Electron's userData folder,
 * then the platform data folder (e.g. ~/.local/share/quotedesk). The env var comes before
 * userData so tests and scripts can point the desktop app at a scratch library.
 *
 * @example
 *   resolveLibraryPath({ db: 'news.quotedesk', cwd: '/home/ed' }) // '/home/ed/news.quotedesk'
 */
export function resolveLibraryPath(options: LibraryPathOptions = {}): string {
  const { db, env = process.env, userDataDir, cwd = process.cwd() } = options
  if (given(db)) return path.resolve(cwd, db)
  const fromEnv = env.QUOTEDESK_DB
  if (given(fromEnv)) return path.resolve(cwd, fromEnv)
  if (given(userDataDir)) return path.join(userDataDir, LIBRARY_FILE_NAME)
  return path.join(envPaths('quotedesk', { suffix: '' }).data, LIBRARY_FILE_NAME)
}
