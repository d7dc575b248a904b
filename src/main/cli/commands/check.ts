import path from 'node:path'
import type { Command } from 'commander'
import { alignIndexed, indexSource, type Alignment, type SourceIndex, type Timing } from '../../../shared/alignment'
import { analyze } from '../../../shared/analysis'
import { findNameFlags } from '../../../shared/names'
import { decodeTextFile, readDocument } from '../../imports'
import { CliError, type CliContext } from '../context'
import { inline, toSafeJson } from '../terminal-text'
import { readError, readFile } from './import'

interface LoadedSource {
  file: string
  text: string
  index: SourceIndex
  timings: Timing[]
}

async function load(ctx: CliContext, file: string): Promise<{ bytes: Buffer; name: string }> {
  try {
    return { bytes: await readFile(path.resolve(ctx.io.cwd ?? process.cwd(), file)), name: path.basename(file) }
  } catch (err) {
    throw new CliError(readError(file, err))
  }
}

/** The article's text as the file holds it (BOM removed, line ends kept for .txt/.md), so offsets point into the file. */
async function articleText(ctx: CliContext, file: string): Promise<string> {
  const { bytes, name } = await load(ctx, file)
  const ext = path.extname(name).toLowerCase()
  if (['.txt', '.text', '.md', '.markdown'].includes(ext))
    return decodeTextFile(name, bytes, { keepLineEnds: true }).text
  return (await readDocument(name, bytes)).text
}

function best(quote: string, sources: LoadedSource[]): { result: Alignment; source: LoadedSource } | null {
  let winner: { result: Alignment; source: LoadedSource } | null = null
  for (const source of sources) {
    const result = alignIndexed(quote, source.index, { timings: source.timings })
    if (result.verdict === 'not_found') continue
    if (!winner || result.score > winner.result.score) winner = { result, source }
  }
  return winner
}

function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ')
  return inline(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat)
}

const VERDICT_LABEL: Record<string, string> = {
  exact: 'EXACT',
  altered: 'ALTERED',
  elided: 'ELIDED',
  bracketed: 'BRACKETED',
  partial: 'PARTIAL',
  not_found: 'NOT FOUND',
}

export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description(
      'check every quote in an article against its sources (exact, altered, elided, bracketed, partial, not found)',
    )
    .argument('<article>', 'the article (.txt, .md, .html, .docx)')
    .requiredOption(
      '--source <file>',
      'a source: transcript, document or web page (repeat for more)',
      (v: string, all: string[] | undefined) => [...(all ?? []), v],
    )
    .option('--json', 'print one JSON object (offsets are UTF-16 code units)')
    .action(async (articleFile: string, options: { source: string[]; json?: boolean }) => {
      const text = await articleText(ctx, articleFile)
      const sources: LoadedSource[] = []
      for (const file of options.source) {
        const { bytes, name } = await load(ctx, file)
        const doc = await readDocument(name, bytes)
        sources.push({ file, text: doc.text, index: indexSource(doc.text), timings: doc.timings ?? [] })
      }
      const analysis = analyze(text)
      const quotes = analysis.quotes.map((quote) => {
        const match = best(quote.text, sources)
        return {
          start: quote.start,
          end: quote.end,
          text: quote.text,
          verdict: match?.result.verdict ?? 'not_found',
          score: match?.result.score ?? 0,
          source:
            match && match.result.sourceStart !== null && match.result.sourceEnd !== null
              ? {
                  file: match.source.file,
                  start: match.result.sourceStart,
                  end: match.result.sourceEnd,
                  ...(match.result.timestamp ? { timestamp: match.result.timestamp } : {}),
                }
              : null,
          diff: match?.result.diff ?? [],
        }
      })
      // No library here: names are checked within the article and against the sources' spellings.
      const names = findNameFlags(text, [], { otherTexts: sources.map((s) => s.text) }).map((flag) => ({
        start: flag.start,
        end: flag.end,
        text: flag.text,
        suggestion: flag.suggestion,
        reason: flag.reason,
      }))

      if (options.json) {
        ctx.io.stdout(`${toSafeJson({ quotes, names })}\n`)
        return
      }
      const counts = new Map<string, number>()
      for (const q of quotes) counts.set(q.verdict, (counts.get(q.verdict) ?? 0) + 1)
      const lines = [
        `${inline(articleFile)}: ${quotes.length} quotes checked against ${sources.length} source${sources.length === 1 ? '' : 's'}`,
        [...counts].map(([verdict, n]) => `${n} ${VERDICT_LABEL[verdict]?.toLowerCase() ?? verdict}`).join(', '),
        '',
      ]
      for (const q of quotes) {
        lines.push(`${(VERDICT_LABEL[q.verdict] ?? q.verdict).padEnd(10)} ${oneLine(q.text)}`)
        if (q.source) {
          const at = q.source.timestamp ? ` at ${q.source.timestamp}` : ''
          lines.push(`           ${inline(`${q.source.file}${at}`)} (score ${q.score.toFixed(2)})`)
        }
        if (q.verdict !== 'exact' && q.verdict !== 'not_found') {
          const changes = q.diff
            .filter((d) => d.op !== 'equal')
            .map((d) => (d.op === 'delete' ? `-[${d.text.trim()}]` : `+{${d.text.trim()}}`))
          if (changes.length > 0) lines.push(`           ${oneLine(changes.join(' '), 100)}`)
        }
      }
      if (names.length > 0) lines.push('', 'Names to check:')
      for (const flag of names)
        lines.push(`  ${inline(flag.text)} → ${inline(flag.suggestion)}: ${inline(flag.reason)}`)
      ctx.io.stdout(`${lines.join('\n')}\n`)
    })
}
