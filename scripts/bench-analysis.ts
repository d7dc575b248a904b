// `npx tsx scripts/bench-analysis.ts`: analysis throughput (MB/s) on 10 KB, 1 MB and 10 MB of
// article-like text (the news fixtures repeated), beside compromise's quotations().
import nlp from 'compromise'
import { pathToFileURL } from 'node:url'
import { analyze } from '../src/shared/analysis/index'
import { news } from '../test/fixtures/news/index'

const SIZES: { label: string; chars: number; compromise: boolean }[] = [
  { label: '10 KB', chars: 10_000, compromise: true },
  { label: '1 MB', chars: 1_000_000, compromise: true },
  { label: '10 MB', chars: 10_000_000, compromise: false },
]

/** Article-like text: the news set's documents, one after another, until `chars` is reached. */
export function articleText(chars: number): string {
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < chars; i++) {
    const doc = news[i % news.length]!.text
    parts.push(doc)
    length += doc.length + 2
  }
  return parts.join('\n\n').slice(0, chars)
}

function timeIt(run: () => void, minMs: number): number {
  run() // warm-up: the first call compiles the hot paths
  let runs = 0
  const start = performance.now()
  do {
    run()
    runs++
  } while (performance.now() - start < minMs)
  return (performance.now() - start) / runs
}

export async function benchAnalysis(): Promise<string[]> {
  const lines = ['| size | quotedesk analyze() | compromise quotations() |', '|---|---|---|']
  const rates: number[] = []
  for (const size of SIZES) {
    const text = articleText(size.chars)
    const mb = text.length / 1_000_000
    const ours = timeIt(() => analyze(text), size.chars >= 10_000_000 ? 1 : 500)
    rates.push(mb / (ours / 1000))
    let theirs = 'skipped: about 11 s per MB at 1 MB, so some two minutes a run'
    if (size.compromise) {
      const ms = timeIt(() => nlp(text).quotations().out('offset'), size.chars >= 1_000_000 ? 1 : 300)
      theirs = `${(mb / (ms / 1000)).toFixed(2)} MB/s (${ms.toFixed(0)} ms)`
    }
    lines.push(`| ${size.label} | ${(mb / (ours / 1000)).toFixed(1)} MB/s (${ours.toFixed(0)} ms) | ${theirs} |`)
  }
  const growth = rates[0]! / rates[2]!
  lines.push('', `Time per MB at 10 MB is ${growth.toFixed(2)}× the time per MB at 10 KB (1.00 is perfectly linear).`)
  return lines
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchAnalysis()) console.log(line)
}
