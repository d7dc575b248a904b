import path from 'node:path'
import { Option, type Command } from 'commander'
import type { ArticleSummary } from '../../../shared/schemas/articles'
import type { ExportFormat } from '../../../shared/schemas/export'
import { exportToFolder } from '../../export/export-folder'
import { CliError, withLibrary, type CliContext } from '../context'
import { errorLine, inline } from '../terminal-text'
import { startProgress } from './progress'

const PAGE = 1000

interface ExportOptions {
  format: ExportFormat
  out?: string
  article?: string[]
  all?: boolean
  includeConfidential?: boolean
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export articles as Markdown or Quotedesk JSON, one file per article named from its title')
    .addOption(new Option('--format <format>', 'md or json').choices(['md', 'json']).makeOptionMandatory())
    .option('--out <dir>', 'folder to write into (default: the current folder)')
    .option('--article <id...>', 'the articles to export')
    .option('--all', 'export every article in the library')
    .option('--include-confidential', 'include confidential sources (redacted by default)')
    .action(async (options: ExportOptions) => {
      if (!options.all === !options.article) throw new CliError('choose the articles: --article ID ... or --all')
      const outDir = path.resolve(ctx.io.cwd ?? process.cwd(), options.out ?? '.')
      await withLibrary(ctx, async (handlers) => {
        let ids = options.article ?? []
        if (options.all) {
          const all: ArticleSummary[] = []
          for (;;) {
            const page = await handlers['articles:list']({ limit: PAGE, offset: all.length })
            all.push(...page)
            if (page.length < PAGE) break
          }
          // Oldest first, so two articles with one title get the same "(2)" name on every run.
          ids = all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((a) => a.id)
        }
        const progress = startProgress(ctx, ids.length, 'Exporting')
        const result = await exportToFolder(handlers, ids, {
          format: options.format,
          outDir,
          includeConfidential: options.includeConfidential === true,
          onProgress: (_done, _total, name) => progress.tick(name),
        }).finally(() => progress.stop())

        const shown = (name: string) => inline(path.join(outDir, name))
        if (!progress.isShown) {
          for (const file of result.written)
            ctx.io.stdout(`${file.isUpdate ? 'Updated' : 'Exported'} ${shown(file.fileName)}\n`)
        }
        // Always said, progress bar or not: the file is not where the person will look for it.
        for (const file of result.written) {
          for (const other of file.passedOver)
            ctx.io.stdout(
              `Left ${shown(other.fileName)} alone (${other.reason}); wrote ${inline(file.fileName)} instead\n`,
            )
        }
        for (const failure of result.failed)
          ctx.io.stderr(errorLine(`article ${inline(failure.articleId)}: ${failure.message}`))
        const redacted = result.written.filter((file) => file.isRedacted).length
        const renamed = result.written.filter((file) => file.passedOver.length > 0).length
        const notes = [
          redacted > 0 ? `confidential sources redacted in ${redacted}` : '',
          renamed > 0 ? `${renamed} written under a new name beside files that are not their own` : '',
          result.failed.length > 0 ? `${result.failed.length} failed` : '',
          result.swept.length > 0 ? `removed ${result.swept.length} leftover temp files of an interrupted export` : '',
        ].filter(Boolean)
        const count = result.written.length
        const folder = result.dir === outDir ? outDir : `${outDir} (a link to ${result.dir})`
        ctx.io.stdout(
          `Exported ${count} ${count === 1 ? 'article' : 'articles'} as ${options.format === 'md' ? 'Markdown' : 'JSON'} ` +
            `to ${inline(folder)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}\n`,
        )
        if (result.failed.length > 0) ctx.exitCode = 1
      })
    })
}
