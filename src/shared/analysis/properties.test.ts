import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze } from './index'
import type { Analysis } from './types'

/** Offsets inside the text and never between the two halves of a surrogate pair. */
function assertSpans(text: string, spans: { start: number; end: number }[]): void {
  for (const { start, end } of spans) {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true)
    expect(0 <= start && start <= end && end <= text.length).toBe(true)
    for (const at of [start, end]) {
      const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff
      const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
      if (at > 0 && at < text.length) expect(isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))).toBe(false)
    }
  }
}

function assertWellFormed(text: string, a: Analysis): void {
  assertSpans(text, a.quotes)
  assertSpans(
    text,
    a.quotes.flatMap((q) => (q.cue === null ? [] : [q.cue])),
  )
  assertSpans(
    text,
    a.entities.flatMap((e) => e.mentions),
  )
  for (const q of a.quotes) {
    expect(q.text).toBe(text.slice(q.start, q.end))
    expect(q.confidence >= 0 && q.confidence <= 1).toBe(true)
  }
}

/** Text made of the characters the engine cares about, so random cases hit its branches. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom('“', '”', '"', "'", '‘', '’', '«', '»', '„', '「', '」', '>', '\n', '\n\n', ' ', '.', ',', ':'),
      fc.constantFrom('said', 'Smith', 'Jane Doe', 'the author', 'she', 'they', 'continued', 'according to', 'as'),
      fc.constantFrom('\uD83D\uDE00', '\uD83D', '\uDE00', '\u0000', 'é', 'Ω'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''))

describe('analyze on any string', () => {
  it('never throws and keeps every offset inside the text and off surrogate pairs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), tricky), (text) => {
        assertWellFormed(text, analyze(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect(JSON.stringify(analyze(text))).toBe(JSON.stringify(analyze(text)))
      }),
      { numRuns: 500 },
    )
  })

  it('gives the same result whatever was analysed before (the word table is shared between calls)', () => {
    fc.assert(
      fc.property(tricky, tricky, (text, other) => {
        const first = JSON.stringify(analyze(text))
        analyze(other)
        analyze(text.toUpperCase() + other)
        expect(JSON.stringify(analyze(text))).toBe(first)
      }),
      { numRuns: 300 },
    )
  })

  it('survives hostile inputs', () => {
    const hostile = [
      '',
      '\u0000'.repeat(50),
      '\uD800'.repeat(100) + '“a”',
      '"'.repeat(100_000),
      '“'.repeat(50_000) + '”'.repeat(50_000),
      '> '.repeat(10_000),
      `Jane Doe said: “${'word '.repeat(200_000)}`,
    ]
    for (const text of hostile) assertWellFormed(text, analyze(text))
  })
})
