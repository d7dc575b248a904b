// `npm run bench`: speed figures, printed, never asserted (targets live here, not in timed tests).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createArticle } from '../src/main/articles/articles.service'
import { openLibrary } from '../src/main/db/connection'
import { searchLibrary } from '../src/main/library/library.service'
import { seededRandom } from '../test/fixtures/seeded-random'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000)
const SEARCHES = 300

const WORDS = (
  'council harbour mayor budget vote plan school hospital police court judge verdict minister election ' +
  'campaign season film director author novel series cast premiere festival market prices energy climate ' +
  'river flood storm rescue union strike wages housing rent tenants developer project museum gallery ' +
  'concert album singer team coach match league final goal injury transfer report survey study scientist'
).split(' ')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

function makeArticle(random: () => number): string {
  const paragraphs: string[] = []
  for (let p = 0; p < 8; p++) {
    const words = Array.from({ length: 60 }, () => WORDS[Math.floor(random() * WORDS.length)])
    paragraphs.push(p % 2 === 0 ? `“${words.join(' ')},” the mayor said.` : `${words.join(' ')}.`)
  }
  return paragraphs.join('\n\n')
}

async function benchStore(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-bench-'))
  const library = await openLibrary(path.join(dir, 'bench.quotedesk'))
  const ctx = { library, actor: () => 'bench' }
  const random = seededRandom(42)
  try {
    const started = performance.now()
    for (let i = 0; i < ARTICLES; i++) await createArticle(ctx, { title: `Article ${i}`, body: makeArticle(random) })
    const seconds = (performance.now() - started) / 1000

    const timings: number[] = []
    for (let i = 0; i < SEARCHES; i++) {
      const a = WORDS[Math.floor(random() * WORDS.length)] ?? 'mayor'
      const b = WORDS[Math.floor(random() * WORDS.length)] ?? 'harbour'
      const query = i % 2 === 0 ? `${a} ${b}` : `${a} ${b.slice(0, 3)}`
      const t0 = performance.now()
      await searchLibrary(ctx, { query, limit: 50 })
      timings.push(performance.now() - t0)
    }
    timings.sort((x, y) => x - y)
    const size =
      fs.statSync(library.path).size +
      (fs.existsSync(`${library.path}-wal`) ? fs.statSync(`${library.path}-wal`).size : 0)
    return [
      `store: ${ARTICLES.toLocaleString('en')} articles (~480 words each), one transaction each, synchronous=FULL`,
      `  insert rate          ${(ARTICLES / seconds).toFixed(0)} articles/s (${seconds.toFixed(1)} s)`,
      `  library size         ${(size / 1024 / 1024).toFixed(1)} MB`,
      `  FTS search (${SEARCHES} queries, top 50 across articles, quotes, sources)`,
      `    p50                ${percentile(timings, 50).toFixed(2)} ms`,
      `    p95                ${percentile(timings, 95).toFixed(2)} ms`,
    ]
  } finally {
    await library.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Benches that other parts of Quotedesk add: each module exports a function returning lines to print. */
const EXTRA_BENCHES: { file: string; name: string }[] = [
  { file: 'bench-analysis.ts', name: 'benchAnalysis' },
  { file: 'bench-alignment.ts', name: 'benchAlignment' },
  { file: 'bench-export.ts', name: 'benchExport' },
  { file: 'bench-ui.ts', name: 'benchUi' },
]

/** Runs one extra bench in this process and prints its lines. */
async function runExtra(extra: { file: string; name: string }): Promise<void> {
  const mod = (await import(pathToFileURL(path.join(import.meta.dirname, extra.file)).href)) as Record<string, unknown>
  const run = mod[extra.name]
  if (typeof run === 'function') for (const line of (await run()) as string[]) console.log(line)
}

async function main(): Promise<void> {
  // `--only FILE`: one extra bench, in the process of its own the parent started for it.
  const only = process.argv.indexOf('--only')
  if (only >= 0) {
    const extra = EXTRA_BENCHES.find((b) => b.file === process.argv[only + 1])
    if (extra === undefined) throw new Error(`no bench ${process.argv[only + 1]}`)
    return runExtra(extra)
  }
  console.log(`Quotedesk benchmarks — Node ${process.version}, ${os.cpus().length} cores, ${os.platform()}`)
  for (const line of await benchStore()) console.log(line)
  // Each extra bench gets a process of its own: the store bench leaves a large heap behind, and
  // a library loaded by one bench (compromise, for one) changes the speed of the next.
  for (const extra of EXTRA_BENCHES) {
    if (!fs.existsSync(path.join(import.meta.dirname, extra.file))) continue
    const self = fileURLToPath(import.meta.url)
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--only', extra.file], { stdio: 'inherit' })
    if (child.status !== 0) throw new Error(`${extra.file} failed with status ${child.status}`)
  }
}

await main()
