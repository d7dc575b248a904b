// The speaker ranker: its arithmetic, its shipped weights, and what it changes in an analysis.
// Every sentence here was written for this file.
import { describe, expect, it } from 'vitest'
import { analyze } from './index'
import { FITTED as fitted } from './speaker-rank-weights'
import { Candidates, RANK_FEATURES, RULES_ONLY, SHIPPED_MODEL, type RankTrace, best, weightsFrom } from './speaker-rank'

const SCENE =
  'Gina Ortiz chairs the county board.\n\nOrtiz spoke to reporters afterwards. “We will try again in the spring,” she said.'

describe('best', () => {
  it('picks the highest score and gives its share of the probability', () => {
    const c = new Candidates()
    c.set(c.add('e1', { entity: 1 }), 'rules: pronoun')
    c.set(c.add('e2', { entity: 2 }), 'named in paragraph')
    const w = weightsFrom({ 'rules: pronoun': 1, 'named in paragraph': 2 })
    const { index, probability } = best(c, w)
    expect(index).toBe(1)
    expect(probability).toBeCloseTo(Math.exp(2) / (Math.exp(1) + Math.exp(2)), 6)
  })

  it('gives a tie to the candidate added first, the rules’ own pick', () => {
    const c = new Candidates()
    c.set(c.add('e1', { entity: 1 }), 'recent')
    c.set(c.add('e2', { entity: 2 }), 'recent')
    expect(best(c, weightsFrom({ recent: 1 })).index).toBe(0)
  })

  it('adds a speaker once, however many features name them', () => {
    const c = new Candidates()
    const a = c.add('e7', { entity: 7 })
    expect(c.add('e7', { entity: 7 })).toBe(a)
    expect(c.size).toBe(1)
  })
})

describe('the shipped weights', () => {
  it('name only features the ranker reads, each a finite number', () => {
    for (const kind of ['dialogue', 'other'] as const) {
      for (const [name, value] of Object.entries(fitted[kind])) {
        expect(RANK_FEATURES as readonly string[]).toContain(name)
        expect(Number.isFinite(value)).toBe(true)
      }
    }
  })

  it('are read into both models', () => {
    expect(SHIPPED_MODEL.other).not.toEqual(RULES_ONLY.other)
    expect(SHIPPED_MODEL.dialogue).not.toEqual(RULES_ONLY.dialogue)
    expect(SHIPPED_MODEL.other.length).toBe(RANK_FEATURES.length)
  })
})

describe('in an analysis', () => {
  it('finds the speaker of a “she said” the rules leave without one', () => {
    const rulesOnly = analyze(SCENE, { rank: { model: RULES_ONLY } }).quotes[0]!
    expect(rulesOnly.speaker).toBeNull()
    const ranked = analyze(SCENE).quotes[0]!
    expect(ranked.speaker?.name).toBe('Gina Ortiz')
    expect(ranked.method).toBe('ranked')
    // A ranked speaker is a guess the user should check, and keeps the cue it resolved.
    expect(ranked.confidence).toBeLessThan(0.6)
    expect(ranked.needsReview).toBe(true)
    expect(SCENE.slice(ranked.cue!.start, ranked.cue!.end)).toBe('she said')
  })

  it('never changes a speaker named by a cue', () => {
    const text = '“We will try again,” said Gina Ortiz. Tom Reed left early.\n\n“It is too costly,” Reed said.'
    const a = analyze(text).quotes
    const b = analyze(text, { rank: { model: RULES_ONLY } }).quotes
    expect(a.map((q) => q.speaker?.name)).toEqual(['Gina Ortiz', 'Tom Reed'])
    expect(a).toEqual(b)
  })

  it('keeps a descriptor written as such rather than naming someone', () => {
    const text =
      'Rita Vance runs the plant.\n\nOne engineer described the mood as “grim.” “Everyone is refreshing their inbox,” the engineer said.'
    const q = analyze(text).quotes.find((x) => x.text.includes('refreshing'))!
    // The engineer stays the unnamed engineer of the sentence before, not the plant's head.
    expect(q.speaker).toMatchObject({ name: 'One engineer', kind: 'descriptor' })
    expect(q.method).toBe('descriptor')
  })

  it('in a dialogue, gives a descriptor kept as written to someone in the scene', () => {
    const text = [
      'Tom Gale sat by the fire with Louisa Gale, who was watching the sparks.',
      '“Are you tired, Tom?”',
      '“Tired of everything.”',
      '“Of me too?”',
      '“Never of you.”',
      '“Then why do you go out every night?” said Tom’s sister.',
    ].join('\n\n')
    const last = (model?: typeof RULES_ONLY) =>
      analyze(text, model === undefined ? {} : { rank: { model } }).quotes.at(-1)!
    expect(last(RULES_ONLY).speaker).toMatchObject({ name: 'Tom’s sister', kind: 'descriptor' })
    expect(last().speaker?.name).toBe('Louisa Gale')
    expect(last().needsReview).toBe(true)
  })

  it('reads a dialogue’s turns from the cue that comes after them', () => {
    // The narration's subject is Jonah, but the exchange is set by "said Marta" two turns on.
    const text = [
      'Jonah Reyes was mending a net in the boathouse when Marta Voss came down the steps.',
      '“You were gone all night.”',
      '“Was I?”',
      '“You know you were,” said Marta.',
      '“I had things to do.”',
    ].join('\n\n')
    const names = (model?: typeof RULES_ONLY): (string | undefined)[] =>
      analyze(text, model === undefined ? {} : { rank: { model } }).quotes.map((q) => q.speaker?.name)
    expect(names()).toEqual(['Marta Voss', 'Jonah Reyes', 'Marta Voss', 'Jonah Reyes'])
    expect(names(RULES_ONLY).slice(0, 2)).toEqual(['Jonah Reyes', undefined])
    const first = analyze(text).quotes[0]!
    expect(first.method).toBe('ranked')
    expect(first.needsReview).toBe(true)
  })

  it('gives a turn to the person the next turn answers by name', () => {
    const text = [
      'Tony Marsh and Brenda Hale sat in the car for a long time without a word.',
      '“Are we going in?”',
      '“In a minute, Brenda.”',
      '“You said that an hour ago.”',
    ].join('\n\n')
    expect(analyze(text).quotes.map((q) => q.speaker?.name)).toEqual(['Brenda Hale', 'Tony Marsh', 'Brenda Hale'])
  })

  it('reports each ranked quotation with its candidates to a trace', () => {
    const traces: RankTrace[] = []
    analyze(SCENE, { rank: { onRanked: (t) => traces.push(t) } })
    expect(traces).toHaveLength(1)
    expect(traces[0]!.names).toContain('Gina Ortiz')
    expect(traces[0]!.rules).toBe(-1)
    expect(traces[0]!.names[traces[0]!.chosen]).toBe('Gina Ortiz')
  })
})
