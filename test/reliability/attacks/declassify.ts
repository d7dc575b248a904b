import path from 'node:path'
import { openLibrary } from '../../../src/main/db/connection'
import { seedArticle } from '../../../src/main/export/testing'
import { createHandlers } from '../../../src/main/services'
import type { Attack } from '../attacks'

/** Finding 1: an older JSON export re-imported must never lower a source's protection. */
export const declassify: Attack[] = [
  {
    finding: 1,
    id: 'a01',
    title: 'an older JSON export re-imported after its source was marked confidential',
    async run(workDir) {
      const library = await openLibrary(path.join(workDir, 'library.quotedesk'))
      try {
        const handlers = createHandlers(library, () => 'red team')
        const seeded = await seedArticle(library, handlers)
        const old = await handlers['export:article']({
          articleId: seeded.articleId,
          format: 'json',
          includeConfidential: true,
        })
        await handlers['sources:update']({ id: seeded.publicSourceId, isConfidential: true })
        const summary = await handlers['import:json']({
          fileName: old.fileName,
          dataBase64: Buffer.from(old.content).toString('base64'),
        })
        const source = await handlers['sources:get']({ id: seeded.publicSourceId })
        const next = await handlers['export:article']({ articleId: seeded.articleId, format: 'json' })
        const leaked = ['Council minutes', 'Public record'].filter((text) => next.content.includes(text))
        if (!source.isConfidential) return { held: false, detail: 'the source is no longer confidential' }
        if (leaked.length > 0) return { held: false, detail: `the next export carries ${leaked.join(', ')}` }
        return { held: true, detail: summary.notes.find((n) => n.includes('kept confidential')) ?? 'kept confidential' }
      } finally {
        await library.close()
      }
    },
  },
]
