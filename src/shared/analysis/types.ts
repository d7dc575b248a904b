import type { RankOptions } from './speaker-rank'
export type EntityKind = 'person' | 'organization' | 'work' | 'place' | 'other'

/** An entity from the user's library; matched before anything is guessed. */
export interface KnownEntity {
  id: string
  kind: EntityKind
  name: string
  aliases: string[]
}

export interface AnalyzeOptions {
  knownEntities?: KnownEntity[]
  /** Other weights for the speaker ranker, and a trace of its choices: for fitting it. */
  rank?: RankOptions
}

export type SpeakerKind = 'person' | 'organization' | 'document' | 'descriptor'

export interface Speaker {
  /** Canonical (fullest) name of the entity, or the descriptor when it names no one we know. */
  name: string
  entityId?: string
  /**
   * What speaks: a person, an organisation ("the company said"), a document ("the report says"),
   * or a descriptor kept as written because it names no one the text knows ("a spokeswoman for
   * the campaign").
   */
  kind?: SpeakerKind
}

export interface AnalyzedQuote {
  /** UTF-16 offsets into the text; the span includes the quotation marks. */
  start: number
  end: number
  text: string
  /** A fragment inside reported speech: are “a forever love” and, if so, why. */
  partial: boolean
  kind: 'direct' | 'partial' | 'block' | 'document'
  speaker: Speaker | null
  /** 0..1 for the attribution (and the detection). */
  confidence: number
  /** The attribution cue ("the Loveless author said"), so the UI can show why. */
  cue: { start: number; end: number } | null
  /** Low confidence: flagged for a person to check, never silently guessed. */
  needsReview: boolean
  /** Every paragraph piece of one multi-paragraph quotation shares a group and its attribution. */
  groupId: number
  issues: string[]
  /** How the speaker was found: 'cue', 'same paragraph', 'continuation', 'turn-taking', … */
  method: string
  /** For documents: what is being quoted ("The official synopsis"). */
  document?: string
}

export interface EntityRole {
  role: string
  of?: string
}

export interface AnalyzedEntity {
  name: string
  kind: EntityKind
  aliases: string[]
  entityId?: string
  mentions: { start: number; end: number }[]
  roles: EntityRole[]
  /** How sure the kind is; entities with no evidence at all are kept with a low figure. */
  confidence: number
}

export interface Analysis {
  text: string
  quotes: AnalyzedQuote[]
  entities: AnalyzedEntity[]
}
