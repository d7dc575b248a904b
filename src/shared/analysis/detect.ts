import { isAlnumAt, isLetterAt, isSpaceCode, isUpperAt } from './chars'
import { SPEECH_VERBS } from './lexicon'
import { type Mark, type MarkFamily, readDoubleApostrophe, readMark } from './marks'
import type { Paragraphs } from './paragraphs'

export const UNCLOSED = 'unclosed quote mark'

/** A quotation piece before classification: one span inside one paragraph. */
export interface RawQuote {
  start: number
  end: number
  paragraph: number
  groupId: number
  isBlock: boolean
  /** The piece continues into the next paragraph (news convention for long quotes). */
  continues: boolean
  /** The piece continues one from the previous paragraph. */
  isContinuation: boolean
  /** Fiction dialogue opened by a dash (―Yes, he said), with no quotation marks. */
  isDash: boolean
  issues: string[]
}

interface Open {
  mark: Mark
  groupId: number
  /**
   * A single mark before a small letter, which may be an apostrophe opening a word ('scopes,
   * 'cause): it counts as a quotation only once a closer pairs it (or the next paragraph carries
   * it on), and another single opener arriving on top of it shows it was an apostrophe.
   */
  tentative: boolean
  /** The quotation goes on from an earlier paragraph or line (its pieces share a group). */
  continued: boolean
}

/**
 * Pairs quotation marks paragraph by paragraph with a stack, so a stray mark can never reach past
 * its paragraph. An unclosed outer quote carries into the next paragraph only when that paragraph
 * opens with a mark of the same family; otherwise it is bounded to its paragraph and flagged.
 */
