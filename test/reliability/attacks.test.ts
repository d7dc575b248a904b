import { describe, expect, it } from 'vitest'
import { ATTACKS, runAttacks } from './attacks'

describe('red-team attacks (issue 12)', () => {
  it('have unique ids and name their finding', () => {
    expect(new Set(ATTACKS.map((a) => a.id)).size).toBe(ATTACKS.length)
    for (const attack of ATTACKS) expect(attack.finding).toBeGreaterThan(0)
  })

  for (const attack of ATTACKS.filter((a) => !a.slow)) {
    it(`finding ${attack.finding}, ${attack.id}: ${attack.title} — holds`, async (ctx) => {
      const [result] = await runAttacks([attack])
      // Shown as skipped, with the reason, where this machine cannot stage the attack.
      if (result?.notStaged !== undefined) ctx.skip(result.notStaged)
      expect(result?.detail).toBeDefined()
      expect({ held: result?.held, detail: result?.detail }).toMatchObject({ held: true })
    }, 120_000)
  }
})
