import { z } from 'zod'
import { Id, LIMITS, safeText } from '../text'

export const Verdict = z.enum(['exact', 'altered', 'elided', 'bracketed', 'partial', 'not_found'])
export type Verdict = z.infer<typeof Verdict>

const Offset = z.number().int().min(0)

export const DiffChunk = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })
export type DiffChunk = z.infer<typeof DiffChunk>

/** Where in the source the quote was said, and how faithfully the article reproduces it. */
export const QuoteCheck = z.object({
  quoteId: Id,
  sourceId: Id,
  sourceTitle: z.string(),
  verdict: Verdict,
  score: z.number().min(0).max(1),
  sourceStart: Offset.nullable(),
  sourceEnd: Offset.nullable(),
  /** The transcript time of the matched passage, for timed transcripts. */
  timestamp: z.string().nullable(),
  /** How many passages of the source match as well as the one shown. */
  occurrences: z.number().int().min(0),
  /** delete: in the source but not the quote; insert: in the quote but not the source. */
  diff: z.array(DiffChunk),
  /** The matched passage with some text around it, for showing in context. */
  passage: z.object({ before: z.string(), text: z.string(), after: z.string() }).nullable(),
  brackets: z.array(z.object({ text: z.string(), replaces: z.string() })),
})
export type QuoteCheck = z.infer<typeof QuoteCheck>

export const QuoteLinkSource = z.strictObject({ id: Id, sourceId: Id.nullable() })
export type QuoteLinkSource = z.infer<typeof QuoteLinkSource>

export const SourceSuggestion = z
  .object({ sourceId: Id, title: z.string(), score: z.number().min(0).max(1), verdict: Verdict })
  .nullable()
export type SourceSuggestion = z.infer<typeof SourceSuggestion>

export const NameFlag = z.object({
  start: Offset,
  end: Offset,
  text: z.string(),
  suggestion: z.string(),
  reason: z.string(),
  entityId: Id.nullable(),
})
export type NameFlag = z.infer<typeof NameFlag>

export const NameFlagAccept = z.strictObject({
  articleId: Id,
  start: Offset,
  end: Offset,
  text: safeText(LIMITS.name),
  suggestion: safeText(LIMITS.name).refine((s) => s.trim() !== '', 'must not be empty'),
})
export type NameFlagAccept = z.infer<typeof NameFlagAccept>

export const NameFlagDismiss = z.strictObject({
  articleId: Id,
  text: safeText(LIMITS.name),
  suggestion: safeText(LIMITS.name),
  /** Remember the dismissal for every article, not just this one. */
  everywhere: z.boolean().optional(),
})
export type NameFlagDismiss = z.infer<typeof NameFlagDismiss>
