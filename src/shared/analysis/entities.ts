import {
  HONORIFICS,
  POST_NOMINALS,
  FEMALE_NAMES,
  FEMALE_PRONOUNS,
  MALE_NAMES,
  MALE_PRONOUNS,
  SUBJECT_PRONOUNS,
  NAME_CONNECTORS,
  ORG_NAMES,
  ORG_SUFFIXES,
  PERSON_NOUNS,
  PLACE_NAMES,
  PLACE_SUFFIXES,
  TITLES,
  WORK_ROLE_NOUNS,
} from './lexicon'
import {
  ALL_CAPS,
  CAP,
  GIVEN_NAME,
  IN_QUOTE,
  MARK,
  ORG_NAME,
  ORG_SUFFIX,
  PERSON_NOUN,
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
  WORK_NOUN,
  WORK_ROLE_NOUN,
  lowerAt,
  wordClass,
  wordIdAt,
} from './tokens'
import type { EntityKind, EntityRole, KnownEntity } from './types'

type Scored = 'person' | 'organization' | 'work' | 'place'
export type Gender = 'm' | 'f' | ''

/**
 * One person, organisation, work or place. Every field is set when the record is made (see
 * newRecord), caches included, so all records share one shape and the engine reads their fields
 * at one fixed place each; fields added later, in varying order, made every read a slow lookup.
 */
export interface EntityRecord {
  name: string
  /** Lower-case name tokens without a leading title, for surname and first-name links. */
  nameTokens: string[]
  title: string
  kind: EntityKind
  entityId: string | undefined
  isKnown: boolean
  aliases: Set<string>
  /** Its mentions, as indices into EntityIndex.mentions, in text order. */
  mentions: number[]
  roles: EntityRole[]
  scores: Record<Scored, number>
  gender: Gender
  pronounHits: { m: number; f: number }
  confidence: number
  /** Another record this one was folded into (surname seen before the full name). */
  mergedInto: number
  lastToken: number
  /** Seen after a lower-case "the" ("the Trois Couronnes"): no guess that it is a person. */
  afterThe: boolean
  /** nameTokens joined by spaces, cached. */
  bare: string | undefined
  /** ORG_NAME and PLACE_NAME bits for `bare` (see joinedClass), cached. */
  joinedClass: number | undefined
  /** The name words alone pass isPersonLike's test, cached (they never change). */
  personName: boolean | undefined
}

/**
 * Every mention of a name in text order, in parallel arrays: a long text has hundreds of
 * thousands, and an object each would be work for the garbage collector. Mention i spans
 * start[i]..end[i] in the text and tokens tokenStart[i]..tokenEnd[i], and names record entity[i].
 */
export class Mentions {
  count = 0
  start: Int32Array
  end: Int32Array
  tokenStart: Int32Array
  tokenEnd: Int32Array
  entity: Int32Array

  /** Room for `capacity` mentions before the arrays grow. */
  constructor(capacity: number) {
    this.start = new Int32Array(capacity)
    this.end = new Int32Array(capacity)
    this.tokenStart = new Int32Array(capacity)
    this.tokenEnd = new Int32Array(capacity)
    this.entity = new Int32Array(capacity)
  }

  /** Adds a mention of record `entity` over tokens tokenStart..tokenEnd and returns its index. */
  add(t: Tokens, tokenStart: number, tokenEnd: number, entity: number): number {
    if (this.count === this.start.length) this.grow()
    const i = this.count++
    this.start[i] = t.start[tokenStart]!
    this.end[i] = t.end[tokenEnd - 1]!
    this.tokenStart[i] = tokenStart
    this.tokenEnd[i] = tokenEnd
    this.entity[i] = entity
    return i
  }

  private grow(): void {
    const size = Math.max(16, this.count * 2)
    this.start = grown(this.start, size)
    this.end = grown(this.end, size)
    this.tokenStart = grown(this.tokenStart, size)
    this.tokenEnd = grown(this.tokenEnd, size)
    this.entity = grown(this.entity, size)
  }
}

/** A copy of `a` with room for `size` entries. */
function grown<A extends Int32Array | Uint8Array>(a: A, size: number): A {
  const b = new (a.constructor as new (size: number) => A)(size)
  b.set(a)
  return b
}

