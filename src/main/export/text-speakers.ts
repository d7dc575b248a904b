import { analyze, type AnalyzedQuote } from '../../shared/analysis'

export interface QuoteSpan {
  id: string
  start: number
  end: number
}

function overlap(a: QuoteSpan | AnalyzedQuote, b: QuoteSpan | AnalyzedQuote): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (inter <= 0) return 0
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start))
}

/** Finds the analysed quote that is the same span as a stored one (or most of it), by binary search. */
function twinFinder(quotes: readonly AnalyzedQuote[]): (span: QuoteSpan) => AnalyzedQuote | undefined {
  const sorted = [...quotes].sort((a, b) => a.start - b.start)
  // The furthest end so far only grows, so it can be searched even if some quotes nest.
  const reach: number[] = []
  for (const quote of sorted) reach.push(Math.max(quote.end, reach.at(-1) ?? 0))
  return (span) => {
    let low = 0
    let high = sorted.length
    while (low < high) {
      const mid = (low + high) >> 1
      if ((reach[mid] as number) <= span.start) low = mid + 1
      else high = mid
    }
    let best: AnalyzedQuote | undefined
    for (let i = low; i < sorted.length && (sorted[i] as AnalyzedQuote).start < span.end; i++) {
      const quote = sorted[i] as AnalyzedQuote
      if (overlap(quote, span) >= 0.5 && (!best || overlap(quote, span) > overlap(best, span))) best = quote
    }
    return best
  }
}

/** `name` as whole words inside `text`, case-insensitively; returns the text's own spelling. */
function findWords(text: string, name: string): string | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(text)
  return match ? match[0] : null
}

/**
 * The speaker of each quote as the article's own words name it in that quote's attribution cue,
 * read by the analyser from the text alone and never from the library: the name inside the cue
 * ("said Mayor Jane Smith", "said a senior official"), else the speaker's mention inside it ("Smith
 * said"). A quote whose cue does not name its speaker ("she said", no cue, a guess from the turn
 * of a dialogue) is absent from the result.
 *
 * @example
 *   speakersNamedInText('“No,” Smith said.', [{ id: 'q', start: 0, end: 5 }]) // Map { 'q' => 'Smith' }
 */
export function speakersNamedInText(body: string, spans: readonly QuoteSpan[]): Map<string, string> {
  const names = new Map<string, string>()
  if (spans.length === 0) return names
  const analysis = analyze(body)
  const twinOf = twinFinder(analysis.quotes)
  const entities = new Map(analysis.entities.map((entity) => [entity.name, entity]))
  for (const span of spans) {
    const quote = twinOf(span)
    if (!quote?.speaker || !quote.cue) continue
    const { start, end } = quote.cue
    const literal = findWords(body.slice(start, end), quote.speaker.name)
    if (literal) {
      names.set(span.id, literal)
      continue
    }
    const mention = entities.get(quote.speaker.name)?.mentions.find((m) => m.start >= start && m.end <= end)
    if (mention) names.set(span.id, body.slice(mention.start, mention.end))
  }
  return names
}
