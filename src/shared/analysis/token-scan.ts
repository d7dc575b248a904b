// The one-pass scanner (scanText: tokens, quotation marks and lines, with its HTML-tag and
// blank-line helpers) and markTokens, which flags sentence starts and quoted tokens afterwards.
import { changesCase, isAlnumAt, isApostropheCode, isDashCode, isSpaceCode, isUpperAt } from './chars'
import { ABBREVIATIONS } from './lexicon'
import { isQuoteMarkCode } from './marks'
import { ALL_CAPS, CAP, IN_QUOTE, MARK, POSS, SENTENCE_START, type Tokens, WORD, wordIdAt } from './token-layout'
import { sharedVocabulary } from './vocabulary'

const SPACE_BIT = 1
const ALNUM_BIT = 2
const LOWER_BIT = 4
const UPPER_BIT = 8
/** Character classes for ASCII, the bulk of any article, so the hot loop makes no calls. */
const ASCII = new Uint8Array(128)
for (let c = 0; c < 128; c++) {
  if (c === 32 || (c >= 9 && c <= 13)) ASCII[c] = SPACE_BIT
  else if (c >= 97 && c <= 122) ASCII[c] = ALNUM_BIT | LOWER_BIT
  else if (c >= 65 && c <= 90) ASCII[c] = ALNUM_BIT | UPPER_BIT
  else if (c >= 48 && c <= 57) ASCII[c] = ALNUM_BIT
}

/**
 * The one pass over the characters: tokens (without SENTENCE_START and IN_QUOTE, which need the
 * paragraphs and quotations: see markTokens), the offset of every quotation-mark character
 * (ascending) and the lines, classified for paragraph splitting (see groupParagraphs).
 */
export interface TextScan {
  tokens: Tokens
  marks: number[]
  /** Offset of each line's end (its newline, or the text's end for the last line). */
  lineEnd: number[]
  /** 0: blank (spaces only), 1: opens with ">" after spaces and tabs, 3: other text. */
  lineKind: number[]
  /** A blank line follows some earlier line (the last line never counts). */
  hasBlank: boolean
}