export interface EntityIndex {
  records: EntityRecord[]
  mentions: Mentions
  /** Token index → mention index for the mention ending at (or starting at) that token, else -1. */
  mentionByLastToken: Int32Array
  mentionByFirstToken: Int32Array
  /** Follows merges to the surviving record. */
  resolve: (index: number) => number
}

/**
 * Name candidates in document order, in parallel arrays: a long text has hundreds of thousands,
 * and an object each would be work for the garbage collector.
 */
class Candidates {
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

interface KnownName {
  tokens: string[]
  entity: number
  /** Written in lower case in the library ("the harbour master"): matched at lower-case words too. */
  isLower: boolean
}

export function extractEntities(text: string, t: Tokens, known: KnownEntity[]): EntityIndex {
  const records: EntityRecord[] = []
  const knownIndex = indexKnown(known, records)
  const candidates = findCandidates(text, t, knownIndex)
  const mentions = new Mentions(candidates.count)
  const li: LinkIndex = { byKey: new Map(), byBare: new Map(), byLast: new Map(), byFirst: new Map() }
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!
    li.byKey.set(r.name.toLowerCase(), i)
    for (const a of r.aliases) if (!li.byKey.has(a.toLowerCase())) li.byKey.set(a.toLowerCase(), i)
    addToLinkIndex(li, records, i)
  }

  const memo: LinkMemo = { one: new Map(), two: new Map() }
  for (let c = 0; c < candidates.count; c++) {
    if (!candidates.kept[c]) continue
    const tokenStart = candidates.tokenStart[c]!
    const tokenEnd = candidates.tokenEnd[c]!
    const known = candidates.known[c]!
    const entity =
      known >= 0 ? known : linkMemoised(tokenStart, tokenEnd, candidates.wordCount[c]!, memo, records, li, text, t)
    const r = records[entity]!
    const title = candidates.title.get(c)
    const role = candidates.role.get(c) ?? ''
    if (r.gender === '' && title !== undefined) r.gender = TITLES.get(title) ?? ''
    if (role !== '') addRole(r, { role })
    r.lastToken = tokenStart
    const m = mentions.add(t, tokenStart, tokenEnd, entity)
    r.mentions.push(m)
    const start = mentions.start[m]!
    const end = mentions.end[m]!
    if (end - start !== r.name.length || !text.startsWith(r.name, start)) addAlias(text, r, start, end)
  }

  const resolve = (i: number): number => {
    let j = i
    while (records[j]!.mergedInto >= 0) j = records[j]!.mergedInto
    return j
  }
  mergeShortNames(records, li)
  for (let m = 0; m < mentions.count; m++) mentions.entity[m] = resolve(mentions.entity[m]!)
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!
    if (r.mergedInto < 0) continue
    const target = records[resolve(i)]!
    for (const m of r.mentions) target.mentions.push(m)
    target.aliases.add(r.name)
    for (const a of r.aliases) target.aliases.add(a)
    r.mentions = []
  }
  const starts = mentions.start
  for (const r of records) if (!isSorted(r.mentions, starts)) r.mentions.sort((a, b) => starts[a]! - starts[b]!)

  const mentionByLastToken = new Int32Array(t.count).fill(-1)
  const mentionByFirstToken = new Int32Array(t.count).fill(-1)
  for (let i = 0; i < mentions.count; i++) {
    mentionByLastToken[mentions.tokenEnd[i]! - 1] = i
    mentionByFirstToken[mentions.tokenStart[i]!] = i
  }
  const index: EntityIndex = { records, mentions, mentionByLastToken, mentionByFirstToken, resolve }
  scoreEvidence(text, t, index)
  findRoles(text, t, index)
  classify(text, t, index)
  countPronouns(text, t, index)
  return index
}

/** The mentions (indices) are in text order by their start offsets. */
function isSorted(list: number[], start: Int32Array): boolean {
  for (let i = 1; i < list.length; i++) if (start[list[i - 1]!]! > start[list[i]!]!) return false
  return true
}

/**
 * link() is a function of the name's lower-case words once a name has been seen (li.byKey is
 * written once per key), so names of one or two words are memoised by their interned word ids:
 * single words in `one`, pairs by the first word's id and then the second's in `two`.
 */
interface LinkMemo {
  one: Map<number, number>
  two: Map<number, Map<number, number>>
}