export function detectQuotes(text: string, paragraphs: Paragraphs, markPositions: number[]): RawQuote[] {
  let cursor = 0
  const out: RawQuote[] = []
  let nextGroup = 0
  let carry: { family: MarkFamily; groupId: number } | null = null
  let blockGroup = -1
  /** Per family (familyIndex): open marks on the stack. */
  const openCount = new Int32Array(FAMILY_COUNT)
  const nextKind = new Int8Array(FAMILY_COUNT)
  /** Per mark of the paragraph: 1 where a weak closer is taken for an apostrophe (see weakApostrophes). */
  let skipWeak = new Uint8Array(64)
  /** Paragraphs that open with a dash (see opensWithDash). */
  const dashParagraphs: number[] = []

  for (let pi = 0; pi < paragraphs.count; pi++) {
    const paraStart = paragraphs.start[pi]!
    const paraEnd = paragraphs.end[pi]!
    if (paragraphs.isBlock[pi]) {
      if (blockGroup < 0 || pi === 0 || !paragraphs.isBlock[pi - 1]) blockGroup = nextGroup++
      const contentStart = blockContentStart(text, paraStart, paraEnd)
      if (contentStart < paraEnd && hasAlnum(text, contentStart, paraEnd))
        out.push(piece(contentStart, paraEnd, pi, blockGroup, true))
      carry = null
      continue
    }
    blockGroup = -1
    if (opensWithDash(text, paraStart, paraEnd)) dashParagraphs.push(pi)

    // The quotation-mark offsets the tokeniser found (ascending): only those inside this paragraph.
    const marks: Mark[] = []
    while (cursor < markPositions.length && markPositions[cursor]! < paraStart) cursor++
    for (; cursor < markPositions.length && markPositions[cursor]! < paraEnd; cursor++) {
      const pos = markPositions[cursor]!
      if (text.charCodeAt(pos) === 39 && pos + 1 < paraEnd && text.charCodeAt(pos + 1) === 39) {
        const runEnd = readApostropheRun(text, pos, paraStart, paraEnd, marks)
        while (cursor + 1 < markPositions.length && markPositions[cursor + 1]! < runEnd) cursor++
        continue
      }
      const mark = readMark(text, pos, paraStart, paraEnd)
      if (mark !== null) marks.push(mark)
    }
    const inherited = carry
    carry = null
    if (marks.length === 0) continue
    if (skipWeak.length < marks.length) skipWeak = new Uint8Array(marks.length * 2)
    weakApostrophes(marks, skipWeak, nextKind)
    const stack: Open[] = []
    openCount.fill(0)
    /** Entries on the stack that are not tentative. */
    let firm = 0
    /** Pieces of this paragraph start at out[paraOut] or later. */
    const paraOut = out.length

    for (let mi = 0; mi < marks.length; mi++) {
      const mark = marks[mi]!
      const fi = familyIndex(mark.family)
      const open = openCount[fi]!
      if (mark.canClose && open > 0) {
        if (mark.isWeak && skipWeak[mi] === 1) continue
        let opener: Open | undefined
        while (stack.length > 0) {
          const top = stack.pop()!
          openCount[familyIndex(top.mark.family)] = openCount[familyIndex(top.mark.family)]! - 1
          if (!top.tentative) firm--
          if (top.mark.family === mark.family) {
            opener = top
            break
          }
        }
        if (opener !== undefined && firm === 0 && hasAlnum(text, opener.mark.pos + opener.mark.width, mark.pos)) {
          // A tentative opener now closed holds any pieces found inside it while it was open.
          while (out.length > paraOut && out[out.length - 1]!.start > opener.mark.pos) out.pop()
          const q = piece(opener.mark.pos, mark.pos + mark.width, pi, opener.groupId, false)
          q.isContinuation = opener.continued
          out.push(q)
        }
        continue
      }
      if (mark.canOpen) {
        const top = stack[stack.length - 1]
        // A doubled opener ("“You don’t…”): one quotation.
        if (top !== undefined && top.mark.family === mark.family && top.mark.pos + top.mark.width === mark.pos) continue
        const outer = stack[0]
        if (
          outer !== undefined &&
          outer.mark.family === mark.family &&
          isStraight(text.charCodeAt(outer.mark.pos)) === isStraight(text.charCodeAt(mark.pos)) &&
          !outer.tentative &&
          atLineStart(text, mark.pos, paraStart)
        ) {
          // A line opening with the mark (same family, same style) of the quotation still open is
          // the long-quote convention with the paragraphs set as lines (“…revel in it.⏎“There’s
          // another side…”): the open quotation ends with its line and goes on in this one.
          if (outer.groupId === -1) outer.groupId = nextGroup++
          const lineEnd = endOfPreviousLine(text, mark.pos)
          if (hasAlnum(text, outer.mark.pos + outer.mark.width, lineEnd)) {
            const q = piece(outer.mark.pos, lineEnd, pi, outer.groupId, false)
            q.isContinuation = outer.continued
            q.continues = true
            out.push(q)
          }
          stack.length = 0
          openCount.fill(0)
          firm = 1
          stack.push({ mark, groupId: outer.groupId, tentative: false, continued: true })
          openCount[fi] = 1
          continue
        }
        if (top !== undefined && top.tentative && mark.family === 'single') {
          // Two single openers in a row: the first was an apostrophe ('scopes … 'We need more').
          stack.pop()
          openCount[fi] = openCount[fi]! - 1
        }
        let groupId = -1
        if (stack.length === 0 && inherited !== null && mark.pos === paraStart && inherited.family === mark.family)
          groupId = inherited.groupId
        const tentative = mark.family === 'single' && startsLowerCase(text, mark.pos + mark.width, paraEnd)
        stack.push({ mark, groupId, tentative, continued: groupId !== -1 })
        if (!tentative) firm++
        openCount[fi] = openCount[fi]! + 1
      }
    }

    // The outer unclosed quote: tentative openers before it were apostrophes, unless the next
    // paragraph carries the first one on.
    let k = 0
    while (k < stack.length && stack[k]!.tentative && !(k === 0 && continuesInto(text, paragraphs, pi, stack[0]!))) k++
    const outer = stack[k]
    if (outer === undefined) continue
    const next = pi + 1
    const continues =
      next < paragraphs.count &&
      !paragraphs.isBlock[next] &&
      opensWith(text, paragraphs.start[next]!, paragraphs.end[next]!, outer.mark.family)
    if (!hasAlnum(text, outer.mark.pos + outer.mark.width, paraEnd)) continue
    const q = piece(outer.mark.pos, paraEnd, pi, outer.groupId, false)
    q.isContinuation = outer.continued
    if (continues) {
      if (q.groupId === -1) q.groupId = nextGroup++
      q.continues = true
      carry = { family: outer.mark.family, groupId: q.groupId }
    } else {
      q.issues.push(UNCLOSED)
    }
    out.push(q)
  }

  // Dash dialogue: in a text whose dialogue is set with dashes rather than marks (more dash
  // paragraphs than marked quotations), each dash paragraph without a marked quotation is one.
  // A list set with dashes has no speech tags, so one tag at least must show the dashes are speech.
  if (dashParagraphs.length >= MIN_DASH_PARAGRAPHS && dashParagraphs.length > out.length) {
    const marked = new Uint8Array(paragraphs.count)
    for (const q of out) marked[q.paragraph] = 1
    const dashed: RawQuote[] = []
    let tags = 0
    for (const pi of dashParagraphs)
      if (marked[pi] === 0) tags += dashPieces(text, paragraphs.start[pi]!, paragraphs.end[pi]!, pi, dashed)
    if (tags > 0) for (const q of dashed) out.push(q)
  }

  for (const q of out) if (q.groupId === -1) q.groupId = nextGroup++
  return renumberGroups(out, nextGroup)
}

