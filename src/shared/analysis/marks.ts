import { isAlnumAt, isDashCode, isDigit, isLetterAt, isSpaceCode } from './chars'
import { ELISIONS } from './lexicon'

/** Marks of one family close each other; a different family nests inside. */
export type MarkFamily = 'double' | 'single' | 'angle' | 'single-angle' | 'corner' | 'white-corner'

export interface Mark {
  pos: number
  /** Code units the mark takes: 2 for the '' that stands for a double mark in archive copy. */
  width: number
  family: MarkFamily
  canOpen: boolean
  canClose: boolean
  /** A closer that may equally be an apostrophe (the boys’ room, goin’ home). */
  isWeak: boolean
}

const FAMILY: ReadonlyMap<number, MarkFamily> = new Map([
  [0x22, 'double'], // "
  [0x201c, 'double'], // “
  [0x201d, 'double'], // ”
  [0x201e, 'double'], // „
  [0x201f, 'double'], // ‟
  [0x27, 'single'], // '
  [0x2018, 'single'], // ‘
  [0x2019, 'single'], // ’
  [0x201a, 'single'], // ‚
  [0x201b, 'single'], // ‛
  [0xab, 'angle'], // «
  [0xbb, 'angle'], // »
  [0x2039, 'single-angle'], // ‹
  [0x203a, 'single-angle'], // ›
  [0x300c, 'corner'], // 「
  [0x300d, 'corner'], // 」
  [0x300e, 'white-corner'], // 『
  [0x300f, 'white-corner'], // 』
])

export function markFamily(code: number): MarkFamily | null {
  return FAMILY.get(code) ?? null
}

/** Code units below 0x3010 that are quotation marks, as a table: this test runs on every character. */
const IS_MARK = new Uint8Array(0x3010)
for (const code of FAMILY.keys()) if (code < IS_MARK.length) IS_MARK[code] = 1

export function isQuoteMarkCode(code: number): boolean {
  return code < 0x3010 ? IS_MARK[code] === 1 : FAMILY.has(code)
}

/** Punctuation that may stand right before an opening mark: (“, —“, /“. */
function isOpeningContext(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 47 || isDashCode(c) || isQuoteMarkCode(c) || c === 58 || c === 62
}

/** Punctuation that may stand right after a closing mark. */
function isClosingContext(c: number): boolean {
  return (
    c === 46 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 41 ||
    c === 93 ||
    c === 125 ||
    c === 0x2026 ||
    c === 47 ||
    c === 42 ||
    c === 95 ||
    isDashCode(c) ||
    isQuoteMarkCode(c)
  )
}

const LEFT = 1
const RIGHT = 2
const PREV_SPACE = 4
const NEXT_SPACE = 8
const PREV_ALNUM = 16
const NEXT_ALNUM = 32

/**
 * What stands either side of a mark `width` units wide at `i`, as bits: left- and right-flanking
 * (CommonMark's idea: an opener has text after it and space or opening punctuation before),
 * space and letters or digits before and after. A number, not an object: this runs per mark.
 */
function flanking(text: string, i: number, width: number, paraStart: number, paraEnd: number): number {
  const hasPrev = i > paraStart
  const hasNext = i + width < paraEnd
  const p = hasPrev ? text.charCodeAt(i - 1) : 32
  const n = hasNext ? text.charCodeAt(i + width) : 32
  const prevSpace = !hasPrev || isSpaceCode(p)
  const nextSpace = !hasNext || isSpaceCode(n)
  const prevAlnum = hasPrev && isAlnumAt(text, i - 1)
  const nextAlnum = hasNext && isAlnumAt(text, i + width)
  const left = !nextSpace && (prevSpace || isOpeningContext(p) || (!prevAlnum && !isClosingContext(p)))
  const right = !prevSpace && (nextSpace || isClosingContext(n) || !nextAlnum)
  return (
    (left ? LEFT : 0) |
    (right ? RIGHT : 0) |
    (prevSpace ? PREV_SPACE : 0) |
    (nextSpace ? NEXT_SPACE : 0) |
    (prevAlnum ? PREV_ALNUM : 0) |
    (nextAlnum ? NEXT_ALNUM : 0)
  )
}