/** link() through the memo: names of more than two words go to link() itself. */
function linkMemoised(
  tokenStart: number,
  tokenEnd: number,
  wordCount: number,
  memo: LinkMemo,
  records: EntityRecord[],
  li: LinkIndex,
  text: string,
  t: Tokens,
): number {
  if (wordCount > 2) return link(tokenStart, tokenEnd, records, li, text, t)
  let a = -1
  let b = -1
  for (let j = tokenStart; j < tokenEnd; j++) {
    if (!(t.flags[j]! & WORD)) continue
    if (a < 0) a = wordIdAt(t, j)
    else b = wordIdAt(t, j)
  }
  let map = memo.one
  let id = a
  if (b >= 0) {
    let inner = memo.two.get(a)
    if (inner === undefined) memo.two.set(a, (inner = new Map()))
    map = inner
    id = b
  }
  let entity = map.get(id)
  if (entity === undefined) map.set(id, (entity = link(tokenStart, tokenEnd, records, li, text, t)))
  return entity
}

/** Adds the text between start and end to the aliases, slicing it only when it is new. */
function addAlias(text: string, r: EntityRecord, start: number, end: number): void {
  for (const a of r.aliases) if (a.length === end - start && text.startsWith(a, start)) return
  r.aliases.add(text.slice(start, end))
}

