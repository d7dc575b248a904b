import { isSpaceCode } from './chars'

/**
 * The paragraphs of a text, in typed arrays (a long text has hundreds of thousands): paragraph i
 * spans start[i]..end[i], without the spaces around it.
 */
export interface Paragraphs {
  count: number
  start: Int32Array
  end: Int32Array
  /** 1 where every line starts with `>`: a Markdown block quote. */
  isBlock: Uint8Array
}

/**
 * Groups classified lines into paragraphs (lineKind: 0 blank, 1 opens with ">", 3 other text; see
 * scanText, which classifies them in the tokeniser's pass). Paragraphs are separated by blank
 * lines when the text has any (hard-wrapped prose keeps its single newlines inside a paragraph);
 * otherwise every line is a paragraph, as pasted web copy is.
 */
export function groupParagraphs(text: string, lineEnd: number[], lineKind: number[], hasBlank: boolean): Paragraphs {
  // Never more paragraphs than lines.
  const out: Paragraphs = {
    count: 0,
    start: new Int32Array(lineEnd.length),
    end: new Int32Array(lineEnd.length),
    isBlock: new Uint8Array(lineEnd.length),
  }
  /** Adds the lines from start to end as a paragraph, without the spaces around it (if any text is left). */
  const push = (start: number, end: number, block: boolean): void => {
    let s = start
    let e = end
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--
    if (s === e) return
    out.start[out.count] = s
    out.end[out.count] = e
    out.isBlock[out.count] = block ? 1 : 0
    out.count++
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