/** Fewer dash paragraphs than this are list items or asides, not a text's way of setting dialogue. */
const MIN_DASH_PARAGRAPHS = 2
/** A speech tag after a comma ("—Yes, he said—", "…, Stephen said quietly.") is at most this many words. */
const MAX_TAG_WORDS = 6
const MAX_TAG_CHARS = 100

function isDialogueDash(c: number): boolean {
  return c === 0x2014 || c === 0x2015 || c === 0x2013
}

/**
 * The paragraph opens with one dash and then speech ("―Come up, Kinch!", "— Yes."): not a rule of
 * dashes, and not a subhead set between dashes ("– Ready to vote –.").
 */
function opensWithDash(text: string, start: number, end: number): boolean {
  if (!isDialogueDash(text.charCodeAt(start))) return false
  let i = start + 1
  while (i < end && text.charCodeAt(i) === 32) i++
  if (i >= end || !(isAlnumAt(text, i) || text.charCodeAt(i) === 0x2026 || text.charCodeAt(i) === 46)) return false
  let e = end - 1
  while (e > i && (text.charCodeAt(e) === 46 || isSpaceCode(text.charCodeAt(e)))) e--
  return !isDialogueDash(text.charCodeAt(e))
}

/**
 * The spoken parts of a dash paragraph, and how many speech tags set them off: from the opening
 * dash to the paragraph end, broken where narration is set off. A dash after a space and before
 * a small letter opens narration that runs
 * to the next dash (―Sí ―dijo él―. Lo sé.); a dash run into a word ends narration that began
 * after the last comma (―Yes, he said―I know) when those words hold a speech verb; and a speech
 * tag after the last comma, ? or ! ends the paragraph's speech (―Tell me, Mulligan, Stephen said
 * quietly. ―What is it? asked the boy.).
 */
function dashPieces(text: string, start: number, end: number, paragraph: number, out: RawQuote[]): number {
  let tags = 0
  let pieceStart = start
  /** Last comma, ? or ! in the current piece: where a speech tag may begin. */
  let lastComma = -1
  let i = start + 1
  while (i < end) {
    const c = text.charCodeAt(i)
    // Where a speech tag may begin: after a comma, or after ? or ! ("―What is it? asked the boy.").
    if (c === 44 || ((c === 63 || c === 33) && i + 1 < end && isSpaceCode(text.charCodeAt(i + 1)))) lastComma = i
    if (!isDialogueDash(c) || (c === 0x2013 && !isSpaceCode(text.charCodeAt(i - 1)))) {
      i++
      continue
    }
    const prevSpace = isSpaceCode(text.charCodeAt(i - 1))
    const next = i + 1 < end ? i + 1 : -1
    if (prevSpace && next >= 0 && isLetterAt(text, next) && !isUpperAt(text, next)) {
      // ―Sí ―dijo él―. Lo sé.
      pushDashPiece(text, pieceStart, i, paragraph, out)
      let j = next
      while (j < end && !isDialogueDash(text.charCodeAt(j))) j++
      pieceStart = skipToSpeech(text, j + 1, end)
      i = pieceStart
      lastComma = -1
      tags++
      continue
    }
    if (!prevSpace && lastComma > pieceStart && isSpeechTag(text, lastComma + 1, i)) {
      // ―Yes, he said―I know.
      pushDashPiece(text, pieceStart, lastComma + 1, paragraph, out)
      pieceStart = i
      lastComma = -1
      tags++
    }
    i++
  }
  let pieceEnd = end
  if (lastComma > pieceStart && isSpeechTag(text, lastComma + 1, end)) {
    pieceEnd = lastComma + 1
    tags++
  }
  pushDashPiece(text, pieceStart, pieceEnd, paragraph, out)
  return tags
}