function lowerTokens(name: string): string[] {
  return (name.toLowerCase().match(/[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu) ?? []).map((w) =>
    w.replace(/['’‘]s$/u, ''),
  )
}

function newRecord(name: string, words: string[]): EntityRecord {
  const hasTitle = words.length > 1 && TITLES.has(words[0]!)
  return {
    name,
    nameTokens: hasTitle ? words.slice(1) : words,
    title: hasTitle ? words[0]! : '',
    kind: 'other',
    entityId: undefined,
    isKnown: false,
    aliases: new Set(),
    mentions: [],
    roles: [],
    scores: { person: 0, organization: 0, work: 0, place: 0 },
    gender: hasTitle ? (TITLES.get(words[0]!) ?? '') : '',
    pronounHits: { m: 0, f: 0 },
    confidence: 0,
    mergedInto: -1,
    lastToken: -1,
    afterThe: false,
    bare: undefined,
    joinedClass: undefined,
    personName: undefined,
  }
}

function indexKnown(known: KnownEntity[], records: EntityRecord[]): Map<string, KnownName[]> {
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

function wordAt(text: string, t: Tokens, k: number): string {
  return text.slice(t.start[k], t.end[k])
}

/** Token k is written exactly w (compared in place, without slicing). */
function isWritten(text: string, t: Tokens, k: number, w: string): boolean {
  return t.end[k]! - t.start[k]! === w.length && text.startsWith(w, t.start[k]!)
}

/** Token k is written "as" (compared in place, without slicing). */
function isAs(text: string, t: Tokens, k: number): boolean {
  const s = t.start[k]!
  return t.end[k]! - s === 2 && text.charCodeAt(s) === 97 && text.charCodeAt(s + 1) === 115
}

function isWord(t: Tokens, k: number): boolean {
  return k >= 0 && k < t.count && (t.flags[k]! & WORD) !== 0
}

function isCap(t: Tokens, k: number): boolean {
  return isWord(t, k) && (t.flags[k]! & CAP) !== 0
}

/** Tokens k and k+1 are separated by exactly one space (not a line break or punctuation). */
function spaced(text: string, t: Tokens, k: number): boolean {
  const gap = t.start[k + 1]! - t.end[k]!
  if (gap !== 1) return false
  const c = text.charCodeAt(t.end[k]!)
  return c === 32 || c === 0xa0
}

function isPunct(text: string, t: Tokens, k: number, ch: string): boolean {
  return k >= 0 && k < t.count && !(t.flags[k]! & WORD) && text[t.start[k]!] === ch
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
function findCandidates(text: string, t: Tokens, knownIndex: Map<string, KnownName[]>): Candidates {
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
  const w = lowerAt(text, t, k)
  return w.endsWith('ly') && !isLexiconNameWord(t, k)
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

function isPersonLike(r: EntityRecord): boolean {
  if (r.kind === 'person') return true
  if (r.isKnown) return false
  if (r.title !== '') return true
  return (r.personName ??= isPersonName(r.nameTokens))
}

/** A given name first, or two to four words none of which is a connector or an organisation or place word. */
function isPersonName(words: string[]): boolean {
  const first = words[0] ?? ''
  if (MALE_NAMES.has(first) || FEMALE_NAMES.has(first)) return true
  if (words.length < 2 || words.length > 4) return false
  for (const w of words)
    if (NAME_CONNECTORS.has(w) || ORG_SUFFIXES.has(w) || PLACE_SUFFIXES.has(w) || ORG_NAMES.has(w)) return false
  return true
}

/** The name as written ("Mr. Bennet"), with any line break or run of spaces made one space. */
function surfaceName(text: string, t: Tokens, tokenStart: number, tokenEnd: number): string {
  const raw = text.slice(t.start[tokenStart], t.end[tokenEnd - 1])
  return /\s\s|[\n\t]/u.test(raw) ? raw.replace(/\s+/gu, ' ') : raw
}

interface LinkIndex {
  byKey: Map<string, number>
  byBare: Map<string, number[]>
  /** Person-like multi-word names by their last and first word. */
  byLast: Map<string, number[]>
  byFirst: Map<string, number[]>
}

function addToLinkIndex(li: LinkIndex, records: EntityRecord[], i: number): void {
  const r = records[i]!
  pushTo(li.byBare, (r.bare ??= r.nameTokens.join(' ')), i)
  if (r.nameTokens.length > 1 && isPersonLike(r)) {
    pushTo(li.byLast, r.nameTokens[r.nameTokens.length - 1]!, i)
    pushTo(li.byFirst, r.nameTokens[0]!, i)
  }
}

/** Appends i to the list under key, in place (copying it would make long lists quadratic). */
function pushTo(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [i])
  else list.push(i)
}

/**
 * Links a mention to an existing record: the same name, the same name without its title, or a
 * surname or first name of a person already named (the most recently mentioned one wins).
 */
function link(
  tokenStart: number,
  tokenEnd: number,
  records: EntityRecord[],
  li: LinkIndex,
  text: string,
  t: Tokens,
): number {
  // Interned lower-case words: the same strings as each word sliced and lower-cased, and as the
  // joined name lower-cased (lower case never reaches across a space).
  const words: string[] = []
  for (let j = tokenStart; j < tokenEnd; j++) if (isWord(t, j)) words.push(lowerAt(text, t, j))
  // One word is its own key: an interned string, no join and its hash already known.
  const key = words.length === 1 ? words[0]! : words.join(' ')
  const exact = li.byKey.get(key)
  if (exact !== undefined) return exact
  // The name as newRecord would take it apart; a record is made only when no existing one fits.
  const title = words.length > 1 && TITLES.has(words[0]!) ? words[0]! : ''
  const gender = title !== '' ? (TITLES.get(title) ?? '') : ''
  const bare = title !== '' ? key.slice(title.length + 1) : key
  let best = -1
  for (const i of li.byBare.get(bare) ?? []) {
    const r = records[i]!
    if (fits(gender, r) && (title === '' || r.title === '' || title === r.title)) best = i
  }
  // One word once the title is cut: a surname or first name of someone already named.
  if (best < 0 && words.length === (title !== '' ? 2 : 1)) {
    best = latestFit(gender, li.byLast.get(bare), records, best)
    if (title === '') best = latestFit(gender, li.byFirst.get(bare), records, best)
  }
  if (best >= 0) {
    li.byKey.set(key, best)
    return best
  }
  const r = newRecord(surfaceName(text, t, tokenStart, tokenEnd), words)
  r.bare = bare
  records.push(r)
  li.byKey.set(key, records.length - 1)
  addToLinkIndex(li, records, records.length - 1)
  return records.length - 1
}

/**
 * Record r can take a mention of this gender: not folded into another, and no clash of gender,
 * whether the record's gender comes from a title or from a first name of one gender only ("Mrs.
 * Obama" is not Barack Obama, even before genders are settled for the whole text).
 */
function fits(gender: Gender, r: EntityRecord): boolean {
  if (r.mergedInto >= 0) return false
  if (gender === '') return true
  const g = knownGender(r)
  return g === '' || g === gender
}

/** The gender a title or a first name of one gender only gives a record, else ''. */
function knownGender(r: EntityRecord): Gender {
  if (r.gender !== '') return r.gender
  const first = r.nameTokens[0] ?? ''
  const male = MALE_NAMES.has(first)
  return male === FEMALE_NAMES.has(first) ? '' : male ? 'm' : 'f'
}

/**
 * Goes on from `best`: each record in `list` that fits and was mentioned later takes its place;
 * for a gendered mention ("Mrs. Obama"), one known to have that gender comes before one whose
 * gender is unknown ("Michelle Obama" before "President Barack Obama").
 */
function latestFit(gender: Gender, list: number[] | undefined, records: EntityRecord[], best: number): number {
  if (list === undefined) return best
  let sure = -1
  for (const i of list) {
    const r = records[i]!
    if (!fits(gender, r)) continue
    if (gender !== '' && knownGender(r) === gender && (sure < 0 || r.lastToken > records[sure]!.lastToken)) sure = i
    if (best < 0 || r.lastToken > records[best]!.lastToken) best = i
  }
  return sure >= 0 ? sure : best
}

/** soleCompatible found no record, or more than one. */
const NONE = -1
const SEVERAL = -2

/**
 * "Oseman" seen before "Alice Oseman" anywhere in the text: fold it into the fuller name. The
 * fuller names are found through the link index: nothing isPersonLike reads has changed since.
 */
function mergeShortNames(records: EntityRecord[], { byLast, byFirst }: LinkIndex): void {
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!
    if (r.nameTokens.length !== 1 || r.isKnown || r.mergedInto >= 0) continue
    const w = r.nameTokens[0]!
    if (ORG_NAMES.has(w) || PLACE_NAMES.has(w)) continue
    let pick = soleCompatible(r, byLast.get(w), records)
    if (pick === NONE && r.title === '') pick = soleCompatible(r, byFirst.get(w), records)
    if (pick >= 0 && pick !== i) r.mergedInto = pick
  }
}

/** The one record in `list` compatible with r, else NONE or SEVERAL. */
function soleCompatible(r: EntityRecord, list: number[] | undefined, records: EntityRecord[]): number {
  let found = NONE
  for (const j of list ?? []) {
    if (!compatible(r, records[j]!)) continue
    if (found !== NONE) return SEVERAL
    found = j
  }
  return found
}

function compatible(a: EntityRecord, b: EntityRecord): boolean {
  const ga = knownGender(a)
  const gb = knownGender(b)
  return ga === '' || gb === '' || ga === gb
}

const PREPOSITIONS_OF_PLACE = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'inside', 'around', 'toward'])
const WORK_CONTEXT_BEFORE = new Set(['season', 'seasons', 'episode', 'episodes', 'cast', 'sequel', 'adaptation'])
const ORG_PEOPLE = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'official', 'officials', 'employees', 'staff'])

