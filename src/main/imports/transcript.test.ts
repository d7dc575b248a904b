import { describe, expect, it } from 'vitest'
import { layoutCues, nameCase, parseSrt, parseVtt, plainCueText } from './transcript'

describe('transcripts', () => {
  it.each([
    ['ALICE', 'Alice'],
    ["MARY O'NEIL-SMITH", "Mary O'Neil-Smith"],
    ['DR. JONES', 'Dr. Jones'],
    ['Alice van Dijk', 'Alice van Dijk'],
  ])('writes the label %j as %j', (label, name) => {
    expect(nameCase(label)).toBe(name)
  })

  it('takes a mixed-case label for a speaker only when it starts two cues', () => {
    const srt = (lines: string[]) =>
      lines.map((line, i) => `${i + 1}\n00:00:0${i},000 --> 00:00:0${i},900\n${line}`).join('\n\n')
    expect(parseSrt(srt(['However: we disagree.', 'Then we left.'])).cues.map((cue) => cue.speaker)).toEqual([
      undefined,
      undefined,
    ])
    expect(parseSrt(srt(['Ana Oseman: Yes.', 'Speaker 2: No.', 'Ana Oseman: Maybe.'])).cues).toEqual([
      { time: '00:00:00.000', speaker: 'Ana Oseman', text: 'Yes.' },
      { time: '00:00:01.000', speaker: 'Speaker 2', text: 'No.' },
      { time: '00:00:02.000', speaker: 'Ana Oseman', text: 'Maybe.' },
    ])
  })

  it('reads WebVTT timestamps without hours, cue ids, settings, inline timestamps and a cue right after the header', () => {
    const parsed = parseVtt(
      'WEBVTT\n00:05.250 --> 00:06.000 line:0\n<00:05.500><c.yellow>Hi</c> &lt;there&gt;\n\nid-2\n1:02:03.4 --> 1:02:04.000\nLater',
    )
    expect(parsed).toEqual({
      cues: [
        { time: '00:00:05.250', text: 'Hi <there>' },
        { time: '01:02:03.400', text: 'Later' },
      ],
      skipped: 0,
    })
  })

  it('counts blocks that are not cues instead of failing on them', () => {
    expect(parseVtt('WEBVTT\n\nnot a cue\n\n00:00:01.000 --> 00:00:02.000\nHello').skipped).toBe(1)
  })

  it('puts a turn’s label on its first line only, and skips empty cues', () => {
    expect(
      layoutCues([
        { time: '00:00:01.000', speaker: 'Ana', text: 'One.' },
        { time: '00:00:02.000', text: '' },
        { time: '00:00:03.000', speaker: 'Ana', text: 'Two.' },
        { time: '00:00:04.000', speaker: 'Ben', text: 'Three.' },
      ]),
    ).toEqual({
      text: 'Ana: One.\nTwo.\n\nBen: Three.',
      timings: [
        { start: 0, end: 9, time: '00:00:01.000' },
        { start: 10, end: 14, time: '00:00:03.000' },
        { start: 16, end: 27, time: '00:00:04.000' },
      ],
    })
  })
})

describe('plainCueText', () => {
  it('drops cue markup and keeps the words', () => {
    expect(plainCueText(['<v Ana Holm><i>We will</i> {\\an8}rebuild', '<00:01.000>the <c.red>harbour</c>.'])).toBe(
      'We will rebuild the harbour.',
    )
    expect(plainCueText(['a < b and c > d'])).toBe('a d')
    expect(plainCueText(['a < b, no closer'])).toBe('a < b, no closer')
  })

  it('reads a hostile line of unclosed markup in one pass', () => {
    // /<[^>]*>/g, which this replaced, took minutes on a megabyte of "<".
    const line = '<'.repeat(1_000_000)
    expect(plainCueText([line])).toHaveLength(1_000_000)
    expect(plainCueText(['{\\'.repeat(300_000)])).toHaveLength(600_000)
  })
})
