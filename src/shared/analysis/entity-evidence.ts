// The evidence for each record's kind (person, organisation, work or place), the kind it is given,
// and the gender its pronouns suggest.
import { FEMALE_NAMES, FEMALE_PRONOUNS, MALE_NAMES, MALE_PRONOUNS, ORG_NAMES, PLACE_NAMES } from './lexicon'
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
  SPEECH_VERB,
  type Tokens,
  WORK_NOUN,
  WORK_ROLE_NOUN,
  lowerAt,
  wordClass,
} from './tokens'
import type { EntityKind } from './types'
import type { EntityIndex, EntityRecord, Scored } from './entities'
import { isPersonLike } from './entity-linking'
import { isWord, wordAt } from './entity-tokens'

const PREPOSITIONS_OF_PLACE = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'inside', 'around', 'toward'])
const WORK_CONTEXT_BEFORE = new Set(['season', 'seasons', 'episode', 'episodes', 'cast', 'sequel', 'adaptation'])
export const ORG_PEOPLE = new Set([
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'official',
  'officials',
  'employees',
  'staff',
])

/** ORG_NAME and PLACE_NAME for the record's name words joined by spaces, looked up once per record. */
export function joinedClass(r: EntityRecord): number {
  if (r.joinedClass === undefined) {
    const bare = (r.bare ??= r.nameTokens.join(' '))
    r.joinedClass = (ORG_NAMES.has(bare) ? ORG_NAME : 0) | (PLACE_NAMES.has(bare) ? PLACE_NAME : 0)
  }
  return r.joinedClass
}

export function scoreEvidence(text: string, t: Tokens, index: EntityIndex): void {
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

export function classify(text: string, t: Tokens, index: EntityIndex): void {
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

export function countPronouns(text: string, t: Tokens, index: EntityIndex): void {
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
    if (m >= 2 && 2 * m >= 3 * f) r.gender = 'm'
    else if (f >= 2 && 2 * f >= 3 * m) r.gender = 'f'
  }
}
