// `npx tsx scripts/bench-alignment.ts`: alignment speed on a 5 MB transcript, printed, never asserted.
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { alignIndexed, indexSource } from '../src/shared/alignment/index'
import { makeLargeSource, seededRandom } from '../test/fixtures/alignment/large-source'

const SOURCE_SIZE = 5_000_000
const QUOTES = 100

/** Quotes cut from the source on word boundaries, a third of them altered or elided, plus a few invented. */
function makeQuotes(source: string, count: number): string[] {
  const next = seededRandom(7)
  const quotes: string[] = []
  while (quotes.length < count) {
    const from = source.indexOf(' ', Math.floor(next() * (source.length - 400))) + 1
    const to = source.indexOf(' ', from + 60 + Math.floor(next() * 140))
    // Quotes never carry the transcript's speaker labels at their ends.
    let quote = source
      .slice(from, to)
      .replace(/^[QA]:\s*/, '')
      .replace(/\s*[QA]:$/, '')
    const kind = quotes.length % 10
    if (kind === 1) quote = quote.replace(/\b(\w+)\b/, '$1s')
    if (kind === 2) quote = quote.replace(/ ([a-z]+ [a-z]+ [a-z]+) /, ' … ')
    if (kind === 3) quote = 'Entirely invented words that the speaker never said at any point'
    quotes.push(`“${quote},”`)
  }
  return quotes
}

export async function benchAlignment(): Promise<string[]> {
  const source = makeLargeSource(SOURCE_SIZE)
  const quotes = makeQuotes(source, QUOTES)
  const t0 = performance.now()
  const index = indexSource(source)
  const t1 = performance.now()
  const verdicts = new Map<string, number>()
  for (const quote of quotes) {
    const { verdict } = alignIndexed(quote, index)
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1)
  }
  const t2 = performance.now()
  const alignMs = t2 - t1
  return [
    `source: ${(source.length / 1e6).toFixed(1)} MB, ${index.wordCount.toLocaleString('en')} words`,
    `index: ${(t1 - t0).toFixed(0)} ms`,
    `align ${QUOTES} quotes: ${alignMs.toFixed(0)} ms (${((QUOTES / alignMs) * 1000).toFixed(0)} quotes/s)`,
    `verdicts: ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`,
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchAlignment()) console.log(line)
}
