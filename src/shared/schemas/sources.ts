import { z } from 'zod'
import { Id, IsoDate, LIMITS, safeText } from '../text'
import { FileUpload, Timing } from './imports'
import { QuoteStatus } from './quotes'

export const SourceKind = z.enum(['interview', 'document', 'web', 'press_release', 'other'])
export type SourceKind = z.infer<typeof SourceKind>

/** A web address a source came from: http or https only. */
export const Url = safeText(LIMITS.url).refine((value) => {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}, 'must be an http or https address')

export const Source = z.object({
  id: Id,
  kind: SourceKind,
  title: z.string(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  sourceDate: IsoDate.nullable(),
  body: z.string(),
  isConfidential: z.boolean(),
  notes: z.string(),
  /** For a timed transcript (.vtt, .srt): when each line was said; empty otherwise. */
  timings: z.array(Timing),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Source = z.infer<typeof Source>

export const SourceSummary = Source.omit({ body: true, timings: true }).extend({ length: z.number().int() })
export type SourceSummary = z.infer<typeof SourceSummary>

const Title = safeText(LIMITS.title).refine((title) => title.trim() !== '', 'must not be empty')

export const SourceCreate = z.strictObject({
  kind: SourceKind,
  title: Title,
  url: Url.nullable().optional(),
  outlet: safeText(LIMITS.name).nullable().optional(),
  sourceDate: IsoDate.nullable().optional(),
  body: safeText(LIMITS.body).optional(),
  isConfidential: z.boolean().optional(),
  notes: safeText(LIMITS.note).optional(),
})
export type SourceCreate = z.infer<typeof SourceCreate>

export const SourceUpdate = z.strictObject({
  id: Id,
  kind: SourceKind.optional(),
  title: Title.optional(),
  url: Url.nullable().optional(),
  outlet: safeText(LIMITS.name).nullable().optional(),
  sourceDate: IsoDate.nullable().optional(),
  body: safeText(LIMITS.body).optional(),
  isConfidential: z.boolean().optional(),
  notes: safeText(LIMITS.note).optional(),
})
export type SourceUpdate = z.infer<typeof SourceUpdate>

export const SourceRef = z.strictObject({ id: Id })
export type SourceRef = z.infer<typeof SourceRef>

export const SourceListQuery = z.strictObject({
  kind: SourceKind.optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
})
export type SourceListQuery = z.infer<typeof SourceListQuery>

/** A file to read into a new source; kind defaults to a guess from the format (.vtt → interview). */
export const SourceImport = FileUpload.extend({
  kind: SourceKind.optional(),
  isConfidential: z.boolean().optional(),
})
export type SourceImport = z.infer<typeof SourceImport>

/** The new source, and what the import repaired on the way (e.g. "removed 3 NUL bytes"). */
export const ImportedSource = Source.extend({ notices: z.array(z.string()) })
export type ImportedSource = z.infer<typeof ImportedSource>

/** Where a linked quote was found in its source (UTF-16 offsets into the source's body). */
export const CitationMatch = z.object({
  verdict: z.enum(['exact', 'altered', 'elided', 'bracketed', 'partial']),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** For a timed transcript: when the passage was said. */
  timestamp: z.string().nullable(),
})
export type CitationMatch = z.infer<typeof CitationMatch>

/** A quote linked to the source: its article, the editor's status, the last check's verdict, and the cited passage. */
export const SourceCitation = z.object({
  quoteId: Id,
  articleId: Id,
  articleTitle: z.string(),
  text: z.string(),
  speakerName: z.string().nullable(),
  status: QuoteStatus,
  verdict: z.enum(['exact', 'altered', 'elided', 'bracketed', 'partial', 'not_found']).nullable(),
  /** Null when the quote's words are not in the source. */
  match: CitationMatch.nullable(),
})
export type SourceCitation = z.infer<typeof SourceCitation>
