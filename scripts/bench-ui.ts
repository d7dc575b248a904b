// `npx tsx scripts/bench-ui.ts`: the desk's speed in a real browser, printed, never asserted.
// Needs the built renderer (`npx electron-vite build`); builds nothing itself.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { openLibrary } from '../src/main/db/connection'
import { startHost } from '../src/main/host/host'
import { createHandlers } from '../src/main/services'
import { seededRandom } from '../test/fixtures/seeded-random'

const WORDS = 20_000
const QUOTES = 300
const OPENS = 7
const SEARCHES = ['harbour budget', 'mayor', 'festival premiere', 'flood rescue', 'union wages', 'court verdict']
const RENDERER_DIR = path.resolve(import.meta.dirname, '../out/renderer')

/** The e2e suite's Chromium and flags, loaded at run time: the node tsconfig leaves test/e2e out. */
async function chromiumSettings(): Promise<{ CHROMIUM_ARGS: string[]; CHROMIUM_PATH: string }> {
  const url = pathToFileURL(path.resolve(import.meta.dirname, '../test/e2e/chromium.ts')).href
  return (await import(url)) as { CHROMIUM_ARGS: string[]; CHROMIUM_PATH: string }
}

const VOCABULARY = (
  'council harbour mayor budget vote plan school hospital police court judge verdict minister election ' +
  'campaign season film director author novel series cast premiere festival market prices energy climate ' +
  'river flood storm rescue union strike wages housing rent tenants developer project museum gallery ' +
  'concert album singer team coach match league final goal injury transfer report survey study scientist'
).split(' ')
const SPEAKERS = ['Ana Ruiz', 'Tom Okafor', 'Mei Lin', 'Jonas Berg', 'Priya Natarajan', 'Sam Collins']

/** About `WORDS` words in paragraphs, `QUOTES` of them a quotation with a speaker cue. */
export function generateArticle(random = seededRandom(7)): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
  const words = (n: number) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ')
  const perQuote = Math.floor(WORDS / QUOTES)
  const paragraphs = ['Harbour plan divides the council']
  for (let i = 0; i < QUOTES; i++) {
    const quoted = perQuote - 14
    paragraphs.push(`${words(12)}.`)
    paragraphs.push(`“${words(quoted)},” ${pick(SPEAKERS)} said.`)
  }
  return paragraphs.join('\n\n')
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`

/** Runs in the page: clicks the article in the library and waits for its first highlight to be drawn. */
const OPEN_SCRIPT = `(async (title) => {
  const button = [...document.querySelectorAll('[aria-label="Articles"] button')].find((b) => b.textContent.includes(title))
  const started = performance.now()
  button.click()
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve))
    if (performance.now() - started > 10000) throw new Error('no highlight within 10 s')
    const root = document.querySelector('.desk__editor')?.shadowRoot
    const heading = document.getElementById('main-heading')
    if (root?.querySelector('[data-quote-id]') && heading?.textContent.includes(title)) break
  }
  const drawn = performance.now() - started
  const root = document.querySelector('.desk__editor').shadowRoot
  return { drawn, highlights: root.querySelectorAll('[data-quote-id]').length }
})`

/** Runs in the page: types a query into the search box and waits until its results are shown. */
const SEARCH_SCRIPT = `(async (query) => {
  const input = document.getElementById('library-search')
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  input.focus()
  const started = performance.now()
  setValue.call(input, query)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  if (query === '') return { shown: 0 }
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve))
    if (performance.now() - started > 10000) throw new Error('no results within 10 s')
    const status = [...document.querySelectorAll('[role=status]')].find((s) => s.textContent.includes('“' + query + '”'))
    if (status) return { shown: performance.now() - started, text: status.textContent }
  }
})`

async function open(page: Page, title: string): Promise<{ drawn: number; highlights: number }> {
  return page.evaluate(`${OPEN_SCRIPT}(${JSON.stringify(title)})`)
}

export async function benchUi(): Promise<string[]> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    return ['bench-ui: out/renderer is missing; run `npx electron-vite build` first.']
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-bench-ui-'))
  const library = await openLibrary(path.join(dir, 'bench.quotedesk'))
  const handlers = createHandlers(library, () => 'bench')
  const lines: string[] = []
  try {
    const body = generateArticle()
    const t0 = performance.now()
    const big = await handlers['articles:create']({ title: 'Bench: 20,000 words', body })
    const createMs = performance.now() - t0
    const annotations = await handlers['quotes:annotations']({ id: big.id })
    await handlers['articles:create']({ title: 'Bench: short', body: '“We won,” the coach said.\n\nThe end.' })
    const t1 = performance.now()
    await handlers['articles:update']({ id: big.id, body: `${body}\n\nOne more line.` })
    const saveMs = performance.now() - t1

    const { CHROMIUM_ARGS, CHROMIUM_PATH } = await chromiumSettings()
    const host = await startHost({ handlers, rendererDir: RENDERER_DIR })
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
      await page.goto(host.launchUrl)
      await page
        .getByRole('list', { name: 'Articles' })
        .getByRole('button', { name: /Bench: short/ })
        .waitFor()
      const opens: number[] = []
      let highlights = 0
      for (let i = 0; i < OPENS; i++) {
        await open(page, 'Bench: short')
        const result = await open(page, 'Bench: 20,000 words')
        opens.push(result.drawn)
        highlights = result.highlights
      }
      const searches: number[] = []
      for (const query of SEARCHES) {
        const result: { shown: number } = await page.evaluate(`${SEARCH_SCRIPT}(${JSON.stringify(query)})`)
        searches.push(result.shown)
        await page.evaluate(`${SEARCH_SCRIPT}("")`)
      }
      const words = body.split(/\s+/).length
      lines.push(
        `desk: one article of ${words.toLocaleString('en')} words, ${annotations.quotes.length} quotes found by the analysis ` +
          `(${QUOTES} written), ${annotations.mentions.length} mentions; Chromium ${browser.version()}`,
        `  create + analyse (service)          ${fmt(createMs)}`,
        `  autosave round trip (update + re-analyse, service) ${fmt(saveMs)}`,
        `  open article → highlights drawn (click to first painted frame with highlights, ${OPENS} runs)`,
        `    median                           ${fmt(median(opens))}   (target < 300 ms)`,
        `    worst                            ${fmt(Math.max(...opens))}`,
        `    highlights in the DOM            ${highlights} (CodeMirror draws the lines in view only)`,
        `  search in the UI: type → results shown (${SEARCHES.length} queries, includes the 180 ms debounce)`,
        `    median                           ${fmt(median(searches))}`,
        `    worst                            ${fmt(Math.max(...searches))}`,
        `    median without the debounce      ${fmt(median(searches) - 180)}`,
      )
    } finally {
      await browser.close()
      await host.close()
    }
  } finally {
    await library.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return lines
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchUi()) console.log(line)
}