/**
 * Reads the mark at `i` (which must be a quote mark) with the roles its neighbours allow. Flanking
 * follows CommonMark's idea: an opener has text after it and space or opening punctuation before.
 */
export function readMark(text: string, i: number, paraStart: number, paraEnd: number): Mark | null {
  const code = text.charCodeAt(i)
  const family = FAMILY.get(code)
  if (family === undefined) return null
  const f = flanking(text, i, 1, paraStart, paraEnd)
  const p = i > paraStart ? text.charCodeAt(i - 1) : 32
  const prevSpace = (f & PREV_SPACE) !== 0
  const nextSpace = (f & NEXT_SPACE) !== 0
  const prevAlnum = (f & PREV_ALNUM) !== 0
  const nextAlnum = (f & NEXT_ALNUM) !== 0
  let leftFlanking = (f & LEFT) !== 0
  let rightFlanking = (f & RIGHT) !== 0
  if (prevSpace && nextSpace && (family === 'double' || family === 'single')) {
    // Nested marks set apart by a space: 'a rock,' " and " 'Yes,' she said". (Guillemets are set
    // apart by spaces anyway: « Oui », decided below.)
    rightFlanking = closesAcrossSpace(text, i, paraStart)
    leftFlanking = !rightFlanking && opensAcrossSpace(text, i + 1, paraEnd)
    if (rightFlanking || leftFlanking) return makeMark(i, family, leftFlanking, rightFlanking)
  }
  if (!leftFlanking && !rightFlanking && isSentencePunct(p) && nextAlnum) {
    // A mark run into the next word after punctuation: "…paranoia,”Clinton said", "said,“We".
    if (code === 0x201d) return makeMark(i, family, false, true)
    if (code === 0x201c || code === 0x201e) return makeMark(i, family, true, false)
    if (code === 0x22) return makeMark(i, family, true, true)
  }

  if (family === 'single') {
    // Letters on both sides: don’t, Oseman’s, and a ‘ typed for an apostrophe (Heartstopper‘s).
    if (prevAlnum && nextAlnum) return null
    if (nextAlnum && !prevAlnum && isElision(text, i + 1, paraEnd)) return null
    // rock ’n’ roll: the closing half of an elided "and".
    if (prevAlnum && i >= 2 && (text.charCodeAt(i - 1) | 32) === 110 && isSingleMark(text.charCodeAt(i - 2))) {
      if (i - 2 <= paraStart || isSpaceCode(text.charCodeAt(i - 3))) return null
    }
  }

  switch (code) {
    case 0x201c: // “ opens in English; closes after text in German „…“
    case 0x201e:
    case 0x201f:
    case 0x2018:
    case 0x201a:
    case 0x201b:
      if (leftFlanking) return makeMark(i, family, true, false)
      if (rightFlanking) return makeMark(i, family, false, true, family === 'single' && isWeakCloser(text, i, paraEnd))
      return null
    case 0x201d: // ” closes, but scraped copy sometimes opens with it
    case 0x2019:
      if (rightFlanking) return makeMark(i, family, false, true, family === 'single' && isWeakCloser(text, i, paraEnd))
      if (leftFlanking) return makeMark(i, family, true, false)
      return null
    case 0xab: // « and ‹ open in French; Danish and German use »…«
    case 0x2039:
      if (leftFlanking) return makeMark(i, family, true, false)
      if (rightFlanking) return makeMark(i, family, false, true)
      return prevSpace && nextSpace ? makeMark(i, family, true, false) : null // French spacing: « Bonjour »
    case 0xbb:
    case 0x203a:
      if (rightFlanking) return makeMark(i, family, false, true)
      if (leftFlanking) return makeMark(i, family, true, false)
      return makeMark(i, family, false, true) // French spacing: « Bonjour »
    case 0x300c:
    case 0x300e:
      return makeMark(i, family, true, false)
    case 0x300d:
    case 0x300f:
      return makeMark(i, family, false, true)
    default: {
      // Straight marks are symmetric: flanking decides, the pairing stack settles the rest.
      const canOpen = leftFlanking
      const canClose = rightFlanking
      if (!canOpen && !canClose) return null
      return makeMark(i, family, canOpen, canClose, family === 'single' && canClose && isWeakCloser(text, i, paraEnd))
    }
  }
}

