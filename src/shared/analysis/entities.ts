// The people, organisations, works and places a text names: their records and mentions, and
// extractEntities, which finds them step by step with the entity-* modules beside this one.
import { TITLES } from './lexicon'
import type { Tokens } from './tokens'
import type { EntityKind, EntityRole, KnownEntity } from './types'
import { findCandidates, indexKnown } from './entity-candidates'
import { classify, countPronouns, scoreEvidence } from './entity-evidence'
import {
  type LinkIndex,
  type LinkMemo,
  addAlias,
  addToLinkIndex,
  linkMemoised,
  mergeShortNames,
} from './entity-linking'
import { addRole, findRoles } from './entity-roles'
import { grown } from './entity-tokens'

export { isVocative } from './entity-evidence'

export type Scored = 'person' | 'organization' | 'work' | 'place'
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

export interface EntityIndex {
  records: EntityRecord[]
  mentions: Mentions
  /** Token index → mention index for the mention ending at (or starting at) that token, else -1. */
  mentionByLastToken: Int32Array
  mentionByFirstToken: Int32Array
  /** Follows merges to the surviving record. */
  resolve: (index: number) => number
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
