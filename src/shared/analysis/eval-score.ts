/**
 * Scoring shared by `npm run eval` and the accuracy floors, as /work/shared/eval/README.md defines
 * it: quotations are cut at blank lines, trimmed of marks, and matched one-to-one at a
 * character-overlap intersection/union of at least 0.6.
 */

export interface GoldQuote {
  start: number
  end: number
  text: string
  speaker: string | null
  speaker_kind?: string
  speaker_alternates?: string[]
  partial?: boolean
  kind?: string
}

export interface GoldDocument {
  id: string
  source: string
  text: string
  quotes: GoldQuote[]
  entities?: { name: string; kind: string; aliases?: string[]; roles?: { role: string; of?: string }[] }[]
}

export interface PredictedQuote {
  start: number
  end: number
  speaker: string | null
}

export interface Score {
  goldPieces: number
  predictedPieces: number
  matched: number
  speakerTotal: number
  speakerCorrect: number
}

export interface Totals extends Score {
  precision: number
  recall: number
  f1: number
  speakerAccuracy: number
}

export const MIN_IOU = 0.6

const TRIM = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  '„',
  '‚',
  '«',
  '»',
  '‹',
  '›',
  '「',
  '」',
  '『',
  '』',
  '>',
])

/** Cuts a span at blank lines and trims whitespace and quotation marks from each piece. */
export function splitPieces(text: string, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = []
  let pieceStart = start
  let i = start
  while (i <= end) {
    let blank = false
    let next = i
    if (i < end && text[i] === '\n') {
      let j = i + 1
      while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++
      if (j < end && text[j] === '\n') {
        blank = true
        next = j
      }
    }
    if (i === end || blank) {
      let s = pieceStart
      let e = i
      while (s < e && TRIM.has(text[s]!)) s++
      while (e > s && TRIM.has(text[e - 1]!)) e--
      if (e > s) pieces.push([s, e])
      pieceStart = next + 1
      i = next + 1
      continue
    }
    i++
  }
  return pieces
}

export function iou(a: [number, number], b: [number, number]): number {
  const inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0])
  if (inter <= 0) return 0
  const union = Math.max(a[1], b[1]) - Math.min(a[0], b[0])
  return inter / union
}

// The scorer keeps its own short lists rather than the analyser's lexicon, so that tuning the
// analyser can never change what counts as a match.
const TITLE_WORDS = new Set(
  `mr mrs ms miss mx dr prof sir dame lord lady rev fr sen senator rep representative congressman
  congresswoman gov governor lt gen col capt sgt president vice secretary former then mayor judge
  justice chief minister prime premier chancellor speaker leader the`.split(/\s+/u),
)
const SUFFIX_WORDS = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'esq', 'phd', 'md', 'kc', 'qc', 'mp'])

/**
 * A name as words to compare: no parenthetical ("(R-Utah)"), no apposition after a comma or
 * modifier after "of", "who" and the like ("Jo Bell of the Daily Ledger"), no possessive, no titles
 * or honorifics in front and no suffixes (Jr., II) behind.
 */
/**
 * The part of a source that names the speaker: the words before its first comma, unless they
 * name no one and the apposition after them does ("the White House spokesman, Josh Earnest,").
 */
export function namingPart(source: string): string {
  const parts = source.replace(/\([^)]*\)/gu, ' ').split(',')
  const first = parts[0]!.trim()
  const second = (parts[1] ?? '').trim()
  const head = first.split(/\s+/u).at(-1) ?? ''
  const startsWithName = /^\p{Lu}\p{Ll}/u.test(second) && !TITLE_WORDS.has(second.split(/\s+/u)[0]!.toLowerCase())
  return !/^\p{Lu}/u.test(head) && startsWithName ? second : first
}

/** A phrase up to its first "of", "who", "for" …: "Jo Bell of the Ledger" → "Jo Bell". */
export function beforeModifier(phrase: string): string {
  return phrase.split(/\s(?:who|whom|whose|which|that|of|for|from|at|in|on|with|to)\s/u)[0]!
}

