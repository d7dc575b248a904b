import { z } from 'zod'
import { Id, LIMITS, safeText } from '../text'

export const SearchQuery = z.strictObject({
  /** Words to find; every word must appear. A trailing word also matches as a prefix. */
  query: safeText(LIMITS.query).refine((query) => query.trim() !== '', 'must not be empty'),
  kinds: z
    .array(z.enum(['article', 'quote', 'source']))
    .min(1)
    .optional(),
  limit: z.number().int().min(1).max(200).optional(),
})
export type SearchQuery = z.infer<typeof SearchQuery>

/** A snippet is plain text plus the ranges that matched, so it is never rendered as HTML. */
export const Snippet = z.object({
  text: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
})
export type Snippet = z.infer<typeof Snippet>

export const SearchHit = z.object({
  kind: z.enum(['article', 'quote', 'source']),
  id: Id,
  /** The article a quote belongs to. */
  articleId: Id.nullable(),
  title: z.string(),
  snippet: Snippet,
})
export type SearchHit = z.infer<typeof SearchHit>

export const SearchResult = z.object({ hits: z.array(SearchHit) })
export type SearchResult = z.infer<typeof SearchResult>

export const LibraryInfo = z.object({
  /** Shown in the window so a user knows which library is open. */
  path: z.string(),
  articles: z.number().int(),
  sources: z.number().int(),
  entities: z.number().int(),
  schemaVersion: z.string(),
})
export type LibraryInfo = z.infer<typeof LibraryInfo>

export const Empty = z.strictObject({})
