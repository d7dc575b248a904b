import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/contract'
import { makeTestDb } from '../helpers/db'
import { fuzzAnalysis, fuzzDispatch } from './fuzz'

// `npm run reliability` runs 2,000 per channel; a few hundred keep npm test quick.
const RUNS = 300
const seed = Number(process.env.QUOTEDESK_SEED ?? Date.now() % 2 ** 31)

describe(`property-based fuzzing (seed ${seed})`, () => {
  it(`dispatch answers ${RUNS} random payloads per channel, and hostile channel names, with a cloneable envelope`, async () => {
    const figures = await fuzzDispatch(await makeTestDb(), RUNS, seed)
    expect(figures.map((f) => f.target)).toEqual([...CHANNELS, '(channel names)'])
    for (const f of figures) {
      expect({
        target: f.target,
        threw: f.threw,
        notEnvelope: f.notEnvelope,
        notCloneable: f.notCloneable,
        internal: f.internal,
        badOutput: f.badOutput,
        examples: f.examples,
      }).toEqual({
        target: f.target,
        threw: 0,
        notEnvelope: 0,
        notCloneable: 0,
        internal: 0,
        badOutput: 0,
        examples: [],
      })
      expect(f.runs).toBe(RUNS)
    }
  }, 120_000)

  it('analysis of random text never throws, keeps offsets inside the text and is deterministic', () => {
    const figures = fuzzAnalysis(1000, seed)
    expect(figures).toEqual({ runs: 1000, threw: 0, badOffsets: 0, nondeterministic: 0, splitPairs: 0, examples: [] })
  })
})
