import { findSoftRanges, tokenize, WORD, type TokenKind } from './tokenize'

/**
 * A source prepared once for many quotes: every token with its offsets and a vocabulary id, the sequence of
 * spoken words (speaker labels and timestamps left out, so a speaker change does not break a word n-gram),
 * a hash table of word trigrams and a posting list per word.
 */
export interface SourceIndex {
  readonly source: string
  /** Normalised token text -> id. Soft tokens (labels, timestamps) get their own ids so they never equal a word. */
  readonly vocab: ReadonlyMap<string, number>
  readonly vocabText: readonly string[]
  readonly tokenCount: number
  readonly tokenStart: Int32Array
  readonly tokenEnd: Int32Array
  readonly tokenKind: Uint8Array
  readonly tokenId: Int32Array
  readonly tokenIsSoft: Uint8Array
  readonly wordCount: number
  /** Word ordinal -> token index. */
  readonly wordToken: Int32Array
  readonly wordId: Int32Array
  readonly gramMask: number
  /** Bucket b holds word positions gramPositions[gramBucket[b] .. gramBucket[b + 1]). */
  readonly gramBucket: Uint32Array
  readonly gramPositions: Int32Array
  /** Word id w occurs at word positions postings[postingStart[w] .. postingStart[w + 1]). */
  readonly postingStart: Int32Array
  readonly postings: Int32Array
}

/** Marks a vocabulary key as belonging to a soft token. */
export const SOFT_PREFIX = '\u0001'

export function gramHash(a: number, b: number, c: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1)
  h = Math.imul(h ^ (b + 1), 0x85ebca77)
  h = Math.imul(h ^ (c + 1), 0xc2b2ae3d)
  return (h ^ (h >>> 15)) >>> 0
}

class Growable {
  data: Int32Array
  length = 0
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity))
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
  done(): Int32Array {
    return this.data.slice(0, this.length)
  }
}

export function indexSource(source: string): SourceIndex {
  const guess = Math.ceil(source.length / 4) + 16
  const starts = new Growable(guess)
  const ends = new Growable(guess)
  const kinds = new Growable(guess)
  const ids = new Growable(guess)
  const softs = new Growable(guess)
  const wordToken = new Growable(guess)
  const vocab = new Map<string, number>()
  const vocabText: string[] = []

  const idOf = (key: string): number => {
    let id = vocab.get(key)
    if (id === undefined) {
      id = vocabText.length
      vocab.set(key, id)
      vocabText.push(key)
    }
    return id
  }

  tokenize(
    source,
    false,
    (start: number, end: number, kind: TokenKind, norm: string, isSoft: boolean) => {
      if (kind === WORD && !isSoft) wordToken.push(starts.length)
      starts.push(start)
      ends.push(end)
      kinds.push(kind)
      ids.push(idOf(isSoft ? SOFT_PREFIX + norm : norm))
      softs.push(isSoft ? 1 : 0)
    },
    findSoftRanges(source),
  )

  const tokenId = ids.done()
  const words = wordToken.done()
  const wordCount = words.length
  const wordId = new Int32Array(wordCount)
  for (let w = 0; w < wordCount; w++) wordId[w] = tokenId[words[w] ?? 0] ?? 0

  // Trigram table as one counting sort (compact and allocation-free compared with a Map of arrays).
  let size = 1024
  while (size < wordCount) size *= 2
  const gramMask = size - 1
  const gramBucket = new Uint32Array(size + 1)
  const grams = Math.max(0, wordCount - 2)
  const hashes = new Uint32Array(grams)
  for (let p = 0; p < grams; p++) {
    const h = gramHash(wordId[p] ?? 0, wordId[p + 1] ?? 0, wordId[p + 2] ?? 0) & gramMask
    hashes[p] = h
    gramBucket[h + 1] = (gramBucket[h + 1] ?? 0) + 1
  }
  for (let b = 0; b < size; b++) gramBucket[b + 1] = (gramBucket[b + 1] ?? 0) + (gramBucket[b] ?? 0)
  const gramPositions = new Int32Array(grams)
  const fill = gramBucket.slice(0, size)
  for (let p = 0; p < grams; p++) {
    const h = hashes[p] ?? 0
    gramPositions[fill[h] ?? 0] = p
    fill[h] = (fill[h] ?? 0) + 1
  }

  const postingStart = new Int32Array(vocabText.length + 1)
  for (let w = 0; w < wordCount; w++) {
    const id = wordId[w] ?? 0
    postingStart[id + 1] = (postingStart[id + 1] ?? 0) + 1
  }
  for (let v = 0; v < vocabText.length; v++) postingStart[v + 1] = (postingStart[v + 1] ?? 0) + (postingStart[v] ?? 0)
  const postings = new Int32Array(wordCount)
  const cursor = postingStart.slice(0, vocabText.length)
  for (let w = 0; w < wordCount; w++) {
    const id = wordId[w] ?? 0
    postings[cursor[id] ?? 0] = w
    cursor[id] = (cursor[id] ?? 0) + 1
  }

  return {
    source,
    vocab,
    vocabText,
    tokenCount: tokenId.length,
    tokenStart: starts.done(),
    tokenEnd: ends.done(),
    tokenKind: Uint8Array.from(kinds.done()),
    tokenId,
    tokenIsSoft: Uint8Array.from(softs.done()),
    wordCount,
    wordToken: words,
    wordId,
    gramMask,
    gramBucket,
    gramPositions,
    postingStart,
    postings,
  }
}
