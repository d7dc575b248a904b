import { describe, expect, it } from 'vitest'
import { interviewQuotes, interviewTranscript } from '../../../test/fixtures/alignment/interview'
import { makeLargeSource } from '../../../test/fixtures/alignment/large-source'
import { align, alignIndexed, indexSource, MAX_ELISION_WORDS, type Timing } from './index'

const passage = (source: string, result: { sourceStart: number | null; sourceEnd: number | null }) =>
  result.sourceStart === null || result.sourceEnd === null ? null : source.slice(result.sourceStart, result.sourceEnd)

describe('align: exact after typographic normalisation', () => {
  const source =
    "He paused. \"We're moving on, and it's a well-known fact -- we are done.\" Then: 'Goodbye' -- he left.\n" +
    'The   plan was\nfinished in May.'
  it.each([
    ['curly double quotes and apostrophe', '“We’re moving on,'],
    ['straight quotes', '"We\'re moving on"'],
    ['no quote marks at all', 'We’re moving on'],
    ['closing comma for the source’s full stop', '“and it’s a well-known fact — we are done,”'],
    ['closing full stop for the source’s comma', 'We’re moving on.'],
    ['em dash for a double hyphen', 'well-known fact — we are done'],
    ['en dash', 'well-known fact – we are done'],
    ['non-breaking hyphen and figure dash', 'well‑known fact ‒ we are done'],
    ['hyphen dropped for a space', 'well known fact we are done'],
    ['curly single quotes', 'Then: ‘Goodbye’'],
    ['runs of whitespace and line breaks', 'The plan\n\nwas    finished in May'],
    ['upper case', 'THE PLAN WAS FINISHED'],
  ])('%s', (_name, quote) => {
    const result = align(quote, source)
    expect(result.verdict).toBe('exact')
    expect(result.score).toBe(1)
    expect(result.diff.every((d) => d.op === 'equal')).toBe(true)
    expect(result.occurrences).toBe(1)
  })

  it('reports the passage in UTF-16 offsets, with the source’s own closing stop', () => {
    const text = '😀 Intro. “Ça va très bien,” she said.'
    const result = align('ça va très bien.', text)
    expect(result.verdict).toBe('exact')
    expect(passage(text, result)).toBe('Ça va très bien,')
  })
})

describe('align: altered', () => {
  const source = 'I think there will be many more meetings. Then we said goodbye to them all and we are now leaving.'
  it.each([
    [
      'a misspelt word',
      'we said goodby to them',
      [
        ['equal', 'we said'],
        ['delete', ' goodbye'],
        ['insert', ' goodby'],
        ['equal', ' to them'],
      ],
    ],
    [
      'a changed word',
      'there will be man more meetings',
      [
        ['equal', 'there will be'],
        ['delete', ' many'],
        ['insert', ' man'],
        ['equal', ' more meetings'],
      ],
    ],
    [
      'a missing word',
      '“and we are leaving.”',
      [
        ['equal', 'and we are'],
        ['delete', ' now'],
        ['equal', ' leaving.'],
      ],
    ],
    [
      'an added word',
      'I really think there will be many more meetings',
      [
        ['equal', 'I'],
        ['insert', ' really'],
        ['equal', ' think there will be many more meetings'],
      ],
    ],
    [
      'a changed last word',
      'goodbye to them all and we are now going',
      [
        ['equal', 'goodbye to them all and we are now'],
        ['delete', ' leaving'],
        ['insert', ' going'],
      ],
    ],
  ])('%s', (_name, quote, diff) => {
    const result = align(quote, source)
    expect(result.verdict).toBe('altered')
    expect(result.score).toBeGreaterThan(0.6)
    expect(result.score).toBeLessThan(1)
    expect(result.diff.map((d) => [d.op, d.text])).toEqual(diff)
  })

  it('counts changed punctuation inside the quote', () => {
    expect(align('Then we said goodbye to them all? And', source).verdict).toBe('altered')
  })
})

