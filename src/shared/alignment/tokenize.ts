// Tokens are the unit of comparison. Everything typographic (quote marks, dash style, whitespace, soft
// hyphens) is a separator and never becomes a token, so two texts that differ only typographically yield the
// same token ids. Punctuation that carries meaning (, . ? ! ; :) stays, as one token per mark.

export const WORD = 0
export const PUNCT = 1
export const ELLIPSIS = 2
export type TokenKind = typeof WORD | typeof PUNCT | typeof ELLIPSIS

/**
 * Receives each token. In a quote, tokens inside an editorial bracket ("[Nick]", "[T]he") carry the bracket's
 * range as groupStart/groupEnd; elsewhere both are -1.
 */
export type Emit = (
  start: number,
  end: number,
  kind: TokenKind,
  norm: string,
  isSoft: boolean,
  groupStart: number,
  groupEnd: number,
) => void

export const ELLIPSIS_NORM = '\u2026'

// Apostrophe look-alikes: kept (as ') only between two word characters, otherwise they are quote marks.
const APOSTROPHES = new Set([0x27, 0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201b, 0x2032])
// Invisible characters that may sit inside a word without splitting it (soft hyphen, zero-width joiners).
const INVISIBLE = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff])
// Typographic separators: quote marks, dashes and hyphens of every width, emphasis markers, parentheses.
const SEPARATORS = new Set([
  0x22, 0x28, 0x29, 0x2a, 0x2d, 0x5f, 0x7b, 0x7d, 0x7e, 0xab, 0xbb, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015,
  0x201a, 0x201c, 0x201d, 0x201e, 0x201f, 0x2039, 0x203a, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff02, 0xff0d,
  0x300c, 0x300d, 0x300e, 0x300f,
])

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u
const SPACE_CHAR = /^\s$/u
const wordCache = new Map<number, boolean>()
const spaceCache = new Map<number, boolean>()

function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)
  let hit = wordCache.get(cp)
  if (hit === undefined) {
    hit = WORD_CHAR.test(String.fromCodePoint(cp))
    wordCache.set(cp, hit)
  }
  return hit
}

function isSpaceCodePoint(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13)
  let hit = spaceCache.get(cp)
  if (hit === undefined) {
    hit = SPACE_CHAR.test(String.fromCodePoint(cp))
    spaceCache.set(cp, hit)
  }
  return hit
}

/** Code point at i (a lone surrogate is returned as itself) and its width in UTF-16 units. */
function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0
}

function width(cp: number): number {
  return cp > 0xffff ? 2 : 1
}

