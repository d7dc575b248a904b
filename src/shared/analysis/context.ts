import type { RawQuote } from './detect'
import { ABBREVIATIONS, NAMING_VERBS, SPEECH_VERBS, SUBJECT_PRONOUNS } from './lexicon'
import {
  ARTICLES,
  MAX_FRAME_AFTER,
  MAX_SCARE_WORDS,
  MAX_TITLE_WORDS,
  TITLE_SMALL_WORDS,
  hasReportingWord,
  isScareQuote,
  knownBefore,
} from './scare'
import { CAP, IN_QUOTE, MARK, POSS, SENTENCE_START, SPEECH_VERB, type Tokens, WORD, wordClass } from './tokens'

export type { ScareClues } from './scare'
export { isScareQuote } from './scare'

/** Bounds keep every look-around constant-size, so the whole pass stays linear. */
const MAX_BEFORE = 60
const MAX_AFTER = 40

/**
 * The narrative around one quotation piece, in token indices (end exclusive): what attribution
 * reads. A long text has tens of thousands, so it holds no more than that (the scare-quote test
 * reads more, see ScareClues, and is answered while the context is built).
 */
export interface QuoteContext {
  quote: RawQuote
  /** First token of the quote (its opening mark) and one past its last token. */
  inStart: number
  inEnd: number
  beforeStart: number
  beforeEnd: number
  /** Start of the sentence, reaching back across earlier quotes in it. */
  sentenceStart: number
  afterStart: number
  afterEnd: number
  /** Embedded in a clause ("are “a forever love” and") and not right after a speech verb. */
  isPartial: boolean
  hasSpeechVerb: boolean
  /** An earlier quote stands in the same sentence: "called her “a giant” and said … “wide open”". */
  followsQuote: boolean
  /** First token of the quote's paragraph, for walking back through it. */
  paragraphFirstToken: number
  /** A scare quote, title or mentioned word, not a quotation (see isScareQuote). */
  isScare: boolean
}

/** Token bounds of a quotation and of its paragraph (first token at or after each offset). */
export interface TokenBounds {
  inStart: number
  inEnd: number
  paragraphFirstToken: number
  paragraphEndToken: number
}

