import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editDistance, findNameFlags, type KnownName } from './index'

const names: KnownName[] = [
  { name: 'Solitaire', entityId: 'horse-1', kind: 'horse' },
  { name: 'Nick Priestley', entityId: 'person-1', kind: 'person' },
  { name: 'Nick', entityId: 'person-2' },
  { name: 'Kowalczyk', entityId: 'person-3' },
]

describe('findNameFlags: near a known name', () => {
  it.each([
    ['Solitare', 'Solitaire', 'horse-1', 'close to the known name “Solitaire”'],
    ['Priestly', 'Priestley', 'person-1', 'close to the known name “Nick Priestley”'],
    ['Kowalcyzk', 'Kowalczyk', 'person-3', 'close to the known name “Kowalczyk”'],
    ['Solitair', 'Solitaire', 'horse-1', 'close to the known name “Solitaire”'],
  ])('flags %s', (typo, suggestion, entityId, reason) => {
    const text = `Yesterday ${typo}’s trainer spoke to reporters.`
    const flags = findNameFlags(text, names)
    expect(flags).toEqual([{ start: 10, end: 10 + typo.length, text: typo, suggestion, reason, entityId }])
    expect(text.slice(flags[0]?.start, flags[0]?.end)).toBe(typo)
  })

  it.each([
    ['an exact name', 'Solitaire won and Nick Priestley cheered.'],
    ['an exact name in capitals', 'SOLITAIRE won.'],
    ['a short name near another (Nick/Nicky)', 'Nicky and Nick went home.'],
    ['a lower-case word', 'The solitare game was on.'],
    ['a common word at a sentence start', 'Therefore the horse won. There were others.'],
    ['a word the article also uses in lower case', 'Solitary horses win. A solitary horse is rare.'],
    ['a distant word', 'Saturday was sunny.'],
    ['an inflection', 'The Kowalczyks arrived.'],
  ])('does not flag %s', (_name, text) => {
    expect(findNameFlags(text, names)).toEqual([])
  })

  it('scales the allowed distance with length', () => {
    // Two edits are allowed from eight letters, one below, none below five.
    expect(findNameFlags('Salitare ran.', [{ name: 'Solitaire' }])).toHaveLength(1)
    expect(findNameFlags('Prestlyy ran.', [{ name: 'Priestley' }])).toHaveLength(1)
    expect(findNameFlags('Prustlay ran.', [{ name: 'Priestley' }])).toHaveLength(0)
    expect(findNameFlags('Jhones ran.', [{ name: 'Jones' }])).toHaveLength(1)
    expect(findNameFlags('Jnoes ran.', [{ name: 'Jones' }])).toHaveLength(1) // a transposition is one edit
    expect(findNameFlags('Nikc ran.', [{ name: 'Nick' }])).toHaveLength(0)
  })
})

describe('findNameFlags: two spellings', () => {
  it('flags the rarer spelling within one article', () => {
    const text = 'Anna Marchetti spoke first. Later Marchetti said no. Then Marchetty left.'
    expect(findNameFlags(text, [])).toEqual([
      {
        start: text.indexOf('Marchetty'),
        end: text.indexOf('Marchetty') + 9,
        text: 'Marchetty',
        suggestion: 'Marchetti',
        reason: 'spelled “Marchetti” elsewhere in this article',
      },
    ])
  })

  it('flags the later spelling on a tie, every time it occurs', () => {
    const text = 'Rosalind Okafor met Okafur. Okafur and Okafor'
    const flags = findNameFlags(text, [])
    expect(flags.map((f) => [f.text, f.suggestion])).toEqual([
      ['Okafur', 'Okafor'],
      ['Okafur', 'Okafor'],
    ])
  })

  it('flags a spelling that differs from the source', () => {
    const flags = findNameFlags('Margeurite Dumont spoke.', [], {
      otherTexts: ['MARGUERITE: Hello.\nMarguerite Dumont said nothing.'],
    })
    expect(flags).toEqual([
      { start: 0, end: 10, text: 'Margeurite', suggestion: 'Marguerite', reason: 'spelled “Marguerite” in the source' },
    ])
  })

  it('prefers the known name to the source and the article', () => {
    const flags = findNameFlags('Solitare and Solitare again.', names, { otherTexts: ['Solitaire won'] })
    expect(flags.map((f) => f.reason)).toEqual([
      'close to the known name “Solitaire”',
      'close to the known name “Solitaire”',
    ])
  })

  it('does not flag different names that are further apart', () => {
    expect(findNameFlags('Johnson met Jackson and Johnston.', [])).toHaveLength(1) // Johnson/Johnston: one edit
    expect(findNameFlags('Peterson met Patterson.', [])).toEqual([])
  })
})

describe('findNameFlags properties', () => {
  it('never throws, is deterministic and keeps offsets in the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.array(fc.string({ maxLength: 20 })),
        (text, list) => {
          const known = list.map((name) => ({ name }))
          const flags = findNameFlags(text, known, { otherTexts: list })
          expect(findNameFlags(text, known, { otherTexts: list })).toEqual(flags)
          for (const flag of flags) {
            expect(text.slice(flag.start, flag.end)).toBe(flag.text)
            expect(flag.text).not.toBe(flag.suggestion)
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('editDistance is the optimal-string-alignment distance', () => {
    expect(editDistance('priestly', 'priestley', 2)).toBe(1)
    expect(editDistance('ab', 'ba', 2)).toBe(1)
    expect(editDistance('kitten', 'sitting', 5)).toBe(3)
    expect(editDistance('kitten', 'sitting', 1)).toBe(2) // capped at max + 1
  })
})
