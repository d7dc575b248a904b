// The Phrase a reader returns, and the word sets and pure helpers of phrase reading: determiners,
// owner prepositions, aside openers, stop words, noun-phrase modifiers, head nouns in the singular.
import { DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS, SUBJECT_PRONOUNS } from './lexicon'

/** A noun phrase that can name a speaker, in token indices (end exclusive). */
export type Phrase =
  | { type: 'mention'; start: number; end: number; mention: number }
  | { type: 'pronoun'; start: number; end: number; word: string }
  | {
      type: 'descriptor'
      start: number
      end: number
      head: string
      /** Capitalised words inside it: "Loveless" in "the Loveless author". */
      caps: string[]
      /** Mention that owns it: "Netflix’s statement", "a spokesperson for Acme". */
      owner: number
      /** "the film" in "the synopsis for the film": owned by a work named elsewhere. */
      ownerNoun: string
      /** The determiner: "a" and "one" introduce someone new, "the" points back. */
      article: string
    }

export type Descriptor = Phrase & { type: 'descriptor' }

/**
 * The descriptor d starting at token `start` with this owner and article. Written out rather than
 * spread, so descriptors keep one shape (see EntityRecord).
 */
export function reframed(d: Descriptor, start: number, owner: number, article: string): Descriptor {
  return {
    type: 'descriptor',
    start,
    end: d.end,
    head: d.head,
    caps: d.caps,
    owner,
    ownerNoun: d.ownerNoun,
    article,
  }
}

/** The pronouns a phrase reads as a speaker: SUBJECT_PRONOUNS and "it", an organisation ("it said"). */
export const SPEAKER_PRONOUNS = new Set([...SUBJECT_PRONOUNS, 'it'])
export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'my', 'our'])
export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'one',
  'another',
])
/** Prepositions that tie an owner to a phrase: "a spokesman for Acme", "the report by Smith". */
export const OWNER_PREPOSITIONS = new Set(['for', 'of', 'from', 'by', 'at'])
export const ASIDE_OPENERS = new Set([
  'who',
  'which',
  'whose',
  'whom',
  'where',
  'when',
  'aged',
  'now',
  'herself',
  'himself',
  'in',
  'at',
  'from',
  'of',
])
/** Words that end a loose noun phrase: prepositions, conjunctions, relatives, common verbs. */
export const STOP = new Set(
  `with of in at to from on for by as and but or who whom whose which that than then was were is had has have
  said says would could should will who while when where looking turning laughing smiling`.split(/\s+/u),
)

/** A head noun as the lexicon lists it: "officials" → "official"; listed words stay as they are. */
export function singularHead(w: string): string {
  return PERSON_NOUNS.has(w) || DOCUMENT_NOUNS.has(w) || ORG_NOUNS.has(w) ? w : w.slice(0, -1)
}

/** "speechwriter", "strategist", "historian": a noun for someone who does something. */
export function isOrdinal(w: string): boolean {
  return /^\d+(?:st|nd|rd|th)$/u.test(w)
}

export function isAgentNoun(w: string): boolean {
  return w.length > 5 && /(?:er|or|ist|ian|ant|ent)$/u.test(w)
}

/** Words that may stand before the name in a speaker's noun phrase without being its head. */
export const NP_MODIFIERS = new Set(
  `former then current acting deputy vice assistant associate senior junior chief top longtime long-time
  ranking sitting leading
  presidential republican democratic independent conservative liberal progressive veteran fellow retired
  outgoing incoming newly elected late majority minority ranking general state federal national local
  county city district special executive managing founding`.split(/\s+/u),
)

/** A word in -ly of six letters or more: an adverb ("desperately", "coolly"; not "ally", "holy"). */
export function isLyAdverb(w: string): boolean {
  return w.length > 5 && w.endsWith('ly')
}
