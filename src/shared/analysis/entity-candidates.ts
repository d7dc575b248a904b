// Name candidates: capitalised runs and library names found in the tokens, with the role words,
// honorifics, sentence openers and party tags cut from them.
import {
  HONORIFICS,
  POST_NOMINALS,
  FEMALE_PRONOUNS,
  MALE_PRONOUNS,
  SUBJECT_PRONOUNS,
  NAME_CONNECTORS,
  ORG_NAMES,
  PERSON_NOUNS,
  TITLES,
} from './lexicon'
import {
  ALL_CAPS,
  CAP,
  GIVEN_NAME,
  ORG_NAME,
  ORG_SUFFIX,
  PLACE_NAME,
  PLACE_SUFFIX,
  POSS,
  ROLE_WORD,
  SENTENCE_START,
  SPEECH_VERB,
  STRIP_ALWAYS,
  STRIP_AT_START,
  type Tokens,
  WORD,
  lowerAt,
  wordClass,
  wordIdAt,
} from './tokens'
import type { KnownEntity } from './types'
import type { EntityRecord } from './entities'
import { newRecord } from './entity-linking'
import { grown, isCap, isPunct, isWord, isWritten, spaced } from './entity-tokens'
import { isLyAdverb } from './phrase-words'

/**
 * Name candidates in document order, in parallel arrays: a long text has hundreds of thousands,
 * and an object each would be work for the garbage collector.
 */
export class Candidates {
  count = 0
  tokenStart: Int32Array
  tokenEnd: Int32Array
  /** Number of word tokens in the name (its words are read from the text only when needed). */
  wordCount: Int32Array
  /** The library record the candidate names, else -1. */
  known: Int32Array
  /** 0 for a candidate found not to be a name after all (see findCandidates). */
  kept: Uint8Array
  /** Role words cut from the front of the name ("finance minister"), for the few that have them. */
  readonly role = new Map<number, string>()
  /** An honorific cut from the front ("dr"), kept for the gender it implies. */
  readonly title = new Map<number, string>()

  /** Room for `capacity` candidates before the arrays grow. */
  constructor(capacity: number) {
    this.tokenStart = new Int32Array(capacity)
    this.tokenEnd = new Int32Array(capacity)
    this.wordCount = new Int32Array(capacity)
    this.known = new Int32Array(capacity)
    this.kept = new Uint8Array(capacity)
  }

  add(tokenStart: number, tokenEnd: number, wordCount: number, known: number, role = '', title = ''): void {
    if (this.count === this.tokenStart.length) this.grow()
    const i = this.count++
    this.tokenStart[i] = tokenStart
    this.tokenEnd[i] = tokenEnd
    this.wordCount[i] = wordCount
    this.known[i] = known
    this.kept[i] = 1
    if (role !== '') this.role.set(i, role)
    if (title !== '') this.title.set(i, title)
  }

  private grow(): void {
    const size = Math.max(16, this.count * 2)
    this.tokenStart = grown(this.tokenStart, size)
    this.tokenEnd = grown(this.tokenEnd, size)
    this.wordCount = grown(this.wordCount, size)
    this.known = grown(this.known, size)
    this.kept = grown(this.kept, size)
  }
}

export interface KnownName {
  tokens: string[]
  entity: number
  /** Written in lower case in the library ("the harbour master"): matched at lower-case words too. */
  isLower: boolean
}

