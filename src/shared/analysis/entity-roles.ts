// Roles the text states for a name: cast lists, role nouns before it, an actor in brackets, a part
// of an organisation, and appositions.
import { WORK_ROLE_NOUNS } from './lexicon'
import { CAP, IN_QUOTE, ORG_NAME, PERSON_NOUN, POSS, type Tokens, lowerAt, wordClass } from './tokens'
import type { EntityRole } from './types'
import type { EntityIndex, EntityRecord } from './entities'
import { ORG_PEOPLE, joinedClass } from './entity-evidence'
import { isPersonLike } from './entity-linking'
import { isAs, isPunct, isWord, wordAt } from './entity-tokens'

export function addRole(r: EntityRecord, role: EntityRole): void {
  for (const x of r.roles) if (x.role === role.role && x.of === role.of) return
  r.roles.push(role)
}

/**
 * Roles the text states outright: cast lists ("William Gao as Tao"), role nouns before a name
 * ("Still Alice and Colette director Wash Westmoreland"), "Nick (Kit Connor)" and "Netflix’s Tudum".
 */
export function findRoles(text: string, t: Tokens, index: EntityIndex): void {
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
