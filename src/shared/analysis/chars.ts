// Character classes on UTF-16 code units. ASCII takes a fast path because articles are mostly ASCII
// and the engine must sustain tens of MB/s; anything else goes through one cached Unicode regex.

const LETTER = /\p{L}|\p{M}/u
const UPPER = /\p{Lu}|\p{Lt}/u
const SPACE = /\s/u

/**
 * Classes of every BMP code unit, filled on first sight: the Unicode regexes run once per distinct
 * character instead of once per occurrence (curly quotes and dashes are in every sentence).
 */
const KNOWN = 1
const IS_LETTER = 2
const IS_UPPER = 4
const IS_SPACE = 8
const CLASSES = new Uint8Array(0x10000)

function classOf(c: number): number {
  let cls = CLASSES[c]!
  if (cls === 0) {
    const ch = String.fromCharCode(c)
    cls = KNOWN
    if (c >= 0xd800 && c <= 0xdfff) {
      // surrogate halves are classified through their code point, never cached as letters
    } else {
      if (LETTER.test(ch)) cls |= IS_LETTER
      if (UPPER.test(ch)) cls |= IS_UPPER
      if (SPACE.test(ch)) cls |= IS_SPACE
    }
    CLASSES[c] = cls
  }
  return cls
}

for (let c = 0; c < 128; c++) classOf(c)

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Letters, including a whole surrogate pair when `c` is its high half (so emoji are not letters). */
export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return isAsciiLetter(c)
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = text.codePointAt(i)
    return cp !== undefined && cp > 0xffff && LETTER.test(String.fromCodePoint(cp))
  }
  return (classOf(c) & IS_LETTER) !== 0
}

export function isAlnumAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 48 && c <= 57) || isAsciiLetter(c)
  return isLetterAt(text, i)
}

export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return c >= 65 && c <= 90
  if (c >= 0xd800 && c <= 0xdfff) return false
  return (classOf(c) & IS_UPPER) !== 0
}

/** A non-ASCII code unit whose lower case may differ: an upper-case or title-case letter, or a surrogate. */
export function changesCase(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90
  if (c >= 0xd800 && c <= 0xdfff) return true
  return (classOf(c) & IS_UPPER) !== 0
}

export function isSpaceCode(c: number): boolean {
  if (c === 32 || c === 10 || c === 9 || c === 13) return true
  if (c < 128) return c === 11 || c === 12
  return (classOf(c & 0xffff) & IS_SPACE) !== 0
}

/** Apostrophe-like marks that may sit inside a word: don’t, O'Brien, Heartstopper‘s. */
export function isApostropheCode(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 0x60 || c === 0xb4
}

export function isDashCode(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2212
}

/** Moves an offset off the low half of a surrogate pair so spans never split one. */
export function safeBoundary(text: string, i: number): number {
  if (i <= 0) return 0
  if (i >= text.length) return text.length
  const c = text.charCodeAt(i)
  const p = text.charCodeAt(i - 1)
  if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) return i + 1
  return i
}

/** A quotation ending at `end` asks or exclaims: "…?”", "…!”", or "…?" left unclosed. */
export function asksOrExclaims(text: string, end: number): boolean {
  const a = text.charCodeAt(end - 2)
  const b = text.charCodeAt(end - 1)
  return a === 63 || a === 33 || b === 63 || b === 33
}
