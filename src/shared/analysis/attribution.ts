// What the attributor gives each quotation: a speaker (or none), the cue that named them, how
// sure it is and which rule decided.
import type { SpeakerRef } from './resolve'

/** Made only by `attribution` and `retag`, so every one has the same shape (see EntityRecord). */
export interface Attribution {
  speaker: SpeakerRef | null
  confidence: number
  /** Character offsets of the cue. */
  cue: { start: number; end: number } | null
  method: string
  isDocument: boolean
  document: string | undefined
}

export function attribution(
  speaker: SpeakerRef | null,
  confidence: number,
  cue: Attribution['cue'],
  method: string,
  isDocument = false,
  document: string | undefined = undefined,
): Attribution {
  return { speaker, confidence, cue, method, isDocument, document }
}

/** The same attribution under another method (and confidence). */
export function retag(a: Attribution, method: string, confidence = a.confidence): Attribution {
  return attribution(a.speaker, confidence, a.cue, method, a.isDocument, a.document)
}

/** No speaker found. */
export const NONE: Attribution = attribution(null, 0, null, 'none')