function makeMark(pos: number, family: MarkFamily, canOpen: boolean, canClose: boolean, isWeak = false): Mark {
  return { pos, width: 1, family, canOpen, canClose, isWeak }
}

/** Longest run of spaces looked across for a neighbouring mark (constant, so reading stays linear). */
const MAX_GAP = 3

/**
 * Before `i`, across spaces, a quotation mark or sentence punctuation right after text: the mark at
 * `i` closes ("'a rock,' "", "coalitions, '' said").
 */
function closesAcrossSpace(text: string, i: number, paraStart: number): boolean {
  let j = i - 1
  while (j > paraStart && i - j <= MAX_GAP && text.charCodeAt(j) === 32) j--
  if (j <= paraStart || j === i - 1) return false
  const c = text.charCodeAt(j)
  if (!isQuoteMarkCode(c) && !isSentencePunct(c)) return false
  return !isSpaceCode(text.charCodeAt(j - 1))
}

/** From `from`, across spaces, a quotation mark right before text: the mark before `from` opens too. */
function opensAcrossSpace(text: string, from: number, paraEnd: number): boolean {
  let j = from
  while (j < paraEnd && j - from < MAX_GAP && text.charCodeAt(j) === 32) j++
  if (j === from || j + 1 >= paraEnd || !isQuoteMarkCode(text.charCodeAt(j))) return false
  return !isSpaceCode(text.charCodeAt(j + 1))
}

function isSentencePunct(c: number): boolean {
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 59
}

/**
 * Two straight apostrophes at `i` read as one double mark, as archive copy writes them
 * (''Yes,'' she said): straight, so flanking decides whether it opens or closes.
 */
export function readDoubleApostrophe(text: string, i: number, paraStart: number, paraEnd: number): Mark | null {
  const f = flanking(text, i, 2, paraStart, paraEnd)
  let canOpen = (f & LEFT) !== 0
  let canClose = (f & RIGHT) !== 0
  if (f & PREV_SPACE && f & NEXT_SPACE) {
    canClose = closesAcrossSpace(text, i, paraStart)
    canOpen = !canClose && opensAcrossSpace(text, i + 2, paraEnd)
  }
  if (!canOpen && !canClose) return null
  return { pos: i, width: 2, family: 'double', canOpen, canClose, isWeak: false }
}

function isSingleMark(c: number): boolean {
  return c === 0x27 || c === 0x2018 || c === 0x2019
}

/** After a letter and before a space, a single closer may be an elision or plural possessive. */
function isWeakCloser(text: string, i: number, paraEnd: number): boolean {
  if (i === 0 || !isLetterAt(text, i - 1)) return false
  return i + 1 < paraEnd && isSpaceCode(text.charCodeAt(i + 1))
}

/** 'tis, ’em, ’90s, ’n’: an apostrophe opening an elided word. */
function isElision(text: string, from: number, paraEnd: number): boolean {
  if (isDigit(text.charCodeAt(from))) {
    let j = from
    while (j < paraEnd && isDigit(text.charCodeAt(j))) j++
    // ’90s, ’06 — but not '1984' quoted as a title
    return j - from === 2 && (j >= paraEnd || !isSingleMark(text.charCodeAt(j)))
  }
  let j = from
  while (j < paraEnd && j - from < 6 && isLetterAt(text, j)) j++
  if (j - from >= 6) return false
  const word = text.slice(from, j).toLowerCase()
  if (!ELISIONS.has(word)) return false
  // ’n’ is always an elision; ’em or ’til followed by a closing mark is a quoted word instead
  if (word === 'n') return true
  return !(j < paraEnd && isSingleMark(text.charCodeAt(j)))
}
