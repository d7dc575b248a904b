// `npx tsx scripts/bench-alignment.ts`: alignment speed at 200 KB, 1 MB and 5 MB, printed, never asserted.
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { alignIndexed, indexSource } from '../src/shared/alignment/index'
import { makeLargeSource } from '../test/fixtures/alignment/large-source'
import { seededRandom } from '../test/fixtures/seeded-random'

/** The issue's sizes: a 200 KB interview transcript, then 1 MB and 5 MB sources. Target: 50 quotes × 200 KB < 100 ms. */
const SIZES = [200_000, 1_000_000, 5_000_000]
const QUOTES = 50

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

interface Run {
  indexMs: number
  alignMs: number
  words: number
  verdicts: Map<string, number>
}

function runOnce(source: string, quotes: string[]): Run {
  const t0 = performance.now()
  const index = indexSource(source)
  const t1 = performance.now()
  const verdicts = new Map<string, number>()
  for (const quote of quotes) {
    const { verdict } = alignIndexed(quote, index)
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1)
  }
  return { indexMs: t1 - t0, alignMs: performance.now() - t1, words: index.wordCount, verdicts }
}

const RUNS = 5

/** The median of several runs (steady state) beside the first run (cold JIT), as an editor sees both. */
function benchOne(size: number): string {
  const source = makeLargeSource(size)
  const quotes = makeQuotes(source, QUOTES)
  const runs = Array.from({ length: RUNS }, () => runOnce(source, quotes))
  const first = runs[0] as Run
  const median = [...runs].sort((a, b) => a.indexMs + a.alignMs - (b.indexMs + b.alignMs))[RUNS >> 1] as Run
  const label = size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`
  const ms = (n: number) => n.toFixed(0).padStart(5)
  return (
    `  ${label.padEnd(7)} ${String(median.words).padStart(8)} words   index ${ms(median.indexMs)} ms` +
    `   align ${QUOTES} ${ms(median.alignMs)} ms   total ${ms(median.indexMs + median.alignMs)} ms` +
    `   (first run ${ms(first.indexMs + first.alignMs)} ms; ${[...median.verdicts].map(([v, n]) => `${v} ${n}`).join(', ')})`
  )
}

export async function benchAlignment(): Promise<string[]> {
  const lines = [
    `alignment: ${QUOTES} quotes (a third altered, elided or invented) against one source, index built once; median of ${RUNS}`,
  ]
  for (const size of SIZES) lines.push(benchOne(size))
  lines.push('  target: 50 quotes × 200 KB (index + align) under 100 ms; time growing no worse than linearly with size')
  return lines
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchAlignment()) console.log(line)
}
