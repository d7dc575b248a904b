import { diffArrays } from 'diff'
import { SOFT_PREFIX, type SourceIndex } from './source-index'
import { ELLIPSIS, PUNCT, WORD, type TokenKind } from './tokenize'

export interface QuoteToken {
  start: number
  end: number
  kind: TokenKind
  norm: string
  /** Vocabulary id in the source, or a negative id no source token has. */
  id: number
  /** Start offset of the editorial bracket the token sits in ("[Nick]", "[T]he"), or -1. */
  group: number
  groupEnd: number
  /** A speaker label or timestamp at a line start of the quote, matched like the source's. */
  isSoft: boolean
}

/** A stretch of the quote between ellipses, aligned on its own. */
export interface Part {
  from: number
  to: number
  words: number
  /** Ids of the part's WORD tokens, in order; seeds are read from these. */
  wordIds: number[]
  /** breakBefore[i]: a bracket sits between word i - 1 and word i, so no n-gram may span it. */
  breakBefore: boolean[]
  brackets: number
}

export const EQUAL = 0
export const INSERT = 1
export const DELETE = 2

/** One token of the diff: q is a quote token index, s a source token index, -1 when absent. */
export interface Op {
  type: typeof EQUAL | typeof INSERT | typeof DELETE
  q: number
  s: number
}

export interface BracketHit {
  q: number
  /** Source tokens it stands in for (inclusive), -1 when it replaces nothing. */
  sFrom: number
  sTo: number
}

export interface PartMatch {
  ops: Op[]
  firstToken: number
  lastToken: number
  /** Source word ordinals [firstWord, endWord). */
  firstWord: number
  endWord: number
  quoteWords: number
  matchedWords: number
  longestRun: number
  alterations: number
  brackets: BracketHit[]
  quoteWeight: number
  sourceWeight: number
  quoteMatched: number
  sourceMatched: number
  score: number
}

// Punctuation counts, but a misplaced comma should weigh far less than a changed word.
const PUNCT_WEIGHT = 0.25
// An edge run of at most this many matched words, cut off from the rest by this many unmatched source words,
// is a coincidence ("the", "he said") rather than part of the passage.
const STRAY_RUN = 2
const STRAY_GAP = 4
// Changed words at either edge are paired with this many source words at most; beyond that the quote simply
// carries extra words.
const EDGE_PAIRING = 3

/** Words the speaker said, as the quote claims: editorial insertions are shown but not counted. */
function isCounted(token: QuoteToken): boolean {
  return token.kind === WORD && token.group < 0 && !token.isSoft
}

function quoteWeight(token: QuoteToken): number {
  return token.isSoft ? 0 : weight(token.kind)
}

function weight(kind: number): number {
  return kind === WORD ? 1 : kind === PUNCT ? PUNCT_WEIGHT : 0
}

export function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? 0) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function at<T>(list: readonly T[], i: number): T {
  const value = list[i]
  if (value === undefined) throw new RangeError(`index ${i} out of range`)
  return value
}