function lowerTokens(name: string): string[] {
  return (name.toLowerCase().match(/[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu) ?? []).map((w) =>
    w.replace(/['’‘]s$/u, ''),
  )
}

export function indexKnown(known: KnownEntity[], records: EntityRecord[]): Map<string, KnownName[]> {
  const index = new Map<string, KnownName[]>()
  // Sorted so the same library always yields the same records whatever order it arrives in.
  const sorted = [...known].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const k of sorted) {
    if (typeof k.name !== 'string' || k.name.trim() === '') continue
    const entity = records.length
    const r = newRecord(k.name.trim(), lowerTokens(k.name))
    r.kind = k.kind
    r.entityId = k.id
    r.isKnown = true
    r.confidence = 1
    for (const a of k.aliases ?? []) if (typeof a === 'string' && a.trim() !== '') r.aliases.add(a.trim())
    records.push(r)
    for (const name of [k.name, ...r.aliases]) {
      const tokens = lowerTokens(name)
      if (tokens.length === 0) continue
      const list = index.get(tokens[0]!) ?? []
      const c = name.trim().charCodeAt(0)
      list.push({ tokens, entity, isLower: c >= 97 && c <= 122 })
      list.sort((a, b) => b.tokens.length - a.tokens.length)
      index.set(tokens[0]!, list)
    }
  }
  return index
}

function matchKnown(
  text: string,
  t: Tokens,
  k: number,
  index: Map<string, KnownName[]>,
  lowerOnly = false,
): [number, number] | null {
  if (index.size === 0) return null
  const list = index.get(lowerAt(text, t, k))
  if (list === undefined) return null
  for (const name of list) {
    if (lowerOnly && !name.isLower) continue
    let j = k
    let ok = true
    for (let w = 0; w < name.tokens.length; w++) {
      // "Mr. Smith" in the text against "Mr Smith" in the library
      while (w > 0 && isPunct(text, t, j, '.')) j++
      if (!isWord(t, j) || lowerAt(text, t, j) !== name.tokens[w]) {
        ok = false
        break
      }
      if (w < name.tokens.length - 1 && t.flags[j]! & POSS) {
        ok = false
        break
      }
      j++
    }
    if (ok) return [j, name.entity]
  }
  return null
}

/** Capitalised runs ("Alice Oseman", "University of Oxford", "J. K. Rowling") and library names. */
export function findCandidates(text: string, t: Tokens, knownIndex: Map<string, KnownName[]>): Candidates {
  // News runs to about one name in every twelve tokens: room for one in eight rarely needs to grow.
  const raw = new Candidates(Math.max(16, t.count >> 3))
  /** Interned word ids of the words of names used mid-sentence. */
  const seenInside = new Set<number>()
  // Library aliases written in lower case ("the harbour master") are looked for at every word.
  let hasLowerKnown = false
  for (const list of knownIndex.values()) if (list.some((n) => n.isLower)) hasLowerKnown = true
  let k = 0
  const count = t.count
  const flags = t.flags
  /** The word tokens of the current run, one array reused for every run (its first `last` entries). */
  const wordTokens: number[] = []
  /** Multi-word candidates whose first word opens a sentence and may be an ordinary word ("Poor Fanny"). */
  const opening: number[] = []
  while (k < count) {
    if ((flags[k]! & (WORD | CAP)) !== (WORD | CAP)) {
      if (!hasLowerKnown) {
        // Most tokens are not capitalised words: skip them in a loop of their own.
        k++
        while (k < count && (flags[k]! & (WORD | CAP)) !== (WORD | CAP)) k++
        continue
      }
      const hit = isWord(t, k) ? matchKnown(text, t, k, knownIndex, true) : null
      if (hit !== null) {
        raw.add(k, hit[0], 0, hit[1])
        k = hit[0]
        continue
      }
      k++
      continue
    }
    const hit = matchKnown(text, t, k, knownIndex)
    if (hit !== null) {
      raw.add(k, hit[0], 0, hit[1])
      k = hit[0]
      continue
    }
    let e = k + 1
    while (e < t.count && !(t.flags[e - 1]! & POSS)) {
      if (isCap(t, e) && spaced(text, t, e - 1) && !(t.flags[e]! & SENTENCE_START) && !isFirstPerson(text, t, e)) {
        e++
        continue
      }
      // "Mr. Smith", "J. K. Rowling": a title or initial, a full stop, then a capitalised word.
      if (isPunct(text, t, e, '.') && isCap(t, e + 1) && t.end[e - 1] === t.start[e]) {
        // "J.J. Goldberg", but not "U.S. Senate" or "in the U.S. He said".
        const isInitial =
          t.end[e - 1]! - t.start[e - 1]! === 1 &&
          !(e >= 3 && isPunct(text, t, e - 2, '.') && DOTTED_PLACES.has(text.slice(t.start[e - 3], t.end[e - 1])))
        if (
          (isInitial || TITLES.has(lowerAt(text, t, e - 1))) &&
          t.start[e + 1]! - t.end[e]! === 1 &&
          !SUBJECT_PRONOUNS.has(lowerAt(text, t, e + 1)) &&
          !MALE_PRONOUNS.has(lowerAt(text, t, e + 1)) &&
          !FEMALE_PRONOUNS.has(lowerAt(text, t, e + 1))
        ) {
          e += 2
          continue
        }
      }
      if (isWord(t, e) && isCap(t, e + 1) && spaced(text, t, e - 1) && spaced(text, t, e)) {
        // The connector as written ("Of" is none): its interned lower case, then the text compared in place.
        const w = lowerAt(text, t, e)
        if (
          NAME_CONNECTORS.has(w) &&
          w !== 'and' &&
          isWritten(text, t, e, w) &&
          (w !== 'the' || isWritten(text, t, e - 1, 'of'))
        ) {
          e += 2
          continue
        }
      }
      break
    }
    let first = 0
    let last = 0
    for (let j = k; j < e; j++) if (isWord(t, j)) wordTokens[last++] = j
    // Leading words that are never names: "The", "When", "Earlier", month names…
    while (first < last && isStripped(t, wordTokens[first]!)) {
      if (last - first > 1 && TITLES.has(lowerAt(text, t, wordTokens[first]!))) break
      first++
    }
    // "Presently Tony", "Suddenly Mrs. Hilbery": an adverb that opens the sentence, before a name.
    if (last - first > 1 && isOpeningAdverb(text, t, wordTokens[first]!)) first++
    // "Fiona Barr KC"; "Trump Wednesday" ("… Trump Wednesday said"): a weekday is never the end of a name.
    while (
      last - first > 1 &&
      (POST_NOMINALS.has(lowerAt(text, t, wordTokens[last - 1]!)) ||
        WEEKDAYS.has(lowerAt(text, t, wordTokens[last - 1]!)))
    )
      last--
    // A line in capitals is a heading ("CHAPTER I. THE YOUNG ADVENTURERS"), not a run of acronyms.
    if (first < last && t.flags[wordTokens[first]!]! & ALL_CAPS) {
      const length = t.end[wordTokens[first]!]! - t.start[wordTokens[first]!]!
      let allCaps = true
      for (let i = first; i < last && allCaps; i++) {
        const j = wordTokens[i]!
        allCaps = (t.flags[j]! & ALL_CAPS) !== 0 || t.end[j]! - t.start[j]! === 1
      }
      // A lone word in capitals is emphasis ("not a VERY good") unless it is a known acronym.
      // "ESPN said": an acronym that speaks is a name.
      const speaks = isWord(t, e) && (wordClass(t, e) & SPEECH_VERB) !== 0
      const isLoneEmphasis =
        last - first === 1 && length > 3 && !speaks && !ORG_NAMES.has(lowerAt(text, t, wordTokens[first]!))
      // "UC-AFT President Bob Samuels", "NASCAR driver Jeff Gordon": a long word in capitals
      // before a name in ordinary case is not part of it.
      const restInCase = last - first > 1 && !(t.flags[wordTokens[first + 1]!]! & ALL_CAPS)
      if ((last - first > 1 && allCaps) || ((length > 5 || isLoneEmphasis) && !restInCase)) {
        k = e
        continue
      }
      if (length > 5) first++
    }
    // "Finance Minister Helen Achterberg", "Dr Priya Nair": the role or honorific is not the name.
    let role = ''
    let title = ''
    for (let i = last - 2; i >= first; i--) {
      // Neither a role nor an honorific: one class lookup instead of three set lookups.
      if (!(wordClass(t, wordTokens[i]!) & ROLE_WORD)) continue
      const w = lowerAt(text, t, wordTokens[i]!)
      const isRole = PERSON_NOUNS.has(w) || (TITLES.has(w) && !HONORIFICS.has(w))
      if (!isRole && !HONORIFICS.has(w)) continue
      // "Peter T. King of New York": after an initial or before "of" the word is a surname.
      const prev = i > first ? wordTokens[i - 1]! : -1
      if (
        (prev >= 0 && t.end[prev]! - t.start[prev]! === 1) ||
        NAME_CONNECTORS.has(lowerAt(text, t, wordTokens[i + 1]!))
      )
        continue
      if (last - i - 1 >= 2 || (isRole && PERSON_NOUNS.has(w) && !TITLES.has(w))) {
        role = isRole
          ? wordTokens
              .slice(first, i + 1)
              .map((j) => lowerAt(text, t, j))
              .join(' ')
          : ''
        title = TITLES.has(w) ? w : ''
        first = i + 1
      }
      break
    }
    // "Mitch McConnell, R-Ky., said": a party tag is no one's name.
    if (first < last && last - first === 1 && isPartyTag(text, t, wordTokens[first]!)) first = last
    if (first < last) {
      const s0 = wordTokens[first]!
      const e0 = wordTokens[last - 1]! + 1
      if (last - first > 1 && t.flags[s0]! & SENTENCE_START && mayOpenSentenceOnly(t, s0)) opening.push(raw.count)
      raw.add(s0, e0, last - first, -1, role, title)
      // Every word of a name used mid-sentence, so "Lorenz, who…" can open a later sentence; in a
      // name that opens one, every word after the first ("Julianne Moore …" then "Moore thanked …").
      const from = t.flags[s0]! & SENTENCE_START ? s0 + 1 : s0
      for (let j = from; j < e0; j++) if (isWord(t, j)) seenInside.add(wordIdAt(t, j))
    }
    k = e
  }
  if (opening.length > 0) dropSentenceOpeners(t, raw, opening)
  // A lone capitalised word that opens a sentence is a name only if the text also uses it
  // mid-sentence, a lexicon of names knows it, or it speaks ("Oseman continued"). The lexicons are
  // asked through word classes.
  for (let c = 0; c < raw.count; c++) {
    const s0 = raw.tokenStart[c]!
    const e0 = raw.tokenEnd[c]!
    if (raw.known[c]! >= 0 || raw.wordCount[c]! > 1 || !(t.flags[s0]! & SENTENCE_START)) continue
    const isName =
      seenInside.has(wordIdAt(t, s0)) ||
      (wordClass(t, s0) & (GIVEN_NAME | ORG_NAME | PLACE_NAME)) !== 0 ||
      (isWord(t, e0) && (wordClass(t, e0) & SPEECH_VERB) !== 0) ||
      (t.flags[s0]! & POSS) !== 0
    if (!isName) raw.kept[c] = 0
  }
  return raw
}

/** "R-Ky", "D-Ohio", "I-Vt": a party and a state. */
function isPartyTag(text: string, t: Tokens, k: number): boolean {
  const s = t.start[k]!
  const c = text.charCodeAt(s)
  // Checked in place first: nearly every name fails on its first two characters.
  if ((c !== 82 && c !== 68 && c !== 73) || text.charCodeAt(s + 1) !== 45) return false
  return /^[RDI]-[A-Z][A-Za-z]{0,12}$/u.test(text.slice(s, t.end[k]))
}

/** Dotted abbreviations of places and bodies, whose last letter is not an initial. */
const DOTTED_PLACES = new Set(['U.S', 'U.K', 'U.N', 'E.U', 'D.C'])

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])

