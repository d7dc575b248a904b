import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { runCli } from '../../../test/helpers/cli'

let dir: string

beforeEach(() => {
  dir = makeTempDir('quotedesk-check-')
})

function run(argv: string[]) {
  return runCli(path.join(dir, 'library.quotedesk'), dir, argv)
}

const ARTICLE = [
  'The Solitare author spoke to us on Monday.',
  '“I have always wanted to tell this story,” Alice Oseman said.',
  '“We’ll have man more of those conversations,” Oseman continued.',
  '“Nobody will ever see the sequel,” Oseman added.',
].join('\n\n')

const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:03.000',
  '<v Interviewer>Why Solitaire first?',
  '',
  '00:00:04.000 --> 00:00:09.000',
  '<v Alice Oseman>I have always wanted to tell this story.',
  '',
  '00:02:10.000 --> 00:02:15.000',
  '<v Alice Oseman>We’ll have many more of those conversations now.',
  '',
].join('\n')

type CheckOutput = {
  quotes: {
    start: number
    end: number
    text: string
    verdict: string
    score: number
    source: { file: string; start: number; end: number; timestamp?: string } | null
    diff: { op: string; text: string }[]
  }[]
  names: { start: number; end: number; text: string; suggestion: string; reason: string }[]
}

describe('quotedesk check', () => {
  it('checks every quote against the sources and flags a name spelled differently in a source', async () => {
    fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE)
    fs.writeFileSync(path.join(dir, 'interview.vtt'), VTT)
    const { code, stdout, stderr } = await run(['check', 'article.txt', '--source', 'interview.vtt', '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as CheckOutput
    const byStart = (prefix: string) => out.quotes.find((q) => q.text.startsWith(prefix))
    expect(byStart('“I have always')).toMatchObject({
      verdict: 'exact',
      source: { file: 'interview.vtt', timestamp: '00:00:04.000' },
    })
    const altered = byStart('“We’ll have man')
    expect(altered?.verdict).toBe('altered')
    expect(altered?.diff.some((d) => d.op === 'insert' && d.text.includes('man'))).toBe(true)
    expect(altered?.diff.some((d) => d.op === 'delete' && d.text.includes('many'))).toBe(true)
    expect(byStart('“Nobody')).toMatchObject({ verdict: 'not_found', source: null })
    for (const q of out.quotes) expect(ARTICLE.slice(q.start, q.end)).toBe(q.text)
    const flag = out.names.find((n) => n.text === 'Solitare')
    expect(flag?.suggestion).toBe('Solitaire')
    expect(flag && ARTICLE.slice(flag.start, flag.end)).toBe('Solitare')
  })

  it('prints a readable report without --json', async () => {
    fs.writeFileSync(path.join(dir, 'article.md'), ARTICLE)
    fs.writeFileSync(path.join(dir, 'interview.vtt'), VTT)
    const { code, stdout } = await run(['check', 'article.md', '--source', 'interview.vtt'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/3 quotes checked against 1 source/)
    expect(stdout).toMatch(/ALTERED/)
    expect(stdout).toMatch(/NOT FOUND/)
    expect(stdout).toMatch(/Solitare → Solitaire/)
  })

  it('needs at least one source and names a missing file', async () => {
    fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE)
    expect((await run(['check', 'article.txt'])).code).not.toBe(0)
    const missing = await run(['check', 'article.txt', '--source', 'gone.vtt'])
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(/gone\.vtt: no such file/)
  })
})
