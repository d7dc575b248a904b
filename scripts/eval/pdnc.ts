// The Project Dialogism Novel Corpus (Vishnubhotla, Hammond & Hirst, "The Project Dialogism Novel
// Corpus: A Dataset for Quotation Attribution in Literary Texts", LREC 2022; the repository
// Priya22/project-dialogism-novel-corpus) as gold quotations with speakers: every quotation of
// 28 whole novels, each with its speaker. The annotations carry no licence, so nothing of the
// corpus is in the repository: `npm run eval` and `npm run fit-ranker` read a local copy named by
// QUOTEDESK_PDNC.
//
// LitBank, our other fiction set, is the first ~2,000 words of a hundred novels, some of which
// PDNC annotates too (Emma, Persuasion, Alice…), and half of LitBank is how the project is judged
// from outside. So the opening SKIP_CHARS of every novel are left out: no LitBank excerpt is read,
// whichever half it belongs to. The rest is cut into excerpts of about LitBank's length, at
// paragraph breaks, each one document.
//
// Those excerpts come from the middle of novels, where the cast is established. LitBank's are
// openings, where it is not. The openings of the PDNC novels that LitBank does not hold are the
// nearest we have to LitBank's unseen half, so they are a set of their own (loadPdncOpenings).
import { parse } from 'csv-parse/sync'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { GoldDocument, GoldQuote } from '../../src/shared/analysis/eval-score'
import { TITLES } from '../../src/shared/analysis/lexicon'

/** Far past the end of any LitBank excerpt (about 11,000 characters). */
export const SKIP_CHARS = 50_000
/** About LitBank's excerpt length. */
export const EXCERPT_CHARS = 15_000

interface QuotationRow {
  quoteByteSpans: string
  speaker: string
}

interface CharacterRow {
  'Main Name': string
  Aliases: string
}

/** `[[6317, 6418], [6440, 6502]]`: one quotation's pieces, in code points (the novels are BMP-only, so UTF-16 too). */
function spansOf(cell: string): [number, number][] {
  const numbers = [...cell.matchAll(/\d+/gu)].map((m) => Number(m[0]))
  const spans: [number, number][] = []
  for (let i = 0; i + 1 < numbers.length; i += 2) spans.push([numbers[i]!, numbers[i + 1]!])
  return spans
}

/** `{'Emma', 'Miss Woodhouse'}`: a Python set literal of names. */
function namesOf(cell: string): string[] {
  return [...cell.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/gu)].map((m) => (m[1] ?? m[2] ?? '').trim())
}

/**
 * PDNC names every speaker; "_narr", "_group" and "_unknowable" are its placeholders, and a name
 * that is a description ("The Hatter", "An Old Man") counts as LitBank's nominal kind.
 */
export function speakerKind(name: string): 'named' | 'nominal' | 'none' {
  if (name === '' || name.startsWith('_')) return 'none'
  return /^(?:the|a|an)\s/iu.test(name) || !/\p{Lu}/u.test(name) ? 'nominal' : 'named'
}

