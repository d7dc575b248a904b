/** A cited passage: offsets into the source's text and the citation's number in the list. */
export interface CitedRange {
  start: number
  end: number
  index: number
}

export interface Segment {
  start: number
  end: number
  text: string
  /** The citations covering this piece, in list order; empty for uncited text. */
  citations: number[]
}

/**
 * Cuts `text[from, to)` at the edges of the cited ranges, so each piece is either uncited or
 * covered by the same citations throughout. Overlapping citations (a quotation quoted twice)
 * give a piece that lists both. Rendered as text nodes and <mark>s, never as HTML.
 *
 * @example
 *   segmentText('Not this year.', [{ start: 4, end: 13, index: 0 }])
 *   // [{ text: 'Not ', citations: [] }, { text: 'this year', citations: [0] }, { text: '.', citations: [] }]
 */
export function segmentText(text: string, ranges: readonly CitedRange[], from = 0, to = text.length): Segment[] {
  const inside = ranges.filter((range) => range.end > from && range.start < to && range.end > range.start)
  const edges = new Set([from, to])
  for (const range of inside) {
    if (range.start > from) edges.add(range.start)
    if (range.end < to) edges.add(range.end)
  }
  const points = [...edges].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const citations = inside
      .filter((range) => range.start <= start && range.end >= end)
      .map((range) => range.index)
      .sort((a, b) => a - b)
    const last = segments.at(-1)
    if (last && last.citations.join() === citations.join()) {
      last.end = end
      last.text = text.slice(last.start, end)
    } else {
      segments.push({ start, end, text: text.slice(start, end), citations })
    }
  }
  return segments
}

/**
 * A timed transcript's lines in order, with the text between timed lines (a line whose timing an
 * edit dropped) as untimed lines, so no words of the source go missing from the view.
 */
export function transcriptLines(
  text: string,
  timings: readonly { start: number; end: number; time: string }[],
): { start: number; end: number; time: string | null }[] {
  const lines: { start: number; end: number; time: string | null }[] = []
  const untimed = (from: number, to: number) => {
    let start = from
    for (const piece of text.slice(from, to).split('\n')) {
      const end = start + piece.length
      if (piece.trim() !== '') lines.push({ start, end, time: null })
      start = end + 1
    }
  }
  let at = 0
  for (const timing of [...timings].sort((a, b) => a.start - b.start)) {
    if (timing.start > at) untimed(at, timing.start)
    lines.push({ start: timing.start, end: timing.end, time: timing.time })
    at = Math.max(at, timing.end)
  }
  if (at < text.length) untimed(at, text.length)
  return lines
}

/** Paragraphs of a source (split at blank lines) as offsets into its text, so citations can be placed. */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = []
  let start = 0
  const push = (from: number, to: number) => {
    let a = from
    let b = to
    while (a < b && /[\r\n]/.test(text[a] ?? '')) a++
    while (b > a && /[\r\n]/.test(text[b - 1] ?? '')) b--
    if (text.slice(a, b).trim() !== '') ranges.push({ start: a, end: b })
  }
  for (const match of text.matchAll(/\r?\n[ \t\r]*\n/g)) {
    push(start, match.index)
    start = match.index + match[0].length
  }
  push(start, text.length)
  return ranges
}