describe('align: elided', () => {
  const source =
    'We will fight on the beaches, we will fight on the landing grounds, we shall never surrender, ' +
    'and we will win this war in the end.'
  it.each([
    ['"..." in the middle', 'We will fight on the beaches ... we shall never surrender', 2],
    ['"…" in the middle', '“We will fight on the beaches … and we will win this war.”', 2],
    ['" . . . " in the middle', 'We will fight on the beaches . . . we shall never surrender', 2],
    ['"[…]" in the middle', 'We will fight on the beaches […] we shall never surrender', 2],
    ['two gaps', 'We will fight … the landing grounds … we will win this war', 3],
    ['an ellipsis at the start', '… we shall never surrender, and we will win', 1],
    ['an ellipsis at the end', 'we will fight on the landing grounds...', 1],
    ['"..." at the start', '...and we will win this war', 1],
  ])('%s', (_name, quote, parts) => {
    const result = align(quote, source)
    expect(result.verdict).toBe('elided')
    expect(result.score).toBe(1)
    expect(result.segments).toHaveLength(parts)
    for (const segment of result.segments ?? []) expect(segment.start).toBeLessThan(segment.end)
    expect(result.diff.every((d) => d.op === 'equal')).toBe(true)
  })

  it('gives each part’s span, in order', () => {
    const result = align('We will fight on the beaches … and we will win', source)
    expect(result.segments?.map((s) => source.slice(s.start, s.end))).toEqual([
      'We will fight on the beaches',
      'and we will win',
    ])
    expect(passage(source, result)).toBe(
      'We will fight on the beaches, we will fight on the landing grounds, we shall never surrender, and we will win',
    )
  })

  it('is altered when an elided part was changed too', () => {
    const result = align('We will fight on the beaches … and we will lose this war', source)
    expect(result.verdict).toBe('altered')
    expect(result.diff).toContainEqual({ op: 'insert', text: ' lose' })
  })

  it('does not join parts further apart than the elision limit', () => {
    const filler = Array.from({ length: MAX_ELISION_WORDS + 50 }, (_, i) => `filler${i}`).join(' ')
    const far = `The opening words are here. ${filler}. The closing words come now.`
    expect(align('The opening words are here … the closing words come now', far).verdict).not.toBe('elided')
    const near = `The opening words are here. ${filler.slice(0, 200)}. The closing words come now.`
    expect(align('The opening words are here … the closing words come now', near).verdict).toBe('elided')
  })
})

describe('align: bracketed', () => {
  const source = 'Everyone knows he is leaving the club next year, and it is broke. I think the plan is good.'
  it.each([
    ['a name for a pronoun', '“[Nick] is leaving the club next year,”', '[Nick]', 'he'],
    ['a longer insertion for a pronoun', '[The striker] is leaving the club next year', '[The striker]', 'he'],
    ['an insertion that adds words', 'and it [the club] is broke', '[the club]', ''],
    ['a changed capital', '[T]he plan is good', '[T]he', 'the'],
  ])('%s', (_name, quote, text, replaces) => {
    const result = align(quote, source)
    expect(result.verdict).toBe('bracketed')
    expect(result.score).toBe(1)
    expect(result.brackets).toHaveLength(1)
    expect(result.brackets?.[0]).toMatchObject({ text, replaces })
    const bracket = result.brackets?.[0]
    if (bracket && replaces) expect(source.slice(bracket.sourceStart ?? 0, bracket.sourceEnd ?? 0)).toBe(replaces)
  })

  it('shows the bracket in the diff in place of the source words', () => {
    expect(align('[Nick] is leaving the club', source).diff).toEqual([
      { op: 'delete', text: 'he' },
      { op: 'insert', text: '[Nick]' },
      { op: 'equal', text: ' is leaving the club' },
    ])
  })

  it('is altered when a word outside the bracket changed', () => {
    const result = align('[Nick] is leaving the team next year', source)
    expect(result.verdict).toBe('altered')
    expect(result.brackets?.[0]?.text).toBe('[Nick]')
  })
})

