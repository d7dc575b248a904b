import type { Command } from 'commander'
import type { ArticleSummary } from '../../../shared/schemas/articles'
import { withLibrary, type CliContext } from '../context'
import { inline, toSafeJson } from '../terminal-text'

const PAGE = 1000

function table(articles: ArticleSummary[]): string {
  if (articles.length === 0) return 'The library has no articles yet. Add one with: quotedesk import FILE\n'
  const rows = articles.map((a) =>
    [a.id, a.status, a.publishedOn ?? '-', a.updatedAt.slice(0, 10), a.title.replace(/\s+/g, ' ')].map(inline),
  )
  const header = ['ID', 'STATUS', 'PUBLISHED', 'UPDATED', 'TITLE']
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')
  return [line(header), ...rows.map(line)].join('\n') + '\n'
}

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description('list the articles in the library')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      await withLibrary(ctx, async (handlers) => {
        // The service caps one page, so a CLI listing walks every page.
        const all: ArticleSummary[] = []
        for (;;) {
          const page = await handlers['articles:list']({ limit: PAGE, offset: all.length })
          all.push(...page)
          if (page.length < PAGE) break
        }
        ctx.io.stdout(options.json ? `${toSafeJson(all, 2)}\n` : table(all))
      })
    })
}
