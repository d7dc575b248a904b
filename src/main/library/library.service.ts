import type { LibraryInfo, SearchQuery, SearchResult, Snippet } from '../../shared/schemas/library'
import type { AppContext } from '../context'
import { LATEST_MIGRATION } from '../db/migrations'
import * as repo from './search.repo'

/** Splits FTS5's marked-up snippet into plain text and highlight ranges. */
export function parseSnippet(marked: string): Snippet {
  let text = ''
  const highlights: [number, number][] = []
  let open = -1
  for (const ch of marked) {
    if (ch === repo.MARK_START) open = text.length
    else if (ch === repo.MARK_END) {
      if (open >= 0) highlights.push([open, text.length])
      open = -1
    } else text += ch
  }
  return { text, highlights }
}

/**
 * Full-text search over article bodies, quote text and source text, best matches first.
 *
 * @example
 *   await searchLibrary(ctx, { query: 'forever lo' })
 */
export async function searchLibrary(ctx: AppContext, input: SearchQuery): Promise<SearchResult> {
  const match = repo.toFtsQuery(input.query)
  if (!match) return { hits: [] }
  const limit = input.limit ?? 50
  const kinds = new Set(input.kinds ?? ['article', 'quote', 'source'])
  const db = ctx.library.db
  const found = await Promise.all([
    kinds.has('article') ? repo.searchArticles(db, match, limit) : [],
    kinds.has('quote') ? repo.searchQuotes(db, match, limit) : [],
    kinds.has('source') ? repo.searchSources(db, match, limit) : [],
  ])
  const hits = found
    .flat()
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((hit) => ({
      kind: hit.kind,
      id: hit.id,
      articleId: hit.article_id,
      title: hit.title,
      snippet: parseSnippet(hit.snip),
    }))
  return { hits }
}

export async function libraryInfo(ctx: AppContext): Promise<LibraryInfo> {
  const counts = await repo.countRows(ctx.library.db)
  return { path: ctx.library.path, ...counts, schemaVersion: LATEST_MIGRATION }
}
