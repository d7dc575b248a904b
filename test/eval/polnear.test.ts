// The PolNeAR converter on annotations written here in brat's standoff format (no PolNeAR text).
import { describe, expect, it } from 'vitest'
import { convertArticle, joinFragments, quotedParts, speakerKind } from '../../scripts/eval/polnear'

function ann(lines: string[]): string {
  return lines.join('\n') + '\n'
}

describe('convertArticle', () => {
  it('makes each quoted part of an attributed content span a gold quote with its source', () => {
    const text = 'The mayor said the plan was “a mess” and “a waste.” Later “nothing” happened.'
    const at = (s: string): number => text.indexOf(s)
    const a = ann([
      `T1\tSource ${at('The mayor')} ${at('The mayor') + 9}\tThe mayor`,
      `T2\tCue ${at('said')} ${at('said') + 4}\tsaid`,
      `T3\tContent ${at('the plan')} ${at(' Later')}\t…`,
      `T4\tAttribution ${at('said')} ${at('said') + 4}\tsaid`,
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    ])
    const doc = convertArticle('x', text, a)
    expect(doc.quotes.map((q) => [q.text, q.speaker, q.speaker_kind])).toEqual([
      ['“a mess”', 'The mayor', 'nominal'],
      ['“a waste.”', 'The mayor', 'nominal'],
    ])
  })

  it('takes in marks just outside the span, reads code-point offsets and joins discontinuous parts', () => {
    const text = '😀 “We won,” Sen. Ann Lee (D-Ore.) said, “and we will again.”'
    // brat counts the emoji as one code point; JavaScript as two code units.
    const cp = (s: string): number => Array.from(text.slice(0, text.indexOf(s))).length
    const a = ann([
      `T1\tSource ${cp('Sen.')} ${cp(' said')}\tSen. Ann Lee (D-Ore.)`,
      `T2\tContent ${cp('We')} ${cp('We') + 7};${cp('and')} ${cp('and') + 17}\t…`,
      `T3\tCue ${cp('said')} ${cp('said') + 4}\tsaid`,
      'E1\tAttribution:T3 Content:T2 Cue:T3 Source:T1',
    ])
    const doc = convertArticle('x', text, a)
    expect(doc.quotes.map((q) => [q.text, q.speaker, q.speaker_kind])).toEqual([
      ['“We won,”', 'Sen. Ann Lee (D-Ore.)', 'named'],
      ['“and we will again.”', 'Sen. Ann Lee (D-Ore.)', 'named'],
    ])
    for (const q of doc.quotes) expect(text.slice(q.start, q.end)).toBe(q.text)
  })

  it('keeps pronoun sources as pronouns and a source-less attribution without a speaker', () => {
    const text = 'He said “yes.” It was “fine,” we heard.'
    const a = ann([
      'T1\tSource 0 2\tHe',
      'T2\tContent 8 14\t“yes.”',
      'E1\tAttribution:T2 Content:T2 Source:T1',
      'T3\tContent 22 29\t“fine,”',
      'E2\tAttribution:T3 Content:T3',
    ])
    const doc = convertArticle('x', text, a)
    expect(doc.quotes.map((q) => [q.text, q.speaker, q.speaker_kind])).toEqual([
      ['“yes.”', 'He', 'pronoun'],
      ['“fine,”', null, 'none'],
    ])
  })
})

describe('joinFragments', () => {
  it('joins fragments split at a sentence break and keeps those with words between apart', () => {
    const text = '“One. Two,” he said, “three.”'
    const one = text.indexOf('One')
    const two = text.indexOf('Two')
    const three = text.indexOf('three')
    expect(
      joinFragments(text, [
        [two, two + 3],
        [one, one + 4],
        [three, three + 6],
      ]),
    ).toEqual([
      [one, two + 3],
      [three, three + 6],
    ])
  })
})

describe('quotedParts', () => {
  it("reads the NYT archive's two-apostrophe marks and ends an unclosed quote at its paragraph", () => {
    const text = "He said ''we are ready'' and ''we will go\n\nnext paragraph"
    expect(quotedParts(text, 8, text.length).map(([s, e]) => text.slice(s, e))).toEqual([
      "''we are ready''",
      "''we will go",
    ])
  })
})

describe('speakerKind', () => {
  it.each([
    ['he', 'pronoun'],
    ['They', 'pronoun'],
    ['the company', 'nominal'],
    ['The spokesman', 'nominal'],
    ['the White House', 'named'],
    ['Mr. Trump', 'named'],
    ['Rep. Ann Lee (D-Ore.)', 'named'],
    ['Jo Bell of the Daily Ledger', 'named'],
    ['the Ohio senator', 'nominal'],
    ['Lee’s spokeswoman', 'nominal'],
    ['a spokesman for Ann Lee', 'nominal'],
    ['Ann Lee, who chairs the panel', 'named'],
    ['the panel’s chair, Ann Lee,', 'named'],
  ])('%s is %s', (source, kind) => {
    expect(speakerKind(source)).toBe(kind)
  })
})
