import { isSpaceCode } from './chars'
import { isQuoteMarkCode } from './marks'

export interface Paragraph {
  start: number
  end: number
  /** Every line starts with `>`: a Markdown block quote. */
  isBlock: boolean
}

/**
 * Paragraphs are separated by blank lines when the text has any (hard-wrapped prose keeps its
 * single newlines inside a paragraph); otherwise every line is a paragraph, as pasted web copy is.
 */
export function splitParagraphs(text: string): Paragraph[] {
  return splitParagraphsAndMarks(text).paragraphs
}

/**
 * The paragraphs, and the offset of every quotation-mark character in the text (ascending), found
 * in the same pass so quote detection need not read the text again.
 */
export function splitParagraphsAndMarks(text: string): { paragraphs: Paragraph[]; marks: number[] } {
  const marks: number[] = []
  // One pass over the characters classifies every line (blank? does it open with ">"?); the
  // grouping then works on lines only.
  const lineEnd: number[] = []
  /** 0: blank (spaces only), 1: opens with ">" after spaces and tabs, 3: other text. */
  const lineKind: number[] = []
  let hasBlank = false
  let lineBlank = true
  let lead = 2
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      if (lineBlank && lineEnd.length > 0) hasBlank = true
      lineEnd.push(i)
      lineKind.push(lineBlank ? 0 : lead)
      lineBlank = true
      lead = 2
      continue
    }
    if (c < 128 ? c === 34 || c === 39 : c >= 171 && isQuoteMarkCode(c)) marks.push(i)
    if (lineBlank && !isSpaceCode(c)) lineBlank = false
    if (lead === 2 && c !== 32 && c !== 9 && c !== 13) lead = c === 62 ? 1 : 3
  }
  // The last line ends with the text (it never makes the text one "with blank lines").
  lineEnd.push(n)
  lineKind.push(lineBlank ? 0 : lead)
  return { paragraphs: groupParagraphs(text, lineEnd, lineKind, hasBlank), marks }
}

/**
 * Groups classified lines into paragraphs (lineKind: 0 blank, 1 opens with ">", 3 other text; see
 * splitParagraphsAndMarks, or scanText, which classifies them in the tokeniser's pass).
 */
export function groupParagraphs(text: string, lineEnd: number[], lineKind: number[], hasBlank: boolean): Paragraph[] {
  const out: Paragraph[] = []
  /** Adds the lines from start to end as a paragraph, without the spaces around it (if any text is left). */
  const push = (start: number, end: number, block: boolean): void => {
    let s = start
    let e = end
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--
    if (s < e) out.push({ start: s, end: e, isBlock: block })
  }
  let runStart = -1
  let runEnd = -1
  /** Every line of the run so far opens with ">" or is spaces only, and one opens with ">". */
  let runQuoted = true
  let runSawQuote = false
  let from = 0
  for (let li = 0; li < lineEnd.length; li++) {
    const br = lineEnd[li]!
    const kind = lineKind[li]!
    const blank = kind === 0
    if (!hasBlank) {
      if (!blank) push(from, br, kind === 1)
    } else if (blank) {
      if (runStart >= 0) push(runStart, runEnd, runQuoted && runSawQuote)
      runStart = -1
    } else {
      if (runStart < 0) {
        runStart = from
        runQuoted = true
        runSawQuote = false
      }
      runEnd = br
      if (kind === 1) runSawQuote = true
      else if (kind === 3) runQuoted = false
    }
    from = br + 1
  }
  if (runStart >= 0) push(runStart, runEnd, runQuoted && runSawQuote)
  return out
}
