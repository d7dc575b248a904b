import fs from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import type { ImportSummary } from '../../../shared/schemas/export'
import { MAX_IMPORT_BYTES } from '../../../shared/schemas/imports'
import { formatOf } from '../../imports'
import { dispatch } from '../../rpc/dispatch'
import { describeError, withLibrary, type CliContext } from '../context'
import { errorLine, inline } from '../terminal-text'
import { startProgress } from './progress'

export function readError(file: string, err: unknown): string {
  const code = (err as { code?: unknown }).code
  const shown = inline(file)
  if (code === 'EFBIG') return `${shown}: ${describeError(err)}`
  if (code === 'ENOENT') return `${shown}: no such file`
  if (code === 'EISDIR') return `${shown}: is a folder, not a file`
  if (code === 'ENOTREG') return `${shown}: is not a regular file (a device, pipe or socket), so it was not read`
  if (code === 'EACCES' || code === 'EPERM') return `${shown}: permission denied`
  return `${shown}: cannot read it (${describeError(err)})`
}

export async function readFile(file: string): Promise<Buffer> {
  // Refuse a huge file before reading it into memory; the service's own check comes after.
  const stat = await fs.stat(file)
  // A FIFO would block for ever and /dev/zero never ends: only regular files are read.
  if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' })
  if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' })
  if (stat.isFile() && stat.size > MAX_IMPORT_BYTES) {
    throw Object.assign(new Error(`the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB`), {
      code: 'EFBIG',
    })
  }
  return fs.readFile(file)
}

/** A file to import: how the user named it (for messages) and where it is. */
interface Candidate {
  shown: string
  absolute: string
}

/**
 * Every regular file under a folder, sorted. Hidden entries (".git", ".DS_Store") and symbolic
 * links are left out: a link may point back up the tree or outside what the user chose.
 */
async function walk(dir: string, shown: string, out: Candidate[]): Promise<void> {
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const absolute = path.join(dir, entry.name)
    const label = path.join(shown, entry.name)
    if (entry.isDirectory()) await walk(absolute, label, out)
    else if (entry.isFile()) out.push({ shown: label, absolute })
  }
}

function isSupported(file: string): boolean {
  if (path.extname(file).toLowerCase() === '.json') return true
  try {
    formatOf(file)
    return true
  } catch {
    return false
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

function describeJson(summary: ImportSummary): string {
  const q = summary.quotes
  const s = summary.speakers
  const src = summary.sources
  return (
    `${plural(q.new + q.updated + q.unchanged, 'quote')} (${q.new} new, ${q.updated} updated), ` +
    `${plural(s.new + s.updated + s.unchanged, 'speaker')} (${s.new} new${s.merged > 0 ? `, ${s.merged} merged by name` : ''}), ` +
    `${plural(src.new + src.updated + src.unchanged + src.redacted, 'source')} (${src.new} new${src.redacted > 0 ? `, ${src.redacted} redacted in the file` : ''})` +
    (summary.changed ? '' : '; nothing changed')
  )
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'import articles (.txt, .md, .html, .docx, .vtt, .srt) and Quotedesk .json exports; folders are searched recursively',
    )
    .argument('<files...>', 'files or folders to import')
    .action(async (files: string[]) => {
      const cwd = ctx.io.cwd ?? process.cwd()
      const candidates: Candidate[] = []
      const skipped = new Map<string, number>()
      let failed = 0
      for (const file of files) {
        const absolute = path.resolve(cwd, file)
        const stat = await fs.stat(absolute).catch(() => null)
        if (!stat?.isDirectory()) {
          candidates.push({ shown: file, absolute })
          continue
        }
        const found: Candidate[] = []
        await walk(absolute, file, found)
        const usable = found.filter((c) => isSupported(c.shown))
        // Files a folder happens to hold (images, PDFs) are skipped, not errors; named files are.
        for (const c of found.filter((c) => !isSupported(c.shown))) {
          const reason = `unsupported type ${path.extname(c.shown).toLowerCase() || '(no extension)'}`
          skipped.set(reason, (skipped.get(reason) ?? 0) + 1)
        }
        if (found.length === 0) {
          ctx.io.stderr(errorLine(`${inline(file)}: is a folder with no files to import`))
          failed++
        }
        candidates.push(...usable)
      }

      let articles = 0
      let exports = 0
      let unchanged = 0
      await withLibrary(ctx, async (handlers) => {
        const progress = startProgress(ctx, candidates.length, 'Importing')
        // While a bar is drawn, lines wait until it is gone so they do not tear it.
        const held: { isError: boolean; line: string }[] = []
        const say = (line: string) => (progress.isShown ? held.push({ isError: false, line }) : ctx.io.stdout(line))
        const complain = (message: string) => {
          const line = errorLine(message)
          return progress.isShown ? held.push({ isError: true, line }) : ctx.io.stderr(line)
        }
        try {
          for (const { shown: file, absolute } of candidates) {
            progress.tick(file)
            let bytes: Buffer
            try {
              bytes = await readFile(absolute)
            } catch (err) {
              complain(readError(file, err))
              failed++
              continue
            }
            const upload = { fileName: path.basename(file), dataBase64: bytes.toString('base64') }
            if (path.extname(file).toLowerCase() === '.json') {
              const reply = await dispatch(handlers, 'import:json', upload)
              if (reply.ok) {
                const summary = reply.value as ImportSummary
                say(
                  `Imported "${inline(summary.title)}" (${inline(summary.articleId)}) from ${inline(file)}: ${describeJson(summary)}\n`,
                )
                exports++
                if (!summary.changed) unchanged++
              } else {
                const message = reply.error.message.startsWith(upload.fileName)
                  ? reply.error.message.replace(upload.fileName, inline(file))
                  : `${inline(file)}: ${reply.error.message}`
                complain(message)
                failed++
              }
              continue
            }
            // The same channel the app uses, so a file decodes the same way from the CLI and the UI.
            const reply = await dispatch(handlers, 'articles:import', upload)
            if (reply.ok) {
              const article = reply.value as { id: string; title: string }
              say(`Imported "${inline(article.title)}" (${inline(article.id)}) from ${inline(file)}\n`)
              articles++
            } else {
              // Decode errors already name the file; validation errors do not.
              const message = reply.error.message.startsWith(upload.fileName)
                ? reply.error.message
                : `${inline(file)}: ${reply.error.message}`
              complain(message)
              failed++
            }
          }
        } finally {
          progress.stop()
          for (const { isError, line } of held) (isError ? ctx.io.stderr : ctx.io.stdout)(line)
        }
      })

      if (failed > 0) ctx.exitCode = 1
      const skippedCount = [...skipped.values()].reduce((a, b) => a + b, 0)
      // One file already has its own line; a batch gets a summary of what happened and why.
      if (candidates.length + skippedCount > 1) {
        const parts = [
          `${plural(articles, 'article')}`,
          `${plural(exports, 'Quotedesk export')}${unchanged > 0 ? ` (${unchanged} already up to date, 0 new)` : ''}`,
        ]
        const why = [...skipped].map(([reason, n]) => `${n} ${inline(reason)}`).join(', ')
        ctx.io.stdout(
          `Imported ${parts.join(' and ')}; skipped ${skippedCount}${why ? ` (${why})` : ''}; failed ${failed}\n`,
        )
      }
    })
}
