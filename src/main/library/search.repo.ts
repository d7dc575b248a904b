import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

export interface RawHit {
  kind: 'article' | 'quote' | 'source'
  id: string
  article_id: string | null
  title: string
  snip: string
  rank: number
}

/**
 * Turns what a user typed into an FTS5 query: every word must match, the last one also as a
 * prefix (results as you type). Words are quoted, so FTS syntax in the input is just text.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}\p{M}]+/gu)
  if (!words || words.length === 0) return null
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}

export async function searchArticles(db: Kysely<Database>, match: string, limit: number): Promise<RawHit[]> {
  const result = await sql<RawHit>`
    SELECT 'article' AS kind, a.id AS id, NULL AS article_id, a.title AS title,
           snippet(articles_fts, -1, ${MARK_START}, ${MARK_END}, '…', 16) AS snip,
           bm25(articles_fts, 5.0, 1.0) AS rank
    FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
    WHERE articles_fts MATCH ${match}
    ORDER BY rank LIMIT ${limit}`.execute(db)
  return result.rows
}

export async function searchQuotes(db: Kysely<Database>, match: string, limit: number): Promise<RawHit[]> {
  const result = await sql<RawHit>`
    SELECT 'quote' AS kind, q.id AS id, q.article_id AS article_id, a.title AS title,
           snippet(quotes_fts, 0, ${MARK_START}, ${MARK_END}, '…', 24) AS snip,
           bm25(quotes_fts) AS rank
    FROM quotes_fts JOIN quotes q ON q.seq = quotes_fts.rowid JOIN articles a ON a.id = q.article_id
    WHERE quotes_fts MATCH ${match}
    ORDER BY rank LIMIT ${limit}`.execute(db)
  return result.rows
}

export async function searchSources(db: Kysely<Database>, match: string, limit: number): Promise<RawHit[]> {
  const result = await sql<RawHit>`
    SELECT 'source' AS kind, s.id AS id, NULL AS article_id, s.title AS title,
           snippet(sources_fts, -1, ${MARK_START}, ${MARK_END}, '…', 16) AS snip,
           bm25(sources_fts, 5.0, 1.0) AS rank
    FROM sources_fts JOIN sources s ON s.seq = sources_fts.rowid
    WHERE sources_fts MATCH ${match}
    ORDER BY rank LIMIT ${limit}`.execute(db)
  return result.rows
}

export async function countRows(
  db: Kysely<Database>,
): Promise<{ articles: number; sources: number; entities: number }> {
  const row = await sql<{ articles: number; sources: number; entities: number }>`
    SELECT (SELECT count(*) FROM articles) AS articles,
           (SELECT count(*) FROM sources) AS sources,
           (SELECT count(*) FROM entities) AS entities`.execute(db)
  return row.rows[0] ?? { articles: 0, sources: 0, entities: 0 }
}
