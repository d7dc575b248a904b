import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { WITHHELD_SPEAKER, ExportV1 } from '../../shared/schemas/export'
import { main } from '../cli/main'
import { openLibrary } from '../db/connection'
import { createHandlers } from '../services'
import { seedAnonymousSpeakers, seedArticle, type Seeded, type SeededAnonymous } from './testing'

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

async function setup(): Promise<{ dir: string; db: string; seeded: Seeded; anonymous: SeededAnonymous }> {
  const dir = makeTempDir('quotedesk-canary-')
  const db = path.join(dir, 'library.quotedesk')
  const library = await openLibrary(db)
  try {
    const handlers = createHandlers(library, () => 'tester')
    const seeded = await seedArticle(library, handlers)
    const anonymous = await seedAnonymousSpeakers(library, handlers)
    return { dir, db, seeded, anonymous }
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
    const { dir, db, seeded, anonymous } = await setup()
    const library = await openLibrary(db)
    const handlers = createHandlers(library, () => 'tester')
    // The source's title and notes, and the library-only names and ids of its quotes' speakers.
    const canaries = [seeded.canary, seeded.canaryNote, ...anonymous.canaries]
    // Markdown never carries ids or aliases, so opting in shows there the source and the speaker's name.
    const optedIn = {
      md: [seeded.canary, anonymous.whistleblower.name],
      json: [...canaries, anonymous.whistleblower.alias, anonymous.mayor.alias],
    }
    try {
      for (const articleId of [seeded.articleId, anonymous.articleId]) {
        for (const format of ['md', 'json'] as const) {
          const file = await handlers['export:article']({ articleId, format })
          expect(file.redacted).toBe(true)
          for (const canary of canaries) expect(hits(file.content, canary), `${format} ${canary}`).toBe(0)
          expect(file.content).toMatch(/redacted|confidential source/)
        }
      }
      for (const format of ['md', 'json'] as const) {
        const opted = [seeded.articleId, anonymous.articleId].map((articleId) =>
          handlers['export:article']({ articleId, format, includeConfidential: true }),
        )
        const content = (await Promise.all(opted)).map((file) => file.content).join('\n')
        for (const canary of optedIn[format]) expect(hits(content, canary), `${format} ${canary}`).toBeGreaterThan(0)
      }
    } finally {
      await library.close()
    }

    for (const format of ['md', 'json'] as const) {
      const out = path.join(dir, `out-${format}`)
      const result = await cli(db, dir, ['export', '--format', format, '--all', '--out', out])
      expect(result.code).toBe(0)
      for (const canary of canaries) expect(hits(result.out, canary)).toBe(0)
      const written = filesUnder(out)
      expect(written).toHaveLength(2)
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
      for (const canary of optedIn[format]) expect(hits(content, canary), `${format} ${canary}`).toBeGreaterThan(0)
    }
  })

  it('never links a confidential-source quote to its speaker; the article’s own words still name them', async () => {
    const { db, seeded, anonymous } = await setup()
    const library = await openLibrary(db)
    const handlers = createHandlers(library, () => 'tester')
    try {
      const anon = ExportV1.parse(
        JSON.parse((await handlers['export:article']({ articleId: anonymous.articleId, format: 'json' })).content),
      )
      const quote = (id: string) => anon.quotes.find((q) => q.id === id)
      const { mayor, whistleblower } = anonymous
      // On the record the mayor is named from the library; off it nothing points to her entity.
      expect(quote(mayor.publicQuoteId)?.speaker).toEqual({ id: mayor.entityId, name: 'Ann Lee' })
      expect(anon.speakers).toEqual([{ id: mayor.entityId, kind: 'person', name: 'Ann Lee', aliases: [] }])
      // Off the record each is named only as the article's own words name them: the cue, or nothing.
      const offRecord = [
        [whistleblower.quoteId, 'a senior council official'],
        [mayor.offRecordQuoteId, 'a person close to the mayor'],
        // The text's "she added" reads as the mayor, but the cue names no one: withheld.
        [mayor.pronounQuoteId, WITHHELD_SPEAKER],
      ] as const
      for (const [id, name] of offRecord) {
        expect(quote(id)).toMatchObject({ speaker: { id: null, name }, groupKey: null })
        expect(JSON.stringify(quote(id))).not.toContain(mayor.entityId)
      }
      const md = (await handlers['export:article']({ articleId: anonymous.articleId, format: 'md' })).content
      expect(md).toContain('Speaker: Ann Lee. Source: none recorded.')
      expect(md).toContain('Speaker: a senior council official. Source: confidential source.')
      expect(md).toContain('Speaker: (withheld). Source: confidential source.')
      expect(md).toContain(
        'speakers:\n  - "a senior council official"\n  - "Ann Lee"\n  - "a person close to the mayor"\nsources:',
      )

      // Bob Jones's words come from a confidential source, but the article names him in its cue.
      const harbour = ExportV1.parse(
        JSON.parse((await handlers['export:article']({ articleId: seeded.articleId, format: 'json' })).content),
      )
      expect(harbour.quotes[1]?.speaker).toEqual({ id: null, name: 'Bob Jones' })
      expect(harbour.speakers.map((s) => s.name)).toEqual(['Jane Smith'])
      expect(harbour.speakers.every((s) => s.aliases.length === 0)).toBe(true)

      // Asked for, the export carries the library's speakers as before.
      const full = ExportV1.parse(
        JSON.parse(
          (
            await handlers['export:article']({
              articleId: anonymous.articleId,
              format: 'json',
              includeConfidential: true,
            })
          ).content,
        ),
      )
      expect(full.quotes.find((q) => q.id === mayor.pronounQuoteId)?.speaker).toEqual({
        id: mayor.entityId,
        name: 'Ann Lee',
      })
      expect(full.speakers.find((s) => s.id === whistleblower.entityId)?.aliases).toEqual([whistleblower.alias])
    } finally {
      await library.close()
    }
  })
})