export function scanText(text: string): TextScan {
  const cap = Math.max(16, Math.ceil(text.length / 3))
  let start: Int32Array = new Int32Array(cap)
  let end: Int32Array = new Int32Array(cap)
  let flags: Uint8Array = new Uint8Array(cap)
  let wordId: Int32Array = new Int32Array(cap)
  const vocabulary = sharedVocabulary()
  let count = 0
  const singleI: number[] = []
  const pronounLike: number[] = []
  const marks: number[] = []
  const lineEnd: number[] = []
  const lineKind: number[] = []
  let hasBlank = false
  let lineBlank = true
  /** 2 until the line's first character other than space, tab or CR decides it. */
  let lead = 2
  /** One past the `>` of the HTML tag the scan is in (marks before it are not quotation marks). */
  let tagEnd = 0
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 32) {
      // Most characters between words are one space, and it changes nothing here.
      i++
      continue
    }
    if (c < 128 ? ASCII[c]! & SPACE_BIT : isSpaceCode(c)) {
      if (c === 10) {
        if (lineBlank && lineEnd.length > 0) hasBlank = true
        lineEnd.push(i)
        lineKind.push(lineBlank ? 0 : lead)
        lineBlank = true
        lead = 2
      } else if (lead === 2 && c !== 32 && c !== 9 && c !== 13) lead = 3
      i++
      continue
    }
    lineBlank = false
    if (lead === 2) lead = c === 62 ? 1 : 3
    if (c < 128 ? !(ASCII[c]! & ALNUM_BIT) : !isAlnumAt(text, i)) {
      const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1
      // The token arrays are locals (no closure) so this loop keeps them in registers.
      if (count === start.length) {
        start = grow(start, count * 2)
        end = grow(end, count * 2)
        flags = growFlags(flags, count * 2)
        wordId = grow(wordId, count * 2)
      }
      start[count] = i
      end[count] = i + width
      wordId[count] = vocabulary.idOf(text, i, i + width)
      if (isQuoteMarkCode(c)) {
        // Marks inside an HTML tag (<tweet id="…">, <a href=”…”>) delimit attribute values.
        if (i >= tagEnd) marks.push(i)
        flags[count] = MARK
      } else {
        flags[count] = 0
        if (c === 60 && i >= tagEnd) tagEnd = htmlTagEnd(text, i)
      }
      count++
      if (width === 2) {
        // A lone high surrogate takes the next unit into its token; that unit still counts for
        // the lines and the marks.
        const d = text.charCodeAt(i + 1)
        if (d === 10) {
          lineEnd.push(i + 1)
          lineKind.push(lead)
          lineBlank = true
          lead = 2
        } else if (isQuoteMarkCode(d) && i + 1 >= tagEnd) marks.push(i + 1)
      }
      i += width
      continue
    }
    const s = i
    let hasLower = false
    let upperCount = 0
    // The word's hash as Vocabulary.idOf computes it, while `hashed`: a unit that may change in
    // lower case (a non-ASCII capital) leaves the word to idOf, which slices it.
    let hash = 0
    let hashed = true
    while (i < n) {
      const d = text.charCodeAt(i)
      if (d >= 97 && d <= 122) {
        // The common case, a small letter, is tested first.
        hasLower = true
        hash = (Math.imul(hash, 31) + d) | 0
        i++
        continue
      }
      if (d < 128) {
        const cls = ASCII[d]!
        if (cls & ALNUM_BIT) {
          if (cls & LOWER_BIT) hasLower = true
          else if (cls & UPPER_BIT) upperCount++
          hash = (Math.imul(hash, 31) + (cls & UPPER_BIT ? d + 32 : d)) | 0
          i++
          continue
        }
      } else if (isAlnumAt(text, i)) {
        if (isUpperAt(text, i)) upperCount++
        else hasLower = true
        if (changesCase(d)) hashed = false
        else hash = (Math.imul(hash, 31) + d) | 0
        i += d >= 0xd800 && d <= 0xdbff ? 2 : 1
        continue
      }
      if (d === 32 || d === 10 || d === 44 || d === 46) break // the usual word ends, decided at once
      if ((isApostropheCode(d) || isDashCode(d) || d === 0xad) && i + 1 < n && isAlnumAt(text, i + 1) && i > s) {
        if (isQuoteMarkCode(d) && i >= tagEnd) marks.push(i) // don’t: still a mark for quote detection to read
        if (changesCase(d)) hashed = false
        else hash = (Math.imul(hash, 31) + d) | 0
        i++
        continue
      }
      break
    }
    let e = i
    let f = WORD
    // Possessive ’s is split off so the name matches its other mentions.
    if (e - s >= 3 && (text.charCodeAt(e - 1) | 32) === 115 && isApostropheCode(text.charCodeAt(e - 2))) {
      e -= 2
      f |= POSS
      // The hash covers the ’s too: idOf hashes the name again (a possessive is one word in a hundred).
      hashed = false
    }
    if (isUpperAt(text, s)) f |= CAP
    if (upperCount >= 2 && !hasLower) f |= ALL_CAPS
    if (e - s === 1 && text.charCodeAt(s) === 73) singleI.push(count)
    else if (e - s >= 2 && e - s <= 7) {
      const c0 = text.charCodeAt(s) | 32
      if (c0 === 104 || c0 === 115) pronounLike.push(count)
    }
    if (count === start.length) {
      start = grow(start, count * 2)
      end = grow(end, count * 2)
      flags = growFlags(flags, count * 2)
      wordId = grow(wordId, count * 2)
    }
    start[count] = s
    end[count] = e
    flags[count] = f
    // One-unit words ("a", "I") are looked up by code unit in idOf.
    wordId[count] = hashed && e - s > 1 ? vocabulary.idOfHashed(text, s, e, hash) : vocabulary.idOf(text, s, e)
    count++
  }

  const tokens: Tokens = {
    count,
    start,
    end,
    flags,
    wordId,
    words: vocabulary.words,
    vocabulary,
    text,
    singleI,
    pronounLike,
    sentenceStarts: [],
  }
  // The last line ends with the text (it never makes the text one "with blank lines").
  lineEnd.push(n)
  lineKind.push(lineBlank ? 0 : lead)
  return { tokens, marks, lineEnd, lineKind, hasBlank }
}

/** Longest HTML tag read: a tag is looked for only at a `<`, and never further than this. */
const MAX_TAG = 1000

/**
 * One past the `>` closing the HTML tag that opens at `lt` (a `<`), or `lt` when none does: a
 * name of ASCII letters and digits after `<` or `</`, then space, `/` or `>`, and a `>` within
 * MAX_TAG characters with no `<` or blank line before it (scraped tags break lines inside
 * values). Embedded tweets and links in scraped copy (<tweet id="…" author="…">, <a href=”…”>)
 * carry quotation marks that quote nothing. The look-ahead stops at the next `<`, so every
 * character is read by one such look-ahead at most and the scan stays linear.
 */
