import {
  alignPart,
  DELETE,
  EQUAL,
  INSERT,
  type BracketHit,
  type Op,
  type Part,
  type PartMatch,
  type QuoteToken,
} from './part'
import { gramHash, indexSource, SOFT_PREFIX, type SourceIndex } from './source-index'
import { ELLIPSIS, findSoftRanges, PUNCT, tokenize, WORD, type Emit } from './tokenize'

export { indexSource, type SourceIndex }

export type Verdict = 'exact' | 'altered' | 'elided' | 'bracketed' | 'partial' | 'not_found'

/** A transcript line (or cue): its UTF-16 range in the source and the time to show for it. */
export interface Timing {
  start: number
  end: number
  time: string
}

export interface AlignOptions {
  timings?: readonly Timing[]
}

export interface DiffChunk {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export interface SourceSpan {
  start: number
  end: number
}

export interface BracketInsertion {
  /** As written in the quote, brackets included: "[Nick]". */
  text: string
  quoteStart: number
  quoteEnd: number
  /** The source words it stands in for ('' when it adds words). */
  replaces: string
  sourceStart: number | null
  sourceEnd: number | null
}

export interface Alignment {
  verdict: Verdict
  /** 0..1: weighted share of quote and passage tokens that match (1 for exact). */
  score: number
  sourceStart: number | null
  sourceEnd: number | null
  /** How many passages match as well as the chosen (first) one; 0 when not found. */
  occurrences: number
  timestamp?: string
  diff: DiffChunk[]
  segments?: SourceSpan[]
  brackets?: BracketInsertion[]
}

/** Share of the quote's words that must be found for anything better than `partial`. */
export const FOUND_COVERAGE = 0.6
/** Words a `partial` match must have in one unbroken run (fewer if the quote is shorter). */
export const PARTIAL_RUN = 4
/** Source words an ellipsis may skip. */
export const MAX_ELISION_WORDS = 300

// Seeds: a trigram occurring more often than this says little about where the quote is.
const GRAM_CAP = 1000
const UNIGRAM_CAP = 2000
const EVALUATE_TOP = 24
const ALWAYS_EVALUATE = 4
const EVALUATE_TIES = 200
const EPSILON = 1e-9
/** Single-diagonal probes tried when the best placement is not faithful (see alignIndexed). */
const MAX_PROBES = 32

/**
 * Finds where a quote comes from in a source and how faithfully it is reproduced.
 * @example align('“We are leaving,”', 'Q: So?\nA: We are leaving.').verdict // 'exact'
 */
export function align(quote: string, source: string, options: AlignOptions = {}): Alignment {
  return alignIndexed(quote, indexSource(source), options)
}

interface Candidate {
  matches: (PartMatch | null)[]
  score: number
  start: number
}

/**
 * `align` against a source indexed once with `indexSource`, for checking many quotes against one source.
 * @example const index = indexSource(transcript); quotes.map((q) => alignIndexed(q, index))
 */
export function alignIndexed(quote: string, index: SourceIndex, options: AlignOptions = {}): Alignment {
  const tokens = tokenizeQuote(quote, index)
  const { parts, stripped } = splitParts(tokens)
  const aligned = parts.filter((part) => part.words > 0)
  if (aligned.length === 0) return notFound(quote, tokens)

  const anchor = aligned.reduce((best, part) => (part.words > best.words ? part : best))
  const anchorAt = aligned.indexOf(anchor)
  const clusters = findClusters(seedDiagonals(anchor, index), anchor.words)
  const topVotes = clusters[0]?.votes ?? 0
  const candidates: Candidate[] = []
  for (let c = 0; c < clusters.length; c++) {
    const cluster = clusters[c]
    if (!cluster) break
    // A cluster with under half the leader's votes cannot beat it unless the leader is a coincidence; the
    // first few are always tried for that case. Ties are all tried, to count occurrences.
    const isTie = cluster.votes === topVotes && c < EVALUATE_TIES
    if (!isTie && (c >= EVALUATE_TOP || (c >= ALWAYS_EVALUATE && cluster.votes * 2 < topVotes))) break
    const slack = slackFor(anchor)
    const lo = Math.max(0, cluster.floor, cluster.lo - slack)
    const match = alignPart(tokens, anchor, index, lo, Math.min(cluster.ceiling, cluster.hi + anchor.words + slack))
    if (!match) continue
    const matches = extendAround(tokens, aligned, anchorAt, match, index)
    candidates.push({ matches, score: combinedScore(aligned, matches), start: firstStart(matches, index) })
  }
  if (candidates.length === 0) return notFound(quote, tokens)
  let best = pickBest(candidates)
  if (best.score < 1 - EPSILON) {
    // A cluster's window can hold two placements of a repeated phrase ("café, café café" for "café café");
    // the diff then takes the first, which may not be the faithful one. Probe each diagonal on its own.
    const probed = new Set<number>()
    for (const cluster of clusters.slice(0, EVALUATE_TOP)) {
      for (let d = Math.max(0, cluster.lo); d <= cluster.hi && probed.size < MAX_PROBES; d++) {
        if (probed.has(d)) continue
        probed.add(d)
        const match = alignPart(tokens, anchor, index, d, Math.min(index.wordCount, d + anchor.words))
        if (!match) continue
        const matches = extendAround(tokens, aligned, anchorAt, match, index)
        candidates.push({ matches, score: combinedScore(aligned, matches), start: firstStart(matches, index) })
      }
    }
    best = pickBest(candidates)
  }
  const starts = new Set(candidates.filter((c) => Math.abs(c.score - best.score) <= EPSILON).map((c) => c.start))
  return assemble(quote, tokens, aligned, best.matches, stripped, index, options, starts.size)
}

function pickBest(candidates: Candidate[]): Candidate {
  let best = candidates[0] as Candidate
  for (const candidate of candidates) {
    if (
      candidate.score > best.score + EPSILON ||
      (Math.abs(candidate.score - best.score) <= EPSILON && candidate.start < best.start)
    )
      best = candidate
  }
  return best
}

function tokenizeQuote(quote: string, index: SourceIndex): QuoteToken[] {
  const tokens: QuoteToken[] = []
  const unknown = new Map<string, number>()
  let nextUnknown = -1
  const emit: Emit = (start, end, kind, norm, isSoft, group, groupEnd) => {
    const key = isSoft ? SOFT_PREFIX + norm : norm
    let id = index.vocab.get(key)
    if (id === undefined) {
      id = unknown.get(key) ?? nextUnknown--
      unknown.set(key, id)
    }
    tokens.push({ start, end, kind, norm, id, group, groupEnd, isSoft })
  }
  tokenize(quote, true, emit, findSoftRanges(quote))
  return tokens
}

function isClosingStop(token: QuoteToken | undefined): boolean {
  return token !== undefined && token.kind === PUNCT && (token.norm === ',' || token.norm === '.')
}

/**
 * Splits the quote at ellipses. The comma or full stop that attribution swaps at the end of a quote (and at
 * either side of an ellipsis) is left out of every part, so it never counts as a change.
 */
function splitParts(tokens: QuoteToken[]): { parts: Part[]; stripped: boolean } {
  const parts: Part[] = []
  let stripped = false
  let from = 0
  for (let t = 0; t <= tokens.length; t++) {
    if (t < tokens.length && tokens[t]?.kind !== ELLIPSIS) continue
    let a = from
    let b = t
    if (a > 0 && a < b && isClosingStop(tokens[a])) a++
    if (b > a && isClosingStop(tokens[b - 1])) {
      b--
      if (t === tokens.length) stripped = true
    }
    if (b > a) parts.push(makePart(tokens, a, b))
    from = t + 1
  }
  return { parts, stripped }
}

function makePart(tokens: QuoteToken[], from: number, to: number): Part {
  const wordIds: number[] = []
  const breakBefore: boolean[] = []
  const groups = new Set<number>()
  let pendingBreak = false
  for (let t = from; t < to; t++) {
    const token = tokens[t]
    if (!token) continue
    if (token.group >= 0) {
      groups.add(token.group)
      pendingBreak = true
    } else if (token.kind === WORD && !token.isSoft) {
      wordIds.push(token.id)
      breakBefore.push(pendingBreak)
      pendingBreak = false
    }
  }
  const brackets = groups.size
  return { from, to, words: wordIds.length, wordIds, breakBefore, brackets }
}

function slackFor(part: Part): number {
  return Math.min(60, 4 + Math.ceil(part.words * 0.3) + 3 * part.brackets)
}

/** Diagonals (source word position minus quote word position) suggested by matching trigrams, else rare words. */
function seedDiagonals(part: Part, index: SourceIndex): Int32Array {
  const ids = part.wordIds
  const hits: number[] = []
  let fallback: number[] | null = null
  for (let i = 0; i + 2 < ids.length; i++) {
    const a = ids[i] ?? -1
    const b = ids[i + 1] ?? -1
    const c = ids[i + 2] ?? -1
    if (a < 0 || b < 0 || c < 0 || part.breakBefore[i + 1] || part.breakBefore[i + 2]) continue
    const bucket = gramHash(a, b, c) & index.gramMask
    const local: number[] = []
    for (let k = index.gramBucket[bucket] ?? 0; k < (index.gramBucket[bucket + 1] ?? 0); k++) {
      const p = index.gramPositions[k] ?? 0
      if (index.wordId[p] === a && index.wordId[p + 1] === b && index.wordId[p + 2] === c) local.push(p - i)
    }
    if (local.length <= GRAM_CAP) hits.push(...local)
    else if (!fallback || local.length < fallback.length) fallback = local
  }
  if (hits.length === 0) {
    // No usable trigram: the quote is short or changed throughout. Vote with its rarer words instead.
    let rarest: { i: number; count: number } | null = null
    ids.forEach((id, i) => {
      if (id < 0) return
      const count = (index.postingStart[id + 1] ?? 0) - (index.postingStart[id] ?? 0)
      if (count === 0) return
      if (!rarest || count < rarest.count) rarest = { i, count }
      if (count > UNIGRAM_CAP) return
      for (let k = index.postingStart[id] ?? 0; k < (index.postingStart[id + 1] ?? 0); k++)
        hits.push((index.postings[k] ?? 0) - i)
    })
    if (hits.length === 0 && fallback) hits.push(...fallback.slice(0, GRAM_CAP * 5))
    const only = rarest as { i: number; count: number } | null
    if (hits.length === 0 && only) {
      const id = ids[only.i] ?? 0
      const begin = index.postingStart[id] ?? 0
      const end = Math.min(index.postingStart[id + 1] ?? 0, begin + GRAM_CAP * 5)
      for (let k = begin; k < end; k++) hits.push((index.postings[k] ?? 0) - only.i)
    }
  }
  return Int32Array.from(hits)
}

interface Cluster {
  lo: number
  hi: number
  votes: number
  /** Source words the window may use: up to the neighbouring clusters, so two occurrences stay two. */
  floor: number
  ceiling: number
}

/** Groups nearby diagonals (a changed or bracketed word shifts them a little); most votes first, then earliest. */
function findClusters(diagonals: Int32Array, words: number): Cluster[] {
  if (diagonals.length === 0) return []
  const sorted = diagonals.slice().sort()
  const tolerance = Math.max(1, Math.min(3 + Math.floor(words * 0.25), Math.floor(words / 2)))
  const clusters: Cluster[] = []
  const open = (d: number): Cluster => ({ lo: d, hi: d, votes: 0, floor: 0, ceiling: Number.MAX_SAFE_INTEGER })
  let current = open(sorted[0] ?? 0)
  for (const d of sorted) {
    if (d - current.hi > tolerance) {
      clusters.push(current)
      current = open(d)
    }
    current.hi = d
    current.votes++
  }
  clusters.push(current)
  for (let c = 1; c < clusters.length; c++) {
    const left = clusters[c - 1] as Cluster
    const right = clusters[c] as Cluster
    left.ceiling = Math.max(right.lo, left.hi + words)
    right.floor = Math.min(right.lo, left.hi + words)
  }
  return clusters.sort((x, y) => y.votes - x.votes || x.lo - y.lo)
}

/** Aligns the parts before and after the anchor within MAX_ELISION_WORDS of their neighbours. */
function extendAround(
  tokens: QuoteToken[],
  parts: Part[],
  anchorAt: number,
  anchor: PartMatch,
  index: SourceIndex,
): (PartMatch | null)[] {
  const matches: (PartMatch | null)[] = parts.map(() => null)
  matches[anchorAt] = anchor
  let bound = anchor.firstWord
  for (let k = anchorAt - 1; k >= 0; k--) {
    const part = parts[k] as Part
    const lo = Math.max(0, bound - MAX_ELISION_WORDS - part.words - slackFor(part))
    const match = alignInRange(tokens, part, index, lo, bound, true)
    matches[k] = match
    if (match) bound = match.firstWord
  }
  bound = anchor.endWord
  for (let k = anchorAt + 1; k < parts.length; k++) {
    const part = parts[k] as Part
    const hi = Math.min(index.wordCount, bound + MAX_ELISION_WORDS + part.words + slackFor(part))
    const match = alignInRange(tokens, part, index, bound, hi, false)
    matches[k] = match
    if (match) bound = match.endWord
  }
  return matches
}

/** Best alignment of a part inside source words [lo, hi): diagonal votes from every shared word. */
function alignInRange(
  tokens: QuoteToken[],
  part: Part,
  index: SourceIndex,
  lo: number,
  hi: number,
  preferLate: boolean,
): PartMatch | null {
  if (hi <= lo) return null
  const at = new Map<number, number[]>()
  part.wordIds.forEach((id, i) => {
    if (id >= 0) at.set(id, [...(at.get(id) ?? []), i])
  })
  const diagonals: number[] = []
  for (let w = lo; w < hi; w++) for (const i of at.get(index.wordId[w] ?? -1) ?? []) diagonals.push(w - i)
  // Ties go to the cluster nearest the neighbouring part: an elision skips as little as it can.
  const clusters = findClusters(Int32Array.from(diagonals), part.words)
    .sort((x, y) => y.votes - x.votes || (preferLate ? y.lo - x.lo : x.lo - y.lo))
    .slice(0, 4)
  let best: PartMatch | null = null
  const slack = slackFor(part)
  for (const cluster of clusters) {
    const match = alignPart(
      tokens,
      part,
      index,
      Math.max(lo, cluster.floor, cluster.lo - slack),
      Math.min(hi, cluster.ceiling, cluster.hi + part.words + slack),
    )
    if (!match) continue
    const isCloser = best !== null && (preferLate ? match.firstWord > best.firstWord : match.firstWord < best.firstWord)
    if (!best || match.score > best.score + EPSILON || (Math.abs(match.score - best.score) <= EPSILON && isCloser))
      best = match
  }
  return best
}

function combinedScore(parts: Part[], matches: (PartMatch | null)[]): number {
  let matched = 0
  let total = 0
  parts.forEach((part, k) => {
    const match = matches[k]
    if (match) {
      matched += match.quoteMatched + match.sourceMatched
      total += match.quoteWeight + match.sourceWeight
    } else total += part.words + part.brackets
  })
  return total > 0 ? matched / total : 0
}

function firstStart(matches: (PartMatch | null)[], index: SourceIndex): number {
  for (const match of matches) if (match && match.firstToken >= 0) return index.tokenStart[match.firstToken] ?? 0
  return Number.MAX_SAFE_INTEGER
}

function notFound(quote: string, tokens: QuoteToken[]): Alignment {
  const first = tokens[0]
  const last = tokens[tokens.length - 1]
  return {
    verdict: 'not_found',
    score: 0,
    sourceStart: null,
    sourceEnd: null,
    occurrences: 0,
    diff: first && last ? [{ op: 'insert', text: quote.slice(first.start, last.end) }] : [],
  }
}

function assemble(
  quote: string,
  tokens: QuoteToken[],
  parts: Part[],
  matches: (PartMatch | null)[],
  stripped: boolean,
  index: SourceIndex,
  options: AlignOptions,
  occurrences: number,
): Alignment {
  const source = index.source
  let quoteWords = 0
  let matchedWords = 0
  let longestRun = 0
  let alterations = 0
  let elisions = 0
  const bracketHits: BracketHit[] = []
  const segments: SourceSpan[] = []
  let firstToken = -1
  let lastToken = -1
  let previous: PartMatch | null = null
  parts.forEach((part, k) => {
    const match = matches[k]
    quoteWords += part.words
    if (!match || match.firstToken < 0) {
      alterations++
      return
    }
    matchedWords += match.matchedWords
    longestRun = Math.max(longestRun, match.longestRun)
    alterations += match.alterations
    bracketHits.push(...match.brackets)
    segments.push({ start: index.tokenStart[match.firstToken] ?? 0, end: index.tokenEnd[match.lastToken] ?? 0 })
    if (firstToken < 0) firstToken = match.firstToken
    lastToken = match.lastToken
    // Parts that meet with no word between them: the ellipsis skipped nothing (or is in the source too).
    if (previous && match.firstWord > previous.endWord) elisions++
    previous = match
  })
  const firstPart = parts[0] as Part
  const lastPart = parts[parts.length - 1] as Part
  const hasLeadingEllipsis = tokens.slice(0, firstPart.from).some((t) => t.kind === ELLIPSIS)
  const hasTrailingEllipsis = tokens.slice(lastPart.to).some((t) => t.kind === ELLIPSIS)
  if (hasLeadingEllipsis && firstToken >= 0 && index.tokenKind[firstToken - 1] !== ELLIPSIS) elisions++
  if (hasTrailingEllipsis && lastToken >= 0 && index.tokenKind[lastToken + 1] !== ELLIPSIS) elisions++

  const coverage = quoteWords > 0 ? matchedWords / quoteWords : 0
  const score = combinedScore(parts, matches)
  let verdict: Verdict
  if (coverage < FOUND_COVERAGE) {
    verdict = longestRun >= Math.min(PARTIAL_RUN, quoteWords) && longestRun > 0 ? 'partial' : 'not_found'
  } else if (alterations > 0) verdict = 'altered'
  else if (elisions > 0) verdict = 'elided'
  else if (bracketHits.length > 0) verdict = 'bracketed'
  else verdict = 'exact'
  if (verdict === 'not_found') return { ...notFound(quote, tokens), score }

  const sourceStart = index.tokenStart[firstToken] ?? 0
  let sourceEnd = index.tokenEnd[lastToken] ?? sourceStart
  // Include the source's own closing comma or full stop when the quote had one, so the highlight reads whole.
  const after = lastToken + 1
  if (
    stripped &&
    after < index.tokenCount &&
    index.tokenKind[after] === PUNCT &&
    /^[.,]$/.test(source[index.tokenStart[after] ?? 0] ?? '')
  )
    sourceEnd = index.tokenEnd[after] ?? sourceEnd

  const result: Alignment = {
    verdict,
    score: verdict === 'exact' ? 1 : Math.min(1, score),
    sourceStart,
    sourceEnd,
    occurrences: Math.max(1, occurrences),
    diff: buildDiff(quote, tokens, parts, matches, index),
  }
  const timestamp = options.timings ? timeAt(options.timings, sourceStart) : undefined
  if (timestamp !== undefined) result.timestamp = timestamp
  if (tokens.some((t) => t.kind === ELLIPSIS)) result.segments = segments
  if (bracketHits.length > 0) result.brackets = describeBrackets(quote, tokens, bracketHits, index)
  return result
}

/** One entry per bracket in the quote, with the span of source words it stands in for. */
function describeBrackets(
  quote: string,
  tokens: QuoteToken[],
  hits: BracketHit[],
  index: SourceIndex,
): BracketInsertion[] {
  const groups = new Map<number, { end: number; from: number; to: number }>()
  for (const hit of hits) {
    const token = tokens[hit.q] as QuoteToken
    const group = groups.get(token.group) ?? { end: token.groupEnd, from: -1, to: -1 }
    if (hit.sFrom >= 0) {
      group.from = group.from < 0 ? hit.sFrom : Math.min(group.from, hit.sFrom)
      group.to = Math.max(group.to, hit.sTo)
    }
    groups.set(token.group, group)
  }
  return [...groups].map(([start, group]) => {
    const sourceStart = group.from >= 0 ? (index.tokenStart[group.from] ?? null) : null
    const sourceEnd = group.from >= 0 ? (index.tokenEnd[group.to] ?? null) : null
    return {
      text: quote.slice(start, group.end),
      quoteStart: start,
      quoteEnd: group.end,
      replaces: sourceStart !== null && sourceEnd !== null ? index.source.slice(sourceStart, sourceEnd) : '',
      sourceStart,
      sourceEnd,
    }
  })
}

/** Walks the quote in order: parts contribute their ops, everything between them (ellipses, the stops) is equal. */
function buildDiff(
  quote: string,
  tokens: QuoteToken[],
  parts: Part[],
  matches: (PartMatch | null)[],
  index: SourceIndex,
): DiffChunk[] {
  const ops: Op[] = []
  let k = 0
  for (let t = 0; t < tokens.length; t++) {
    const part = parts[k]
    if (part && t === part.from) {
      const match = matches[k]
      if (match) ops.push(...match.ops)
      else for (let u = part.from; u < part.to; u++) ops.push({ type: INSERT, q: u, s: -1 })
      t = part.to - 1
      k++
    } else ops.push({ type: EQUAL, q: t, s: -1 })
  }
  const chunks: DiffChunk[] = []
  let firstSource = Number.MAX_SAFE_INTEGER
  for (const op of ops) if (op.s >= 0) firstSource = Math.min(firstSource, op.s)
  for (const op of ops) {
    let text: string
    let kind: DiffChunk['op']
    if (op.type === DELETE) {
      kind = 'delete'
      const start = index.tokenStart[op.s] ?? 0
      // Keep the source's own spacing, unless what lies between is a dropped label or tag.
      const gap = op.s > firstSource ? index.source.slice(index.tokenEnd[op.s - 1] ?? start, start) : ''
      text = (/^\s*$/.test(gap) ? gap : ' ') + index.source.slice(start, index.tokenEnd[op.s])
    } else {
      kind = op.type === EQUAL ? 'equal' : 'insert'
      text = quote.slice(op.q > 0 ? extentEnd(tokens, op.q - 1) : extentStart(tokens, op.q), extentEnd(tokens, op.q))
    }
    const lastChunk = chunks[chunks.length - 1]
    if (lastChunk && lastChunk.op === kind) lastChunk.text += text
    else chunks.push({ op: kind, text })
  }
  return chunks
}

// A bracket's "[" and "]" belong to its first and last token, so "[Nick]" reads whole in the diff.
function extentStart(tokens: QuoteToken[], t: number): number {
  const token = tokens[t] as QuoteToken
  return token.group >= 0 && tokens[t - 1]?.group !== token.group ? token.group : token.start
}

function extentEnd(tokens: QuoteToken[], t: number): number {
  const token = tokens[t] as QuoteToken
  return token.group >= 0 && tokens[t + 1]?.group !== token.group ? token.groupEnd : token.end
}

function timeAt(timings: readonly Timing[], offset: number): string | undefined {
  const sorted = [...timings].sort((a, b) => a.start - b.start)
  let found: Timing | undefined
  for (const timing of sorted) {
    if (timing.start > offset) break
    found = timing
  }
  return found?.time
}
