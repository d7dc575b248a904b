import type { Snippet } from '../../shared/schemas/library'

export interface Segment {
  text: string
  isMatch: boolean
}

/**
 * Cuts a snippet into plain and matched runs so the UI can wrap matches in <mark> as text.
 * Ranges from the service are trusted only as far as they make sense: clamped to the text,
 * sorted, and merged where they overlap.
 */
export function snippetSegments(snippet: Snippet): Segment[] {
  const { text } = snippet
  const ranges = snippet.highlights
    .map(
      ([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  const segments: Segment[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (end <= at) continue
    const from = Math.max(start, at)
    if (from > at) segments.push({ text: text.slice(at, from), isMatch: false })
    const last = segments.at(-1)
    // Adjacent or overlapping ranges read as one match.
    if (last?.isMatch && from === at) last.text += text.slice(from, end)
    else segments.push({ text: text.slice(from, end), isMatch: true })
    at = end
  }
  if (at < text.length) segments.push({ text: text.slice(at), isMatch: false })
  return segments
}
