// `npx tsx scripts/bench-export.ts`: export and import speed. Figures are printed, never asserted.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { openLibrary } from '../src/main/db/connection'
import { exportToFolder } from '../src/main/export/export-folder'
import { createHandlers } from '../src/main/services'

const ARTICLES = Number(process.env.BENCH_EXPORT_ARTICLES ?? 1_000)

function articleBody(i: number): string {
  const paragraphs: string[] = [`Harbour report ${i}`]
  for (let p = 0; p < 8; p++) {
    const words = 'council harbour *budget* vote [plan] school <b>hospital</b> `court` | judge & verdict'.repeat(4)
    paragraphs.push(p % 2 === 0 ? `“${words},” Mayor Jane Smith said.` : `${words}.`)
  }
  return paragraphs.join('\n\n')
}

/** Lines to print: export of ARTICLES articles as Markdown and JSON, then import of the JSON files. */
export async function benchExport(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-bench-export-'))
  const source = await openLibrary(path.join(dir, 'source.quotedesk'))
  const target = await openLibrary(path.join(dir, 'target.quotedesk'))
  try {
    const handlers = createHandlers(source, () => 'bench')
    const ids: string[] = []
    for (let i = 0; i < ARTICLES; i++) ids.push((await handlers['articles:create']({ body: articleBody(i) })).id)

    const rate = async (format: 'md' | 'json') => {
      const started = performance.now()
      const result = await exportToFolder(handlers, ids, { format, outDir: path.join(dir, format) })
      const seconds = (performance.now() - started) / 1000
      if (result.failed.length > 0) throw new Error(`${result.failed.length} exports failed`)
      return { seconds, perSecond: ARTICLES / seconds }
    }
    const md = await rate('md')
    const json = await rate('json')

    const importer = createHandlers(target, () => 'bench')
    const files = fs.readdirSync(path.join(dir, 'json'))
    const started = performance.now()
    for (const name of files) {
      const bytes = fs.readFileSync(path.join(dir, 'json', name))
      await importer['import:json']({ fileName: name, dataBase64: bytes.toString('base64') })
    }
    const importSeconds = (performance.now() - started) / 1000
    return [
      `export: ${ARTICLES.toLocaleString('en')} articles (~9 paragraphs, 4 quotes each), atomic writes (fsync + rename)`,
      `  Markdown             ${md.perSecond.toFixed(0)} articles/s (${md.seconds.toFixed(1)} s)`,
      `  JSON                 ${json.perSecond.toFixed(0)} articles/s (${json.seconds.toFixed(1)} s)`,
      `import: ${files.length.toLocaleString('en')} Quotedesk JSON files into a fresh library, one transaction each`,
      `  rate                 ${(files.length / importSeconds).toFixed(0)} files/s (${importSeconds.toFixed(1)} s)`,
    ]
  } finally {
    await source.close()
    await target.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await benchExport()) console.log(line)
}
