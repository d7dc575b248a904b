import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { main } from '../cli/main'
import { openLibrary } from '../db/connection'
import { createHandlers } from '../services'
import { seedArticle, type Seeded } from './testing'

/** Case-insensitive after NFKC, so full-width or styled look-alikes of the canary count as leaks. */
function hits(text: string, canary: string): number {
  const haystack = text.normalize('NFKC').toLowerCase()
  const needle = canary.normalize('NFKC').toLowerCase()
  return haystack.split(needle).length - 1
}

/** Every file under a folder, temp files included. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

async function setup(): Promise<{ dir: string; db: string; seeded: Seeded }> {
  const dir = makeTempDir('quotedesk-canary-')
  const db = path.join(dir, 'library.quotedesk')
  const library = await openLibrary(db)
  try {
    const seeded = await seedArticle(
      library,
      createHandlers(library, () => 'tester'),
    )
    return { dir, db, seeded }
  } finally {
    await library.close()
  }
}

async function cli(db: string, cwd: string, argv: string[]) {
  let out = ''
  const code = await main(['--db', db, ...argv], {
    stdout: (text) => (out += text),
    stderr: (text) => (out += text),
    env: {},
    cwd,
  })
  return { code, out }
}

describe('confidential source canary', () => {
  it('never appears in a default export (Markdown, JSON, CLI batch) and does appear when included', async () => {
    const { dir, db, seeded } = await setup()
    const library = await openLibrary(db)
    const handlers = createHandlers(library, () => 'tester')
    const canaries = [seeded.canary, seeded.canaryNote]
    try {
      for (const format of ['md', 'json'] as const) {
        const file = await handlers['export:article']({ articleId: seeded.articleId, format })
        expect(file.redacted).toBe(true)
        for (const canary of canaries) expect(hits(file.content, canary), `${format} ${canary}`).toBe(0)
        expect(file.content).toMatch(/redacted|confidential source/)

        const opted = await handlers['export:article']({
          articleId: seeded.articleId,
          format,
          includeConfidential: true,
        })
        expect(hits(opted.content, seeded.canary)).toBeGreaterThan(0)
        if (format === 'json') expect(hits(opted.content, seeded.canaryNote)).toBeGreaterThan(0)
      }
    } finally {
      await library.close()
    }

    for (const format of ['md', 'json']) {
      const out = path.join(dir, `out-${format}`)
      const result = await cli(db, dir, ['export', '--format', format, '--all', '--out', out])
      expect(result.code).toBe(0)
      for (const canary of canaries) expect(hits(result.out, canary)).toBe(0)
      const written = filesUnder(out)
      expect(written).toHaveLength(1)
      for (const file of written) {
        for (const canary of canaries) expect(hits(fs.readFileSync(file, 'utf8'), canary), file).toBe(0)
      }

      const optedOut = path.join(dir, `opted-${format}`)
      const opted = await cli(db, dir, [
        'export',
        '--format',
        format,
        '--all',
        '--out',
        optedOut,
        '--include-confidential',
      ])
      expect(opted.code).toBe(0)
      const content = filesUnder(optedOut)
        .map((file) => fs.readFileSync(file, 'utf8'))
        .join('\n')
      expect(hits(content, seeded.canary)).toBeGreaterThan(0)
    }
  })
})
