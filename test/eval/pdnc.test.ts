// The PDNC converter on a novel, quotations and cast written here in PDNC's CSV layout (no PDNC text).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  NOT_IN_LITBANK,
  SKIP_CHARS,
  convertNovel,
  loadPdnc,
  loadPdncOpenings,
  novelOf,
  speakerKind,
  unwrap,
} from '../../scripts/eval/pdnc'

const CHARACTERS = [
  'Character ID,Main Name,Aliases,Gender,Category',
  `0,Wren Halloway,"{'Wren Halloway', 'Miss Halloway', 'Wren'}",F,major`,
  `1,Tobias Marsh,"{'Tobias Marsh', 'Mr. Marsh'}",M,major`,
  `2,The Ferryman,"{'The Ferryman'}",M,minor`,
].join('\n')

/** A quotation row as PDNC writes it: the text with its line breaks, spans in a list of pairs. */
function row(id: number, text: string, spans: [number, number][], speaker: string): string {
  const quoted = (s: string): string => `"${s.replace(/"/gu, '""')}"`
  const spanCell = `[${spans.map(([a, b]) => `[${a}, ${b}]`).join(', ')}]`
  return [
    `Q${id}`,
    quoted(text),
    quoted(`['${text}']`),
    quoted(spanCell),
    quoted(speaker),
    '"[]"',
    'Explicit',
    '',
    '[]',
    '[]',
    '[]',
  ].join(',')
}

const HEADER =
  '"quoteID","quoteText","subQuotationList","quoteByteSpans","speaker","addressees","quoteType","referringExpression","mentionTextsList","mentionSpansList","mentionEntitiesList"'

/** A novel of paragraphs, each a quotation and its speaker, with hard-wrapped lines. */
function novel(paragraphs: number): { text: string; quotations: string } {
  const speakers = ['Wren Halloway', 'Tobias Marsh', 'The Ferryman', '_unknowable']
  let text = ''
  const rows: string[] = [HEADER]
  for (let i = 0; i < paragraphs; i++) {
    const said = `The tide is turning at the\nnorth landing, number ${i},`
    const open = text.length + 1
    text += `“${said}” somebody said, and the\nlamp went out.\n\n`
    rows.push(row(i, said, [[open, open + said.length]], speakers[i % speakers.length]!))
  }
  return { text, quotations: rows.join('\n') + '\n' }
}

