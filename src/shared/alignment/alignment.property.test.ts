import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { align, alignIndexed, indexSource } from './index'

// Any UTF-16 string, lone surrogates included, plus the characters the tokenizer treats specially.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: fc.constantFrom(...' .…,[]()"“”’\'-—:\n<>0123456789QAabcXY'.split('')), maxLength: 120 }),
)

const word = fc.oneof(
  fc.constantFrom('the', 'plan', 'council', 'Nick', 'won’t', "don't", 'café', 'naïve', 'São', '1,000', '3.5', 'x'),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzÉü'.split('')), minLength: 1, maxLength: 8 }),
)
const separator = fc.constantFrom(' ', '  ', '\n', ', ', '. ', '? ', ' — ', '\n\n')

/** A source built from words, and a quote that is a run of its whole words (a substring on word boundaries). */
const sourceAndQuote = fc
  .tuple(fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 60 }), fc.nat(), fc.nat())
  .map(([pieces, a, b]) => {
    const offsets: [number, number][] = []
    let source = ''
    for (const [w, sep] of pieces) {
      offsets.push([source.length, source.length + w.length])
      source += w + sep
    }
    const i = a % offsets.length
    const j = i + (b % Math.min(12, offsets.length - i))
    const quote = source.slice(offsets[i]?.[0], offsets[j]?.[1])
    return { source, quote }
  })

const checkOffsets = (source: string, result: ReturnType<typeof align>) => {
  if (result.sourceStart === null || result.sourceEnd === null) {
    expect(result.sourceStart).toBeNull()
    expect(result.sourceEnd).toBeNull()
    return
  }
  expect(result.sourceStart).toBeGreaterThanOrEqual(0)
  expect(result.sourceStart).toBeLessThanOrEqual(result.sourceEnd)
  expect(result.sourceEnd).toBeLessThanOrEqual(source.length)
  for (const s of result.segments ?? []) {
    expect(s.start).toBeGreaterThanOrEqual(result.sourceStart)
    expect(s.end).toBeLessThanOrEqual(result.sourceEnd)
  }
  for (const b of result.brackets ?? []) {
    if (b.sourceStart !== null) expect(b.sourceStart).toBeGreaterThanOrEqual(0)
    if (b.sourceEnd !== null) expect(b.sourceEnd).toBeLessThanOrEqual(source.length)
  }
}

describe('align properties', () => {
  it('never throws, keeps offsets inside the source and the score in 0..1', () => {
    fc.assert(
      fc.property(anyText, anyText, (quote, source) => {
        const result = align(quote, source)
        checkOffsets(source, result)
        expect(result.score).toBeGreaterThanOrEqual(0)
        expect(result.score).toBeLessThanOrEqual(1)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws when the quote is cut from the source at random points', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (source, a, b) => {
        const from = source.length ? a % source.length : 0
        const quote = source.slice(from, from + (b % 80))
        checkOffsets(source, align(quote, source))
      }),
      { numRuns: 1000 },
    )
  })

  it('is deterministic, and alignIndexed agrees with align', () => {
    fc.assert(
      fc.property(anyText, anyText, (quote, source) => {
        const index = indexSource(source)
        expect(alignIndexed(quote, index)).toEqual(align(quote, source))
        expect(alignIndexed(quote, index)).toEqual(alignIndexed(quote, index))
      }),
      { numRuns: 500 },
    )
  })

  it('is exact whenever the quote is a run of whole words of the source', () => {
    fc.assert(
      fc.property(sourceAndQuote, ({ source, quote }) => {
        const result = align(quote, source)
        expect(result.verdict).toBe('exact')
        expect(result.score).toBe(1)
        checkOffsets(source, result)
      }),
      { numRuns: 1500 },
    )
  })
})
