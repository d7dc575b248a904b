/** How much quoted context is kept around a quote to find it again after an outside edit. */
export const CONTEXT_CHARS = 32

export function contextOf(body: string, start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: body.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: body.slice(end, end + CONTEXT_CHARS),
  }
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

export interface Anchored {
  start: number
  end: number
  text: string
  prefix: string
  suffix: string
}

/**
 * Finds a quote again in a changed body by its exact text, choosing among repeats the one whose
 * surrounding words match best (then the nearest). Returns null when the words are gone.
 */
export function reanchor(body: string, quote: Anchored): { start: number; end: number } | null {
  if (quote.text === '') return null
  if (body.slice(quote.start, quote.end) === quote.text) return { start: quote.start, end: quote.end }
  let best: { start: number; score: number } | null = null
  for (let at = body.indexOf(quote.text); at >= 0; at = body.indexOf(quote.text, at + 1)) {
    const context =
      commonSuffixLength(quote.prefix, body.slice(Math.max(0, at - quote.prefix.length), at)) +
      commonPrefixLength(quote.suffix, body.slice(at + quote.text.length, at + quote.text.length + quote.suffix.length))
    const score = context - Math.abs(at - quote.start) / Math.max(1, body.length)
    if (!best || score > best.score) best = { start: at, score }
  }
  return best ? { start: best.start, end: best.start + quote.text.length } : null
}
