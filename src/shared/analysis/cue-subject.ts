// The grammar of a reporting clause before a quotation: its speech verb and that verb's subject
// ("Ryan’s spokeswoman said", "Moore, who chairs the panel, told reporters"), not its object, a
// place or a medium.
import {
  CUE_FILLERS,
  DOCUMENT_NOUNS,
  OBJECT_VERBS,
  ORG_NOUNS,
  PERSON_NOUNS,
  POST_NOMINALS,
  SPEECH_VERBS,
} from './lexicon'
import { OWNER_PREPOSITIONS, type Phrase, type PhraseReader } from './phrases'
import { nounGender } from './resolve'
import { DOCUMENT_VERB, SPEECH_VERB } from './tokens'

export interface Cue {
  phrase: Phrase
  /** Token range of the whole cue ("the Loveless author said"). */
  start: number
  end: number
  /** After the quote, in the same sentence: the most reliable place. */
  isAfter: boolean
  /** No speech verb: the subject of the clause the quote is set in ("Bush referred to Rubio as “…”"). */
  isSubject?: boolean
}

export function isSpeechVerb(w: string): boolean {
  return SPEECH_VERBS.has(w)
}

/** Token k is a speech verb: a capitalised word inside a sentence is a name ("United States"). */
export function speechAt(reader: PhraseReader, k: number): boolean {
  return (
    reader.isWord(k) &&
    isSpeechVerb(reader.word(k)) &&
    !(reader.isCap(k) && !reader.startsSentence(k)) &&
    !NOUN_MARKERS.has(reader.word(k - 1)) &&
    !reader.isPossessive(k - 1)
  )
}

/** After these a speech verb is a noun: "a reason", "the call", "his report". */
const NOUN_MARKERS = new Set('a an the this that his her their its our my your no any every'.split(' '))

/** Verbs that report speech with a particle: "pointed out", "put it", "chimed in", "shot back". */
/** `after`: whether a word follows the particle ("goes on recess"). */
export function isPhrasalSpeech(w: string, next: string, after = false): boolean {
  switch (next) {
    case 'it':
      return w === 'put' || w === 'puts'
    case 'out':
      return w === 'pointed' || w === 'points' || w === 'point'
    case 'in':
      return w === 'chimed' || w === 'chimes' || w === 'weighed' || w === 'weighs' || w === 'put' || w === 'puts'
    case 'on':
      // "went on, “…”", not "the Senate goes on recess".
      return (w === 'went' || w === 'goes') && !after
    case 'back':
      return w === 'shot' || w === 'shoots' || w === 'fired' || w === 'fires' || w === 'hit' || w === 'hits'
    default:
      return false
  }
}

/** Past a party tag or other aside in brackets right after a name: "(R-Utah)". */
export function skipParenthetical(reader: PhraseReader, k: number, lim: number): number {
  if (k >= lim || reader.word(k) !== '(') return k
  for (let e = k + 1; e < lim && e - k < 10; e++) if (reader.word(e) === ')') return e + 1
  return k
}

/** "saying", "calling": a participle, whose subject is the main clause's. */
export function isParticiple(w: string): boolean {
  return w.endsWith('ing')
}