export function buildContext(
  text: string,
  t: Tokens,
  q: RawQuote,
  bounds: TokenBounds,
  sameWords: (k: number) => string,
): QuoteContext {
  const { inStart, inEnd, paragraphFirstToken, paragraphEndToken } = bounds

  let beforeStart = inStart
  let followsQuote = false
  if (!q.isBlock)
    for (let k = inStart - 1; k >= paragraphFirstToken && inStart - k <= MAX_BEFORE; k--) {
      if (t.flags[k]! & IN_QUOTE) {
        followsQuote = true
        break
      }
      if (isSentenceEnd(text, t, k, sameWords)) break
      beforeStart = k
      // A word after an opening mark starts a quoted sentence, but marks that are not a quotation
      // ("say the words “tax rise,” his rivals are “…”") leave the outer sentence going.
      if (t.flags[k]! & SENTENCE_START && !(k - 1 > paragraphFirstToken && isMarkBeforeWord(t, k - 1))) break
    }
  const beforeEnd = inStart
  // The whole sentence up to the quote, earlier quotes in it included, for its speech verbs.
  let sentenceStart = beforeStart
  if (followsQuote)
    for (let k = beforeStart - 1; k >= paragraphFirstToken && inStart - k <= 2 * MAX_BEFORE; k--) {
      const f = t.flags[k]!
      if (!(f & IN_QUOTE)) {
        sentenceStart = k
        if (f & SENTENCE_START) break
      } else if (f & SENTENCE_START && k > 0 && !(t.flags[k - 1]! & IN_QUOTE)) break
    }

  let afterEnd = inEnd
  for (let k = inEnd; !q.isBlock && k < paragraphEndToken && k - inEnd < MAX_AFTER; k++) {
    const f = t.flags[k]!
    if (f & IN_QUOTE) break
    if (k > inEnd && f & SENTENCE_START) break
    if (!(f & WORD) && (isSentenceEnd(text, t, k, sameWords) || text.charCodeAt(t.start[k]!) === 59)) break
    afterEnd = k + 1
  }

  const lastBefore = beforeEnd - 1
  const isEmbedded = lastBefore >= beforeStart && (t.flags[lastBefore]! & WORD) !== 0
  const lastWord = isEmbedded ? sameWords(lastBefore) : ''
  let wordCount = 0
  let capitalisedWords = 0
  let titleLike = true
  for (let k = inStart; k < inEnd; k++) {
    const f = t.flags[k]!
    if (f & WORD) {
      wordCount++
      if (f & CAP) capitalisedWords++
      else if (titleLike && (wordCount === 1 || wordCount > MAX_TITLE_WORDS || !TITLE_SMALL_WORDS.has(sameWords(k))))
        titleLike = false
    }
  }
  const verbs = scanVerbs(t, sentenceStart, beforeEnd, sameWords) | scanVerbs(t, inEnd, afterEnd, sameWords)
  const hasSpeechVerb = (verbs & 1) !== 0
  const hasNamingVerb = (verbs & 2) !== 0
  const hasReportingFrame =
    wordCount <= MAX_SCARE_WORDS &&
    !hasSpeechVerb &&
    (hasReportingWord(t, sentenceStart, beforeEnd, sameWords) ||
      hasReportingWord(t, inEnd, Math.min(afterEnd, inEnd + MAX_FRAME_AFTER), sameWords))

  const isThought =
    !hasSpeechVerb &&
    !q.isBlock &&
    (thoughtTagAfter(t, inEnd, afterEnd, sameWords) ||
      (!isEmbedded && hasThoughtVerb(t, sentenceStart, beforeEnd, sameWords)))

  const ctx: QuoteContext = {
    quote: q,
    inStart,
    inEnd,
    beforeStart,
    beforeEnd,
    sentenceStart,
    afterStart: inEnd,
    afterEnd,
    isPartial: isEmbedded && !SPEECH_VERBS.has(lastWord),
    hasSpeechVerb,
    followsQuote,
    paragraphFirstToken,
    isScare: false,
  }
  ctx.isScare = isScareQuote(ctx, {
    isEmbedded,
    wordCount,
    hasEndPunct: endsWithPunct(text, q),
    hasNamingVerb,
    previousWord: lastWord,
    wordBeforePrevious: isEmbedded && lastBefore - 1 >= beforeStart ? sameWords(lastBefore - 1) : '',
    isTitleCase: wordCount > 0 && capitalisedWords === wordCount,
    isTitleLike: titleLike && wordCount > 0 && wordCount <= MAX_TITLE_WORDS,
    afterNamePossessive: isEmbedded && (t.flags[lastBefore]! & (POSS | CAP)) === (POSS | CAP),
    isKnownAs: lastWord === 'as' && knownBefore(t, lastBefore, beforeStart, sameWords),
    wordBeforeNamingVerb:
      isEmbedded &&
      lastBefore - 2 >= beforeStart &&
      ARTICLES.has(lastWord) &&
      (t.flags[lastBefore - 1]! & WORD) !== 0 &&
      (t.flags[lastBefore - 2]! & WORD) !== 0 &&
      NAMING_VERBS.has(sameWords(lastBefore - 1))
        ? sameWords(lastBefore - 2)
        : '',
    wordBeforeComma:
      !isEmbedded &&
      lastBefore - 1 >= beforeStart &&
      text.charCodeAt(t.start[lastBefore]!) === 44 &&
      (t.flags[lastBefore - 1]! & WORD) !== 0
        ? sameWords(lastBefore - 1)
        : '',
    isCorner: text.charCodeAt(q.start) === 0x300c || text.charCodeAt(q.start) === 0x300e,
    followedByWord: inEnd < afterEnd && (t.flags[inEnd]! & WORD) !== 0,
    // Only the passive-naming test reads it.
    nextWord: NAMING_VERBS.has(lastWord) && inEnd < afterEnd && (t.flags[inEnd]! & WORD) !== 0 ? sameWords(inEnd) : '',
    hasReportingFrame,
    isThought,
  })
  return ctx
}

/** Speech verbs (bit 1) and naming verbs (bit 2) among the narrative tokens from..to. */
function scanVerbs(t: Tokens, from: number, to: number, sameWords: (k: number) => string): number {
  let bits = 0
  for (let k = from; k < to; k++) {
    if (t.flags[k]! & IN_QUOTE || !isSpeechWord(t, k, sameWords)) continue
    bits |= NAMING_VERBS.has(sameWords(k)) ? 2 : 1
  }
  return bits
}

