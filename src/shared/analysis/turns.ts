import { asksOrExclaims } from './chars'
import type { QuoteContext } from './context'
import { type EntityIndex, type EntityRecord, isVocative } from './entities'
import { TITLES } from './lexicon'
import type { SpeakerRef } from './resolve'
import { IN_QUOTE, MARK, POSS, SENTENCE_START, type Tokens, WORD, lowerAt } from './tokens'

export interface Turn {
  para: number
  key: string
  ref: SpeakerRef
  /** Ends with a question or an exclamation: a turn that wants an answer from someone else. */
  isQuestion: boolean
  /** The person the turn addresses by name ("Tuppence, old bean!"), who is likely to answer. */
  addressee: number
}

export interface TurnGuess {
  speaker: SpeakerRef
  confidence: number
  method: 'turn-taking' | 'same speaker'
}

export function speakerKey(ref: SpeakerRef): string {
  return 'entity' in ref ? `e${ref.entity}` : `n${ref.name.toLowerCase()}`
}

/**
 * Who speaks a quotation paragraph that has no cue. In a two-person exchange the turn passes back
 * to the speaker before last; in news, where one source talks over several paragraphs, the
 * previous paragraph's speaker keeps it. A question always hands the turn over.
 */
export class TurnHistory {
  private readonly turns: Turn[] = []

  constructor(readonly isDialogue: boolean) {}

  record(para: number, ref: SpeakerRef, isQuestion: boolean, addressee: number): void {
    const last = this.turns.at(-1)
    const key = speakerKey(ref)
    // "“It is your best work, Basil,” said Lord Henry. “You must…”": the paragraph's turn
    // addresses Basil even though its last quotation names no one.
    if (addressee < 0 && last !== undefined && last.para === para && last.key === key) addressee = last.addressee
    const turn = { para, key, ref, isQuestion, addressee }
    if (last !== undefined && last.para === para) this.turns[this.turns.length - 1] = turn
    else this.turns.push(turn)
    // Only the recent past matters; keeping the list short keeps every lookup constant-time.
    if (this.turns.length > 32) this.turns.splice(0, 16)
  }

  /** The speaker of the latest turn, if recent: for "continued" and "went on". */
  last(para: number): TurnGuess | null {
    const last = this.turns.at(-1)
    if (last === undefined || para - last.para > 4) return null
    return { speaker: last.ref, confidence: 0.6, method: 'same speaker' }
  }

  /**
   * The latest turn within four paragraphs of `para`, and the last turn before it by someone else
   * within eight paragraphs of it: the two people of an exchange, for the speaker ranker.
   */
  recent(para: number): { last: Turn | undefined; other: Turn | undefined } {
    const last = this.turns.at(-1)
    if (last === undefined || para - last.para > 4) return { last: undefined, other: undefined }
    for (let i = this.turns.length - 2; i >= 0 && last.para - this.turns[i]!.para <= 8; i--)
      if (this.turns[i]!.key !== last.key) return { last, other: this.turns[i] }
    return { last, other: undefined }
  }

  /** The turn of paragraph `para`, if it is one of the recent ones. */
  at(para: number): Turn | undefined {
    for (let i = this.turns.length - 1; i >= 0 && this.turns[i]!.para >= para; i--)
      if (this.turns[i]!.para === para) return this.turns[i]
    return undefined
  }

  /** Whom the turn in the paragraph just before `para` addressed by name, if anyone else: -1 if no one. */
  addressed(para: number): number {
    const last = this.turns.at(-1)
    if (last === undefined || last.para !== para - 1 || last.addressee < 0) return -1
    return `e${last.addressee}` === last.key ? -1 : last.addressee
  }

  /**
   * Who speaks next. `partner` names the other person in the scene when no one else has spoken
   * yet (see narrativePartner): asked only in a dialogue, with the last speaker to leave out.
   */
  next(
    para: number,
    partner?: (exclude: string) => number,
    isNamed: (entity: number) => boolean = () => false,
  ): TurnGuess | null {
    const last = this.turns.at(-1)
    if (last === undefined || para - last.para > (this.isDialogue ? 4 : 2)) return null
    // A speaker seldom names themselves: "“Lucy, let Mr. Beebe eat his dinner.”" is neither's.
    const named = (ref: SpeakerRef): boolean => 'entity' in ref && isNamed(ref.entity)
    let other: Turn | undefined
    for (let i = this.turns.length - 2; i >= 0 && last.para - this.turns[i]!.para <= 8; i--) {
      const turn = this.turns[i]!
      if (turn.key !== last.key && !named(turn.ref)) {
        other = turn
        break
      }
    }
    if (
      last.addressee >= 0 &&
      `e${last.addressee}` !== last.key &&
      !isNamed(last.addressee) &&
      (this.isDialogue || last.isQuestion)
    )
      return { speaker: { entity: last.addressee }, confidence: 0.6, method: 'turn-taking' }
    if (other !== undefined && (this.isDialogue || last.isQuestion))
      return { speaker: other.ref, confidence: 0.55, method: 'turn-taking' }
    if (this.isDialogue) {
      const p = partner?.(last.key) ?? -1
      return p >= 0 && !isNamed(p) ? { speaker: { entity: p }, confidence: 0.5, method: 'turn-taking' } : null
    }
    if (named(last.ref))
      return other === undefined ? null : { speaker: other.ref, confidence: 0.5, method: 'turn-taking' }
    return { speaker: last.ref, confidence: 0.6, method: 'same speaker' }
  }
}

