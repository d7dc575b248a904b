import { describe, expect, it } from 'vitest'
import { paragraphRanges, segmentText, transcriptLines } from './citation-segments'

describe('segmentText', () => {
  it('cuts text at the edges of cited passages, listing the citations covering each piece', () => {
    const text = 'Not this year, not while I am here.'
    const pieces = segmentText(text, [
      { start: 4, end: 13, index: 0 },
      { start: 9, end: 23, index: 1 },
    ])
    expect(pieces.map((p) => [p.text, p.citations])).toEqual([
      ['Not ', []],
      ['this ', [0]],
      ['year', [0, 1]],
      [', not whil', [1]],
      ['e I am here.', []],
    ])
    expect(pieces.map((p) => p.text).join('')).toBe(text)
  })

  it('keeps to the window asked for, and ignores empty ranges', () => {
    const text = 'line one\nline two'
    expect(segmentText(text, [{ start: 5, end: 14, index: 0 }], 9, 17).map((p) => [p.text, p.citations])).toEqual([
      ['line ', [0]],
      ['two', []],
    ])
    expect(segmentText(text, [{ start: 3, end: 3, index: 0 }])).toEqual([{ start: 0, end: 17, text, citations: [] }])
  })
})

describe('paragraphRanges', () => {
  it('gives paragraphs as offsets, skipping blank ones', () => {
    const text = 'First\nstill first\n\n  \n\nSecond\r\n\r\nThird\n'
    expect(paragraphRanges(text).map((r) => text.slice(r.start, r.end))).toEqual([
      'First\nstill first',
      'Second',
      'Third',
    ])
  })
})

describe('transcriptLines', () => {
  it('keeps text an edit left without a timing, as untimed lines in place', () => {
    const text = 'A: one\nB: two, edited\nC: three'
    const lines = transcriptLines(text, [
      { start: 0, end: 6, time: '00:00:01.000' },
      { start: 22, end: 30, time: '00:00:03.000' },
    ])
    expect(lines.map((line) => [text.slice(line.start, line.end), line.time])).toEqual([
      ['A: one', '00:00:01.000'],
      ['B: two, edited', null],
      ['C: three', '00:00:03.000'],
    ])
  })
})
