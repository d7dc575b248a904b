import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanText, tokenAt, tokensAt } from './tokens'

describe('tokensAt', () => {
  it('answers as tokenAt does for every ascending list of offsets', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.array(fc.integer({ min: -5, max: 420 }), { maxLength: 60 }),
        (text, offsets) => {
          const t = scanText(text).tokens
          const sorted = [...offsets].sort((a, b) => a - b)
          expect([...tokensAt(t, sorted)]).toEqual(sorted.map((pos) => tokenAt(t, pos)))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('finds tokens far apart in a long text', () => {
    const t = scanText('word, '.repeat(50_000)).tokens
    const offsets = [0, 1, 6, 7, 150_000, 299_994, 299_999, 400_000]
    expect([...tokensAt(t, offsets)]).toEqual(offsets.map((pos) => tokenAt(t, pos)))
  })
})