/** The last speech verb before the quote in its sentence, and its subject (or inverted object). */
export function beforeCue(reader: PhraseReader, from: number, to: number, subjectFrom = from): Cue | null {
  for (let v = to - 1; v >= from; v--) {
    // Earlier quotes of the sentence are skipped: "Rubio said that by refusing to say “radical
    // Islam,” Democrats are “…”" reads back to "said".
    if (!reader.isWord(v) || reader.isQuoted(v)) continue
    const w = reader.word(v)
    if (w === 'to' && reader.word(v - 1) === 'according') {
      const p = reader.subjectAt(v + 1, to)
      if (p !== null) return { phrase: p, start: v - 1, end: p.end, isAfter: false }
      continue
    }
    const cls = reader.classOf(v)
    // "As Tom Ridge put it: “…”"
    const isSpeech =
      (cls & SPEECH_VERB) !== 0 || isPhrasalSpeech(w, reader.word(v + 1), v + 2 < to && reader.isWord(v + 2))
    if (!isSpeech && !(cls & DOCUMENT_VERB)) continue
    if ((reader.isCap(v) && !reader.startsSentence(v)) || NOUN_MARKERS.has(reader.word(v - 1))) continue
    // "Ginsburg’s comments": after a possessive a speech verb is a noun.
    if (reader.isPossessive(v - 1)) continue
    if (isPluralNoun(reader, v)) continue
    // "The paradox of Nancy, says Carl Anthony, historian at …, is that": a reporting aside.
    if (isSpeech && reader.word(v - 1) === ',' && !isParticiple(w) && !OBJECT_VERBS.has(w)) {
      const aside = reader.subjectAt(v + 1, to)
      if (aside !== null && aside.type !== 'pronoun' && reader.word(aside.end) === ',' && !isPlace(reader, aside))
        return { phrase: aside, start: v, end: aside.end, isAfter: false }
    }
    // "After Lott criticized Dane, Perrin shot back, “…”": a verb in an opening subordinate clause
    // does not introduce the quote.
    if (inOpeningClause(reader, subjectFrom, v, to)) continue
    // "Sanders was asked by host Bill Maher, “…”": in the passive the agent speaks.
    if (isSpeech && reader.word(v + 1) === 'by' && PASSIVE_AUXILIARIES.has(reader.word(v - 1))) {
      const agent = reader.subjectAt(v + 2, to)
      if (agent !== null && agent.type !== 'pronoun') return { phrase: agent, start: v, end: agent.end, isAfter: false }
    }
    const subject = subjectOfVerb(reader, v, subjectFrom)
    // "…, saying “…”", "…, calling him “…”": the participle's subject is the main clause's.
    if (isSpeech && isParticiple(w) && (reader.word(v - 1) === ',' || isClosingMark(reader.word(v - 1)))) {
      const main = mainSubject(reader, subjectFrom, v - 1)
      if (main !== null) return { phrase: main, start: main.start, end: v + 1, isAfter: false }
      // "… marched on the first day of the convention on Monday, chanting “…”": not the convention.
      if (subject !== null && subject.type === 'mention' && reader.entityOf(subject.mention).kind !== 'person') continue
    }
    // Inverted ("said Smith: “…”") only where nothing before the verb is its subject and the verb
    // does not take the one spoken to as its object ("told Reuters", "called Trump").
    if (subject === null && !OBJECT_VERBS.has(w) && !isParticiple(w)) {
      const inverted = reader.subjectAt(v + 1, to)
      const touches =
        isIntroPunct(reader, inverted?.end ?? -1, to) || (inverted?.type === 'mention' && inverted.end === to)
      if (inverted !== null && inverted.type !== 'pronoun' && touches)
        return { phrase: inverted, start: v, end: inverted.end, isAfter: false }
    }
    if (subject === null || isOwnedThing(subject)) continue
    if (!isSpeech && !(subject.type === 'descriptor' && DOCUMENT_NOUNS.has(subject.head))) continue
    return { phrase: subject, start: subject.start, end: v + 1, isAfter: false }
  }
  return null
}

/**
 * The subject of the speech verb at v: the phrase right before it ("the Loveless author said",
 * "Oseman later said", "The striker, who …, said"); else the subject of v's clause, read from
 * where the clause starts ("Reid caucused in Nevada and says" is Reid, not Nevada). A place is
 * never the speaker.
 */
