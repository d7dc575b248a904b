import { isAlnumAt, isLetterAt, isSpaceCode, isUpperAt } from './chars'
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
          q.isContinuation = opener.groupId !== -1 && inherited !== null && opener.groupId === inherited.groupId
          out.push(q)
        }
        continue
      }
      if (mark.canOpen) {
        const top = stack[stack.length - 1]
        if (top !== undefined && top.tentative && mark.family === 'single') {
          // Two single openers in a row: the first was an apostrophe ('scopes … 'We need more').
          stack.pop()
          openCount[fi] = openCount[fi]! - 1
        }
        let groupId = -1
        if (stack.length === 0 && inherited !== null && mark.pos === paraStart && inherited.family === mark.family)
          groupId = inherited.groupId
        const tentative = mark.family === 'single' && startsLowerCase(text, mark.pos + mark.width, paraEnd)
        stack.push({ mark, groupId, tentative })
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
    q.isContinuation = outer.groupId !== -1
    if (continues) {
      if (q.groupId === -1) q.groupId = nextGroup++
      q.continues = true
      carry = { family: outer.mark.family, groupId: q.groupId }
    } else {
      q.issues.push(UNCLOSED)
    }
    out.push(q)
  }

  for (const q of out) if (q.groupId === -1) q.groupId = nextGroup++
  return renumberGroups(out, nextGroup)
}

function piece(start: number, end: number, paragraph: number, groupId: number, isBlock: boolean): RawQuote {
  return { start, end, paragraph, groupId, isBlock, continues: false, isContinuation: false, issues: [] }
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