/** After narration: the first character of speech (a letter, digit or mark), or `end`. */
function skipToSpeech(text: string, from: number, end: number): number {
  let j = from
  while (j < end && !isAlnumAt(text, j) && !isDialogueDash(text.charCodeAt(j))) j++
  return j
}

function pushDashPiece(text: string, start: number, end: number, paragraph: number, out: RawQuote[]): void {
  let e = end
  while (e > start && isSpaceCode(text.charCodeAt(e - 1))) e--
  if (e <= start || !hasAlnum(text, start, e)) return
  const q = piece(start, e, paragraph, -1, false)
  q.isDash = true
  out.push(q)
}

/**
 * Words from..to (after a comma) are a speech tag: at most MAX_TAG_WORDS words, one of the first
 * four a speech verb, the first a capitalised name, a pronoun, "the" or the verb itself (so "but
 * he said nothing" is not one).
 */
function isSpeechTag(text: string, from: number, to: number): boolean {
  // Longer than any tag of MAX_TAG_WORDS words: also keeps each call short, so the scan is linear.
  if (to - from > MAX_TAG_CHARS) return false
  let words = 0
  let verbAt = -1
  let first = ''
  let i = from
  while (i < to) {
    while (i < to && !isLetterAt(text, i)) {
      const c = text.charCodeAt(i)
      // A sentence ending inside (not at the end) means these words are not one tag.
      if ((c === 46 || c === 33 || c === 63 || c === 59 || c === 58) && hasAlnum(text, i, to)) return false
      i++
    }
    if (i >= to) break
    const s = i
    while (i < to && (isLetterAt(text, i) || text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019)) i++
    const w = text.slice(s, i)
    words++
    if (words > MAX_TAG_WORDS) return false
    const lower = w.toLowerCase()
    if (words === 1) first = lower
    if (verbAt < 0 && words <= 4 && SPEECH_VERBS.has(lower)) verbAt = words
    if (words === 1 && !isUpperAt(text, s) && !TAG_OPENERS.has(lower) && !SPEECH_VERBS.has(lower)) return false
  }
  return verbAt > 0 && first !== ''
}

const TAG_OPENERS = new Set(['he', 'she', 'i', 'they', 'we', 'you', 'it', 'the', 'his', 'her', 'my', 'their'])

function piece(start: number, end: number, paragraph: number, groupId: number, isBlock: boolean): RawQuote {
  return { start, end, paragraph, groupId, isBlock, continues: false, isContinuation: false, isDash: false, issues: [] }
}

/** Group ids follow document order so the same text always numbers its quotations the same way. */
function renumberGroups(quotes: RawQuote[], groupCount: number): RawQuote[] {
  quotes.sort((a, b) => a.start - b.start)
  /** New id by old id (ids are below groupCount), -1 until the group is first seen. */
  const map = new Int32Array(groupCount).fill(-1)
  let next = 0
  for (const q of quotes) {
    if (map[q.groupId]! < 0) map[q.groupId] = next++
    q.groupId = map[q.groupId]!
  }
  return quotes
}

/** A family's slot in the per-family arrays (a switch: a keyed lookup by family name is slow). */
function familyIndex(family: MarkFamily): number {
  switch (family) {
    case 'double':
      return 0
    case 'single':
      return 1
    case 'angle':
      return 2
    case 'single-angle':
      return 3
    case 'corner':
      return 4
    case 'white-corner':
      return 5
  }
}
const FAMILY_COUNT = 6