/** Aligns one part against source words [wordLo, wordHi). Null when not a single word matches. */
export function alignPart(q: readonly QuoteToken[], part: Part, index: SourceIndex, wordLo: number, wordHi: number) {
  if (wordHi <= wordLo) return null
  const tLo = wordLo === 0 ? 0 : (index.wordToken[wordLo] ?? 0)
  const tHi = wordHi < index.wordCount ? (index.wordToken[wordHi] ?? index.tokenCount) : index.tokenCount
  const source = Array.from(index.tokenId.subarray(tLo, tHi))
  const quote: number[] = []
  for (let t = part.from; t < part.to; t++) quote.push(at(q, t).id)
  const total = source.length + quote.length
  // Myers is O((N + M) D); the cap keeps a pathological quote from stalling the UI, at the price of a
  // not-found verdict for it.
  const changes = diffArrays(source, quote, { maxEditLength: total <= 6000 ? total : 2000 })
  if (!changes) return null

  let ops: Op[] = []
  let si = tLo
  let qi = part.from
  for (const change of changes) {
    for (let k = 0; k < change.value.length; k++) {
      if (change.removed) ops.push({ type: DELETE, q: -1, s: si++ })
      else if (change.added) ops.push({ type: INSERT, q: qi++, s: -1 })
      else ops.push({ type: EQUAL, q: qi++, s: si++ })
    }
  }

  slideTowardsEachOther(ops, index)
  const isEqualWord = (op: Op): boolean => op.type === EQUAL && at(q, op.q).kind === WORD
  const isHardSourceWord = (s: number): boolean => index.tokenKind[s] === WORD && index.tokenIsSoft[s] === 0
  ops = pruneStrayEdges(ops, isEqualWord, isHardSourceWord)
  const first = ops.findIndex(isEqualWord)
  if (first < 0) return null
  let last = ops.length - 1
  while (!isEqualWord(at(ops, last))) last--

  // Leading edge: keep as many source words as the quote has changed words there (few), so "goodby" pairs
  // with "goodbye" instead of the passage starting one word late.
  const lead = ops.slice(0, first)
  const trail = ops.slice(last + 1)
  // An insertion in brackets usually stands for one word ("[the mayor]" for "she"), so it pairs with one.
  const countQuoteWords = (list: Op[]) => {
    const words = list.filter((op) => op.q >= 0 && at(q, op.q).kind === WORD && !at(q, op.q).isSoft)
    const plain = words.filter((op) => at(q, op.q).group < 0).length
    return plain + new Set(words.map((op) => at(q, op.q).group).filter((g) => g >= 0)).size
  }
  const sourceWords = (list: Op[]) => list.filter((op) => op.s >= 0 && isHardSourceWord(op.s)).map((op) => op.s)

  const leadQuote = countQuoteWords(lead)
  const leadSource = sourceWords(lead)
  // Words across a speaker label are never paired: the quote's extra words are then either the label itself
  // or simply added.
  const firstSource = at(ops, first).s
  const isLabelBefore = firstSource - 1 >= tLo && index.tokenIsSoft[firstSource - 1] === 1
  const leadKeep = leadQuote <= EDGE_PAIRING && !isLabelBefore ? Math.min(leadQuote, leadSource.length) : 0
  let keptStart = leadKeep > 0 ? at(leadSource, leadSource.length - leadKeep) : firstSource
  if (leadKeep === 0 && at(q, part.from).kind === PUNCT) {
    while (keptStart - 1 >= tLo && index.tokenKind[keptStart - 1] === PUNCT && index.tokenIsSoft[keptStart - 1] === 0)
      keptStart--
  }

  // Soft tokens next to the passage (a line-start word read as a speaker label) may be what the quote's extra
  // words are; keep them in reach, since unmatched ones are dropped later anyway.
  if (lead.some((op) => op.type === INSERT))
    while (keptStart - 1 >= tLo && index.tokenIsSoft[keptStart - 1] === 1) keptStart--

  const trailQuote = countQuoteWords(trail)
  const trailSource = sourceWords(trail)
  const lastSource = at(ops, last).s
  const isLabelAfter = lastSource + 1 < tHi && index.tokenIsSoft[lastSource + 1] === 1
  const trailKeep = trailQuote <= EDGE_PAIRING && !isLabelAfter ? Math.min(trailQuote, trailSource.length) : 0
  let keptEnd = trailKeep > 0 ? at(trailSource, trailKeep - 1) : lastSource
  if (at(q, part.to - 1).kind === PUNCT) {
    while (keptEnd + 1 < tHi && index.tokenKind[keptEnd + 1] === PUNCT && index.tokenIsSoft[keptEnd + 1] === 0)
      keptEnd++
  }

  if (trail.some((op) => op.type === INSERT))
    while (keptEnd + 1 < tHi && index.tokenIsSoft[keptEnd + 1] === 1) keptEnd++

  const kept: Op[] = []
  const keepEdge = (op: Op, inside: boolean) => {
    if (op.type === INSERT) kept.push(op)
    else if (inside) kept.push(op)
    else if (op.type === EQUAL) kept.push({ type: INSERT, q: op.q, s: -1 })
  }
  for (const op of lead) keepEdge(op, op.s >= keptStart)
  for (let i = first; i <= last; i++) kept.push(at(ops, i))
  for (const op of trail) keepEdge(op, op.s >= 0 && op.s <= keptEnd)

  return summarise(q, part, index, kept)
}