export function nameWords(name: string): string[] {
  const bare = namingPart(name)
  // Cut at "of" only after a name: "Jo Bell of the Ledger", not "Secretary of State Jo Bell".
  const head = beforeModifier(bare)
  const hasName = head
    .split(/\s+/u)
    .some((x) => /^\p{Lu}/u.test(x) && !TITLE_WORDS.has(x.toLowerCase().replace(/\.$/u, '')))
  const w = (hasName ? head : bare)
    .toLowerCase()
    .replace(/[’']s\b/gu, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((x) => x !== '')
  let s = 0
  let e = w.length
  while (e > s + 1 && SUFFIX_WORDS.has(w[e - 1]!)) e--
  while (s < e - 1 && TITLE_WORDS.has(w[s]!)) s++
  return w.slice(s, e)
}

/** Same name or alternate (case-insensitive, titles and suffixes aside), or the same surname. */
export function speakerMatches(predicted: string | null, gold: GoldQuote): boolean {
  if (predicted === null || gold.speaker === null) return false
  const p = nameWords(predicted)
  if (p.length === 0) return false
  for (const name of [gold.speaker, ...(gold.speaker_alternates ?? [])]) {
    const g = nameWords(name)
    if (g.length === 0) continue
    if (p.join(' ') === g.join(' ')) return true
    if (p[p.length - 1] === g[g.length - 1]) return true
    // A gold speaker named by one word ("Shen", "Tom") is matched by a fuller name that has it.
    if (g.length === 1 && p.includes(g[0]!)) return true
  }
  return false
}

export interface ScoreOptions {
  /** Which matched gold quotes count towards speaker accuracy (default: any with a speaker). */
  countsForSpeaker?: (gold: GoldQuote) => boolean
  /** Receives every miss, for error reports. */
  onMiss?: (miss: {
    type: 'false positive' | 'false negative' | 'speaker'
    start: number
    end: number
    detail: string
  }) => void
}

export function scoreDocument(doc: GoldDocument, predicted: PredictedQuote[], options: ScoreOptions = {}): Score {
  const counts = options.countsForSpeaker ?? ((g: GoldQuote) => g.speaker !== null)
  const gold = doc.quotes.flatMap((q) => splitPieces(doc.text, q.start, q.end).map((span) => ({ span, q })))
  const pred = predicted.flatMap((q) => splitPieces(doc.text, q.start, q.end).map((span) => ({ span, q })))
  const pairs: { g: number; p: number; score: number }[] = []
  // Both lists are in document order, so only nearby pieces can overlap: a sliding window keeps
  // this linear in practice.
  let lo = 0
  for (let g = 0; g < gold.length; g++) {
    const gs = gold[g]!.span
    while (lo < pred.length && pred[lo]!.span[1] <= gs[0]) lo++
    for (let p = lo; p < pred.length && pred[p]!.span[0] < gs[1]; p++) {
      const score = iou(gs, pred[p]!.span)
      if (score >= MIN_IOU) pairs.push({ g, p, score })
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p)
  const usedG = new Set<number>()
  const usedP = new Set<number>()
  const score: Score = {
    goldPieces: gold.length,
    predictedPieces: pred.length,
    matched: 0,
    speakerTotal: 0,
    speakerCorrect: 0,
  }
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue
    usedG.add(g)
    usedP.add(p)
    score.matched++
    const gq = gold[g]!.q
    if (!counts(gq)) continue
    score.speakerTotal++
    const predictedSpeaker = pred[p]!.q.speaker
    if (speakerMatches(predictedSpeaker, gq)) score.speakerCorrect++
    else
      options.onMiss?.({
        type: 'speaker',
        start: gold[g]!.span[0],
        end: gold[g]!.span[1],
        detail: `predicted ${predictedSpeaker ?? 'nobody'}, gold ${gq.speaker}`,
      })
  }
  if (options.onMiss !== undefined) {
    gold.forEach((x, i) => {
      if (!usedG.has(i)) options.onMiss!({ type: 'false negative', start: x.span[0], end: x.span[1], detail: '' })
    })
    pred.forEach((x, i) => {
      if (!usedP.has(i)) options.onMiss!({ type: 'false positive', start: x.span[0], end: x.span[1], detail: '' })
    })
  }
  return score
}

export function totals(scores: Score[]): Totals {
  const sum: Score = { goldPieces: 0, predictedPieces: 0, matched: 0, speakerTotal: 0, speakerCorrect: 0 }
  for (const s of scores) {
    sum.goldPieces += s.goldPieces
    sum.predictedPieces += s.predictedPieces
    sum.matched += s.matched
    sum.speakerTotal += s.speakerTotal
    sum.speakerCorrect += s.speakerCorrect
  }
  const precision = sum.predictedPieces === 0 ? (sum.goldPieces === 0 ? 1 : 0) : sum.matched / sum.predictedPieces
  const recall = sum.goldPieces === 0 ? 1 : sum.matched / sum.goldPieces
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  const speakerAccuracy = sum.speakerTotal === 0 ? 0 : sum.speakerCorrect / sum.speakerTotal
  return { ...sum, precision, recall, f1, speakerAccuracy }
}

/** LitBank scores names only where the gold speaker is a proper name. */
export const namedOnly = (g: GoldQuote): boolean => g.speaker_kind === 'named' && g.speaker !== null
