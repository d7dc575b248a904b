// The fitting of the speaker ranker's weights (src/shared/analysis/speaker-rank.ts), apart from
// the data it is fitted on, so it can be tested on examples made up here.
import type { RankWeights } from '../../src/shared/analysis/speaker-rank'

/** L2 penalty on the weights' distance from the prior, per example. */
const PENALTY = 0.002
const STEPS = 1500
const RATE = 0.5

/** One ranked quotation whose gold speaker is named: its candidates and which of them are right. */
export interface Example {
  features: Float64Array[]
  positive: boolean[]
  /** The rules made no pick, so "nobody" (score 0) is an option too. */
  nobody: boolean
  dialogue: boolean
}

/**
 * Conditional logit: maximise the log probability of the right candidates among all (with
 * "nobody" at score 0 where the rules picked no one), by gradient ascent from `prior` (the
 * rules' own weights) with an L2 penalty on the distance from it, so that with little data the
 * fit stays near the rules.
 */
export function fitWeights(examples: Example[], prior: RankWeights): RankWeights {
  const n = prior.length
  const w = Float64Array.from(prior)
  if (examples.length === 0) return w
  const grad = new Float64Array(n)
  // Plain loops over preallocated arrays: the fit runs STEPS times over every example.
  const widest = Math.max(...examples.map((ex) => ex.features.length))
  const scores = new Float64Array(widest)
  for (let step = 0; step < STEPS; step++) {
    grad.fill(0)
    for (const ex of examples) {
      const m = ex.features.length
      let top = 0
      for (let c = 0; c < m; c++) {
        const f = ex.features[c]!
        let s = 0
        for (let i = 0; i < n; i++) s += f[i]! * w[i]!
        scores[c] = s
        if (s > top) top = s
      }
      let total = ex.nobody ? Math.exp(-top) : 0
      let right = 0
      for (let c = 0; c < m; c++) {
        const e = Math.exp(scores[c]! - top)
        scores[c] = e
        total += e
        if (ex.positive[c]) right += e
      }
      for (let c = 0; c < m; c++) {
        const weight = (ex.positive[c] ? scores[c]! / right : 0) - scores[c]! / total
        if (weight === 0) continue
        const f = ex.features[c]!
        for (let i = 0; i < n; i++) grad[i] = grad[i]! + weight * f[i]!
      }
    }
    for (let i = 0; i < n; i++) w[i] = w[i]! + RATE * (grad[i]! / examples.length - PENALTY * (w[i]! - prior[i]!))
  }
  return w
}
