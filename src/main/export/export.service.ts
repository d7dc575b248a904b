import type { ExportedFile, ExportRequest, ImportSummary } from '../../shared/schemas/export'
import type { FileUpload } from '../../shared/schemas/imports'
import type { AppContext } from '../context'
import { buildExport, type BuildOptions } from './build'
import { safeFileName } from './file-names'
import { importExport, parseExportFile } from './import-json'
import { renderMarkdown } from './markdown'

/**
 * One article as a Markdown or Quotedesk JSON file, with confidential sources redacted unless
 * `includeConfidential` is true. The caller decides where it goes (download, save dialog, folder).
 *
 * @example
 *   const file = await exportArticle(ctx, { articleId, format: 'md' })
 */
export async function exportArticle(
  ctx: AppContext,
  request: ExportRequest,
  options: Pick<BuildOptions, 'exportedAt'> = {},
): Promise<ExportedFile> {
  const { doc, isRedacted } = await buildExport(ctx.library.db, request.articleId, {
    includeConfidential: request.includeConfidential,
    exportedAt: options.exportedAt,
  })
  if (request.format === 'md') {
    return {
      fileName: safeFileName(doc.article.title, 'md'),
      mediaType: 'text/markdown',
      content: renderMarkdown(doc, isRedacted),
      redacted: isRedacted,
    }
  }
  return {
    fileName: safeFileName(doc.article.title, 'json'),
    mediaType: 'application/json',
    content: `${JSON.stringify(doc, null, 2)}\n`,
    redacted: isRedacted,
  }
}

/**
 * Imports a Quotedesk JSON export (bytes as uploaded); see importExport for the merge rules.
 *
 * @example
 *   await importJson(ctx, { fileName: 'budget.json', dataBase64 })
 */
export async function importJson(ctx: AppContext, upload: FileUpload): Promise<ImportSummary> {
  const doc = parseExportFile(upload.fileName, Buffer.from(upload.dataBase64, 'base64'))
  return importExport(ctx, doc, upload.fileName)
}
