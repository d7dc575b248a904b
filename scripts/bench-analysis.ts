// `npx tsx scripts/bench-analysis.ts`: analysis throughput (MB/s) on 10 KB, 1 MB and 10 MB of
// article-like text (the news fixtures repeated), beside compromise's quotations().
import { build } from 'esbuild'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { analyze as Analyze } from '../src/shared/analysis/index'
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
  // A copy, not the slice itself: V8 keeps a slice as a view into the longer string, while an
  // article decoded from a file or received over IPC is one flat string.
  return Buffer.from(parts.join('\n\n').slice(0, chars), 'utf16le').toString('utf16le')
}

/**
 * The analyser as the app and the command line run it: bundled into one module (electron-vite
 * bundles the main process the same way), not loaded file by file through tsx's transform, which
 * runs it about a tenth slower.
 */
async function shippedAnalyzer(): Promise<typeof Analyze> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-bench-analysis-'))
  try {
    const outfile = path.join(dir, 'analysis.mjs')
    await build({
      entryPoints: [fileURLToPath(new URL('../src/shared/analysis/index.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'silent',
    })
    const bundled = (await import(pathToFileURL(outfile).href)) as { analyze: typeof Analyze }
    return bundled.analyze
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

interface Timing {
  /** Milliseconds per run in the fastest window. */
  best: number
  /** Milliseconds per run in the median window. */
  median: number
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 0)} ms`
}

/**
 * Warms up, then times `windows` windows of at least minMs each. The fastest window is the
 * figure, as Python's timeit argues: a slower window was slowed by something else on the machine,
 * not by the code. The median window is printed beside it.
 */
function timeIt(run: () => void, minMs: number, warmRuns: number, windows = 5): Timing {
  // V8 optimises the engine only after some hundred calls of a small input (the first calls of
  // 10 KB take about 8 ms, the later ones about 0.5 ms), so each size first runs warmRuns times
  // (at most 5 s; every size runs at least once).
  const warm = performance.now()
  for (let i = 0; i < Math.max(1, warmRuns) && (i === 0 || performance.now() - warm < 5000); i++) run()
  const perRun: number[] = []
  for (let w = 0; w < windows; w++) {
    let runs = 0
    const start = performance.now()
    do {
      run()
      runs++
    } while (performance.now() - start < minMs)
    perRun.push((performance.now() - start) / runs)
  }
  perRun.sort((a, b) => a - b)
  return { best: perRun[0]!, median: perRun[perRun.length >> 1]! }
}

function rate(mb: number, msPerRun: number): string {
  return `${(mb / (msPerRun / 1000)).toFixed(1)} MB/s (${ms(msPerRun)})`
}

export async function benchAnalysis(): Promise<string[]> {
  const analyze = await shippedAnalyzer()
  const texts = SIZES.map((size) => articleText(size.chars))
  // Quotedesk first, for every size, before compromise is loaded: loading it slows the analyser in
  // the same process by a fifth at 10 KB (measured here), and the app never loads it.
  const ours = SIZES.map((size, i) => {
    const big = size.chars >= 10_000_000
    return timeIt(() => analyze(texts[i]!), big ? 1 : 300, big ? 1 : size.chars >= 1_000_000 ? 5 : 300)
  })
  const { default: nlp } = await import('compromise')
  const lines = [
    '| size | quotedesk analyze(), bundled: best of 5 | median of 5 | compromise quotations() |',
    '|---|---|---|---|',
  ]
  SIZES.forEach((size, i) => {
    const text = texts[i]!
    const mb = text.length / 1_000_000
    let theirs = 'skipped: about 11 s per MB at 1 MB, so some two minutes a run'
    if (size.compromise) {
      const wall = timeIt(
        () => nlp(text).quotations().out('offset'),
        size.chars >= 1_000_000 ? 1 : 300,
        size.chars >= 1_000_000 ? 1 : 20,
        1,
      ).best
      theirs = `${(mb / (wall / 1000)).toFixed(2)} MB/s (${ms(wall)})`
    }
    lines.push(`| ${size.label} | ${rate(mb, ours[i]!.best)} | ${rate(mb, ours[i]!.median)} | ${theirs} |`)
  })
  const perMb = (i: number): number => ours[i]!.best / (texts[i]!.length / 1_000_000)
  lines.push(
    '',
    `Time per MB at 10 MB is ${(perMb(2) / perMb(0)).toFixed(2)}× the time per MB at 10 KB (1.00 is perfectly linear).`,
  )
  return lines
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `--no-compromise` skips the comparison (about 25 s of CPU at 1 MB) for a quick run.
  if (process.argv.includes('--no-compromise')) for (const s of SIZES) s.compromise = false
  for (const line of await benchAnalysis()) console.log(line)
}
