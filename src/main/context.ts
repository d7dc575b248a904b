import type { Library } from './db/connection'

/** What only the desktop app can do; the browser host and the CLI have none of it. */
export interface DesktopCapabilities {
  /** Shows the native save dialog and writes the file atomically; null when the user cancels. */
  saveFile(suggestedName: string, content: string, mediaType: string): Promise<{ fileName: string } | null>
}

/** What every service needs: the open library and who is acting (for the audit log). */
export interface AppContext {
  library: Library
  actor: () => string
  desktop?: DesktopCapabilities | undefined
}