/** The person a quotation addresses by name, if any: "I think, Watson, that you…". */
export function addresseeOf(text: string, t: Tokens, entities: EntityIndex, ctx: QuoteContext): number {
  const { mentions, mentionByFirstToken, records } = entities
  for (let k = ctx.inStart; k < ctx.inEnd; k++) {
    const mi = mentionByFirstToken[k] ?? -1
    if (mi < 0) continue
    const entity = mentions.entity[mi]!
    if (records[entity]!.kind !== 'person' || INTERJECTIONS.has(records[entity]!.name.toLowerCase())) continue
    const end = mentions.tokenEnd[mi]!
    if (isNested(t, ctx, k, end) || isListed(text, t, entities, end)) continue
    if (isVocative(text, t, k, end) || isCalledOn(text, t, k, end)) return entity
  }
  return -1
}

/** Words after which a name set off by a comma is called on: "—and Fergus, what have you done?". */
const CALLING_WORDS = new Set(['and', 'oh', 'ah', 'o', 'now', 'well', 'yes', 'no', 'come', 'why', 'say', 'look'])

/**
 * A name called on after "and", "oh", "now"… that open a clause inside the quotation, set off by a
 * comma or ending it ("—and Fergus, what have you been doing?", "Oh Tom!"), or set off by a comma
 * at the end of a sentence ("Yes, Beatrice."). The vocative test wants a comma or a mark before
 * the name and a comma, ! or ? after it.
 */
function isCalledOn(text: string, t: Tokens, start: number, end: number): boolean {
  if (end >= t.count || start < 2) return false
  const after = text.charCodeAt(t.start[end]!)
  // "Yes, Beatrice.": set off by a comma at the end of a sentence.
  if (after === 46 && text.charCodeAt(t.start[start - 1]!) === 44)
    return end + 1 >= t.count || (t.flags[end + 1]! & (MARK | SENTENCE_START)) !== 0
  if (after !== 44 && after !== 33 && after !== 63) return false
  if (!CALLING_WORDS.has(lowerAt(text, t, start - 1))) return false
  return !(t.flags[start - 2]! & WORD) || (t.flags[start - 1]! & SENTENCE_START) !== 0
}

/** A name followed by more of a list ("Speyer, Maintz, and Koln"), whose commas are no vocative's. */
function isListed(text: string, t: Tokens, entities: EntityIndex, end: number): boolean {
  if (end + 2 >= t.count || text.charCodeAt(t.start[end]!) !== 44) return false
  const isName = (k: number): boolean => (entities.mentionByFirstToken[k] ?? -1) >= 0
  const next = lowerAt(text, t, end + 1)
  return isName(end + 1) || ((next === 'and' || next === 'or') && isName(end + 2))
}

/**
 * A name quoted inside the quotation ("calling me ‘Sir John’", "you said ‘Good night, Sir John’"):
 * a name someone else used, not the person this quotation speaks to.
 */
function isNested(t: Tokens, ctx: QuoteContext, start: number, end: number): boolean {
  if (start - 1 > ctx.inStart && t.flags[start - 1]! & MARK) return true
  for (let k = end; k < end + 3 && k < ctx.inEnd - 1; k++) if (t.flags[k]! & MARK) return true
  return false
}

/** Names called on in exclamations, not people being addressed: "Lord, how you frightened me!". */
const INTERJECTIONS = new Set(['lord', 'god', 'heaven', 'heavens', 'jesus', 'christ', 'goodness', 'gracious', 'mercy'])

/**
 * Fiction-style dialogue: several paragraphs that are a bare quotation with no cue, and either
 * many of them or many quotation paragraphs that ask or exclaim (a Dickens exchange cues most
 * turns, but its speakers still take turns). News rarely leaves a quote paragraph unattributed,
 * and seldom quotes a question, so there a cue-less paragraph continues its speaker.
 */
export function isDialogue(text: string, contexts: QuoteContext[], hasCue: (i: number) => boolean): boolean {
  let quoteParagraphs = 0
  let bare = 0
  let asks = 0
  let i = 0
  while (i < contexts.length) {
    const para = contexts[i]!.quote.paragraph
    let j = i
    let cued = false
    while (j < contexts.length && contexts[j]!.quote.paragraph === para) cued = hasCue(j++) || cued
    const first = contexts[i]!
    if (first.beforeStart === first.beforeEnd && !first.isPartial && !first.quote.isContinuation) {
      quoteParagraphs++
      if (!cued) bare++
      if (asksOrExclaims(text, first.quote.end)) asks++
    }
    i = j
  }
  // Conversation asks and exclaims; news seldom quotes a question.
  return bare >= 3 && (bare >= 0.3 * quoteParagraphs || asks >= 0.2 * quoteParagraphs)
}

