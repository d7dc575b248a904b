// The speaker types a resolution returns (SpeakerRef, Resolution, SpeakerState), NARRATOR, the word
// sets and pure helpers of resolving a phrase (nounGender, role families), and introducedSubject.
import type { QuoteContext } from './context'
import type { EntityIndex, Gender } from './entities'
import { FEMALE_NOUNS, MALE_NOUNS, PERSON_NOUNS, ROLE_FAMILY } from './lexicon'
import type { Phrase, PhraseReader } from './phrases'
import { IN_QUOTE, type Tokens, WORD, lowerAt } from './tokens'

export type SpeakerRef = { entity: number } | { name: string }

export interface Resolution {
  speaker: SpeakerRef | null
  confidence: number
  isDocument: boolean
  document?: string
  method: string
}

/** The name given to an unnamed first-person narrator ("I said"). */
export const NARRATOR = 'I (narrator)'

export const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some'])

/** A role's family by its head (last) word: "finance minister" → minister, "novelist" → author. */
export function roleFamily(role: string, cache: Map<string, string>): string {
  let family = cache.get(role)
  if (family === undefined) {
    const head = role.slice(role.lastIndexOf(' ') + 1)
    family = ROLE_FAMILY.get(role) ?? ROLE_FAMILY.get(head) ?? head
    cache.set(role, family)
  }
  return family
}

/** The lower-case words of a descriptor without its determiner: "The harbour master" → "harbour master". */
export function descriptorWords(label: string): string {
  const words = label.toLowerCase().split(/\s+/u)
  return (INDEFINITE.has(words[0]!) || words[0] === 'the' ? words.slice(1) : words).join(' ')
}

/**
 * The lower-case first word of a name of two or more words, without a final full stop ("Dr. Nair" →
 * "dr"), else null. The same as splitting the lower-cased name at white space, without the split.
 */
export function titleWord(name: string): string | null {
  const space = name.search(/\s/u)
  if (space < 0) return null
  const w = name.slice(0, space).toLowerCase()
  return w.endsWith('.') ? w.slice(0, -1) : w
}

export function nounGender(noun: string): Gender {
  return MALE_NOUNS.has(noun) ? 'm' : FEMALE_NOUNS.has(noun) ? 'f' : ''
}

export interface SpeakerState {
  lastSpeaker: number
  lastSpeakerParagraph: number
  /** The person the narrative is currently about: the last sentence subject or speaker. */
  topic: number
  /** The first-person narrator, when the other characters name them ("I think, Watson, …"). */
  narrator: number
  /** People named inside the quote being resolved: spoken to or about, so not its speaker. */
  namedInQuote?: readonly number[]
}

/** Nouns for an unnamed person the narration brings in: "a small boy", "an old woman", "the child". */
const PERSON_HEADS = new Set(['child', 'infant', 'stranger', 'youth', 'lad', 'fellow', 'person', 'visitor', 'newcomer'])

/**
 * Someone the narration brought in without a name, when the subjects of the sentences in tokens
 * [from, to), read from the last, lead back to them through "he"/"she" or "the child": "Presently
 * a small boy came along the path. The child … He carried … he paused." → "a small boy". Null when
 * a named person or anyone else is the subject first, or no one was brought in.
 */
export function introducedSubject(
  text: string,
  t: Tokens,
  entities: EntityIndex,
  from: number,
  to: number,
  gender: string,
): { start: number; end: number } | null {
  const starts = t.sentenceStarts
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (starts[mid]! < to) lo = mid + 1
    else hi = mid
  }
  for (let i = lo - 1, n = 0; i >= 0 && starts[i]! >= from && n < 8; i--, n++) {
    const s = starts[i]!
    if (t.flags[s]! & IN_QUOTE) return null
    let step = 0
    for (let k = s; k < s + 6 && k < to; k++) {
      if (!(t.flags[k]! & WORD)) break
      const w = lowerAt(text, t, k)
      // "In front of Winterbourne he paused": a name after a preposition is not the subject.
      if ((entities.mentionByFirstToken[k] ?? -1) >= 0) {
        if (k > s && PREPOSITIONS.has(lowerAt(text, t, k - 1))) continue
        return null
      }
      if (w === 'he' || w === 'she') {
        if ((w === 'he' ? 'm' : 'f') !== gender) return null
        step = 1
        break
      }
      if (SUBJECT_PRONOUNS_OTHER.has(w)) return null
      if (w !== 'a' && w !== 'an' && w !== 'the') continue
      for (let j = k + 1; j < k + 4 && j < to && t.flags[j]! & WORD; j++) {
        const noun = lowerAt(text, t, j)
        const g = nounGender(noun)
        if (g === '' && !PERSON_HEADS.has(noun)) continue
        if (g !== '' && g !== gender) return null
        if (w !== 'the') return { start: k, end: j + 1 }
        step = 1
        break
      }
      break
    }
    if (step === 0) return null
  }
  return null
}

const SUBJECT_PRONOUNS_OTHER = new Set(['i', 'we', 'they', 'it', 'you'])
const PREPOSITIONS = new Set(['of', 'to', 'at', 'in', 'on', 'with', 'from', 'by', 'for', 'before', 'behind', 'near'])

/** Verbs whose object describes their subject: "was an easy guest", "became a widower". */
const PREDICATE_VERBS = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'became',
  'become',
  'seemed',
  'remained',
])

/**
 * The person a pronoun cue most likely means, named earlier in the quote's own paragraph, before
 * token `before`: the nearest person mention or person descriptor of a compatible gender.
 */
export function paragraphAntecedent(
  reader: PhraseReader,
  ctx: QuoteContext,
  pronoun: string,
  before: number,
): Phrase | null {
  const gender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : ''
  // Only what comes before the pronoun: in "she added that the governor “…”" the governor is not she.
  let j = before - 1
  for (let guard = 0; guard < 8 && j >= ctx.paragraphFirstToken; guard++) {
    const p = reader.backward(j, ctx.paragraphFirstToken, 60)
    if (p === null) return null
    j = p.start - 1
    if (p.type === 'pronoun') continue
    if (p.type === 'mention') {
      const r = reader.entityOf(p.mention)
      if (r.kind !== 'person' || (gender !== '' && r.gender !== '' && r.gender !== gender)) continue
      return p
    }
    if (!PERSON_NOUNS.has(p.head)) continue
    // "She was an easy guest": a predicate says who someone is, it names no one new.
    if (p.start > 0 && PREDICATE_VERBS.has(reader.word(p.start - 1))) continue
    // "parents" is never "she".
    if (gender !== '' && reader.word(p.end - 1) === `${p.head}s`) continue
    const g = nounGender(p.head)
    if (gender !== '' && g !== '' && g !== gender) continue
    return p
  }
  return null
}
