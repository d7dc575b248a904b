// PolNeAR (Newell, Margolin & Ruths, "An Attribution Relations Corpus for Political News", LREC
// 2018) as gold quotations with speakers. The corpus has no licence and its texts are copyrighted,
// so nothing of it is in the repository: `npm run eval` reads a local copy named by
// QUOTEDESK_POLNEAR. Only the train split is read here; dev and test are how the project is judged
// from outside and are never scored or looked at while tuning.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { type GoldDocument, type GoldQuote, beforeModifier, namingPart } from '../../src/shared/analysis/eval-score'

/** One brat text-bound annotation: `T12\tContent 10 20;25 40\ttext`. Offsets are code points. */
interface Span {
  label: string
  fragments: [number, number][]
}

interface Relation {
  content: string | undefined
  source: string | undefined
}

const PRONOUNS = new Set([
  'i',
  'me',
  'we',
  'us',
  'you',
  'he',
  'him',
  'she',
  'her',
  'it',
  'they',
  'them',
  'one',
  'who',
  'which',
  'that',
  'this',
  'these',
  'those',
  'his',
  'its',
  'their',
  'our',
  'my',
  'your',
  'himself',
  'herself',
  'themselves',
  'itself',
  'myself',
  'ourselves',
])

const LEADING_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'many', 'one'])

function parseAnnotations(ann: string): { spans: Map<string, Span>; relations: Relation[] } {
  const spans = new Map<string, Span>()
  const relations: Relation[] = []
  for (const line of ann.split('\n')) {
    const cols = line.split('\t')
    const id = cols[0] ?? ''
    const body = cols[1] ?? ''
    if (id.startsWith('T')) {
      const space = body.indexOf(' ')
      if (space < 0) continue
      const fragments = body
        .slice(space + 1)
        .split(';')
        .map((f) => f.trim().split(' ').map(Number) as [number, number])
        .filter((f) => f.length === 2 && Number.isInteger(f[0]) && Number.isInteger(f[1]) && f[1] > f[0])
      spans.set(id, { label: body.slice(0, space), fragments })
    } else if (id.startsWith('E')) {
      const roles = new Map(body.split(' ').map((arg) => arg.split(':') as [string, string]))
      relations.push({ content: roles.get('Content'), source: roles.get('Source') })
    }
  }
  return { spans, relations }
}

/** Maps code-point offsets (brat's) to UTF-16 offsets (JavaScript's). */
function codePointIndex(text: string): Int32Array {
  const map = new Int32Array(text.length + 1)
  let cp = 0
  for (let i = 0; i < text.length; i++) {
    map[cp++] = i
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++
  }
  map[cp] = text.length
  return map.subarray(0, cp + 1)
}

const OPEN = new Set(['“', '"', '„'])
const CLOSE = new Set(['”', '"'])

/** A mark at `i`: its length (two for the NYT archive's '' and ``), or 0. */
function markAt(text: string, i: number, opening: boolean): number {
  const c = text[i]
  if (c === undefined) return 0
  if ((opening ? OPEN : CLOSE).has(c)) return 1
  const pair = text.slice(i, i + 2)
  if (pair === "''" || (opening && pair === '``')) return 2
  return 0
}

/**
 * The quotation-mark-delimited parts of a content span, marks included. Annotators often leave
 * the marks just outside the span, so a mark touching either end is taken in. A quote still open
 * at a paragraph break ends there (the next paragraph reopens it, as news writes long quotes).
 */
export function quotedParts(text: string, from: number, to: number): [number, number][] {
  let s = from
  if (markAt(text, s - 1, true) === 1) s -= 1
  else if (s >= 2 && markAt(text, s - 2, true) === 2) s -= 2
  let e = to
  let k = e
  while (k < text.length && (text[k] === '.' || text[k] === ',' || text[k] === '?' || text[k] === '!')) k++
  if (markAt(text, k, false) > 0) e = k + markAt(text, k, false)
  const parts: [number, number][] = []
  let i = s
  while (i < e) {
    const open = markAt(text, i, true)
    const prev = text[i - 1]
    const isOpener = open > 0 && (prev === undefined || !/[\p{L}\p{N}]/u.test(prev) || text[i] === '“')
    if (!isOpener) {
      i++
      continue
    }
    let j = i + open
    let end = -1
    while (j < e) {
      if (text[j] === '\n' && text[j + 1] === '\n') break
      const close = markAt(text, j, false)
      const after = text[j + close]
      if (close > 0 && j > i + open && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) {
        end = j + close
        break
      }
      j++
    }
    if (end < 0) {
      // Unclosed: up to the paragraph break or the span's end.
      end = j
      while (end > i && /\s/u.test(text[end - 1]!)) end--
    }
    if (end > i + open) parts.push([i, end])
    i = Math.max(end, i + 1)
  }
  return parts
}

