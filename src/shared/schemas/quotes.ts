import { z } from 'zod'
import { Id, LIMITS, safeText } from '../text'

export const QuoteStatus = z.enum(['unverified', 'verified', 'altered', 'not_found', 'disputed'])
export type QuoteStatus = z.infer<typeof QuoteStatus>

export const QuoteKind = z.enum(['direct', 'partial', 'block', 'document'])
export type QuoteKind = z.infer<typeof QuoteKind>

const Offset = z.number().int().min(0)

export const Quote = z.object({
  id: Id,
  articleId: Id,
  /** UTF-16 offsets into the article body; the span includes the quote marks. */
  start: Offset,
  end: Offset,
  text: z.string(),
  /** Text just before and after, to find the quote again if the article changes outside the editor. */
  prefix: z.string(),
  suffix: z.string(),
  kind: QuoteKind,
  isPartial: z.boolean(),
  speaker: z.object({ entityId: Id.nullable(), name: z.string() }).nullable(),
  /** A person chose this speaker: re-analysis never changes it. */
  speakerConfirmed: z.boolean(),
  confidence: z.number().min(0).max(1),
  /** The words that attribute the quote ("the Loveless author said"), to show why. */
  cue: z.object({ start: Offset, end: Offset }).nullable(),
  needsReview: z.boolean(),
  /** Paragraph pieces of one multi-paragraph quotation share a group. */
  groupKey: z.string().nullable(),
  sourceId: Id.nullable(),
  status: QuoteStatus,
  note: z.string(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
  origin: z.enum(['analysis', 'user']),
  /** 'lost' when the article changed and the quoted words could not be found again. */
  anchor: z.enum(['ok', 'lost']),
  /** The alignment's last proposal against the linked source; the editor's decision is `status`. */
  verdict: z.enum(['exact', 'altered', 'elided', 'bracketed', 'partial', 'not_found']).nullable(),
  verdictScore: z.number().min(0).max(1).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Quote = z.infer<typeof Quote>

export const Mention = z.object({
  id: Id,
  entityId: Id,
  entityName: z.string(),
  entityKind: z.enum(['person', 'organization', 'work', 'place', 'other']),
  start: Offset,
  end: Offset,
  text: z.string(),
  origin: z.enum(['analysis', 'user']),
})
export type Mention = z.infer<typeof Mention>

export const ArticleAnnotations = z.object({
  articleId: Id,
  quotes: z.array(Quote),
  mentions: z.array(Mention),
})
export type ArticleAnnotations = z.infer<typeof ArticleAnnotations>

export const QuoteListQuery = z.strictObject({
  articleId: Id,
  status: QuoteStatus.optional(),
  /** Removed quotes are hidden unless asked for. */
  includeRemoved: z.boolean().optional(),
})
export type QuoteListQuery = z.infer<typeof QuoteListQuery>

export const QuoteRef = z.strictObject({ id: Id })

export const QuoteCreate = z
  .strictObject({ articleId: Id, start: Offset, end: Offset, speakerEntityId: Id.nullable().optional() })
  .refine((q) => q.end > q.start, { message: 'must end after it starts', path: ['end'] })
export type QuoteCreate = z.infer<typeof QuoteCreate>

export const QuoteSpan = z
  .strictObject({ id: Id, start: Offset, end: Offset })
  .refine((q) => q.end > q.start, { message: 'must end after it starts', path: ['end'] })
export type QuoteSpan = z.infer<typeof QuoteSpan>

export const QuoteSetSpeaker = z.strictObject({ id: Id, entityId: Id.nullable() })
export type QuoteSetSpeaker = z.infer<typeof QuoteSetSpeaker>

export const QuoteSetStatus = z.strictObject({
  id: Id,
  status: QuoteStatus,
  note: safeText(LIMITS.note).optional(),
})
export type QuoteSetStatus = z.infer<typeof QuoteSetStatus>

export const AuditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const MentionCreate = z
  .strictObject({ articleId: Id, entityId: Id, start: Offset, end: Offset })
  .refine((m) => m.end > m.start, { message: 'must end after it starts', path: ['end'] })
export type MentionCreate = z.infer<typeof MentionCreate>

export const MentionRef = z.strictObject({ id: Id })
export type MentionRef = z.infer<typeof MentionRef>
