// Linking name mentions to entity records: the link index and its memo, new records and their aliases,
// and the folding of surnames seen before the full name.
import {
  FEMALE_NAMES,
  HONORIFICS,
  MALE_NAMES,
  NAME_CONNECTORS,
  ORG_NAMES,
  ORG_SUFFIXES,
  PLACE_NAMES,
  PLACE_SUFFIXES,
  TITLES,
} from './lexicon'
import { type Tokens, WORD, lowerAt, wordIdAt } from './tokens'
import type { EntityRecord, Gender } from './entities'
import { isWord } from './entity-tokens'

/**
 * link() is a function of the name's lower-case words once a name has been seen (li.byKey is
 * written once per key), so names of one or two words are memoised by their interned word ids:
 * single words in `one`, pairs by the first word's id and then the second's in `two`.
 */
export interface LinkMemo {
  one: Map<number, number>
  two: Map<number, Map<number, number>>
}

/** link() through the memo: names of more than two words go to link() itself. */
export function linkMemoised(
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
export function addAlias(text: string, r: EntityRecord, start: number, end: number): void {
  for (const a of r.aliases) if (a.length === end - start && text.startsWith(a, start)) return
  r.aliases.add(text.slice(start, end))
}

export function newRecord(name: string, words: string[]): EntityRecord {
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

export function isPersonLike(r: EntityRecord): boolean {
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

export interface LinkIndex {
  byKey: Map<string, number>
  byBare: Map<string, number[]>
  /** Person-like multi-word names by their last and first word. */
  byLast: Map<string, number[]>
  byFirst: Map<string, number[]>
}

export function addToLinkIndex(li: LinkIndex, records: EntityRecord[], i: number): void {
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
  // "the Major", "the Duchess": a rank or office alone is the person last named with it.
  if (best < 0 && words.length === 1 && TITLES.has(key) && !HONORIFICS.has(key)) {
    for (let i = records.length - 1; i >= 0 && best < 0; i--) {
      const r = records[i]!
      if (r.mergedInto < 0 && (r.title === key || r.roles.some((x) => x.role === key))) best = i
    }
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
export function mergeShortNames(records: EntityRecord[], { byLast, byFirst }: LinkIndex): void {
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
