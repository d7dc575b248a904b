// Library knowledge: entities the user already has (with aliases, lower-case descriptors included)
// are matched before anything is guessed, and descriptors the article itself establishes resolve to
// the person they describe.
import { describe, expect, it } from 'vitest'
import { analyze } from './index'
import type { KnownEntity } from './types'

const harbourMaster: KnownEntity = {
  id: 'e-ines',
  kind: 'person',
  name: 'Ines Duarte',
  aliases: ['the harbour master'],
}
const speakers = (text: string, knownEntities: KnownEntity[] = []) =>
  analyze(text, { knownEntities }).quotes.map((q) => q.speaker)

describe('library entities', () => {
  it('resolves a lower-case descriptor alias after the quote to the known person', () => {
    expect(speakers('“We are ready,” said the harbour master.', [harbourMaster])).toEqual([
      { name: 'Ines Duarte', entityId: 'e-ines', kind: 'person' },
    ])
  })

  it('resolves the alias as a subject, at a sentence start and before the quote', () => {
    expect(speakers('“We are ready,” the harbour master said.', [harbourMaster])).toEqual([
      { name: 'Ines Duarte', entityId: 'e-ines', kind: 'person' },
    ])
    expect(speakers('The harbour master told reporters: “We are ready.”', [harbourMaster])).toEqual([
      { name: 'Ines Duarte', entityId: 'e-ines', kind: 'person' },
    ])
  })

  it('matches an alias given without its article inside “the …”', () => {
    const known: KnownEntity = { id: 'e-ines', kind: 'person', name: 'Ines Duarte', aliases: ['harbour master'] }
    expect(speakers('“We are ready,” said the harbour master.', [known])).toEqual([
      { name: 'Ines Duarte', entityId: 'e-ines', kind: 'person' },
    ])
  })

  it('records every mention of the alias on the library entity', () => {
    const text = 'The harbour master closed the port. Boats waited for the harbour master to reopen it.'
    const e = analyze(text, { knownEntities: [harbourMaster] }).entities.find((x) => x.entityId === 'e-ines')
    expect(e?.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['The harbour master', 'the harbour master'])
  })

  it('does not match a capitalised library name written in lower case', () => {
    const known: KnownEntity = { id: 'o-apple', kind: 'organization', name: 'Apple', aliases: [] }
    const { entities } = analyze('She ate an apple. Apple said nothing.', { knownEntities: [known] })
    expect(entities.find((e) => e.entityId === 'o-apple')?.mentions).toHaveLength(1)
  })

  it('prefers the library entity and keeps its canonical name for a surname mention', () => {
    const known: KnownEntity = { id: 'p-1', kind: 'person', name: 'Ines Duarte', aliases: ['Duarte'] }
    expect(speakers('“We are ready,” Duarte said.', [known])).toEqual([
      { name: 'Ines Duarte', entityId: 'p-1', kind: 'person' },
    ])
  })
})

describe('descriptors the article establishes', () => {
  it('links “the Heartstopper creator” to Heartstopper creator Alice Oseman', () => {
    const text =
      'Heartstopper creator Alice Oseman spoke to fans.\n\nHer co-star Kit Connor arrived later.\n\n“It is a dream,” the Heartstopper creator said.'
    expect(speakers(text)).toEqual([{ name: 'Alice Oseman', kind: 'person' }])
  })

  it('links a lower-case apposition to the person it follows', () => {
    const text =
      'Ines Duarte, the harbour master, opened the port.\n\nTom Reed arrived later.\n\n“It is a dream,” said the harbour master.'
    expect(speakers(text)).toEqual([{ name: 'Ines Duarte', kind: 'person' }])
  })

  it('links an owned apposition (“Acme’s director of operations”) by its head noun', () => {
    const text =
      'Rachel Ndlovu, Acme’s director of operations, spoke.\n\nTom Reed, the mayor, arrived later.\n\n“It is a dream,” the director said.'
    const { entities, quotes } = analyze(text)
    expect(entities.find((e) => e.name === 'Rachel Ndlovu')?.roles).toEqual([{ role: 'director', of: 'Acme' }])
    expect(quotes[0]?.speaker).toEqual({ name: 'Rachel Ndlovu', kind: 'person' })
  })

  it('matches a role with modifiers by its head word: the minister is Finance Minister Helen Achterberg', () => {
    const text =
      'Finance Minister Helen Achterberg presented the budget.\n\nOpposition MPs, led by Tom Reed, walked out.\n\n“It is a fair budget,” the minister said.'
    expect(speakers(text)).toEqual([{ name: 'Helen Achterberg', kind: 'person' }])
  })
})
