import path from 'node:path'
import type { BrowserWindow, Dialog } from 'electron'
import type { DesktopCapabilities } from '../context'
import { writeAtomic } from '../export/atomic-files'

const FILTERS: Record<string, { name: string; extensions: string[] }[]> = {
  'text/markdown': [{ name: 'Markdown', extensions: ['md'] }],
  'application/json': [{ name: 'Quotedesk JSON', extensions: ['json'] }],
}

/**
 * The desktop app's save: the native dialog, then the same atomic write as every export, so a crash
 * mid-save never leaves a torn file over a good one. Only the chosen name goes back to the page.
 */
export function desktopCapabilities(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: () => BrowserWindow | undefined,
): DesktopCapabilities {
  return {
    async saveFile(suggestedName, content, mediaType) {
      const options = { defaultPath: suggestedName, filters: FILTERS[mediaType] ?? [] }
      const win = window()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      await writeAtomic(result.filePath, content)
      return { fileName: path.basename(result.filePath) }
    },
  }
}
