import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { openLibrary } from '../db/connection'
import { createHandlers } from '../services'
import { runCli } from '../../../test/helpers/cli'

let dir: string
let db: string

beforeEach(() => {
  dir = makeTempDir('quotedesk-analyze-')
  db = path.join(dir, 'library.quotedesk')
})

function run(argv: string[]) {
  return runCli(db, dir, argv)
}

const STORY = 'Mayor Jane Porter opened the bridge.\r\n\r\n“It is a great day,” Porter said.\r\n'

describe('quotedesk analyze', () => {
  it('prints one JSON object whose offsets point into the file’s own text (BOM removed, CRLF kept)', async () => {
    fs.writeFileSync(path.join(dir, 'story.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(STORY)]))
    const { code, stdout, stderr } = await run(['analyze', 'story.txt', '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {
      text: string
      quotes: {
        start: number
        end: number
        text: string
        partial: boolean
        speaker: { name: string } | null
        confidence: number
        cue: { start: number; end: number } | null
      }[]
      entities: { name: string; kind: string; aliases: string[]; mentions: { start: number; end: number }[] }[]
    }
    expect(out.text).toBe(STORY)
    expect(out.quotes).toHaveLength(1)
    const [quote] = out.quotes
    expect(quote && out.text.slice(quote.start, quote.end)).toBe('“It is a great day,”')
    expect(quote?.partial).toBe(false)
    expect(quote?.confidence).toBeGreaterThan(0)
    expect(quote?.confidence).toBeLessThanOrEqual(1)
    expect(quote?.cue && out.text.slice(quote.cue.start, quote.cue.end)).toMatch(/said/)
    const person = out.entities.find((e) => e.kind === 'person')
    expect(person?.aliases).toContain('Porter')
    for (const m of person?.mentions ?? []) expect(out.text.slice(m.start, m.end)).toMatch(/Porter/)
    // Analysing a file does not create a library as a side effect.
    expect(fs.existsSync(db)).toBe(false)
  })

  it('prints a readable list without --json', async () => {
    fs.writeFileSync(path.join(dir, 'story.md'), STORY)
    const { code, stdout } = await run(['analyze', 'story.md'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/story\.md: 1 quotes/)
    expect(stdout).toMatch(/“It is a great day,”/)
  })

  it('matches people already in the library', async () => {
    fs.writeFileSync(path.join(dir, 'story.txt'), '“We are ready,” said the harbour master.')
    const library = await openLibrary(db)
    const entity = await createHandlers(library)['entities:create']({
      kind: 'person',
      name: 'Ines Duarte',
      aliases: ['the harbour master'],
    })
    await library.close()
    const { stdout } = await run(['analyze', 'story.txt', '--json'])
    const out = JSON.parse(stdout) as { quotes: { speaker: { name: string; entityId?: string } | null }[] }
    expect(out.quotes[0]?.speaker).toEqual({ name: 'Ines Duarte', entityId: entity.id, kind: 'person' })
  })

  it('says what a speaker is when it is not a person', async () => {
    fs.writeFileSync(path.join(dir, 'story.txt'), 'Acme Corp cut 200 jobs.\n\n“We regret it,” the company said.\n')
    const json = JSON.parse((await run(['analyze', 'story.txt', '--json'])).stdout) as {
      quotes: { speaker: { name: string; kind?: string } | null }[]
    }
    expect(json.quotes[0]?.speaker).toEqual({ name: 'Acme Corp', kind: 'organization' })
    const { stdout } = await run(['analyze', 'story.txt'])
    expect(stdout).toMatch(/Acme Corp \(organization\)/)
  })

  it.each([
    [['analyze', 'missing.txt'], /missing\.txt: no such file/],
    [['analyze', 'photo.png'], /photo\.png: .*not supported/],
  ])('fails with one line for %j', async (argv, message) => {
    fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const { code, stderr } = await run(argv)
    expect(code).not.toBe(0)
    expect(stderr).toMatch(message)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })
})
