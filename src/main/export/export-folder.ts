import fs from 'node:fs/promises'
import path from 'node:path'
import type { Handlers } from '../../shared/contract'
import type { ExportFormat } from '../../shared/schemas/export'
import {
  STALE_TEMP_MS,
  lstatOrNull,
  readHead,
  replaceFile,
  sweepStaleTemps,
  syncDir,
  writeNewFile,
} from './atomic-files'
import { nameKey, numberedName } from './file-names'
import { OWNER_HEAD_BYTES, exportedArticleId } from './own-files'

/** Past this many numbered names something is wrong with the folder; the article fails instead. */
const MAX_NUMBERED = 1000

export interface FolderExportOptions {
  format: ExportFormat
  outDir: string
  includeConfidential?: boolean | undefined
  /** Called after each article, written or failed. */
  onProgress?: ((done: number, total: number, fileName: string) => void) | undefined
  staleTempMs?: number | undefined
}

/** A name an export wanted but left alone, because what is there is not its own. */
export interface PassedOver {
  fileName: string
  reason: string
}

export interface WrittenFile {
  articleId: string
  fileName: string
  isRedacted: boolean
  /** True when it replaced this article's own earlier export. */
  isUpdate: boolean
  passedOver: PassedOver[]
}

export interface FolderExportResult {
  /** The folder written into, with links resolved. */
  dir: string
  written: WrittenFile[]
  failed: { articleId: string; message: string }[]
  /** Temp files of earlier, killed exports that were removed. */
  swept: string[]
}

type Place = { state: 'free' } | { state: 'own' } | { state: 'other'; reason: string }

/**
 * What is at a name: nothing, this article's own earlier export (its first bytes say so), or
 * something the export must not replace. Symlinks are never followed.
 */
async function inspect(file: string, articleId: string): Promise<Place> {
  const stat = await lstatOrNull(file)
  if (!stat) return { state: 'free' }
  if (stat.isSymbolicLink()) return { state: 'other', reason: 'a symbolic link, not followed' }
  if (stat.isDirectory()) return { state: 'other', reason: 'a folder' }
  if (!stat.isFile()) return { state: 'other', reason: 'not a regular file' }
  let head: string
  try {
    head = await readHead(file, OWNER_HEAD_BYTES)
  } catch {
    return { state: 'other', reason: 'a file Quotedesk cannot read' }
  }
  const owner = exportedArticleId(head)
  if (owner === articleId) return { state: 'own' }
  return {
    state: 'other',
    reason: owner ? 'the export of another article' : 'a file Quotedesk did not write for this article',
  }
}

/**
 * Writes the file under the first name that is free or this article's own: "Title.md", else
 * "Title (2).md" …, skipping names this batch already gave out.
 */
async function place(
  dir: string,
  wanted: string,
  articleId: string,
  content: string,
  taken: Set<string>,
): Promise<Omit<WrittenFile, 'articleId' | 'isRedacted'>> {
  const passedOver: PassedOver[] = []
  for (let n = 1; n <= MAX_NUMBERED; n++) {
    const fileName = numberedName(wanted, n)
    if (taken.has(nameKey(fileName))) continue
    const file = path.join(dir, fileName)
    // Twice: something may appear under a free name between the look and the write.
    for (let attempt = 0; attempt < 2; attempt++) {
      const found = await inspect(file, articleId)
      if (found.state === 'other') {
        passedOver.push({ fileName, reason: found.reason })
        break
      }
      if (found.state === 'own') await replaceFile(dir, fileName, content)
      else if (!(await writeNewFile(dir, fileName, content))) continue
      taken.add(nameKey(fileName))
      return { fileName, isUpdate: found.state === 'own', passedOver }
    }
  }
  throw new Error(`no free name for ${wanted}: ${MAX_NUMBERED} numbered names are taken`)
}

/**
 * Writes one file per article into a folder, each atomically (old or new, never torn), named
 * from its title and unique within the batch. It replaces only its own earlier export of the same
 * article; anything else under that name (a person's file, a symlink, a folder) is left alone and the
 * next numbered name is used. Leftovers of killed exports are swept before and after.
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
  // Resolved once: every name is then looked at and written in this one folder, even if a link
  // on the way is changed meanwhile. Nothing in it is replaced unless it is this export's own.
  const dir = await fs.realpath(options.outDir)
  const staleMs = options.staleTempMs ?? STALE_TEMP_MS
  const swept = await sweepStaleTemps(dir, staleMs)
  const taken = new Set<string>()
  const result: FolderExportResult = { dir, written: [], failed: [], swept }
  for (const [index, articleId] of articleIds.entries()) {
    let fileName = ''
    try {
      const file = await handlers['export:article']({
        articleId,
        format: options.format,
        includeConfidential: options.includeConfidential,
      })
      const written = await place(dir, file.fileName, articleId, file.content, taken)
      fileName = written.fileName
      result.written.push({ articleId, isRedacted: file.redacted, ...written })
    } catch (err) {
      result.failed.push({ articleId, message: err instanceof Error ? err.message : String(err) })
    }
    options.onProgress?.(index + 1, articleIds.length, fileName)
  }
  await syncDir(dir)
  result.swept.push(...(await sweepStaleTemps(dir, staleMs)))
  return result
}