/** ORG_NAME and PLACE_NAME for the record's name words joined by spaces, looked up once per record. */
function joinedClass(r: EntityRecord): number {
  if (r.joinedClass === undefined) {
    const bare = (r.bare ??= r.nameTokens.join(' '))
    r.joinedClass = (ORG_NAMES.has(bare) ? ORG_NAME : 0) | (PLACE_NAMES.has(bare) ? PLACE_NAME : 0)
  }
  return r.joinedClass
}

function scoreEvidence(text: string, t: Tokens, index: EntityIndex): void {
  const ms = index.mentions
  for (let i = 0; i < ms.count; i++) {
    const tokenStart = ms.tokenStart[i]!
    const tokenEnd = ms.tokenEnd[i]!
    const r = index.records[ms.entity[i]!]!
    if (r.isKnown) continue
    // Lexicon tests go through per-word class bits (one lookup per distinct word, see wordClass).
    const firstClass = wordClass(t, tokenStart)
    const lastClass = wordClass(t, tokenEnd - 1)
    const single = tokenEnd - tokenStart === 1
    const hasNext = isWord(t, tokenEnd)
    const nextClass = hasNext ? wordClass(t, tokenEnd) : 0
    const next = hasNext ? lowerAt(text, t, tokenEnd) : ''
    const hasPrev = isWord(t, tokenStart - 1)
    const prevClass = hasPrev ? wordClass(t, tokenStart - 1) : 0
    const prev = hasPrev ? lowerAt(text, t, tokenStart - 1) : ''
    const prev2 = isWord(t, tokenStart - 2) ? lowerAt(text, t, tokenStart - 2) : ''
    const isPoss = (t.flags[tokenEnd - 1]! & POSS) !== 0
    const s = r.scores
    if (r.title !== '') s.person += 3
    // A name addressed inside a quotation ("I think, Watson, that…") is a person.
    if (t.flags[tokenStart]! & IN_QUOTE && isVocative(text, t, tokenStart, tokenEnd)) s.person += 1.5
    if (firstClass & GIVEN_NAME) s.person += single ? 1 : 2
    if (!isPoss && nextClass & SPEECH_VERB) {
      s.person += 1
      s.organization += 0.5
    }
    if (prevClass & PERSON_NOUN && !(t.flags[tokenStart - 1]! & CAP)) s.person += 2
    if (firstClass & ORG_NAME || (!single && joinedClass(r) & ORG_NAME)) s.organization += 4
    if (lastClass & ORG_SUFFIX && !single) s.organization += 3
    if (t.flags[tokenStart]! & ALL_CAPS && single && lowerAt(text, t, tokenStart).length <= 5) s.organization += 1
    if (ORG_PEOPLE.has(next)) s.organization += 2
    if (!isPoss && nextClass & WORK_NOUN) s.work += 3
    if (!isPoss && nextClass & WORK_ROLE_NOUN) s.work += 3
    if (prevClass & WORK_NOUN && (prev2 === 'the' || prev2 === 'a' || prev2 === 'new' || prev2 === '')) s.work += 3
    if (prev === 'of' && WORK_CONTEXT_BEFORE.has(prev2)) s.work += 2
    if (isItalic(text, ms.start[i]!, ms.end[i]!)) s.work += 3
    if (single ? firstClass & PLACE_NAME : joinedClass(r) & PLACE_NAME) s.place += 3
    if (lastClass & PLACE_SUFFIX && !single) s.place += 2
    if (PREPOSITIONS_OF_PLACE.has(prev)) s.place += 0.5
    // "the Trois Couronnes", "the Yellow Diamond": a lower-case "the" before a name without a title
    // is a place or thing far more often than a person (used when nothing else is known).
    if (prev === 'the' && r.title === '' && !(t.flags[tokenStart - 1]! & CAP)) r.afterThe = true
  }
}

