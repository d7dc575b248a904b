import type { Library } from './db/connection'

/** What every service needs: the open library and who is acting (for the audit log). */
export interface AppContext {
  library: Library
  actor: () => string
}
