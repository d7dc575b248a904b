import { describe, expect, it } from 'vitest'
import { type GoldDocument, nameWords, scoreDocument, speakerMatches, splitPieces, totals } from './eval-score'

describe('splitPieces', () => {
  it('cuts at blank lines and trims marks and spaces', () => {
    const text = 'x “One.\n\n“Two.” y'
    expect(splitPieces(text, 2, 16).map(([s, e]) => text.slice(s, e))).toEqual(['One.', 'Two.'])
  })
})

describe('speakerMatches', () => {
  const gold = { start: 0, end: 1, text: '', speaker: 'Alice Oseman', speaker_alternates: ['The author'] }
  it.each([
    ['Alice Oseman', true],
    ['alice oseman', true],
    ['Oseman', true],
    ['the author', true],
    ['Alice', false],
    [null, false],
  ])('%s → %s', (predicted, expected) => {
    expect(speakerMatches(predicted, gold)).toBe(expected)
  })

  it.each([
    ['Mr. Podesta', 'John D. Podesta', true],
    ['John D. Podesta', 'Mr. Podesta', true],
    ['Robert Kennedy', 'Robert F. Kennedy Jr.', true],
    ['Sen. Tim Kaine', "Tim Kaine, Clinton's running mate", true],
    ['Jason Chaffetz', 'Rep. Jason Chaffetz (R-Utah)', true],
    ['Hillary Clinton', 'former Secretary of State Hillary Clinton', true],
    ['the campaign', 'a spokeswoman for the campaign', true],
    ['Clinton', "Clinton's spokeswoman", false],
    ['Jo Bell', 'Jo Bell of the Daily Ledger', true],
    ['Shen Xincheng', 'Shen', true],
    ['Tom Ebeling', 'Tom', true],
    ['Tom', 'Tom Ebeling', false],
    ['Josh Earnest', 'the White House spokesman, Josh Earnest,', true],
    ['the White House spokesman', 'the White House spokesman, Josh Earnest,', false],
    ['Dean Lee', 'Dean Lee, a salesman from Sumter, South Carolina,', true],
    ['Daily Ledger', 'Jo Bell of the Daily Ledger', false],
    ['Ann Lee', 'Ann Lee, who chairs the panel', true],
    ['Mr. Kaine', 'Mr. Podesta', false],
  ])('%s against gold %s → %s', (predicted, speaker, expected) => {
    expect(speakerMatches(predicted, { start: 0, end: 1, text: '', speaker })).toBe(expected)
  })
})

describe('nameWords', () => {
  it('keeps a lone title as the name rather than nothing', () => {
    expect(nameWords('the President')).toEqual(['president'])
    expect(nameWords('Dr.')).toEqual(['dr'])
  })
})

describe('scoreDocument', () => {
  const doc: GoldDocument = {
    id: 't',
    source: 't',
    text: '“Aaaa bbbb,” said X. “Cccc dddd.”',
    quotes: [
      { start: 0, end: 12, text: '“Aaaa bbbb,”', speaker: 'X' },
      { start: 21, end: 33, text: '“Cccc dddd.”', speaker: 'X' },
    ],
  }

  it('matches one-to-one at IoU ≥ 0.6 and scores speakers over matches', () => {
    const s = scoreDocument(doc, [
      { start: 0, end: 12, speaker: 'X' },
      { start: 21, end: 27, speaker: 'Y' }, // IoU 4/10 after trimming: no match
      { start: 0, end: 11, speaker: 'X' }, // duplicate of the first: a false positive
    ])
    expect(s).toEqual({ goldPieces: 2, predictedPieces: 3, matched: 1, speakerTotal: 1, speakerCorrect: 1 })
    const t = totals([s])
    expect(t.precision).toBeCloseTo(1 / 3)
    expect(t.recall).toBeCloseTo(1 / 2)
    expect(t.f1).toBeCloseTo(0.4)
  })
})