const TITLE_CONTEXT = new Set(['the', 'a', 'an', 'of', 'at', 'in', 'to', 'from', 'on', 'into', 'called', 'named'])

export function isVocative(text: string, t: Tokens, start: number, end: number): boolean {
  const before = start > 0 ? text[t.start[start - 1]!]! : ''
  const after = end < t.count ? text[t.start[end]!]! : ''
  const prevWord = lowerAt(text, t, start - 1)
  // "of the “Trois Couronnes,”": a name quoted after an article or preposition is a title, not a vocative.
  const quoted = start > 0 && (t.flags[start - 1]! & MARK) !== 0 && !TITLE_CONTEXT.has(lowerAt(text, t, start - 2))
  const opens = before === ',' || quoted || prevWord === 'dear'
  const closes = after === ',' || after === '!' || after === '?' || (end < t.count && (t.flags[end]! & MARK) !== 0)
  return opens && closes
}

function isItalic(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1)
  const after = text.charCodeAt(end)
  return (before === 95 && after === 95) || (before === 42 && after === 42)
}

function addRole(r: EntityRecord, role: EntityRole): void {
  for (const x of r.roles) if (x.role === role.role && x.of === role.of) return
  r.roles.push(role)
}

/**
 * Roles the text states outright: cast lists ("William Gao as Tao"), role nouns before a name
 * ("Still Alice and Colette director Wash Westmoreland"), "Nick (Kit Connor)" and "Netflix’s Tudum".
 */