/**
 * Marks each weak closer (the boys’ room) that is an apostrophe: the next mark of its family that
 * is not weak closes (’It’s the boys’ turn,’ she said). When it opens instead, the weak mark
 * closes (the ’i-Nick’ and the ’Nicktendo64’). nextKind is scratch space, one slot per family.
 */
function weakApostrophes(marks: Mark[], out: Uint8Array, nextKind: Int8Array): void {
  nextKind.fill(0)
  for (let mi = marks.length - 1; mi >= 0; mi--) {
    const m = marks[mi]!
    const fi = familyIndex(m.family)
    if (m.isWeak) {
      out[mi] = nextKind[fi] === 1 ? 1 : 0
      continue
    }
    out[mi] = 0
    nextKind[fi] = m.canClose ? 1 : m.canOpen ? 2 : nextKind[fi]!
  }
}

/** A straight mark (" or '): a curly quotation inside a straight one is nested, not continued. */
function isStraight(c: number): boolean {
  return c === 0x22 || c === 0x27
}

/** Only spaces and tabs stand between `pos` and the line break before it (inside the paragraph). */
function atLineStart(text: string, pos: number, paraStart: number): boolean {
  let i = pos - 1
  while (i > paraStart && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--
  return i > paraStart && text.charCodeAt(i) === 10
}

/** End of the line before the one `pos` is on, without its trailing spaces. */
function endOfPreviousLine(text: string, pos: number): number {
  let i = pos
  while (i > 0 && text.charCodeAt(i - 1) !== 10) i--
  i--
  while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--
  return i
}

/** The text after an opening mark starts with a small letter ('scopes, 'too little'). */
function startsLowerCase(text: string, i: number, end: number): boolean {
  return i < end && isLetterAt(text, i) && !isUpperAt(text, i)
}

function continuesInto(text: string, paragraphs: Paragraphs, pi: number, open: Open): boolean {
  const next = pi + 1
  return (
    next < paragraphs.count &&
    !paragraphs.isBlock[next] &&
    opensWith(text, paragraphs.start[next]!, paragraphs.end[next]!, open.mark.family)
  )
}

function opensWith(text: string, start: number, end: number, family: MarkFamily): boolean {
  const doubled = start + 1 < end && text.charCodeAt(start) === 39 && text.charCodeAt(start + 1) === 39
  const mark = doubled ? readDoubleApostrophe(text, start, start, end) : readMark(text, start, start, end)
  return mark !== null && mark.canOpen && mark.family === family
}

/**
 * Reads the run of straight apostrophes at `start` (two or more) into `out` and returns where it
 * ends. Archive copy writes a double mark as '' (''Yes,'' she said), so pairs are double marks;
 * a run of three is a single mark and a double one, inside the pair when it opens (''' 'Sir,…)
 * and outside when it closes (…of us,''' he said).
 */
function readApostropheRun(text: string, start: number, paraStart: number, paraEnd: number, out: Mark[]): number {
  let end = start + 2
  while (end < paraEnd && text.charCodeAt(end) === 39) end++
  let i = start
  if ((end - start) % 2 === 1) {
    const asOpener = readDoubleApostrophe(text, start, paraStart, paraEnd)
    if (asOpener !== null && asOpener.canOpen && !asOpener.canClose) {
      // ''' before text: the pairs open first and the lone mark opens inside them.
      for (; i + 1 < end; i += 2) pushMark(out, readDoubleApostrophe(text, i, paraStart, paraEnd))
      pushMark(out, readMark(text, i, paraStart, paraEnd))
      return end
    }
    pushMark(out, readMark(text, i, paraStart, paraEnd))
    i++
  }
  for (; i + 1 < end; i += 2) pushMark(out, readDoubleApostrophe(text, i, paraStart, paraEnd))
  return end
}

function pushMark(out: Mark[], mark: Mark | null): void {
  if (mark !== null) out.push(mark)
}

function hasAlnum(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isAlnumAt(text, i)) return true
  return false
}

function blockContentStart(text: string, start: number, end: number): number {
  let i = start
  while (i < end && (text.charCodeAt(i) === 62 || isSpaceCode(text.charCodeAt(i)))) i++
  return i
}
