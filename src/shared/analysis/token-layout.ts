// The token layout: the token flags, the Tokens arrays a scan fills, and the lookups the rules
// read them with (word ids and classes, lower-case text, the token at an offset).
import {
  ALWAYS_STRIP,
  DOCUMENT_NOUNS,
  DOCUMENT_VERBS,
  FEMALE_NAMES,
  HONORIFICS,
  MALE_NAMES,
  NON_NAME_CAPS,
  ORG_NAMES,
  ORG_NOUNS,
  ORG_SUFFIXES,
  PERSON_NOUNS,
  PLACE_NAMES,
  PLACE_SUFFIXES,
  SPEECH_VERBS,
  TITLES,
  WORK_NOUNS,
  WORK_ROLE_NOUNS,
} from './lexicon'
import {
  CLASSIFIED,
  DOCUMENT_VERB,
  GIVEN_NAME,
  HEAD_NOUN,
  ORG_NAME,
  ORG_NOUN,
  ORG_SUFFIX,
  PERSON_NOUN,
  PLACE_NAME,
  PLACE_SUFFIX,
  ROLE_WORD,
  SPEECH_VERB,
  STRIP_ALWAYS,
  STRIP_AT_START,
  type Vocabulary,
  WORK_NOUN,
  WORK_ROLE_NOUN,
} from './vocabulary'

export const WORD = 1
export const CAP = 2
/** Followed by a possessive ’s, which is left out of the token: Oseman’s → Oseman. */
export const POSS = 4
export const SENTENCE_START = 8
export const ALL_CAPS = 16
export const IN_QUOTE = 32
export const MARK = 64

/**
 * The whole text as tokens in typed arrays: a 10 MB article makes millions of tokens, and objects
 * per token would dominate the run time. Words are runs of letters and digits joined by inner
 * apostrophes or hyphens; every other visible character is a one-character token.
 */
export interface Tokens {
  count: number
  start: Int32Array
  end: Int32Array
  flags: Uint8Array
  /**
   * Interned lower-case text of token k is `words[wordId[k]]`. Every token is interned while the
   * text is scanned: the scan has just read the word's characters and hashes them on the way, and
   * the rules then read a word with one array load instead of a test and a call.
   */
  wordId: Int32Array
  words: string[]
  vocabulary: Vocabulary
  /** The text the offsets point into. */
  text: string
  /** Tokens that are the word "I" (ascending), for counting first-person narration. */
  singleI: number[]
  /** Words of two to seven letters starting with h or s (ascending): where pronouns are counted. */
  pronounLike: number[]
  /** Tokens flagged SENTENCE_START (ascending). */
  sentenceStarts: number[]
}

/** Interned lower-case word id of token k (0 <= k < count): equal words share one id and one string. */
export function wordIdAt(t: Tokens, k: number): number {
  return t.wordId[k]!
}

/** Lexicon classes (SPEECH_VERB, ROLE_WORD, …) of token k's word, looked up once per distinct word. */
export function wordClass(t: Tokens, k: number): number {
  const id = wordIdAt(t, k)
  const v = t.vocabulary
  let cls = v.classes[id]!
  if (cls === 0) {
    const w = t.words[id]!
    cls = CLASSIFIED
    if (SPEECH_VERBS.has(w)) cls |= SPEECH_VERB
    if (PERSON_NOUNS.has(w) || TITLES.has(w) || HONORIFICS.has(w)) cls |= ROLE_WORD
    if (MALE_NAMES.has(w) || FEMALE_NAMES.has(w)) cls |= GIVEN_NAME
    if (ORG_NAMES.has(w)) cls |= ORG_NAME
    if (PLACE_NAMES.has(w)) cls |= PLACE_NAME
    if (ORG_SUFFIXES.has(w)) cls |= ORG_SUFFIX
    if (PLACE_SUFFIXES.has(w)) cls |= PLACE_SUFFIX
    if (PERSON_NOUNS.has(w)) cls |= PERSON_NOUN
    if (WORK_NOUNS.has(w)) cls |= WORK_NOUN
    if (WORK_ROLE_NOUNS.has(w)) cls |= WORK_ROLE_NOUN
    if (
      PERSON_NOUNS.has(w) ||
      DOCUMENT_NOUNS.has(w) ||
      ORG_NOUNS.has(w) ||
      (w.endsWith('s') && PERSON_NOUNS.has(w.slice(0, -1)))
    )
      cls |= HEAD_NOUN
    if (ORG_NOUNS.has(w)) cls |= ORG_NOUN
    if (DOCUMENT_VERBS.has(w)) cls |= DOCUMENT_VERB
    const plain = w.includes('’') || w.includes('‘') ? w.replace(/[’‘]/gu, "'") : w
    if (ALWAYS_STRIP.has(plain)) cls |= STRIP_ALWAYS
    if (NON_NAME_CAPS.has(plain)) cls |= STRIP_AT_START
    v.classes[id] = cls
  }
  return cls
}

/** Lower-case text of token k ('' outside the text); interned, so it costs no allocation. */
export function lowerAt(_text: string, t: Tokens, k: number): string {
  if (k < 0 || k >= t.count) return ''
  return t.words[wordIdAt(t, k)]!
}

export function tokenText(text: string, t: Tokens, k: number): string {
  return text.slice(t.start[k], t.end[k])
}

/**
 * tokenAt for each of `positions` (ascending): each search gallops forward from the last answer,
 * so close positions cost a few steps and the tokens between far ones are not all read.
 */
export function tokensAt(t: Tokens, positions: ArrayLike<number>): Int32Array {
  const out = new Int32Array(positions.length)
  const start = t.start
  let lo = 0
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i]!
    // Invariant: every token before lo starts before pos. Find hi with start[hi] >= pos (or the end).
    let step = 1
    let hi = lo
    while (hi < t.count && start[hi]! < pos) {
      lo = hi + 1
      hi += step
      step *= 2
    }
    lo = firstFrom(start, lo, Math.min(hi, t.count), pos)
    out[i] = lo
  }
  return out
}

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenAt(t: Tokens, pos: number): number {
  return firstFrom(t.start, 0, t.count, pos)
}

/** The first index in lo..hi whose start is at or after pos (hi if none); starts ascend. */
function firstFrom(start: Int32Array, lo: number, hi: number, pos: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (start[mid]! < pos) lo = mid + 1
    else hi = mid
  }
  return lo
}