export function subjectOfVerb(reader: PhraseReader, v: number, from: number): Phrase | null {
  let near = reader.backward(v - 1, from)
  // "A statement from the city council read", "a spokesman for the company said": the phrase
  // before the preposition is the subject; the one after it owns it.
  let isOwned = false
  if (near !== null && near.start - 2 >= from && OWNER_PREPOSITIONS.has(reader.word(near.start - 1))) {
    const owned = reader.backward(near.start - 2, from, 6)
    if (owned !== null && owned.type === 'descriptor' && owned.end >= near.end) {
      near = owned
      isOwned = true
    }
  }
  // "taking to Twitter to call", "a pupil at Okoro’s school said": the object of a preposition is
  // never the subject, except in "with Trump yelling".
  if (
    !isOwned &&
    near !== null &&
    near.type !== 'pronoun' &&
    MEDIUM_PREPOSITIONS.has(reader.word(near.start - 1)) &&
    !(reader.word(near.start - 1) === 'with' && isParticiple(reader.word(v)))
  )
    near = null
  // The common case, "Smith said" or "In a statement, Smith said": a person right before the verb
  // who opens the clause needs no reading of the clause.
  if (
    near !== null &&
    (near.type === 'pronoun' || (near.type === 'mention' && reader.entityOf(near.mention).kind === 'person')) &&
    (near.type !== 'pronoun' || near.word === 'i' || near.word === 'we') &&
    isBeside(reader, near.end, v) &&
    !(reader.isWord(near.start - 1) && !reader.isCap(near.start - 1))
  )
    return near
  // "Ryan lamented the “disheartened” state of the campaign and criticized …": a verb right after
  // a conjunction shares the subject of the verb before it, not the object between them.
  if (CONJUNCTIONS.has(reader.word(v - 1)) && reader.word(v - 2) !== ',') {
    for (let u = v - 2; u > from; u--)
      if (speechAt(reader, u) && !reader.isQuoted(u)) return u < v - 2 ? subjectOfVerb(reader, u, from) : null
    // "McConnell was quick to embrace the mogul … and said": the person the sentence is about.
    const main = mainSubject(reader, from, v - 1)
    if (main !== null && main.type === 'mention' && reader.entityOf(main.mention).kind === 'person') return main
  }
  const start = clauseStart(reader, v, from)
  let clause = mainSubject(reader, start, v)
  // "… was complete when Trump in his announcement speech called": a clause of its own opens with
  // its subject, whatever stands between it and the verb.
  if (clause === null && start > from && SUBORDINATORS.has(reader.word(start - 1))) {
    const opener = reader.subjectAt(start, v)
    if (opener !== null && (opener.type === 'mention' ? reader.entityOf(opener.mention).kind === 'person' : true))
      clause = opener
  }
  // "Kevin Brady, chairman of the Ways and Means Committee, said": the name before the apposition.
  if (clause !== null && near !== null && clause.end < near.start && isApposed(reader, clause, near.start))
    return clause
  // An indefinite phrase nearest the verb is an object when the clause already has a subject
  // ("Brandt released a new radio ad calling it"), unless a conjunction starts a new clause with
  // it ("…, and a spokesman said").
  if (
    clause !== null &&
    near !== null &&
    clause.end <= near.start &&
    !isPlace(reader, clause) &&
    (clause.type === 'mention' || clause.type === 'pronoun') &&
    near.type === 'descriptor' &&
    (near.article === 'a' || near.article === 'an' || near.article === 'one') &&
    !CONJUNCTIONS.has(reader.word(near.start - 1))
  )
    return clause
  let subject: Phrase | null
  if (near !== null && isBeside(reader, near.end, v) && !isPlace(reader, near)) subject = near
  else if (clause !== null && !isPlace(reader, clause) && (near === null || clause.start < near.start)) subject = clause
  else subject = near !== null && isPlace(reader, near) ? null : near
  // "Kasich says he’d sit Putin down and tell him …": the pronoun is the reporting clause's subject.
  if (subject !== null && subject.type === 'pronoun' && start > from && subject.word !== 'i' && subject.word !== 'we') {
    const verb = start - 1
    if (speechAt(reader, verb)) {
      const outer = reader.backward(verb - 1, from)
      if (outer !== null && outer.type === 'mention' && reader.entityOf(outer.mention).kind === 'person') return outer
    } else if (reader.word(verb) === 'that' && speechAt(reader, verb - 1)) {
      const outer = reader.backward(verb - 2, from)
      if (outer !== null && outer.type === 'mention' && reader.entityOf(outer.mention).kind === 'person') return outer
    }
  }
  return subject
}