function htmlTagEnd(text: string, lt: number): number {
  const n = Math.min(text.length, lt + MAX_TAG)
  let i = lt + 1
  if (i < n && text.charCodeAt(i) === 47) i++
  const nameStart = i
  while (i < n && (ASCII[text.charCodeAt(i)]! & ALNUM_BIT || (i > nameStart && text.charCodeAt(i) === 45))) i++
  if (i === nameStart || !(ASCII[text.charCodeAt(nameStart)]! & (LOWER_BIT | UPPER_BIT))) return lt
  const after = i < n ? text.charCodeAt(i) : 0
  if (after !== 62 && after !== 47 && after !== 32 && after !== 9 && after !== 10) return lt
  for (; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 62) return i + 1
    if (c === 60) return lt
    if (c === 10 && blankLineAt(text, i + 1, n)) return lt
  }
  return lt
}

/** The line from `i` holds only spaces and tabs (or CRs) up to its newline. */
function blankLineAt(text: string, i: number, n: number): boolean {
  for (; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) return true
    if (c !== 32 && c !== 9 && c !== 13) return false
  }
  return false
}

/**
 * Flags sentence starts, and the tokens inside quotations: quotation i spans tokens
 * quoteStart[i]..quoteEnd[i] (see tokensAt).
 */
export function markTokens(
  t: Tokens,
  paragraphStarts: ArrayLike<number>,
  quoteStart: Int32Array,
  quoteEnd: Int32Array,
): void {
  const text = t.text
  for (let i = 0; i < quoteStart.length; i++)
    for (let k = quoteStart[i]!; k < quoteEnd[i]!; k++) t.flags[k] = t.flags[k]! | IN_QUOTE
  let pi = 0
  let atStart = true
  /** The sentence was ended by a full stop, which a lower-case word after it takes back ("(I-Vt.) said"). */
  let afterDot = false
  for (let k = 0; k < t.count; k++) {
    const s = t.start[k]!
    while (pi < paragraphStarts.length && paragraphStarts[pi]! <= s) {
      atStart = true
      afterDot = false
      pi++
    }
    const f = t.flags[k]!
    if (f & WORD) {
      if (atStart && !(afterDot && !(f & CAP) && !(f & IN_QUOTE))) {
        t.flags[k] = f | SENTENCE_START
        t.sentenceStarts.push(k)
      }
      atStart = false
      continue
    }
    const c = text.charCodeAt(s)
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) {
      // "Mr." and the "J." of "J. K. Rowling" do not end a sentence.
      const prev = k - 1
      if (c === 46 && prev >= 0 && t.flags[prev]! & WORD && t.end[prev] === s) {
        const ws = t.start[prev]!
        const word = t.words[wordIdAt(t, prev)]!
        // "“No.” Later …": a stop right before a closing mark ends the sentence, abbreviation or not.
        const closes = k + 1 < t.count && t.start[k + 1] === s + 1 && (t.flags[k + 1]! & MARK) !== 0
        if (
          !closes &&
          ((t.end[prev]! - ws === 1 && isUpperAt(text, ws) && !endsAbbreviatedName(t, prev, k)) ||
            ABBREVIATIONS.has(word))
        )
          continue
        // "D-N.Y.": a word right after the stop, with no space between, continues the abbreviation.
        if (k + 1 < t.count && t.start[k + 1] === s + 1 && t.flags[k + 1]! & WORD) continue
      }
      atStart = true
      afterDot = c === 46
    } else if (c === 58) {
      atStart = true
      afterDot = false
    } else if (f & MARK) {
      // A word right after an opening mark starts the quoted sentence; after a closing one it does not.
      const next = k + 1 < t.count ? t.start[k + 1]! : -1
      if (next === s + 1 && (k === 0 || t.end[k - 1]! < s || !(t.flags[k - 1]! & WORD))) {
        atStart = true
        afterDot = false
      }
    }
  }
}

/**
 * "… in the U.S. He said": the last letter of a dotted abbreviation, then a capitalised word that
 * only opens sentences, ends the sentence (the "J." of "J. K. Rowling" never follows a glued stop).
 */
function endsAbbreviatedName(t: Tokens, letter: number, stop: number): boolean {
  const before = letter - 1
  if (before < 0 || t.end[before] !== t.start[letter] || t.text.charCodeAt(t.start[before]!) !== 46) return false
  const next = stop + 1
  return (
    next < t.count &&
    (t.flags[next]! & (WORD | CAP)) === (WORD | CAP) &&
    t.start[next]! > t.end[stop]! &&
    SENTENCE_OPENERS.has(t.words[wordIdAt(t, next)]!)
  )
}

/** Capitalised, these words open a sentence; they never continue a name or an abbreviation. */
const SENTENCE_OPENERS = new Set('he she it they we i the but this that there his her its their'.split(' '))

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size)
  b.set(a)
  return b
}

function growFlags(a: Uint8Array, size: number): Uint8Array {
  const b = new Uint8Array(size)
  b.set(a)
  return b
}
