import { QuotedeskError } from '../../shared/errors'
import type { ExportRequest, SavedExport } from '../../shared/schemas/export'
import type { AppContext } from '../context'
import { exportArticle } from './export.service'

/**
 * Exports one article through the desktop app's native save dialog. In a browser the page downloads
 * `export:article` itself, so this channel refuses there with a message saying so.
 *
 * @example
 *   await saveExport(ctx, { articleId, format: 'md' }) // { saved: true, fileName: 'budget.md', redacted: true }
 */
export async function saveExport(ctx: AppContext, request: ExportRequest): Promise<SavedExport> {
  if (!ctx.desktop) {
    throw new QuotedeskError(
      'conflict',
      'Saving to a chosen file needs the desktop app; in a browser the export downloads.',
    )
  }
  const file = await exportArticle(ctx, request)
  const saved = await ctx.desktop.saveFile(file.fileName, file.content, file.mediaType)
  return saved
    ? { saved: true, fileName: saved.fileName, redacted: file.redacted }
    : { saved: false, fileName: null, redacted: file.redacted }
}