describe('align: partial and not found', () => {
  const source = 'The cat sat on the mat all afternoon while it rained.'
  it('is partial when under 60% of the words are found', () => {
    const result = align('The cat sat on the mat and then a dog came in barking at everyone who passed by', source)
    expect(result.verdict).toBe('partial')
    expect(passage(source, result)).toBe('The cat sat on the mat')
    expect(result.diff[0]).toEqual({ op: 'equal', text: 'The cat sat on the mat' })
    expect(result.score).toBeLessThan(0.6)
  })

  it.each([
    ['words that are not there', 'Totally absent words live here'],
    ['a few common words by chance', 'The council said the budget is on the agenda'],
    ['an empty quote', ''],
    ['only punctuation', '“…,”'],
  ])('is not found for %s', (_name, quote) => {
    const result = align(quote, source)
    expect(result.verdict).toBe('not_found')
    expect(result.sourceStart).toBeNull()
    expect(result.sourceEnd).toBeNull()
    expect(result.occurrences).toBe(0)
  })

  it('is not found in an empty source', () => {
    expect(align('anything at all', '').verdict).toBe('not_found')
  })
})

describe('align: transcripts', () => {
  it('returns the timestamp of the line where the passage starts', () => {
    const cues = [
      ['00:00:01.000', 'So the harbour plan is finished?'],
      ['00:00:06.500', 'It is finished for now. We spent three years on it.'],
      ['00:00:14.500', 'And frankly I am tired of it.'],
    ]
    let text = 'WEBVTT\n\n'
    const timings: Timing[] = []
    cues.forEach(([time, line], i) => {
      text += `${i + 1}\n${time} --> 00:00:20.000\n`
      timings.push({ start: text.length, end: text.length + (line ?? '').length, time: time ?? '' })
      text += `${line}\n\n`
    })
    const result = align('“We spent three years on it. And frankly I’m tired of it,”', text, { timings })
    expect(result.verdict).toBe('altered') // "I’m" for "I am"
    expect(result.timestamp).toBe('00:00:06.500')
    const exact = align('We spent three years on it. And frankly I am tired', text, { timings })
    expect(exact.verdict).toBe('exact')
    expect(exact.timestamp).toBe('00:00:06.500')
    expect(align('And frankly I am tired', text, { timings }).timestamp).toBe('00:00:14.500')
    expect(align('And frankly I am tired', text).timestamp).toBeUndefined()
  })

  it.each([
    ['Q:/A: labels', 'Q: Are you leaving?\nA: Yes, I am leaving.\n'],
    ['NAME: labels', 'NICK JONES: Are you leaving?\nMARY SMITH: Yes, I am leaving.\n'],
    ['Title Case labels', 'Nick Jones: Are you leaving?\nMary Smith (via video): Yes, I am leaving.\n'],
    ['timestamps and labels', '[00:01:02] Nick: Are you leaving?\n[00:01:05] Mary: Yes, I am leaving.\n'],
    ['a name-and-time line', 'Nick Jones  0:03\nAre you leaving?\n\nMary Smith  0:05\nYes, I am leaving.\n'],
    ['an inline timestamp', 'Are you leaving? (00:01:05) Yes, I am leaving.'],
    [
      'VTT voice tags',
      '00:01.000 --> 00:03.000\n<v Nick>Are you leaving?</v>\n\n00:03.000 --> 00:05.000\n<v Mary>Yes, I am leaving.',
    ],
  ])('matches a quote spanning a speaker change: %s', (_name, source) => {
    const result = align('“Are you leaving? Yes, I am leaving.”', source)
    expect(result.verdict).toBe('exact')
    expect(passage(source, result)?.startsWith('Are you leaving?')).toBe(true)
    expect(passage(source, result)?.endsWith('I am leaving.')).toBe(true)
  })

  it('still matches a quote that includes a line-start word read as a label', () => {
    const source = 'The report was short.\nUpdate: the council has approved the plan.'
    expect(align('Update: the council has approved the plan', source).verdict).toBe('exact')
  })

  it.each(interviewQuotes)('interview fixture: $why', ({ quote, verdict }) => {
    expect(align(quote, interviewTranscript).verdict).toBe(verdict)
  })
})