/**
 * The first-person narrator's name, when the text has one: the person other speakers address
 * by name ("I think, Watson, that you…"). Only for texts narrated in the first person.
 */
export function findNarrator(
  text: string,
  t: Tokens,
  entities: EntityIndex,
  contexts: QuoteContext[],
  isOtherSpeaker: (i: number) => boolean,
  namedSpeakers: Set<number>,
): number {
  let firstPerson = 0
  for (const k of t.singleI) if (!(t.flags[k]! & IN_QUOTE)) firstPerson++
  if (firstPerson < 5) return -1
  const { mentions, mentionByFirstToken, records } = entities
  const named = selfNamed(text, t, entities)
  if (named >= 0) return named
  const votes = new Map<number, number>()
  contexts.forEach((ctx, i) => {
    if (!isOtherSpeaker(i)) return
    for (let k = ctx.inStart; k < ctx.inEnd; k++) {
      const mi = mentionByFirstToken[k] ?? -1
      if (mi < 0) continue
      const entity = mentions.entity[mi]!
      if (records[entity]!.kind !== 'person' || namedSpeakers.has(entity) || isTitleOnly(records[entity]!)) continue
      const end = mentions.tokenEnd[mi]!
      if (isVocative(text, t, k, end) && !isNested(t, ctx, k, end)) votes.set(entity, (votes.get(entity) ?? 0) + 1)
    }
  })
  let best = -1
  let top = 0
  for (const [e, n] of votes) {
    // The narrator is "I" in the narration: someone the narration keeps naming is another character
    // ("Old Cotter was sitting at the fire"), whoever calls on them.
    let narrated = 0
    for (const mi of records[e]!.mentions) if (!(t.flags[mentions.tokenStart[mi]!]! & IN_QUOTE)) narrated++
    if (narrated >= 2 && narrated >= n) continue
    if (n > top || (n === top && e < best)) [best, top] = [e, n]
  }
  return best
}

/** "Monsieur", "Sir": a way of addressing anyone, not a name. */
function isTitleOnly(r: EntityRecord): boolean {
  return r.nameTokens.every((w) => TITLES.has(w) || w === '.')
}

/**
 * The other person in the scene: the most recent person named in the narrative (not inside a
 * quotation) before mention index `from`, other than the speaker keyed `exclude`. -1 if none
 * within 60 mentions.
 */
export function narrativePartner(t: Tokens, entities: EntityIndex, from: number, exclude: string): number {
  const { mentions, records } = entities
  for (let i = from, n = 0; i >= 0 && n < 60; i--, n++) {
    if (t.flags[mentions.tokenStart[i]!]! & IN_QUOTE) continue
    const e = mentions.entity[i]!
    const r = records[e]!
    if (r.kind !== 'person' || r.confidence <= 0.4 || `e${e}` === exclude) continue
    return e
  }
  return -1
}

/**
 * The people quotation `ctx` names itself, not in a quotation inside it ("calling me ‘Sir John’"
 * is how Sir John speaks of himself). Read once per quotation, so asking about many is cheap.
 */
export function namedIn(
  t: Tokens,
  entities: EntityIndex,
  ctx: QuoteContext,
  options: { owners?: boolean } = {},
): number[] {
  const { mentions, mentionByFirstToken } = entities
  const out: number[] = []
  for (let k = ctx.inStart; k < ctx.inEnd; k++) {
    const mi = mentionByFirstToken[k] ?? -1
    if (mi < 0 || isNested(t, ctx, k, mentions.tokenEnd[mi]!)) continue
    // `owners: false` leaves out names as owners ("Wisconsin's labour force").
    if (options.owners === false && t.flags[mentions.tokenEnd[mi]! - 1]! & POSS) continue
    out.push(mentions.entity[mi]!)
  }
  return out
}

/**
 * The person the narration names as "I": "Call me Ishmael.", "So, I called myself Pip", "my name
 * is Jonathan Harker". -1 if the narration never does.
 */
function selfNamed(text: string, t: Tokens, entities: EntityIndex): number {
  const { mentions, records } = entities
  for (let i = 0; i < mentions.count; i++) {
    const k = mentions.tokenStart[i]!
    if (k < 2 || t.flags[k]! & IN_QUOTE || records[mentions.entity[i]!]!.kind !== 'person') continue
    const w1 = lowerAt(text, t, k - 1)
    const w2 = lowerAt(text, t, k - 2)
    const isSelf =
      (w1 === 'myself' && w2 === 'called') ||
      (w1 === 'me' && w2 === 'call') ||
      ((w1 === 'is' || w1 === 'was') && w2 === 'name' && k >= 3 && lowerAt(text, t, k - 3) === 'my')
    if (isSelf) return mentions.entity[i]!
  }
  return -1
}