/**
 * Myers picks any of several equally long alignments; with a repeated word it may match the quote's first
 * word to an earlier copy ("plan … police strike plan"). Moving such an edge match across the deleted run to
 * the later copy (and the mirror image at the end) keeps the passage compact without changing the diff's size.
 */
function slideTowardsEachOther(ops: Op[], index: SourceIndex): void {
  const sameSource = (a: Op, b: Op) => index.tokenId[a.s] === index.tokenId[b.s]
  for (let i = ops.length - 2; i >= 0; i--) {
    const op = at(ops, i)
    if (op.type !== EQUAL) continue
    let j = i + 1
    while (j < ops.length && at(ops, j).type === DELETE) j++
    const runEnd = at(ops, j - 1)
    if (j > i + 1 && j < ops.length && at(ops, j).type === EQUAL && sameSource(op, runEnd)) {
      ops[i] = { type: DELETE, q: -1, s: op.s }
      ops[j - 1] = { type: EQUAL, q: op.q, s: runEnd.s }
    }
  }
  for (let j = 1; j < ops.length; j++) {
    const op = at(ops, j)
    if (op.type !== EQUAL) continue
    let i = j - 1
    while (i >= 0 && at(ops, i).type === DELETE) i--
    const runStart = at(ops, i + 1)
    if (i < j - 1 && i >= 0 && at(ops, i).type === EQUAL && sameSource(op, runStart)) {
      ops[j] = { type: DELETE, q: -1, s: op.s }
      ops[i + 1] = { type: EQUAL, q: op.q, s: runStart.s }
    }
  }
}

/** Drops tiny matched runs at either edge that are separated from the rest by a gap of unmatched source words. */
function pruneStrayEdges(ops: Op[], isEqualWord: (op: Op) => boolean, isHardSourceWord: (s: number) => boolean) {
  const equals: number[] = []
  const groupOf: number[] = []
  let group = 0
  let gap = 0
  ops.forEach((op, i) => {
    if (isEqualWord(op)) {
      if (equals.length > 0 && gap >= STRAY_GAP) group++
      equals.push(i)
      groupOf.push(group)
      gap = 0
    } else if (op.type === DELETE && isHardSourceWord(op.s)) gap++
  })
  const groups = group + 1
  if (groups < 2) return ops
  const sizes = new Array<number>(groups).fill(0)
  for (const g of groupOf) sizes[g] = (sizes[g] ?? 0) + 1
  const split = new Set<number>()
  let lo = 0
  let hi = groups - 1
  let remaining = equals.length
  while (lo < hi && (sizes[lo] ?? 0) <= STRAY_RUN && remaining - (sizes[lo] ?? 0) > (sizes[lo] ?? 0)) {
    remaining -= sizes[lo] ?? 0
    equals.forEach((i, k) => groupOf[k] === lo && split.add(i))
    lo++
  }
  while (lo < hi && (sizes[hi] ?? 0) <= STRAY_RUN && remaining - (sizes[hi] ?? 0) > (sizes[hi] ?? 0)) {
    remaining -= sizes[hi] ?? 0
    equals.forEach((i, k) => groupOf[k] === hi && split.add(i))
    hi--
  }
  if (split.size === 0) return ops
  const out: Op[] = []
  ops.forEach((op, i) => {
    if (split.has(i)) out.push({ type: DELETE, q: -1, s: op.s }, { type: INSERT, q: op.q, s: -1 })
    else out.push(op)
  })
  return out
}