const isMark = (c: string | undefined): boolean => c !== undefined && /["'“”‘’]/u.test(c)

/**
 * A hard-wrapped line break inside a paragraph becomes a space, as LitBank's texts have it; a
 * blank line stays. Offsets do not move.
 */
export function unwrap(text: string): string {
  return text.replace(/\r/gu, ' ').replace(/(?<!\n)\n(?!\n)/gu, ' ')
}

/**
 * PDNC's alias lists leave out many given names ("Bill Gorton" lacks "Bill", the name The Sun Also
 * Rises calls him by in every cue), so a speaker named by the given name alone would count as
 * wrong. A character's given name (the first word of the main name, not a title: "Major Callendar"
 * has none, "The Ferryman" neither) becomes an alternate when no other character of the novel
 * has that given name or uses it as an alias.
 */
function addGivenNames(characters: CharacterRow[], aliases: Map<string, string[]>): void {
  const givenOf = (c: CharacterRow): string => {
    const words = c['Main Name'].trim().split(/\s+/u)
    const first = words[0] ?? ''
    return words.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(first) && !TITLES.has(first.toLowerCase()) ? first : ''
  }
  const given = characters.map(givenOf)
  const owners = new Map<string, number>()
  characters.forEach((c, i) => {
    const uses = new Set([given[i]!, ...namesOf(c.Aliases).filter((n) => !n.includes(' '))])
    for (const n of uses) if (n !== '') owners.set(n, (owners.get(n) ?? 0) + 1)
  })
  characters.forEach((c, i) => {
    const name = given[i]!
    if (name === '' || owners.get(name) !== 1) return
    const main = c['Main Name'].trim()
    const names = aliases.get(main) ?? [main]
    for (const n of names) aliases.set(n, [...new Set([...(aliases.get(n) ?? names), name])])
  })
}

/**
 * One novel: its text and quotations.csv / character_info.csv contents, as excerpts of about
 * EXCERPT_CHARS after the first SKIP_CHARS. A quotation's pieces are gold quotes with their marks.
 */
export function convertNovel(
  id: string,
  rawText: string,
  quotationsCsv: string,
  charactersCsv: string,
  options: { skip?: number; excerpt?: number } = {},
): GoldDocument[] {
  const skip = options.skip ?? SKIP_CHARS
  const size = options.excerpt ?? EXCERPT_CHARS
  const text = unwrap(rawText)
  const characters = parse(charactersCsv, { columns: true, skip_empty_lines: true }) as CharacterRow[]
  const aliases = new Map<string, string[]>()
  for (const c of characters) {
    const names = [c['Main Name'].trim(), ...namesOf(c.Aliases)].filter((n) => n !== '')
    for (const n of names) aliases.set(n, [...new Set([...(aliases.get(n) ?? []), ...names])])
  }
  addGivenNames(characters, aliases)
  const rows = parse(quotationsCsv, { columns: true, skip_empty_lines: true, relax_quotes: true }) as QuotationRow[]
  const pieces: GoldQuote[] = []
  for (const row of rows) {
    const speaker = row.speaker.trim()
    const kind = speakerKind(speaker)
    for (const [a, b] of spansOf(row.quoteByteSpans)) {
      if (a < skip || b > text.length || b <= a) continue
      // PDNC's spans stop inside the marks; ours and LitBank's include them.
      const start = isMark(text[a - 1]) ? a - 1 : a
      const end = isMark(text[b]) ? b + 1 : b
      pieces.push({
        start,
        end,
        text: text.slice(start, end),
        speaker: kind === 'none' ? null : speaker,
        speaker_kind: kind,
        speaker_alternates: (aliases.get(speaker) ?? []).filter((n) => n !== speaker),
      })
    }
  }
  pieces.sort((x, y) => x.start - y.start)
  const docs: GoldDocument[] = []
  let from = skip
  // Excerpts start and end at a blank line, and never inside a quotation.
  const startOfParagraph = (at: number): number => {
    const i = text.indexOf('\n\n', at)
    return i < 0 ? text.length : i + 2
  }
  from = startOfParagraph(from)
  let q = 0
  while (q < pieces.length && pieces[q]!.start < from) q++
  while (from < text.length) {
    let to = startOfParagraph(from + size)
    let last = q
    while (last < pieces.length && pieces[last]!.start < to) last++
    // A quotation that runs past the cut moves the cut past it.
    while (last > q && pieces[last - 1]!.end > to) {
      to = startOfParagraph(pieces[last - 1]!.end)
      while (last < pieces.length && pieces[last]!.start < to) last++
    }
    const body = text.slice(from, to)
    docs.push({
      id: `pdnc-${id}-${docs.length + 1}`,
      source: 'PDNC',
      text: body,
      quotes: pieces.slice(q, last).map((p) => ({ ...p, start: p.start - from, end: p.end - from })),
    })
    q = last
    from = to
  }
  return docs
}

/** The novel of each excerpt (for cross-validation by novel): the id without its excerpt number. */
export const novelOf = (doc: GoldDocument): string => doc.id.replace(/-\d+$/u, '')

/** The folder of a PDNC checkout (the repository's root or its `data/`) that holds the novels. */
function novelsRoot(dir: string): string {
  const holdsNovels = (d: string): boolean =>
    existsSync(d) && readdirSync(d).some((n) => existsSync(join(d, n, 'quotation_info.csv')))
  const root = [join(dir, 'data'), dir].find(holdsNovels)
  if (root === undefined) throw new Error(`${dir} holds no PDNC data (expected data/<Novel>/quotation_info.csv)`)
  return root
}

const NOVEL_FILES = ['novel_text.txt', 'quotation_info.csv', 'character_info.csv'] as const

/** One novel's folder as excerpts; null if a file is missing. */
function readNovel(root: string, name: string, options: { skip?: number; excerpt?: number }): GoldDocument[] | null {
  const files = NOVEL_FILES.map((f) => join(root, name, f))
  if (!files.every((f) => existsSync(f))) return null
  const [text, quotations, characters] = files.map((f) => readFileSync(f, 'utf8')) as [string, string, string]
  return convertNovel(name, text, quotations, characters, options)
}

/** Every novel of a PDNC checkout (the repository's root or its `data/`), as excerpts. */
export function loadPdnc(dir: string, excerpt = EXCERPT_CHARS): GoldDocument[] {
  const root = novelsRoot(dir)
  return readdirSync(root)
    .sort()
    .flatMap((name) => readNovel(root, name, { excerpt }) ?? [])
}

/**
 * The PDNC novels LitBank does not hold (LitBank's hundred titles compared with PDNC's 28): their
 * openings are read by no other set.
 */
export const NOT_IN_LITBANK = [
  'AHandfulOfDust',
  'APassageToIndia',
  'HardTimes',
  'MansfieldPark',
  'NorthangerAbbey',
  'SenseAndSensibility',
  'TheGambler',
  'TheMysteriousAffairAtStyles',
  'TheSignOfTheFour',
  'TheSportOfTheGods',
  'TheSunAlsoRises',
  'WhereAngelsFearToTread',
  'WinnieThePooh',
]

/** The first `count` excerpts, from the first line on, of each novel in NOT_IN_LITBANK. */
export function loadPdncOpenings(dir: string, count = 3, excerpt = 12_000): GoldDocument[] {
  const root = novelsRoot(dir)
  return NOT_IN_LITBANK.flatMap((name) => {
    const excerpts = readNovel(root, name, { skip: 0, excerpt })
    if (excerpts === null) throw new Error(`${join(root, name)} lacks one of ${NOVEL_FILES.join(', ')}`)
    return excerpts.slice(0, count).map((d) => ({ ...d, id: d.id.replace(/^pdnc-/u, 'pdnc-opening-') }))
  })
}
