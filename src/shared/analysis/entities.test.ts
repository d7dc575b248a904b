import { describe, expect, it } from 'vitest'
import { extractEntities } from './entities'
import { analyze } from './index'
import { groupParagraphs } from './paragraphs'
import { markTokens, scanText } from './tokens'
import type { AnalyzedEntity, KnownEntity } from './types'

const entity = (entities: AnalyzedEntity[], name: string): AnalyzedEntity => {
  const e = entities.find((x) => x.name === name)
  if (e === undefined) throw new Error(`no entity ${name} in ${entities.map((x) => x.name).join(', ')}`)
  return e
}

describe('entities', () => {
  it('groups a surname and a possessive under the full name with every mention', () => {
    const text = 'Alice Oseman wrote it. Fans love Oseman’s books, and Oseman knows it.'
    const e = entity(analyze(text).entities, 'Alice Oseman')
    expect(e.kind).toBe('person')
    expect(e.aliases).toEqual(['Oseman'])
    expect(e.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Alice Oseman', 'Oseman', 'Oseman'])
  })

  it('finds every name, at its offsets, in a text made of little else', () => {
    // One name in every four tokens: more than the candidate and mention arrays start with.
    const names = Array.from({ length: 600 }, (_, i) => `Zed${i} Quill${i}`)
    const text = names.map((n) => `${n} spoke.`).join(' ')
    const { entities } = analyze(text)
    expect(entities.map((e) => e.name)).toEqual(names)
    for (const e of entities) {
      expect(e.mentions).toHaveLength(1)
      expect(text.slice(e.mentions[0]!.start, e.mentions[0]!.end)).toBe(e.name)
    }
  })

  it('folds a surname seen before the full name into it', () => {
    const { entities } = analyze('Oseman spoke first. Later, Alice Oseman added more.')
    expect(entity(entities, 'Alice Oseman').mentions).toHaveLength(2)
    expect(entities.some((e) => e.name === 'Oseman')).toBe(false)
  })

  it('keeps Mr. and Mrs. with the same surname apart', () => {
    const { entities } = analyze('Mr. Bennet read. Mrs. Bennet talked to Mr. Bennet.')
    expect(entity(entities, 'Mr. Bennet').mentions).toHaveLength(2)
    expect(entity(entities, 'Mrs. Bennet').mentions).toHaveLength(1)
  })

  it('links a rank or office alone ("the Major") to the person last named with it', () => {
    const text = 'Major Hugh Callendar came in with Aziz.\n\n“Where is the doctor?” the Major called.'
    const { entities, quotes } = analyze(text)
    expect(entity(entities, 'Hugh Callendar').mentions).toHaveLength(2)
    expect(entities.some((e) => e.name === 'Major')).toBe(false)
    expect(quotes[0]!.speaker?.name).toBe('Hugh Callendar')
    // An honorific alone ("Yes, Sir") addresses anyone: it is not taken for Sir Tom Bell.
    expect(entity(analyze('Sir Tom Bell sat. “Yes, Sir,” said Aziz.').entities, 'Tom Bell').mentions).toHaveLength(1)
  })

  it('records cast lists as actor roles', () => {
    const text = 'Returning are William Gao as Tao, Corinna Brown as Tara and Chetna Pandya as Coach Singh.'
    const { entities } = analyze(text)
    expect(entity(entities, 'William Gao').roles).toEqual([{ role: 'actor', of: 'Tao' }])
    expect(entity(entities, 'Chetna Pandya').roles).toEqual([{ role: 'actor', of: 'Coach Singh' }])
    expect(entity(entities, 'Tao').kind).toBe('person')
  })

  it('records an actor named in brackets after a character', () => {
    const { entities } = analyze('The stories of Nick (Kit Connor) and Charlie (Joe Locke) end here.')
    expect(entity(entities, 'Kit Connor').roles).toEqual([{ role: 'actor', of: 'Nick' }])
  })

  it('records role nouns before a name, and the works they belong to', () => {
    const { entities } = analyze(
      'For the final outing, Still Alice and Colette director Wash Westmoreland will direct.',
    )
    const wash = entity(entities, 'Wash Westmoreland')
    expect(wash.roles).toEqual([
      { role: 'director', of: 'Still Alice' },
      { role: 'director', of: 'Colette' },
    ])
    expect(entity(entities, 'Still Alice').kind).toBe('work')
  })

  it('cuts role words off a capitalised name', () => {
    const { entities } = analyze('Yesterday Finance Minister Helen Achterberg defended the budget.')
    const e = entity(entities, 'Helen Achterberg')
    expect(e.roles).toEqual([{ role: 'finance minister' }])
  })

  it('records "Netflix’s Tudum" as part of Netflix', () => {
    const { entities } = analyze('Oseman spoke to Netflix’s Tudum about the film.')
    expect(entity(entities, 'Netflix').kind).toBe('organization')
    expect(entity(entities, 'Tudum').roles).toEqual([{ role: 'part of', of: 'Netflix' }])
  })

  it.each([
    ['a work', 'Fans await the Heartstopper film and all three seasons of Heartstopper.', 'Heartstopper', 'work'],
    [
      'an organisation',
      'Shares in the group rose after Pennant Securities upgraded it.',
      'Pennant Securities',
      'organization',
    ],
    ['a place', 'The festival moves to Cornwall next year.', 'Cornwall', 'place'],
    ['a person by title', 'The case went to Judge Amelia Frost on Monday.', 'Amelia Frost', 'person'],
  ])('classifies %s', (_name, text, name, kind) => {
    expect(entity(analyze(text).entities, name).kind).toBe(kind)
  })

  it('does not make sentence-opening words into entities', () => {
    const names = analyze('Earlier this month the band played. Lastly, they left. Fortunately it was dry.').entities
    expect(names).toEqual([])
  })

  it('cuts an ordinary word that opens a sentence from the front of a name', () => {
    const text =
      'The harvest was poor that year. Poor Tamsin Vell had lost the farm. Young Corwin Ashby, still young, ' +
      'said nothing. Later, Lady Hartwell called on her; a lady of the parish came too.'
    const names = analyze(text).entities.map((e) => e.name)
    expect(names).toContain('Tamsin Vell')
    // "young" is written in lower case too; "Lady" is an honorific and stays with the name.
    expect(names).toContain('Corwin Ashby')
    expect(names).toContain('Lady Hartwell')
    expect(names.some((n) => n.startsWith('Poor') || n.startsWith('Young'))).toBe(false)
  })

  it('cuts an opening adverb or preposition from a name even when the text never writes it in lower case', () => {
    const text =
      'Presently Tamsin Vell came down. Under Corwin’s direction the sheet was pegged out. Kelly Ashby waved.'
    const names = analyze(text).entities.map((e) => e.name)
    expect(names).toEqual(expect.arrayContaining(['Tamsin Vell', 'Corwin', 'Kelly Ashby']))
    expect(names.some((n) => n.startsWith('Presently') || n.startsWith('Under'))).toBe(false)
  })

  it('keeps a capitalised opener the text never writes in lower case', () => {
    // "Gentle" appears only capitalised, so it may be a given name: nothing is cut.
    const names = analyze('Gentle Moreau arrived at noon. By evening Gentle Moreau had gone.').entities.map(
      (e) => e.name,
    )
    expect(names).toContain('Gentle Moreau')
  })

  it('ends a sentence at a stop before a closing mark, even after an abbreviation', () => {
    // "No." is also the abbreviation of "number"; before a closing mark it ends what was said.
    const names = analyze('“Will you stay?” “No.” Later Mary Hope went home.').entities.map((e) => e.name)
    expect(names).toEqual(['Mary Hope'])
  })

  it('does not join the pronoun I to the capitalised words before it', () => {
    const text = '“Am I late?” asked Orla Brennan. “Certainly I am not,” said Dermot Keane.'
    const names = analyze(text).entities.map((e) => e.name)
    expect(names.filter((n) => /\bI\b/u.test(n))).toEqual([])
    expect(names).toEqual(expect.arrayContaining(['Orla Brennan', 'Dermot Keane']))
  })
})

describe('known entities', () => {
  const library: KnownEntity[] = [
    { id: 'e-1', kind: 'person', name: 'Alice Oseman', aliases: ['A. Oseman', 'The Heartstopper Author'] },
    { id: 'e-2', kind: 'work', name: 'Heartstopper', aliases: ['HS'] },
  ]

  it('matches names and aliases first and returns their ids', () => {
    const text = 'The Heartstopper Author spoke. HS returns, and Oseman is happy.'
    const { entities } = analyze(text, { knownEntities: library })
    const alice = entity(entities, 'Alice Oseman')
    expect(alice.entityId).toBe('e-1')
    expect(alice.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['The Heartstopper Author', 'Oseman'])
    expect(entity(entities, 'Heartstopper').entityId).toBe('e-2')
  })

  it('attributes quotations to the known entity with its id', () => {
    const q = analyze('“It is done,” said A. Oseman.', { knownEntities: library }).quotes[0]!
    expect(q.speaker).toEqual({ name: 'Alice Oseman', entityId: 'e-1', kind: 'person' })
  })

  it('lets the library override a guessed kind', () => {
    const text = 'Fans of Jordan praised the Jordan film.'
    const guessed = entity(analyze(text).entities, 'Jordan').kind
    const known = entity(
      analyze(text, { knownEntities: [{ id: 'p', kind: 'person', name: 'Jordan', aliases: [] }] }).entities,
      'Jordan',
    )
    expect(guessed).toBe('work')
    expect(known.kind).toBe('person')
  })
})

describe('gender from the narration', () => {
  const genderOf = (text: string, name: string): string => {
    // The analysis's first steps for a text without quotations: tokens, then sentence starts.
    const scan = scanText(text)
    const paragraphs = groupParagraphs(text, scan.lineEnd, scan.lineKind, scan.hasBlank)
    markTokens(scan.tokens, paragraphs.start.subarray(0, paragraphs.count), new Int32Array(0), new Int32Array(0))
    const index = extractEntities(text, scan.tokens, [])
    const r = index.records.find((x) => x.name === name)
    if (r === undefined) throw new Error(`no record ${name}`)
    return r.gender
  }

  it('reads a gender from the pronouns after a name when they agree two to one', () => {
    const text =
      'Odile Varga sat down. She was tired, and she said nothing. He came in. She looked up. She smiled; he did not.'
    expect(genderOf(text, 'Odile Varga')).toBe('f')
  })

  it('leaves it unknown when the pronouns are split', () => {
    const text = 'Odile Varga sat down. She was tired. He came in. She looked up; he did not.'
    expect(genderOf(text, 'Odile Varga')).toBe('')
  })
})