function findRoles(text: string, t: Tokens, index: EntityIndex): void {
  const { mentions, records } = index
  for (let i = 0; i < mentions.count; i++) {
    const tokenStart = mentions.tokenStart[i]!
    const tokenEnd = mentions.tokenEnd[i]!
    const r = records[mentions.entity[i]!]!
    // "William Gao as Tao"
    const asTok = tokenEnd
    if (isWord(t, asTok) && isAs(text, t, asTok)) {
      const target = index.mentionByFirstToken[asTok + 1] ?? -1
      if (target >= 0 && tokenEnd - tokenStart >= 2) {
        const role = records[mentions.entity[target]!]!
        addRole(r, { role: 'actor', of: role.name })
        r.scores.person += 3
        role.scores.person += 2
      }
    }
    // "Nick (Kit Connor)"
    if (isPunct(text, t, tokenEnd, '(')) {
      const inner = index.mentionByFirstToken[tokenEnd + 1] ?? -1
      if (inner >= 0) {
        const actor = records[mentions.entity[inner]!]!
        const innerEnd = mentions.tokenEnd[inner]!
        if (isPunct(text, t, innerEnd, ')') && innerEnd - mentions.tokenStart[inner]! >= 2 && isPersonLike(actor)) {
          addRole(actor, { role: 'actor', of: r.name })
          actor.scores.person += 2
          r.scores.person += 2
        }
      }
    }
    // "Netflix’s Tudum"
    if (t.flags[tokenEnd - 1]! & POSS) {
      const owned = index.mentionByFirstToken[tokenEnd] ?? -1
      if (owned >= 0 && (joinedClass(r) & ORG_NAME || r.scores.organization >= 3)) {
        const part = records[mentions.entity[owned]!]!
        if (!isPersonLike(part)) {
          addRole(part, { role: 'part of', of: r.name })
          part.scores.organization += 2
        }
      }
    }
    // "director Wash Westmoreland", "Heartstopper creator Alice Oseman"
    const roleTok = tokenStart - 1
    if (isWord(t, roleTok) && !(t.flags[roleTok]! & CAP) && wordClass(t, roleTok) & PERSON_NOUN) {
      const noun = lowerAt(text, t, roleTok)
      if (!ORG_PEOPLE.has(noun)) {
        const owners = ownersBefore(text, t, index, roleTok)
        if (owners.length === 0) addRole(r, { role: noun })
        for (const o of owners) {
          const owner = records[o]!
          addRole(r, { role: noun, of: owner.name })
          if (WORK_ROLE_NOUNS.has(noun)) owner.scores.work += 3
          else owner.scores.organization += 1.5
        }
        r.scores.person += 1
      }
    }
    // "Ines Duarte, the harbour master, said", "Rachel Ndlovu, Metrolink’s director of operations":
    // an apposition right after a person's name gives them a role.
    if (isPunct(text, t, tokenEnd, ',') && isPersonLike(r)) appositionRole(text, t, index, i, r)
  }
}

const ROLE_PREPOSITIONS = new Set(['of', 'at', 'for', 'in', 'on', 'with'])
const APPOSITION_STOP = new Set(['who', 'which', 'whose', 'that', 'and', 'or', 'but', 'said', 'says', 'was', 'is'])

/** Mention m (an index) is followed by an apposition that gives record r a role. */
function appositionRole(text: string, t: Tokens, index: EntityIndex, m: number, r: EntityRecord): void {
  let k = index.mentions.tokenEnd[m]! + 1
  let of: string | undefined
  const owner = index.mentionByFirstToken[k] ?? -1
  if (owner >= 0 && t.flags[index.mentions.tokenEnd[owner]! - 1]! & POSS) {
    of = index.records[index.mentions.entity[owner]!]!.name
    k = index.mentions.tokenEnd[owner]!
  } else if (isWord(t, k) && lowerAt(text, t, k) === 'the') k++
  else return
  let from = k
  let end = -1
  const words: string[] = []
  while (k < t.count && k - from < 5 && isWord(t, k) && !(t.flags[k]! & (CAP | IN_QUOTE))) {
    const w = lowerAt(text, t, k)
    if (APPOSITION_STOP.has(w)) return
    // "the squire’s only son": the role is what follows the possessive
    if (t.flags[k]! & POSS && end < 0) from = k + 1
    // "director of operations", "head of music at Acme": the role is the words before the preposition.
    if (end < 0 && ROLE_PREPOSITIONS.has(w)) end = k
    k++
  }
  if (k === from || !(isPunct(text, t, k, ',') || isPunct(text, t, k, '.'))) return
  if (end < 0) end = k
  if (end <= from) return
  for (let j = from; j < end; j++) words.push(lowerAt(text, t, j))
  addRole(r, of === undefined ? { role: words.join(' ') } : { role: words.join(' '), of })
}

