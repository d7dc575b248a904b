import { describe, expect, it } from 'vitest'
import { snippetSegments } from './snippet'

const plain = (text: string) => ({ text, isMatch: false })
const match = (text: string) => ({ text, isMatch: true })

describe('snippetSegments', () => {
  it('no highlights: one plain run', () => {
    expect(snippetSegments({ text: 'teen romance', highlights: [] })).toEqual([plain('teen romance')])
  })

  it('empty text: no runs', () => {
    expect(snippetSegments({ text: '', highlights: [[0, 3]] })).toEqual([])
  })

  it('marks the ranges', () => {
    expect(
      snippetSegments({
        text: 'to forever love, from',
        highlights: [
          [3, 10],
          [11, 15],
        ],
      }),
    ).toEqual([plain('to '), match('forever'), plain(' '), match('love'), plain(', from')])
  })

  it('a match at the very start and end', () => {
    expect(
      snippetSegments({
        text: 'love me',
        highlights: [
          [0, 4],
          [5, 7],
        ],
      }),
    ).toEqual([match('love'), plain(' '), match('me')])
  })

  it('sorts, merges overlaps and adjacent ranges', () => {
    expect(
      snippetSegments({
        text: 'abcdefgh',
        highlights: [
          [4, 6],
          [1, 3],
          [2, 4],
        ],
      }),
    ).toEqual([plain('a'), match('bcdef'), plain('gh')])
  })

  it('clamps ranges outside the text and drops empty or reversed ones', () => {
    expect(
      snippetSegments({
        text: 'abc',
        highlights: [
          [-5, 1],
          [2, 99],
          [2, 2],
          [3, 1],
        ],
      }),
    ).toEqual([match('a'), plain('b'), match('c')])
  })

  it('keeps markup-looking text as text', () => {
    const text = '<img src=x onerror=alert(1)> said'
    expect(
      snippetSegments({ text, highlights: [[29, 33]] })
        .map((s) => s.text)
        .join(''),
    ).toBe(text)
  })
})
