import { describe, expect, it } from 'vitest'
import { parseTimings, remapTimings } from './source-timings'

const text = 'Ana: One.\nTwo.\n\nBen: Three.'
const timings = [
  { start: 0, end: 9, time: '00:00:01.000' },
  { start: 10, end: 14, time: '00:00:03.000' },
  { start: 16, end: 27, time: '00:00:04.000' },
]

describe('remapTimings', () => {
  it('stretches the line an edit falls inside and shifts the lines after it', () => {
    const after = text.replace('Two.', 'Two, I said.')
    const moved = remapTimings(text, after, timings)
    expect(moved.map((timing) => after.slice(timing.start, timing.end))).toEqual([
      'Ana: One.',
      'Two, I said.',
      'Ben: Three.',
    ])
  })

  it('drops only the timing of a line an edit crosses', () => {
    const after = text.replace('One.\nTwo', 'One and two')
    expect(remapTimings(text, after, timings).map((timing) => after.slice(timing.start, timing.end))).toEqual([
      'Ben: Three.',
    ])
  })

  it('keeps everything when the text is unchanged', () => {
    expect(remapTimings(text, text, timings)).toEqual(timings)
  })
})

describe('parseTimings', () => {
  it.each(['[]', 'not json', '{"start":1}', '[{"start":-1,"end":2,"time":"00:00:01.000"}]'])(
    'reads %j as no timings',
    (json) => {
      expect(parseTimings(json)).toEqual([])
    },
  )
})