/** Classifies each run of changes (soft, bracket, alteration) and totals the part. */
function summarise(q: readonly QuoteToken[], part: Part, index: SourceIndex, ops: Op[]): PartMatch {
  const isFree = (s: number) => index.tokenIsSoft[s] === 1 || index.tokenKind[s] === ELLIPSIS
  const sourceWeight = (s: number) => (isFree(s) ? 0 : weight(index.tokenKind[s] ?? PUNCT))
  const out: Op[] = []
  const brackets: BracketHit[] = []
  let alterations = 0
  let matchedWords = 0
  let quoteMatched = 0
  let sourceMatched = 0

  const flush = (run: Op[]) => {
    if (run.length === 0) return
    const inserted = run.filter((op) => op.type === INSERT).map((op) => op.q)
    const deleted = run.filter((op) => op.type === DELETE).map((op) => op.s)
    // The same words read as a speaker label on one side and as speech on the other ("Update:" at the start of
    // a line) are a match after all.
    const sourceNorm = (s: number) => (index.vocabText[index.tokenId[s] ?? 0] ?? '').replace(SOFT_PREFIX, '')
    if (
      inserted.length > 0 &&
      inserted.length === deleted.length &&
      inserted.every((t, k) => at(q, t).norm === sourceNorm(at(deleted, k)))
    ) {
      inserted.forEach((t, k) => {
        out.push({ type: EQUAL, q: t, s: at(deleted, k) })
        quoteMatched += quoteWeight(at(q, t))
        sourceMatched += sourceWeight(at(deleted, k))
        if (isCounted(at(q, t))) matchedWords++
      })
      return
    }
    // Labels and timestamps left over on either side are dropped, not counted as changes.
    const hard = deleted.filter((s) => !isFree(s))
    const spoken = inserted.filter((t) => !at(q, t).isSoft)
    for (const s of hard) out.push({ type: DELETE, q: -1, s })
    for (const t of spoken) out.push({ type: INSERT, q: t, s: -1 })
    if (spoken.length > 0 && spoken.every((t) => at(q, t).group >= 0)) {
      // The replaced source words go to the first insertion of the run (two brackets in a row are rare).
      spoken.forEach((t, k) => {
        const hasSource = k === 0 && hard.length > 0
        brackets.push({ q: t, sFrom: hasSource ? at(hard, 0) : -1, sTo: hasSource ? at(hard, hard.length - 1) : -1 })
        quoteMatched += quoteWeight(at(q, t))
      })
      for (const s of hard) sourceMatched += sourceWeight(s)
    } else if (spoken.length > 0 || hard.length > 0) {
      alterations++
    }
  }

  let run: Op[] = []
  for (const op of ops) {
    if (op.type !== EQUAL) {
      run.push(op)
      continue
    }
    flush(run)
    run = []
    out.push(op)
    const token = at(q, op.q)
    quoteMatched += quoteWeight(token)
    sourceMatched += sourceWeight(op.s)
    if (isCounted(token)) matchedWords++
    if (token.group >= 0) brackets.push({ q: op.q, sFrom: op.s, sTo: op.s })
  }
  flush(run)

  let quoteTotal = 0
  let quoteWords = 0
  for (let t = part.from; t < part.to; t++) {
    quoteTotal += quoteWeight(at(q, t))
    if (isCounted(at(q, t))) quoteWords++
  }
  let firstToken = -1
  let lastToken = -1
  let longestRun = 0
  let currentRun = 0
  for (const op of out) {
    if (op.s >= 0) {
      if (firstToken < 0 || op.s < firstToken) firstToken = op.s
      if (op.s > lastToken) lastToken = op.s
    }
    const isWordish = (op.q >= 0 && at(q, op.q).kind !== PUNCT) || (op.s >= 0 && index.tokenKind[op.s] === WORD)
    if (op.type === EQUAL && op.q >= 0 && at(q, op.q).kind === WORD) longestRun = Math.max(longestRun, ++currentRun)
    else if (isWordish) currentRun = 0
  }
  let sourceWeightTotal = 0
  for (let s = firstToken; s >= 0 && s <= lastToken; s++) sourceWeightTotal += sourceWeight(s)
  const firstWord = lowerBound(index.wordToken, firstToken)
  const endWord = lowerBound(index.wordToken, lastToken + 1)
  const denominator = quoteTotal + sourceWeightTotal
  return {
    ops: out,
    firstToken,
    lastToken,
    firstWord,
    endWord,
    quoteWords,
    matchedWords,
    longestRun,
    alterations,
    brackets,
    quoteWeight: quoteTotal,
    sourceWeight: sourceWeightTotal,
    quoteMatched,
    sourceMatched,
    score: denominator > 0 ? (quoteMatched + sourceMatched) / denominator : 0,
  }
}