describe('convertNovel', () => {
  it('makes every quotation piece after the skipped opening a gold quote with its marks and speaker', () => {
    const { text, quotations } = novel(40)
    const skip = 1_000
    const docs = convertNovel('Tide', text, quotations, CHARACTERS, { skip, excerpt: 600 })
    const quotes = docs.flatMap((d) => d.quotes)
    expect(quotes.length).toBeGreaterThan(20)
    expect(quotes.length).toBeLessThan(40)
    for (const d of docs) {
      for (const q of d.quotes) {
        expect(d.text.slice(q.start, q.end)).toBe(q.text)
        expect(q.text.startsWith('“')).toBe(true)
        expect(q.text.endsWith('”')).toBe(true)
        // Hard-wrapped lines are joined as LitBank's text has them.
        expect(q.text).not.toContain('\n')
      }
    }
    const wren = quotes.find((q) => q.speaker === 'Wren Halloway')
    expect(wren?.speaker_kind).toBe('named')
    expect(wren?.speaker_alternates).toEqual(expect.arrayContaining(['Miss Halloway', 'Wren']))
    expect(quotes.find((q) => q.speaker === 'The Ferryman')?.speaker_kind).toBe('nominal')
    const unknown = quotes.find((q) => q.speaker === null)
    expect(unknown?.speaker_kind).toBe('none')
  })

  it('adds a given name PDNC leaves out as an alternate, when no one else in the novel has it', () => {
    const cast = [
      'Character ID,Main Name,Aliases,Gender,Category',
      `0,Tobias Marsh,"{'Tobias Marsh', 'Mr. Marsh'}",M,major`,
      `1,Ada Crane,"{'Ada Crane'}",F,major`,
      `2,Ada Pell,"{'Ada Pell'}",F,minor`,
      `3,Major Callendar,"{'Major Callendar'}",M,minor`,
    ].join('\n')
    const text =
      'The boats lay still.\n\n“We sail at dawn,” Tobias said.\n\n“Not I,” said Ada.\n\n“Nor I,” said the Major.\n\n'
    const spans = ['We sail at dawn,', 'Not I,', 'Nor I,'].map((q) => [text.indexOf(q), text.indexOf(q) + q.length])
    const speakers = ['Tobias Marsh', 'Ada Crane', 'Major Callendar']
    const quotations = [HEADER, ...spans.map(([a, b], i) => row(i, text.slice(a, b), [[a!, b!]], speakers[i]!))].join(
      '\n',
    )
    const [doc] = convertNovel('Dawn', text, quotations, cast, { skip: 0, excerpt: 10_000 })
    const alternates = (speaker: string) => doc!.quotes.find((q) => q.speaker === speaker)!.speaker_alternates
    expect(alternates('Tobias Marsh')).toEqual(expect.arrayContaining(['Mr. Marsh', 'Tobias']))
    // Two characters are called Ada, and "Major" is a title: neither becomes an alternate.
    expect(alternates('Ada Crane')).not.toContain('Ada')
    expect(alternates('Major Callendar')).not.toContain('Major')
  })

  it('cuts excerpts at blank lines, never inside a quotation, and numbers them by novel', () => {
    const { text, quotations } = novel(40)
    const docs = convertNovel('Tide', text, quotations, CHARACTERS, { skip: 0, excerpt: 500 })
    expect(docs.length).toBeGreaterThan(3)
    expect(docs.map((d) => d.text).join('')).toBe(unwrap(text).slice(unwrap(text).indexOf('\n\n') + 2))
    for (const d of docs) {
      expect(novelOf(d)).toBe('pdnc-Tide')
      expect(d.text.endsWith('\n\n') || d === docs.at(-1)).toBe(true)
    }
  })

  it('makes each piece of a quotation broken by its tag a gold quote of its own', () => {
    const text = 'Opening.\n\n“Come here,” said Tobias Marsh, “and look.”\n\n'
    const a = text.indexOf('Come')
    const b = text.indexOf('and look')
    const csv = `${HEADER}\n${row(
      0,
      'Come here, and look.',
      [
        [a, a + 10],
        [b, b + 9],
      ],
      'Tobias Marsh',
    )}\n`
    const [doc] = convertNovel('One', text, csv, CHARACTERS, { skip: 0, excerpt: 10_000 })
    expect(doc!.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['“Come here,”', 'Tobias Marsh'],
      ['“and look.”', 'Tobias Marsh'],
    ])
  })
})

describe('speakerKind', () => {
  it.each([
    ['Wren Halloway', 'named'],
    ['Mr. Marsh', 'named'],
    ['The Ferryman', 'nominal'],
    ['an old woman', 'nominal'],
    ['_narr', 'none'],
    ['_group', 'none'],
    ['', 'none'],
  ])('%s is %s', (name, kind) => {
    expect(speakerKind(name)).toBe(kind)
  })
})

describe('loading a checkout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdnc-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads every novel under data/, and the openings only of novels LitBank does not hold', () => {
    // About 70,000 characters: longer than the opening every novel skips.
    const { text, quotations } = novel(800)
    for (const name of ['Emma', ...NOT_IN_LITBANK]) {
      mkdirSync(join(dir, 'data', name), { recursive: true })
      writeFileSync(join(dir, 'data', name, 'novel_text.txt'), text)
      writeFileSync(join(dir, 'data', name, 'quotation_info.csv'), quotations)
      writeFileSync(join(dir, 'data', name, 'character_info.csv'), CHARACTERS)
    }
    const all = loadPdnc(dir, 5_000)
    const novels = new Set(all.map(novelOf))
    expect(novels.has('pdnc-Emma')).toBe(true)
    expect(novels.size).toBe(NOT_IN_LITBANK.length + 1)
    // The opening SKIP_CHARS of each novel are never read.
    const perNovel = all.filter((d) => novelOf(d) === 'pdnc-Emma').flatMap((d) => d.quotes)
    expect(perNovel.length).toBeGreaterThan(100)
    expect(perNovel.length).toBeLessThan(800 - SKIP_CHARS / 100)

    const openings = loadPdncOpenings(dir, 2, 2_000)
    expect(openings).toHaveLength(2 * NOT_IN_LITBANK.length)
    expect(openings.some((d) => d.id.includes('Emma'))).toBe(false)
    expect(openings.every((d) => d.quotes.length > 0)).toBe(true)
  })

  it('says what it expected of a folder that holds no PDNC data', () => {
    expect(() => loadPdnc(join(dir, 'nothing-here'))).toThrow(/holds no PDNC data/u)
  })
})
