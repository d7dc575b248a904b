// The ranker's fitting, on examples made up here: it learns which feature marks the right speaker.
import { describe, expect, it } from 'vitest'
import { type Example, fitWeights } from '../../scripts/eval/rank-fit'
import { Candidates, RULES_ONLY, best } from '../../src/shared/analysis/speaker-rank'

/** Two candidates: the rules' pick, and someone named in the paragraph; `rulesRight` says who spoke. */
function example(rulesRight: boolean): { example: Example; candidates: Candidates } {
  const c = new Candidates()
  c.set(c.add('e1', { entity: 1 }), 'rules: pronoun')
  c.set(c.add('e2', { entity: 2 }), 'named in paragraph')
  return {
    example: {
      features: [c.featuresOf(0), c.featuresOf(1)],
      positive: [rulesRight, !rulesRight],
      nobody: false,
      dialogue: false,
    },
    candidates: c,
  }
}

describe('fitWeights', () => {
  it('overrules the rules where another feature is right more often', () => {
    const made = Array.from({ length: 40 }, (_, i) => example(i % 4 === 0))
    const w = fitWeights(
      made.map((m) => m.example),
      RULES_ONLY.other,
    )
    expect(best(made[1]!.candidates, RULES_ONLY.other).index).toBe(0)
    expect(best(made[1]!.candidates, w).index).toBe(1)
  })

  it('keeps the rules where they are right', () => {
    const made = Array.from({ length: 40 }, (_, i) => example(i % 4 !== 0))
    const w = fitWeights(
      made.map((m) => m.example),
      RULES_ONLY.other,
    )
    expect(best(made[0]!.candidates, w).index).toBe(0)
  })

  it('returns the prior when there is nothing to fit on', () => {
    expect(fitWeights([], RULES_ONLY.other)).toEqual(RULES_ONLY.other)
  })
})