/**
 * How a source names its speaker. It is `named` when the head of the phrase is a proper name:
 * "Rep. Jason Chaffetz (R-Utah)", "Jonah Goldberg of the National Review", "the Washington Post";
 * not "the Florida senator", "Clinton’s spokeswoman" or "a spokesman for Hillary Clinton", whose
 * heads are common nouns (named accuracy is about names).
 */
export function speakerKind(source: string): 'named' | 'pronoun' | 'nominal' {
  const core = beforeModifier(namingPart(source))
    .replace(/[’']s?\s*$/u, '')
    .trim()
  const words = core.split(/\s+/u).filter((w) => w !== '')
  if (words.length === 0) return 'nominal'
  if (words.length === 1 && PRONOUNS.has(words[0]!.toLowerCase().replace(/[^\p{L}]/gu, ''))) return 'pronoun'
  const head = words[words.length - 1]!
  if (words.length === 1 && LEADING_FUNCTION_WORDS.has(head.toLowerCase())) return 'nominal'
  return /^[\p{Lu}@]/u.test(head) ? 'named' : 'nominal'
}

/**
 * A content span's fragments, with those separated only by white space joined: the annotation
 * tool splits a span at sentence breaks, and a quote running over two sentences is one quote.
 * Fragments with words between them ("“A,” he said, “B.”") stay apart.
 */
export function joinFragments(text: string, fragments: [number, number][]): [number, number][] {
  const sorted = [...fragments].sort((x, y) => x[0] - y[0])
  const joined: [number, number][] = []
  for (const [a, b] of sorted) {
    const last = joined.at(-1)
    if (last !== undefined && /^\s*$/u.test(text.slice(last[1], a))) last[1] = Math.max(last[1], b)
    else joined.push([a, b])
  }
  return joined
}

/** One PolNeAR article: its text and the quoted parts of its attributions as gold quotes. */
export function convertArticle(id: string, text: string, ann: string): GoldDocument {
  const cp = codePointIndex(text)
  const at = (offset: number): number => cp[Math.min(offset, cp.length - 1)]!
  const { spans, relations } = parseAnnotations(ann)
  const quotes: GoldQuote[] = []
  const seen = new Set<string>()
  for (const r of relations) {
    const content = r.content === undefined ? undefined : spans.get(r.content)
    if (content === undefined) continue
    const source = r.source === undefined ? undefined : spans.get(r.source)
    const speaker =
      source === undefined
        ? null
        : source.fragments
            .map(([a, b]) => text.slice(at(a), at(b)))
            .join(' ')
            .trim()
    for (const [a, b] of joinFragments(
      text,
      content.fragments.map(([x, y]) => [at(x), at(y)]),
    )) {
      for (const [start, end] of quotedParts(text, a, b)) {
        const key = `${start}:${end}`
        if (seen.has(key)) continue
        seen.add(key)
        quotes.push({
          start,
          end,
          text: text.slice(start, end),
          speaker: speaker === '' ? null : speaker,
          speaker_kind: speaker === null || speaker === '' ? 'none' : speakerKind(speaker),
        })
      }
    }
  }
  quotes.sort((x, y) => x.start - y.start)
  return { id, source: 'PolNeAR train', text, quotes }
}

/**
 * The train split of a PolNeAR checkout (the repository's root, or its `data/` or `data/train/`).
 * An article annotated twice is read once, from the first annotation in name order.
 */
export function loadPolnearTrain(dir: string): GoldDocument[] {
  const candidates = [join(dir, 'data', 'train'), join(dir, 'train'), dir]
  const root = candidates.find((c) => existsSync(join(c, 'text')) && existsSync(join(c, 'attributions')))
  if (root === undefined) throw new Error(`${dir} holds no PolNeAR train split (expected data/train/text)`)
  const byArticle = new Map<string, string>()
  for (const name of readdirSync(join(root, 'attributions')).sort()) {
    if (!name.endsWith('.ann')) continue
    const article = name.replace(/_[0-9a-f]{4}\.ann$/u, '')
    if (!byArticle.has(article)) byArticle.set(article, name)
  }
  const docs: GoldDocument[] = []
  for (const [article, annName] of byArticle) {
    const textPath = join(root, 'text', `${article}.txt`)
    if (!existsSync(textPath)) continue
    const text = readFileSync(textPath, 'utf8')
    const ann = readFileSync(join(root, 'attributions', annName), 'utf8')
    docs.push(convertArticle(article, text, ann))
  }
  return docs
}
