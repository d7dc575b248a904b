import fs from 'node:fs/promises'
import path from 'node:path'
import type { Handlers } from '../../shared/contract'
import type { ExportFormat } from '../../shared/schemas/export'
import { STALE_TEMP_MS, sweepStaleTemps, syncDir, writeAtomic } from './atomic-files'
import { uniqueNamer } from './file-names'

export interface FolderExportOptions {
  format: ExportFormat
  outDir: string
  includeConfidential?: boolean | undefined
  /** Called after each article, written or failed. */
  onProgress?: ((done: number, total: number, fileName: string) => void) | undefined
  staleTempMs?: number | undefined
}

export interface FolderExportResult {
  written: { articleId: string; fileName: string; isRedacted: boolean }[]
  failed: { articleId: string; message: string }[]
  /** Temp files of earlier, killed exports that were removed. */
  swept: string[]
}

/**
 * Writes one file per article into a folder, each atomically (old or new, never torn), named
 * from its title and unique within the batch. Leftovers of killed exports are swept before and after.
 *
 * @example
 *   await exportToFolder(handlers, ids, { format: 'md', outDir: 'out' })
 */
export async function exportToFolder(
  handlers: Pick<Handlers, 'export:article'>,
  articleIds: readonly string[],
  options: FolderExportOptions,
): Promise<FolderExportResult> {
  await fs.mkdir(options.outDir, { recursive: true })
  const staleMs = options.staleTempMs ?? STALE_TEMP_MS
  const swept = await sweepStaleTemps(options.outDir, staleMs)
  const nameFor = uniqueNamer()
  const result: FolderExportResult = { written: [], failed: [], swept }
  for (const [index, articleId] of articleIds.entries()) {
    let fileName = ''
    try {
      const file = await handlers['export:article']({
        articleId,
        format: options.format,
        includeConfidential: options.includeConfidential,
      })
      fileName = nameFor(file.fileName)
      await writeAtomic(path.join(options.outDir, fileName), file.content)
      result.written.push({ articleId, fileName, isRedacted: file.redacted })
    } catch (err) {
      result.failed.push({ articleId, message: err instanceof Error ? err.message : String(err) })
    }
    options.onProgress?.(index + 1, articleIds.length, fileName)
  }
  await syncDir(options.outDir)
  result.swept.push(...(await sweepStaleTemps(options.outDir, staleMs)))
  return result
}