/** "any new deal under her watch would demand": a thing someone owns does not speak. */
export function isOwnedThing(p: Phrase): boolean {
  return (
    p.type === 'descriptor' &&
    POSSESSIVE_PRONOUNS.has(p.article) &&
    !PERSON_NOUNS.has(p.head) &&
    !ORG_NOUNS.has(p.head) &&
    !DOCUMENT_NOUNS.has(p.head) &&
    nounGender(p.head) === ''
  )
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your'])

/**
 * "Trump's over-the-top comments", "his angry remarks": a speech verb in -s after a possessive or
 * determiner and an adjective, or after a hyphenated adjective, is a plural noun.
 */
function isPluralNoun(reader: PhraseReader, v: number): boolean {
  const w = reader.word(v)
  if (!w.endsWith('s') || w.endsWith('ss') || !reader.isWord(v - 1) || reader.isCap(v - 1)) return false
  const before = reader.word(v - 1)
  if (before.includes('-') && !before.endsWith('-')) return true
  const marked = NOUN_MARKERS.has(reader.word(v - 2)) || reader.isPossessive(v - 2)
  return (
    marked &&
    !before.endsWith('ly') &&
    !PERSON_NOUNS.has(before) &&
    !ORG_NOUNS.has(before) &&
    !CUE_FILLERS.has(before) &&
    !DOCUMENT_NOUNS.has(before)
  )
}

const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be'])

const CONJUNCTIONS = new Set(['and', 'but', 'or', 'while', 'whereas', 'yet'])

/** Prepositions that put a name in a medium, a place or an object, never in the subject. */
export const MEDIUM_PREPOSITIONS = new Set(['on', 'to', 'in', 'at', 'via', 'with', 'into', 'onto', 'through', 'about'])

/** Whether the phrase at k lies inside an apposition of p: "Brady, chairman of …, said". */
function isApposed(reader: PhraseReader, p: Phrase, k: number): boolean {
  const j = skipParenthetical(reader, p.end, k)
  if (reader.word(j) !== ',') return false
  if (p.type === 'mention') return reader.entityOf(p.mention).kind === 'person'
  return false
}

export function isPlace(reader: PhraseReader, p: Phrase): boolean {
  return p.type === 'mention' && reader.entityOf(p.mention).kind === 'place'
}

/** Only adverbs and auxiliaries, an aside between commas or one in brackets stand between k and v. */
function isBeside(reader: PhraseReader, k: number, v: number): boolean {
  let j = k
  while (j < v) {
    if (reader.isWord(j)) {
      if (!CUE_FILLERS.has(reader.word(j)) && !POST_NOMINALS.has(reader.word(j))) return false
      j++
      continue
    }
    const c = reader.word(j)
    if (c === '(') {
      const e = skipParenthetical(reader, j, v)
      if (e === j) return false
      j = e
      continue
    }
    if (c === ',') {
      // An aside that closes with a comma right before the verb: "Smith, 54, said".
      let e = j + 1
      while (e < v && reader.word(e) !== ',') e++
      if (e >= v) return e === j + 1 || v - j < 3
      j = e + 1
      continue
    }
    if (c !== '.' && c !== '-' && c !== '—' && c !== '–') return false
    j++
  }
  return true
}

/** Where the clause holding token v starts: after a semicolon, colon, "that" or an earlier speech verb. */
function clauseStart(reader: PhraseReader, v: number, from: number): number {
  let comma = false
  for (let j = v - 1; j > from; j--) {
    const w = reader.word(j)
    if (
      w === ';' ||
      w === ':' ||
      (w === 'that' && speechAt(reader, j - 1)) ||
      (speechAt(reader, j) && !isParticiple(w)) ||
      // "… was complete when Trump called": not "When he arrived, Smith said".
      (!comma && SUBORDINATORS.has(w) && !reader.isCap(j))
    )
      return j + 1
    if (w === ',') comma = true
  }
  return from
}

function isClosingMark(w: string): boolean {
  return w === '”' || w === '"' || w === '’' || w === "'" || w === '»'
}

// Not "as": "As Earnest explained, taxes were cut, “which sounds like a lot”" attributes the whole
// sentence.
export const SUBORDINATORS = new Set([
  'after',
  'when',
  'while',
  'before',
  'because',
  'since',
  'if',
  'although',
  'though',
  'once',
  'until',
])

/** Token v lies in a clause opened by a subordinator at the sentence start and closed by a comma before `to`. */
function inOpeningClause(reader: PhraseReader, from: number, v: number, to: number): boolean {
  let k = from
  while (k < v && (!reader.isWord(k) || reader.isQuoted(k))) k++
  if (!SUBORDINATORS.has(reader.word(k))) return false
  for (let j = k; j < v; j++) if (reader.word(j) === ',') return false
  // "After Lott spoke, Perrin shot back, “…”" has a clause of its own after the comma; "As Tharoor
  // wrote, “…”" does not, and its verb introduces the quote.
  for (let j = v + 1; j < to; j++) {
    if (reader.word(j) !== ',' || reader.isQuoted(j)) continue
    for (let w = j + 1; w < to; w++) if (reader.isWord(w) && !reader.isQuoted(w)) return true
    return false
  }
  return false
}

const RELATIVES = new Set(['who', 'whom', 'whose', 'which'])

const ONE_WORD_OPENERS = new Set(
  'now then still also however meanwhile yesterday today tonight earlier later instead nevertheless'.split(' '),
)

/** Opens a sentence with an adverbial that the subject follows: "In a statement, …", "Speaking …, …". */
const ADVERBIAL_OPENERS = new Set(
  `in on at after before during while when as speaking asked writing appearing earlier later yesterday today
  tonight meanwhile still also however then now last this but and so since following addressing responding
  from with without despite amid under over for by through`.split(/\s+/u),
)

/**
 * The subject of the sentence's main clause, from..to: the first noun phrase after any opening
 * adverbial ("On Twitter, Former Florida Gov. Jeb Bush called …" → Jeb Bush).
 */
export function mainSubject(reader: PhraseReader, from: number, to: number): Phrase | null {
  let k = from
  for (let tries = 0; tries < 5 && k < to; tries++) {
    while (k < to && (!reader.isWord(k) || reader.isQuoted(k))) k++
    if (k >= to) return null
    // "And Mr. Christie gloated:": a conjunction opening the sentence is stepped over.
    if (CONJUNCTIONS.has(reader.word(k)) || reader.word(k) === 'so') {
      k++
      continue
    }
    // "Now Donald Trump … is promising": a one-word adverb without a comma is stepped over.
    if (ONE_WORD_OPENERS.has(reader.word(k)) && reader.word(k + 1) !== ',' && reader.isWord(k + 1)) {
      k++
      continue
    }
    // "Khan, who is Muslim, also decried": a relative clause holds no subject of the sentence.
    const opener = reader.word(k)
    const p =
      ADVERBIAL_OPENERS.has(opener) || RELATIVES.has(opener) || /^\d+$/u.test(opener) ? null : reader.subjectAt(k, to)
    // "Salem, New Hampshire, Trump went": a place, a time or an opening phrase before the subject.
    if (p !== null && !isPlace(reader, p) && leadsToVerb(reader, p.end, to)) return p
    let c = k + 1
    while (c < to && reader.word(c) !== ',') c++
    if (c >= to) return null
    k = c + 1
  }
  return null
}

/**
 * What follows a subject at k is its verb: a lower-case word, maybe after asides ("Kasich (R-OH),
 * said", "Shelby, the Alabama Republican who heads the committee, which oversees the Fed, said").
 */
function leadsToVerb(reader: PhraseReader, k: number, to: number): boolean {
  let j = skipParenthetical(reader, k, to)
  // Up to three comma-bounded asides, each of at most 24 tokens; the word after one may be the verb.
  for (let asides = 0; asides < 3 && j < to && reader.word(j) === ','; asides++) {
    if (j + 1 >= to) return true
    if (isVerbAt(reader, j + 1)) return true
    // "Berea, OH, after winning Ohio, Gov. John Kasich (R-OH), said": a person named after the
    // comma is the subject, not an aside of the phrase before it.
    if (asides > 0 && namesPerson(reader, j + 1, to)) return false
    let e = j + 1
    while (e < to && e - j < 24 && reader.word(e) !== ',') e++
    if (e >= to || reader.word(e) !== ',') return false
    j = e
    if (j + 1 >= to) return true
    if (isVerbAt(reader, j + 1)) return true
  }
  if (j >= to) return j === to
  return isVerbAt(reader, j)
}

function namesPerson(reader: PhraseReader, k: number, to: number): boolean {
  const p = reader.subjectAt(k, to)
  return (
    p !== null &&
    p.type === 'mention' &&
    !reader.isPossessive(p.end - 1) &&
    reader.entityOf(p.mention).kind === 'person'
  )
}

function isVerbAt(reader: PhraseReader, j: number): boolean {
  return reader.isWord(j) && !reader.isCap(j) && !NOT_VERBS.has(reader.word(j))
}

/** Words after a noun phrase that show it is not a subject (it is inside a prepositional phrase or a list). */
export const NOT_VERBS = new Set(
  `of in at on for from with by to and or but as than the a an this that who whom whose which where when
  while if because after before during since until`.split(/\s+/u),
)

/** Only a comma or colon may stand between an inverted cue and its quote: "said Smith: “…”". */
function isIntroPunct(reader: PhraseReader, k: number, to: number): boolean {
  const w = reader.word(k)
  return k === to - 1 && (w === ',' || w === ':')
}