/** A full stop, "!" or "?" that ends a sentence (not the one in "Mr."). */
function isSentenceEnd(text: string, t: Tokens, k: number, word: (k: number) => string): boolean {
  if (t.flags[k]! & WORD) return false
  const c = text.charCodeAt(t.start[k]!)
  if (c === 33 || c === 63) return true
  if (c !== 46) return false
  const prev = k - 1
  if (prev >= 0 && t.flags[prev]! & WORD && t.end[prev] === t.start[k]) {
    const w = word(prev)
    if (w.length === 1 || ABBREVIATIONS.has(w)) return false
  }
  // "(I-Vt.) called", "Gov. Lott (R-Ohio.) said": a full stop closed by a bracket or followed by a
  // lower-case word does not end the sentence.
  const next = k + 1
  if (next < t.count && t.start[next] === t.end[k]) {
    // "(I-Vt.)", "R-Pa., said", "N.C.;": a bracket, comma or semicolon right after the stop.
    const after = text.charCodeAt(t.start[next]!)
    if (after === 41 || after === 44 || after === 59) return false
    // "D-N.Y.", "U.S.": a word right after the stop, with no space, is the same abbreviation.
    if (t.flags[next]! & WORD) return false
  }
  if (next < t.count && t.flags[next]! & WORD && !(t.flags[next]! & CAP) && !(t.flags[next]! & IN_QUOTE)) return false
  return true
}

/** Verbs of thinking that frame a quoted thought. */
const THOUGHT_VERBS = new Set(['thought', 'think', 'thinks', 'thinking'])
/** Who thinks in a thought tag: SUBJECT_PRONOUNS and "you" ("“Odd,” you think"). */
const THINKER_PRONOUNS = new Set([...SUBJECT_PRONOUNS, 'you'])

function hasThoughtVerb(t: Tokens, from: number, to: number, sameWords: (k: number) => string): boolean {
  for (let k = from; k < to; k++) {
    if (t.flags[k]! & IN_QUOTE || !(t.flags[k]! & WORD)) continue
    if (THOUGHT_VERBS.has(sameWords(k))) return true
  }
  return false
}

/**
 * A verb of thinking right after the quote, or after a pronoun or a name there ("“Well!” thought
 * Alice", "“Odd,” she thought"), not one further on ("…,” which Mozloom thinks will…").
 */
function thoughtTagAfter(t: Tokens, inEnd: number, afterEnd: number, sameWords: (k: number) => string): boolean {
  if (inEnd >= afterEnd || !(t.flags[inEnd]! & WORD)) return false
  const first = sameWords(inEnd)
  if (THOUGHT_VERBS.has(first)) return true
  const next = inEnd + 1
  if (next >= afterEnd || !(t.flags[next]! & WORD) || !THOUGHT_VERBS.has(sameWords(next))) return false
  return THINKER_PRONOUNS.has(first) || (t.flags[inEnd]! & CAP) !== 0
}

function isSpeechWord(t: Tokens, k: number, word: (k: number) => string): boolean {
  if (!(t.flags[k]! & WORD)) return false
  if (wordClass(t, k) & SPEECH_VERB) return true
  return word(k) === 'according' && word(k + 1) === 'to'
}

function endsWithPunct(text: string, q: RawQuote): boolean {
  let i = q.end - 1
  if (q.issues.length === 0 && !q.continues && !q.isDash) i-- // skip the closing mark
  while (i > q.start && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0x2019 || text.charCodeAt(i) === 39)) i--
  const c = text.charCodeAt(i)
  return c === 46 || c === 33 || c === 63 || c === 44 || c === 0x2026 || c === 45 || c === 0x2014
}

/**
 * Token j is a quotation mark opening onto the word after it, with a space before it. The
 * archive's ''two apostrophes'' are one mark written as two tokens.
 */
function isMarkBeforeWord(t: Tokens, j: number): boolean {
  if (!(t.flags[j]! & MARK) || t.end[j] !== t.start[j + 1]) return false
  let first = j
  while (first > 0 && t.flags[first - 1]! & MARK && t.end[first - 1] === t.start[first]) first--
  return first === 0 || t.end[first - 1]! < t.start[first]!
}