/** A given name, a role, a title, an honorific or a word of a place or body, by the lexicons. */
function isLexiconNameWord(t: Tokens, k: number): boolean {
  return (wordClass(t, k) & (GIVEN_NAME | ROLE_WORD | ORG_NAME | PLACE_NAME)) !== 0
}

/** Not a word the lexicons know from names, nor in capitals: it may be an ordinary word. */
function mayOpenSentenceOnly(t: Tokens, k: number): boolean {
  return !isLexiconNameWord(t, k) && !(t.flags[k]! & ALL_CAPS)
}

/**
 * "Poor Fanny", "Presently Beaver", "Suddenly Mrs. Hilbery": a word that opens a sentence is cut
 * from the front of a name when the text also writes it in lower case and never capitalises it
 * mid-sentence. One pass over the tokens, for the first words of the candidates in `opening`.
 */
function dropSentenceOpeners(t: Tokens, raw: Candidates, opening: number[]): void {
  // Per interned word: 1 asked about, 2 seen in lower case, 4 seen capitalised mid-sentence.
  const seen = new Uint8Array(t.words.length)
  for (const c of opening) seen[wordIdAt(t, raw.tokenStart[c]!)] = 1
  const flags = t.flags
  for (let k = 0; k < t.count; k++) {
    const f = flags[k]!
    if (!(f & WORD)) continue
    const id = wordIdAt(t, k)
    if (seen[id] === 0) continue
    seen[id] = seen[id]! | (!(f & CAP) ? 2 : f & SENTENCE_START ? 0 : 4)
  }
  for (const c of opening) {
    const s0 = raw.tokenStart[c]!
    if (seen[wordIdAt(t, s0)] !== 3) continue
    let next = s0 + 1
    while (next < raw.tokenEnd[c]! && !isWord(t, next)) next++
    // "New York", "North Carolina", "Green Park": what follows is a place or a body, and the opener is part of it.
    const lastWord = raw.tokenEnd[c]! - 1
    if (wordClass(t, next) & (PLACE_NAME | ORG_NAME) || wordClass(t, lastWord) & (PLACE_SUFFIX | ORG_SUFFIX)) continue
    raw.tokenStart[c] = next
    raw.wordCount[c] = raw.wordCount[c]! - 1
  }
}

/** A word in -ly of six letters or more opening a sentence, that no lexicon knows as a name. */
function isOpeningAdverb(text: string, t: Tokens, k: number): boolean {
  if (!(t.flags[k]! & SENTENCE_START) || t.end[k]! - t.start[k]! < 6) return false
  return isLyAdverb(lowerAt(text, t, k)) && !isLexiconNameWord(t, k)
}

/** "I", "I'm": the pronoun ends a run of capitals ("Am I", "But I'm") rather than joining it. */
function isFirstPerson(text: string, t: Tokens, k: number): boolean {
  return text.charCodeAt(t.start[k]!) === 73 && (wordClass(t, k) & STRIP_ALWAYS) !== 0
}

/** Sentence-opening words ("Earlier", "Still") are dropped only where they open a sentence. */
function isStripped(t: Tokens, k: number): boolean {
  const cls = wordClass(t, k)
  return (cls & STRIP_ALWAYS) !== 0 || ((t.flags[k]! & SENTENCE_START) !== 0 && (cls & STRIP_AT_START) !== 0)
}
