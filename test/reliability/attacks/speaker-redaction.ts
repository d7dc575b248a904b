import fs from 'node:fs'
import path from 'node:path'
import { openLibrary, type Library } from '../../../src/main/db/connection'
import { seedAnonymousSpeakers, type SeededAnonymous } from '../../../src/main/export/testing'
import { createHandlers } from '../../../src/main/services'
import type { Handlers } from '../../../src/shared/contract'
import { ExportV1 } from '../../../src/shared/schemas/export'
import { runCli } from '../../helpers/cli'
import type { Attack, AttackOutcome } from '../attacks'

/** The canaries (library-only speaker names, aliases, ids) that `text` carries. */
function leaks(text: string, seeded: SeededAnonymous): string[] {
  const haystack = text.normalize('NFKC').toLowerCase()
  return seeded.canaries.filter((canary) => haystack.includes(canary.toLowerCase()))
}

function verdict(leaked: string[], where: string): AttackOutcome {
  return leaked.length > 0
    ? { held: false, detail: `${where} names the anonymous speaker (${leaked.join(', ')})` }
    : { held: true, detail: `${where}: the speaker is what the article's words say, or (withheld)` }
}

async function withSeeded<T>(
  workDir: string,
  run: (handlers: Handlers, seeded: SeededAnonymous, library: Library) => Promise<T>,
): Promise<T> {
  const library = await openLibrary(path.join(workDir, 'library.quotedesk'))
  try {
    const handlers = createHandlers(library, () => 'red team')
    return await run(handlers, await seedAnonymousSpeakers(library, handlers), library)
  } finally {
    await library.close()
  }
}

/** Finding 2: a quote from a confidential source must not export who the library says its speaker is. */
export const speakerRedaction: Attack[] = [
  {
    finding: 2,
    id: 'a20',
    title: 'an anonymous source filed under a real name, default JSON export',
    run: (workDir) =>
      withSeeded(workDir, async (handlers, seeded) => {
        const file = await handlers['export:article']({ articleId: seeded.articleId, format: 'json' })
        return verdict(leaks(file.content, seeded), 'the JSON export')
      }),
  },
  {
    finding: 2,
    id: 'a21',
    title: 'an anonymous source filed under a real name, default Markdown export (front matter, footnote)',
    run: (workDir) =>
      withSeeded(workDir, async (handlers, seeded) => {
        const file = await handlers['export:article']({ articleId: seeded.articleId, format: 'md' })
        return verdict(leaks(file.content, seeded), 'the Markdown export')
      }),
  },
  {
    finding: 2,
    id: 'a22',
    title: 'a person quoted on the record and, filed under their name, from a confidential source',
    run: (workDir) =>
      withSeeded(workDir, async (handlers, seeded) => {
        const file = await handlers['export:article']({ articleId: seeded.articleId, format: 'json' })
        const doc = ExportV1.parse(JSON.parse(file.content))
        const offRecord = doc.quotes.filter((q) =>
          [seeded.mayor.offRecordQuoteId, seeded.mayor.pronounQuoteId].includes(q.id),
        )
        const linked = offRecord.filter(
          (q) => JSON.stringify(q).includes(seeded.mayor.entityId) || q.speaker?.name === 'Ann Lee',
        )
        const aliases = doc.speakers.flatMap((s) => s.aliases)
        if (linked.length > 0)
          return { held: false, detail: `${linked.length} off-the-record quotes point to the mayor's entity` }
        if (aliases.length > 0) return { held: false, detail: `speakers carry aliases: ${aliases.join(', ')}` }
        return {
          held: true,
          detail: `off the record: ${offRecord.map((q) => q.speaker?.name).join(', ')}; the mayor listed once, no aliases`,
        }
      }),
  },
  {
    finding: 2,
    id: 'a23',
    title: 'the CLI batch export (quotedesk export --all, Markdown and JSON) of that article',
    async run(workDir) {
      const db = path.join(workDir, 'library.quotedesk')
      const seeded = await withSeeded(workDir, async (_handlers, s) => s)
      const leaked: string[] = []
      for (const format of ['md', 'json']) {
        const out = path.join(workDir, format)
        const result = await runCli(db, workDir, ['export', '--format', format, '--all', '--out', out])
        if (result.code !== 0) return { held: false, detail: `export failed: ${result.stderr.trim()}` }
        const written = fs.readdirSync(out).map((name) => fs.readFileSync(path.join(out, name), 'utf8'))
        leaked.push(...leaks([result.stdout, result.stderr, ...written].join('\n'), seeded))
      }
      return verdict([...new Set(leaked)], 'the CLI batch export')
    },
  },
]