describe('align: placement', () => {
  it('chooses the first of two equal occurrences and counts both', () => {
    const source = 'Intro text. We are not leaving. Middle text here. We are not leaving. End.'
    const result = align('“We are not leaving,”', source)
    expect(result.verdict).toBe('exact')
    expect(result.occurrences).toBe(2)
    expect(result.sourceStart).toBe(source.indexOf('We are'))
  })

  it('prefers an exact occurrence to an earlier altered one', () => {
    const source = 'We are not really leaving today. Later: we are not leaving today.'
    const result = align('we are not leaving today', source)
    expect(result.verdict).toBe('exact')
    expect(result.sourceStart).toBe(source.lastIndexOf('we are'))
  })

  it('joins a quote split over paragraphs in the article', () => {
    const quote =
      '“We spent three years on the harbour plan.\n\n“Now the council has to decide, and it has to decide soon,”'
    const source =
      'Mr Jones said: We spent three years on the harbour plan. Now the council has to decide, and it has to decide soon. Then he left.'
    const result = align(quote, source)
    expect(result.verdict).toBe('exact')
    expect(passage(source, result)).toBe(
      'We spent three years on the harbour plan. Now the council has to decide, and it has to decide soon.',
    )
  })
})

describe('align: a 5 MB source', () => {
  const base = makeLargeSource(5_000_000)
  const planted = [
    'Zebrafish cannot be trusted with the harbour budget, frankly.',
    'The quarterly figures were, in a word, catastrophic for everyone.',
    'Nobody at the museum expected the tapestry to vanish overnight.',
  ]
  const at = [0.1, 0.5, 0.97].map((f) => base.indexOf('\n', Math.floor(base.length * f)) + 1)
  let source = base
  for (let k = planted.length - 1; k >= 0; k--) {
    const offset = at[k] ?? 0
    source = `${source.slice(0, offset)}A: ${planted[k]}\n${source.slice(offset)}`
  }
  const index = indexSource(source)

  it.each(planted.map((quote, k) => [k, quote] as const))('finds planted quote %i exactly', (_k, quote) => {
    const result = alignIndexed(`“${quote.replace(/\.$/, ',')}”`, index)
    expect(result.verdict).toBe('exact')
    expect(passage(source, result)).toBe(quote)
  })

  it('finds an altered and an elided quote', () => {
    const altered = alignIndexed('Zebrafish can not be trusted with the harbour budget', index)
    expect(altered.verdict).toBe('altered')
    expect(passage(source, altered)).toBe('Zebrafish cannot be trusted with the harbour budget')
    const elided = alignIndexed('The quarterly figures were … catastrophic for everyone', index)
    expect(elided.verdict).toBe('elided')
  })

  it('gives the same answer as align on the raw source', () => {
    const quote = planted[1] ?? ''
    expect(alignIndexed(quote, index)).toEqual(align(quote, source))
  })

  it('does not invent a quote', () => {
    expect(alignIndexed('Quantum marmalade dissolves under prolonged parliamentary scrutiny', index).verdict).toBe(
      'not_found',
    )
  })
})

describe('defect: a repeated phrase took the first, less faithful copy (found by the property test)', () => {
  it.each([
    ['the the a café, café café ', 'café café', 'café café'],
    ['one two, two two end', 'two two', 'two two'],
    ['We said no, no no to that.', '“no no,”', 'no no'],
  ])('in %j finds %j exactly', (source, quote, passage) => {
    const result = align(quote, source)
    expect(result.verdict).toBe('exact')
    expect(source.slice(result.sourceStart ?? 0, result.sourceEnd ?? 0)).toBe(passage)
  })
})
