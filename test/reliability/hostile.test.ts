import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makeTempDir, makeTestDb } from '../helpers/db'
import { HOSTILE_INPUTS } from './hostile-catalogue'
import {
  committedInputs,
  fixturePath,
  MANIFEST,
  runHostileInputs,
  sha256,
  summarise,
  type ManifestEntry,
} from './hostile'

// The big inputs (50 MB files, a 10 MB line) and the known-slow nested HTML run in `npm run reliability`.
const FAST = HOSTILE_INPUTS.filter((input) => input.size === 'small' && input.id !== 'h41')

describe('hostile input catalogue', () => {
  it('has at least 40 entries and its committed fixtures are exactly what the generator makes', () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(40)
    expect(new Set(HOSTILE_INPUTS.map((input) => input.id)).size).toBe(HOSTILE_INPUTS.length)
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as ManifestEntry[]
    expect(manifest.map((entry) => entry.id)).toEqual(committedInputs().map((input) => input.id))
    for (const input of committedInputs()) {
      // If this fails, run `npx tsx scripts/make-hostile-fixtures.ts` and commit the result.
      expect(sha256(fs.readFileSync(fixturePath(input))), input.id).toBe(sha256(input.make()))
    }
  })

  it(`each of ${FAST.length} inputs is imported correctly or refused clearly: no crash, hang or partial write`, async () => {
    const library = await makeTestDb()
    const outcomes = await runHostileInputs({ library, workDir: makeTempDir('quotedesk-hostile-'), inputs: FAST })
    const failures = outcomes
      .filter((o) => o.problems.length > 0 && !o.knownDefect)
      .map((o) => `${o.id} ${o.title}: ${o.ending} (${o.detail.slice(0, 120)}) — ${o.problems.join('; ')}`)
    expect(failures).toEqual([])
    const figures = summarise(outcomes)
    expect(figures).toMatchObject({ tried: FAST.length, crashed: 0, hung: 0, failed: 0 })
    expect(library.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(library.sqlite.pragma('foreign_key_check')).toEqual([])
  }, 120_000)
})
