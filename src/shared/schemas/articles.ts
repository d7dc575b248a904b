import { z } from 'zod'
import { Id, IsoDate, LIMITS, safeText } from '../text'

export const ArticleStatus = z.enum(['draft', 'in_review', 'approved'])
export type ArticleStatus = z.infer<typeof ArticleStatus>

export const Article = z.object({
  id: Id,
  title: z.string(),
  body: z.string(),
  publishedOn: IsoDate.nullable(),
  status: ArticleStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Article = z.infer<typeof Article>

export const ArticleSummary = Article.omit({ body: true }).extend({ wordCount: z.number().int() })
export type ArticleSummary = z.infer<typeof ArticleSummary>

export const ArticleCreate = z.strictObject({
  /** Omitted: taken from the first line of the body. */
  title: safeText(LIMITS.title).optional(),
  body: safeText(LIMITS.body).refine((body) => body.trim() !== '', 'must not be empty'),
  publishedOn: IsoDate.nullable().optional(),
  status: ArticleStatus.optional(),
})
export type ArticleCreate = z.infer<typeof ArticleCreate>

export const ArticleUpdate = z.strictObject({
  id: Id,
  title: safeText(LIMITS.title)
    .refine((title) => title.trim() !== '', 'must not be empty')
    .optional(),
  body: safeText(LIMITS.body).optional(),
  publishedOn: IsoDate.nullable().optional(),
  status: ArticleStatus.optional(),
})
export type ArticleUpdate = z.infer<typeof ArticleUpdate>

export const ArticleRef = z.strictObject({ id: Id })
export type ArticleRef = z.infer<typeof ArticleRef>

export const ArticleListQuery = z.strictObject({
  status: ArticleStatus.optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  offset: z.number().int().min(0).optional(),
})
export type ArticleListQuery = z.infer<typeof ArticleListQuery>