function isWordAt(text: string, i: number): boolean {
  return i < text.length && isWordCodePoint(codePointAt(text, i))
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

// Bounded, anchored patterns only: each is applied at one position with a hard length cap, so no input can
// make them backtrack beyond a few dozen characters.
const TAG = /<\/?(?:[A-Za-z][^<>\n]{0,80}|\d{1,2}:\d{2}[^<>\n]{0,20})>/y
const INLINE_TIME = /[[(](?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])]/y

/** Index of the "]" closing an attached bracket ("[T]he", "lead[s]") at i, or -1. */
function attachedClose(text: string, i: number): number {
  const limit = Math.min(text.length, i + 24)
  let j = i + 1
  while (j < limit && isWordAt(text, j)) j += width(codePointAt(text, j))
  return j > i + 1 && j < limit && text.charCodeAt(j) === 0x5d ? j : -1
}

/** Index of the "]" closing a detached bracket at i (same line, no nesting, at most 200 characters), or -1. */
function detachedClose(text: string, i: number): number {
  const limit = Math.min(text.length, i + 200)
  for (let j = i + 1; j < limit; j++) {
    const c = text.charCodeAt(j)
    if (c === 0x5d) return j
    if (c === 0x5b || c === 0x0a) return -1
  }
  return -1
}

/** End of an ellipsis ("…", "...", ". . .") starting at i, or -1. */
function ellipsisEnd(text: string, i: number): number {
  const c = text.charCodeAt(i)
  let j: number
  if (c === 0x2026) j = i + 1
  else if (c !== 0x2e) return -1
  else if (text.charCodeAt(i + 1) === 0x2e && text.charCodeAt(i + 2) === 0x2e) j = i + 3
  else if (
    text.charCodeAt(i + 1) === 0x20 &&
    text.charCodeAt(i + 2) === 0x2e &&
    text.charCodeAt(i + 3) === 0x20 &&
    text.charCodeAt(i + 4) === 0x2e
  )
    j = i + 5
  else return -1
  // A fourth dot (sentence end after an ellipsis) and chained ellipses belong to the same mark.
  for (;;) {
    const d = text.charCodeAt(j)
    if (d === 0x2e || d === 0x2026) j++
    else if (d === 0x20 && text.charCodeAt(j + 1) === 0x2e && text.charCodeAt(j + 2) === 0x20) j += 2
    else return j
  }
}

function normaliseWord(raw: string, isBracketed: boolean): string {
  let word = raw
  if (isBracketed) word = word.replace(/[[\]]/g, '')
  // eslint-disable-next-line no-control-regex -- only the fast path test: ASCII-only words skip the Unicode work
  if (!/^[\x00-\x7f]*$/.test(word)) {
    word = word
      .replace(/[\u0060\u00b4\u02bc\u2018\u2019\u201b\u2032]/g, "'")
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      .normalize('NFKC')
  } else if (word.includes('`')) {
    word = word.replaceAll('`', "'")
  }
  return word.toLowerCase()
}

/**
 * Splits text into tokens. `isQuote` marks the tokens of square-bracketed insertions (in a source brackets are
 * plain separators). `softRanges` (sorted [start, end) pairs) marks tokens a transcript adds around speech:
 * speaker labels and timestamps.
 */
export function tokenize(text: string, isQuote: boolean, emit: Emit, softRanges: readonly number[] = []): void {
  const n = text.length
  let soft = 0
  let i = 0
  const isSoftAt = (pos: number): boolean => {
    while (soft < softRanges.length && (softRanges[soft + 1] ?? 0) <= pos) soft += 2
    return soft < softRanges.length && (softRanges[soft] ?? n) <= pos
  }
  while (i < n) {
    const c = text.charCodeAt(i)
    const cp = codePointAt(text, i)
    if (
      isWordCodePoint(cp) ||
      (c === 0x5b && attachedClose(text, i) > 0 && isWordAt(text, attachedClose(text, i) + 1))
    ) {
      const start = i
      let isBracketed = false
      let j = i
      while (j < n) {
        const d = text.charCodeAt(j)
        const dp = codePointAt(text, j)
        if (isWordCodePoint(dp)) j += width(dp)
        else if (APOSTROPHES.has(d) && j > start && isWordAt(text, j + 1)) j++
        else if ((d === 0x2e || d === 0x2c) && isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1))) j++
        else if (INVISIBLE.has(d) && j > start && isWordAt(text, j + 1)) j++
        else if (d === 0x5b && attachedClose(text, j) > 0) {
          isBracketed = true
          j = attachedClose(text, j) + 1
        } else break
      }
      const word = normaliseWord(text.slice(start, j), isBracketed)
      emit(start, j, WORD, word, isSoftAt(start), isBracketed ? start : -1, isBracketed ? j : -1)
      i = j
      continue
    }
    if (c === 0x5b || c === 0x28) {
      INLINE_TIME.lastIndex = i
      if (INLINE_TIME.test(text)) {
        i = INLINE_TIME.lastIndex
        continue
      }
    }
    if (isSpaceCodePoint(cp) || SEPARATORS.has(c) || APOSTROPHES.has(c) || INVISIBLE.has(c)) {
      i += width(cp)
      continue
    }
    const dots = ellipsisEnd(text, i)
    if (dots > 0) {
      emit(i, dots, ELLIPSIS, ELLIPSIS_NORM, isSoftAt(i), -1, -1)
      i = dots
      continue
    }
    if (c === 0x3c) {
      TAG.lastIndex = i
      if (TAG.test(text)) {
        i = TAG.lastIndex
        continue
      }
    }
    if (c === 0x5b && isQuote) {
      const close = detachedClose(text, i)
      if (close > 0) {
        const inner = text.slice(i + 1, close).trim()
        // "[…]" and "[...]" are the editorial way of writing an ellipsis, not an insertion.
        if (/^(?:\.\s?){2,}\.?$|^\u2026$/.test(inner)) emit(i, close + 1, ELLIPSIS, ELLIPSIS_NORM, false, -1, -1)
        else {
          // The insertion's own words are tokens too, so "[Priestley's son]" can still match the source's "son".
          const offset = i + 1
          const groupEnd = close + 1
          tokenize(text.slice(offset, close), false, (s, e, kind, norm) => {
            if (kind !== ELLIPSIS) emit(s + offset, e + offset, kind, norm, false, i, groupEnd)
          })
        }
        i = close + 1
        continue
      }
    }
    if (c === 0x5b || c === 0x5d) {
      i++
      continue
    }
    const w = width(cp)
    emit(i, i + w, PUNCT, text.slice(i, i + w), isSoftAt(i), -1, -1)
    i += w
  }
}

const TIME = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.]{0,30}`
// Applied to the first 160 characters of a line only; every quantifier is bounded or unambiguous.
const CUE_LINE = new RegExp(String.raw`^\s*${TIME}\s*-->`)
const INDEX_LINE = /^\s*\d{1,6}\s*$/
const HEADER_LINE = /^\uFEFF?WEBVTT/
const NAME_TIME_LINE = new RegExp(String.raw`^[ \t]*${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3}[ \t]+${TIME}\s*$`, 'u')
const LEAD_TIME = new RegExp(String.raw`^[ \t]*[[(]?${TIME}[\])]?(?=\s|$)`)
const LABEL = new RegExp(
  String.raw`^[ \t]*${NAME_WORD}(?:[ \t]${NAME_WORD}){0,3}[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?:(?=\s|$)`,
  'u',
)

/**
 * Ranges of a source that a transcript adds around speech: cue timing lines, SRT cue numbers, a WEBVTT header,
 * a timestamp or a speaker label ("Q:", "A:", "NICK JONES:", "Nick Jones:") at the start of a line.
 * Returned as sorted [start, end) pairs.
 */
export function findSoftRanges(text: string): number[] {
  const ranges: number[] = []
  const n = text.length
  let lineStart = 0
  let prevStart = -1
  let prevEnd = -1
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = n
    const head = text.slice(lineStart, Math.min(lineEnd, lineStart + 160))
    if (CUE_LINE.test(head)) {
      if (prevStart >= 0 && INDEX_LINE.test(text.slice(prevStart, Math.min(prevEnd, prevStart + 160))))
        ranges.push(prevStart, prevEnd)
      ranges.push(lineStart, lineEnd)
    } else if (
      (lineStart === 0 && HEADER_LINE.test(head)) ||
      (lineEnd - lineStart <= 160 && NAME_TIME_LINE.test(head))
    ) {
      ranges.push(lineStart, lineEnd)
    } else {
      let offset = LEAD_TIME.exec(head)?.[0].length ?? 0
      offset += LABEL.exec(head.slice(offset))?.[0].length ?? 0
      if (offset > 0) ranges.push(lineStart, lineStart + offset)
    }
    prevStart = lineStart
    prevEnd = lineEnd
    lineStart = lineEnd + 1
  }
  return ranges
}
