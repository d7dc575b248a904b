// The fitted speaker ranker: for a quotation the rules gave no explicit speaker (a turn, a "he
// said", a descriptor, a quote sharing its paragraph's speaker), every person the scene offers is
// a candidate with a few features, and a linear score picks one. The weights are fitted by
// `scripts/fit-speaker-ranker.ts` on outside-labelled data and shipped in speaker-rank-weights.ts:
// numbers only, no text of the data they were fitted on.
import { FITTED as fitted } from './speaker-rank-weights'
import type { SpeakerRef } from './resolve'

/** What the ranker reads of a candidate. Each is 0 or 1 unless its comment says otherwise. */
export const RANK_FEATURES = [
  /** The rules' own pick, by the rule that made it. */
  'rules: turn-taking',
  'rules: pronoun',
  'rules: descriptor',
  'rules: narration',
  /** In dialogue only: the paragraph's other quote, or the narrator ("I said"). */
  'rules: same paragraph',
  'rules: narrator',
  /** Whom turn-taking would give the turn to. */
  'next turn',
  /** The cue says the speaker went on ("she continued"), and this is the latest turn's speaker. */
  'continues',
  /** The speaker of the latest turn, and the one before that who was someone else. */
  'last speaker',
  'speaker before last',
  /** The latest turn was in the paragraph just before. */
  'spoke just before',
  /** The subject of the narrative paragraph just before. */
  'previous subject',
  /** Named in the narration of the quote's paragraph, or of the paragraph before. */
  'named in paragraph',
  'named in previous paragraph',
  /** The previous quotation paragraph called on them by name: they are likely to answer. */
  'addressed before',
  /** The quotation itself names them: spoken to or about, seldom the speaker. */
  'named in quote',
  /** The cue's pronoun or noun has a gender, and the candidate's agrees or clashes. */
  'gender fits',
  'gender clashes',
  /** Between 0 and 1: how recently the text named them (1 right before the quote). */
  'recent',
  /** Between 0 and 1: how often the text names them (log scale). */
  'frequent',
  /** The first-person narrator. */
  'narrator',
  /** Spoke the quotation paragraph two before this one: in an exchange of two, whose turn it is. */
  'spoke two before',
  /** A cue names them as the speaker of the next quotation paragraph, or of the one after it. */
  'speaks next',
  'speaks after next',
  /** The next quotation paragraph calls them by name ("Yes, Tony."): they likely spoke this one. */
  'addressed next',
  /** One of the people named most recently before the quote (a candidate of its own). */
  'recently named',
  /** A name with little sign of being a person. */
  'weak',
] as const

export type RankFeature = (typeof RANK_FEATURES)[number]

const FEATURE_COUNT = RANK_FEATURES.length
/** Each feature's column: a plain object, so a constant feature name is a cached property read. */
const FEATURE_INDEX = Object.fromEntries(RANK_FEATURES.map((f, i) => [f, i])) as Record<RankFeature, number>

/** Weights in RANK_FEATURES order. */
export type RankWeights = Float64Array

export function weightsFrom(byName: Partial<Record<string, number>>): RankWeights {
  const w = new Float64Array(RANK_FEATURES.length)
  RANK_FEATURES.forEach((f, i) => (w[i] = byName[f] ?? 0))
  return w
}

/**
 * Weights for the two kinds of text the turn-taking rules tell apart: dialogue (fiction, where
 * speakers take turns in bare quotation paragraphs) and the rest (news, where a source keeps the
 * floor).
 */
export interface RankModel {
  dialogue: RankWeights
  other: RankWeights
}

/** The shipped weights. */
export const SHIPPED_MODEL: RankModel = {
  dialogue: weightsFrom(fitted.dialogue),
  other: weightsFrom(fitted.other),
}

const RULES_WEIGHTS = weightsFrom(
  Object.fromEntries(RANK_FEATURES.filter((f) => f.startsWith('rules: ')).map((f) => [f, 1])),
)

/** Weights that keep every pick of the rules: the ranker switched off, for comparison and fitting. */
export const RULES_ONLY: RankModel = { dialogue: RULES_WEIGHTS, other: RULES_WEIGHTS }

/**
 * The candidates of one quotation, each once, with their features: one row of a flat table per
 * candidate. `clear` empties it for the next quotation, so ranking allocates nothing per quote.
 */
export class Candidates {
  readonly speakers: SpeakerRef[] = []
  /** A resolved entity's index, or a name's lower case: what makes two candidates one. */
  private readonly keys: (number | string)[] = []
  private table = new Float64Array(8 * FEATURE_COUNT)

  /** Index of the candidate with this key; -1 if none. */
  indexOf(key: number | string): number {
    return this.keys.indexOf(key)
  }

  /** Index of the candidate with this key, added if new. */
  add(key: number | string, speaker: SpeakerRef): number {
    const at = this.keys.indexOf(key)
    if (at >= 0) return at
    const row = this.keys.length
    if ((row + 1) * FEATURE_COUNT > this.table.length) {
      const wider = new Float64Array(this.table.length * 2)
      wider.set(this.table)
      this.table = wider
    }
    this.table.fill(0, row * FEATURE_COUNT, (row + 1) * FEATURE_COUNT)
    this.keys.push(key)
    this.speakers.push(speaker)
    return row
  }

  set(index: number, feature: RankFeature, value = 1): void {
    this.table[index * FEATURE_COUNT + FEATURE_INDEX[feature]] = value
  }

  get size(): number {
    return this.keys.length
  }

  /** Candidate `index`'s score under `weights`. */
  score(index: number, weights: RankWeights): number {
    const row = index * FEATURE_COUNT
    let s = 0
    for (let f = 0; f < FEATURE_COUNT; f++) s += this.table[row + f]! * weights[f]!
    return s
  }

  /** A copy of candidate `index`'s features, in RANK_FEATURES order. */
  featuresOf(index: number): Float64Array {
    return this.table.slice(index * FEATURE_COUNT, (index + 1) * FEATURE_COUNT)
  }

  clear(): void {
    this.keys.length = 0
    this.speakers.length = 0
  }
}

/**
 * The best candidate and its probability among them (a softmax over the scores). Ties go to the
 * earlier candidate, so the rules' pick, added first, wins a tie.
 */
export function best(c: Candidates, weights: RankWeights): { index: number; probability: number } {
  let top = -1
  let topScore = -Infinity
  for (let i = 0; i < c.size; i++) {
    const s = c.score(i, weights)
    if (s > topScore) [top, topScore] = [i, s]
  }
  let sum = 0
  for (let i = 0; i < c.size; i++) sum += Math.exp(c.score(i, weights) - topScore)
  return { index: top, probability: top < 0 ? 0 : 1 / sum }
}

/** One ranked quotation, as the fitting script sees it. */
export interface RankTrace {
  /** Character offsets of the quotation. */
  start: number
  end: number
  /** Each candidate's name as the analysis reports it, and its features. */
  names: string[]
  features: Float64Array[]
  /** The candidate the rules picked (-1 if none) and the one the ranker chose (-1: nobody). */
  rules: number
  chosen: number
  /** The text reads as dialogue, so the dialogue weights ranked it. */
  dialogue: boolean
}

export interface RankOptions {
  model?: RankModel
  /** Receives every ranked quotation: for `scripts/fit-speaker-ranker.ts`. */
  onRanked?: (trace: RankTrace) => void
}