/** Capitalised names right before a role noun: "Still Alice and Colette" in "… and Colette director". */
function ownersBefore(text: string, t: Tokens, index: EntityIndex, roleTok: number): number[] {
  const owners: number[] = []
  let k = roleTok - 1
  for (let guard = 0; guard < 8 && k >= 0; guard++) {
    const mi = index.mentionByLastToken[k] ?? -1
    if (mi < 0) break
    if (t.flags[index.mentions.tokenEnd[mi]! - 1]! & POSS) break
    owners.unshift(index.mentions.entity[mi]!)
    k = index.mentions.tokenStart[mi]! - 1
    if (isPunct(text, t, k, ',')) k--
    if (isWord(t, k) && (wordAt(text, t, k) === 'and' || wordAt(text, t, k) === '&')) k--
    else break
  }
  return owners
}

function classify(text: string, t: Tokens, index: EntityIndex): void {
  const { records, mentions } = index
  for (const r of records) {
    if (r.mergedInto >= 0 || r.isKnown) continue
    const s = r.scores
    // The highest score, the first of person, organization, work, place on a tie.
    const top = Math.max(s.person, s.organization, s.work, s.place)
    const best: Scored =
      s.person === top ? 'person' : s.organization === top ? 'organization' : s.work === top ? 'work' : 'place'
    if (top > 0) {
      r.kind = best
      r.confidence = Math.min(0.95, 0.5 + top / 10)
    } else if (isPersonLike(r) && !r.afterThe) {
      r.kind = 'person'
      r.confidence = 0.4
    } else {
      r.kind = 'other'
      r.confidence = 0.25
    }
  }
  // Names in one list share a kind: "Oseman, Patrick Walters, Ian Canning, … and Euros Lyn".
  let i = 0
  while (i < mentions.count) {
    let j = i
    while (j + 1 < mentions.count && isListJoin(text, t, mentions.tokenEnd[j]!, mentions.tokenStart[j + 1]!)) j++
    if (j > i) {
      const votes = new Map<EntityKind, number>()
      for (let k = i; k <= j; k++) {
        const r = records[mentions.entity[k]!]!
        if (r.confidence > 0.4) votes.set(r.kind, (votes.get(r.kind) ?? 0) + 1)
      }
      let kind: EntityKind | null = null
      let top = 0
      for (const [kd, n] of votes) if (n > top) [kind, top] = [kd, n]
      if (kind !== null)
        for (let k = i; k <= j; k++) {
          const r = records[mentions.entity[k]!]!
          if (r.confidence <= 0.4 && !r.isKnown) {
            r.kind = kind
            r.confidence = 0.5
          }
        }
    }
    i = j + 1
  }
}

/** Tokens from `a` up to `b` are only ",", "and", "&" or ", and". */
function isListJoin(text: string, t: Tokens, a: number, b: number): boolean {
  if (b <= a || b - a > 3) return false
  for (let k = a; k < b; k++) {
    const w = wordAt(text, t, k)
    if (w !== ',' && w !== 'and' && w !== '&' && w !== 'or') return false
  }
  return true
}

function countPronouns(text: string, t: Tokens, index: EntityIndex): void {
  const { mentions, records } = index
  let mi = 0
  let lastPerson = -1
  let lastPersonToken = -1
  // Only words that may be a pronoun (he, him, his, himself, she, her…: see scanText) are read.
  for (const k of t.pronounLike) {
    while (mi < mentions.count && mentions.tokenStart[mi]! <= k) {
      const r = records[mentions.entity[mi]!]!
      if (r.kind === 'person') {
        lastPerson = mentions.entity[mi]!
        lastPersonToken = mentions.tokenEnd[mi]!
      }
      mi++
    }
    if (lastPerson < 0 || k - lastPersonToken > 25 || t.flags[k]! & IN_QUOTE) continue
    const w = lowerAt(text, t, k)
    if (MALE_PRONOUNS.has(w)) records[lastPerson]!.pronounHits.m++
    else if (FEMALE_PRONOUNS.has(w)) records[lastPerson]!.pronounHits.f++
  }
  for (const r of records) {
    if (r.gender !== '' || r.kind !== 'person') continue
    // A first name of one gender only.
    const first = r.nameTokens[0] ?? ''
    const male = MALE_NAMES.has(first)
    if (male !== FEMALE_NAMES.has(first)) {
      r.gender = male ? 'm' : 'f'
      continue
    }
    const { m, f } = r.pronounHits
    if (m >= 2 && m >= 3 * f) r.gender = 'm'
    else if (f >= 2 && f >= 3 * m) r.gender = 'f'
  }
}
