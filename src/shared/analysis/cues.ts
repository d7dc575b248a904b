// Finding a quotation's cue: the words that say who spoke it ("…,” Oseman continued", "said Sen.
// Tim Kaine", "— Dana Reyes", "SMITH: …", an introducing paragraph, an action beat).
import { isDashCode } from './chars'
import type { QuoteContext } from './context'
import {
  type Cue,
  MEDIUM_PREPOSITIONS,
  NOT_VERBS,
  SUBORDINATORS,
  beforeCue,
  isOwnedThing,
  isParticiple,
  isPhrasalSpeech,
  isPlace,
  mainSubject,
  skipParenthetical,
  speechAt,
  subjectOfVerb,
} from './cue-subject'
import { CUE_FILLERS, DOCUMENT_NOUNS, PERSON_NOUNS, POST_NOMINALS } from './lexicon'
import type { Phrase, PhraseReader } from './phrases'
import { type SpeakerRef, nounGender } from './resolve'
import { ALL_CAPS, IN_QUOTE, SENTENCE_START, SPEECH_VERB, type Tokens, WORD, tokenAt } from './tokens'

/** The gender a cue's phrase asks for: "he", "she", "the woman"; '' when it does not say. */
export function phraseGender(p: Phrase): string {
  if (p.type === 'pronoun') return p.word === 'he' ? 'm' : p.word === 'she' ? 'f' : ''
  return p.type === 'descriptor' ? nounGender(p.head) : ''
}

/** The cue in the quote's own sentence: after it ("…,” Oseman continued"), else before it. */
export function findCue(reader: PhraseReader, ctx: QuoteContext): Cue | null {
  if (ctx.quote.isBlock) return null
  const cue =
    afterCue(reader, ctx) ??
    beforeCue(reader, ctx.followsQuote ? ctx.sentenceStart : ctx.beforeStart, ctx.beforeEnd, ctx.sentenceStart) ??
    labelCue(reader, ctx) ??
    (reader.word(ctx.beforeEnd - 1) === ':' ? releasedText(reader, ctx.beforeStart, ctx.beforeEnd - 1) : null) ??
    tagCue(reader, ctx) ??
    tailCue(reader, ctx)
  if (cue !== null || ctx.beforeStart === ctx.beforeEnd) return cue
  const introducedBy = reader.word(ctx.beforeEnd - 1)
  if (!ctx.isPartial && introducedBy !== ':' && introducedBy !== ',') return null
  // No speech verb: "Moore thanked him for “…”", "Bush referred to Rubio as “…”".
  const subject = mainSubject(reader, ctx.sentenceStart, ctx.beforeEnd)
  if (subject === null || (subject.type === 'pronoun' && subject.word === 'it')) return null
  return { phrase: subject, start: subject.start, end: subject.end, isAfter: false, isSubject: true }
}

function afterCue(reader: PhraseReader, ctx: QuoteContext): Cue | null {
  const lim = ctx.afterEnd
  // “… unhinged.” Sen. Rubio called …: a full stop inside the marks ends the sentence, so what
  // follows is the next sentence's subject, not this quote's cue.
  if (endsWithFullStop(reader, ctx) && reader.isCap(ctx.afterStart)) return null
  // "“… for the long run!” She replied to him": after "!" or "?" a capitalised pronoun opens a
  // sentence of its own, as "she replied" would not.
  if (
    reader.isCap(ctx.afterStart) &&
    THIRD_PERSON_PRONOUNS.has(reader.word(ctx.afterStart)) &&
    endsWithMark(reader, ctx)
  )
    return null
  let k = ctx.afterStart
  while (k < lim && !reader.isWord(k) && k - ctx.afterStart < 3) k++
  if (k >= lim || !reader.isWord(k)) return null
  const w = reader.word(k)
  if (w === 'according' && reader.word(k + 1) === 'to') {
    const p = reader.subjectAt(k + 2, lim)
    return p === null ? null : { phrase: p, start: k, end: p.end, isAfter: true }
  }
  // "…,” claiming that he …": a participle reports the main clause's subject, read before the quote.
  if (speechAt(reader, k) && isParticiple(w)) return null
  if (speechAt(reader, k)) {
    // Inverted: "said Oseman", "returned she", "said Sen. Tim Kaine, Clinton’s running mate".
    const p = reader.subjectAt(k + 1, lim)
    return p === null ? null : { phrase: p, start: k, end: p.end, isAfter: true }
  }
  // "“…,” the harbour master said", "“…,” Rep. Ann Lee (D-Ore.) said": the noun phrase between the
  // closing mark and the verb is the subject, as long as a speech verb follows it (checked below).
  const p = reader.subjectAt(k, lim)
  if (p === null) return null
  let v = skipParenthetical(reader, p.end, lim)
  let fillers = 0
  let asides = 0
  while (v < lim && fillers < 4) {
    if (!reader.isWord(v)) {
      // "Smith, the council leader, said", "Harry Bond, 30, of Raleigh, N.C., who was polled,
      // said": skip up to four comma-bounded asides before any filler.
      if (reader.word(v) === ',' && fillers === 0) {
        if (speechAt(reader, v + 1)) {
          v++
          continue
        }
        let e = v + 1
        while (e < lim && e - v < 16 && reader.word(e) !== ',' && !speechAt(reader, e)) e++
        if (asides < 4 && e < lim && reader.word(e) === ',') {
          v = e
          asides++
          continue
        }
      }
      return null
    }
    const vw = reader.word(v)
    if (speechAt(reader, v)) return { phrase: p, start: p.start, end: v + 1, isAfter: true }
    // "“…,” Bennett shot back", "“…,” Lee chimed in".
    if (isPhrasalSpeech(vw, reader.word(v + 1), v + 2 < lim && reader.isWord(v + 2)))
      return { phrase: p, start: p.start, end: v + 2, isAfter: true }
    // "Paul Dane III said": a suffix after the name.
    if (v === p.end && POST_NOMINALS.has(vw)) {
      v++
      continue
    }
    if (!CUE_FILLERS.has(vw)) return null
    v++
    fillers++
  }
  return null
}

/**
 * A name and a colon right before the quote, with no verb: "More from Jones: “…”", "Analysis by
 * Pew Research: “…”", a transcript's "SMITH: …" line. The name is the speaker.
 */
function labelCue(reader: PhraseReader, ctx: QuoteContext): Cue | null {
  const colon = ctx.beforeEnd - 1
  if (colon < ctx.beforeStart || reader.word(colon) !== ':') return null
  // "Rep. Trey Gowdy (R-S.C.): “…”": a party tag may stand between the name and the colon.
  let end = colon
  if (reader.word(colon - 1) === ')')
    for (let o = colon - 2; o >= ctx.beforeStart && o > colon - 10; o--)
      if (reader.word(o) === '(') {
        end = o
        break
      }
  const p = reader.backward(end - 1, ctx.beforeStart, 6)
  if (p === null || p.type !== 'mention' || p.end !== end || isPlace(reader, p)) return null
  // "later that month on CNN:", "a blunt message to Trump:": a medium or an addressee, not a label.
  if (MEDIUM_PREPOSITIONS.has(reader.word(p.start - 1))) return null
  return { phrase: p, start: p.start, end: colon + 1, isAfter: false }
}

/**
 * A quote that ends in a comma, "!" or "?" and is followed by a verb the lexicon does not know
 * and a name ("“This is fantastic!” beamed Jo Hart") or by a name and such a verb ("“…,” Hart
 * beamed"): an attribution tag all the same. A quote ending in a full stop is not read this way.
 */
function tagCue(reader: PhraseReader, ctx: QuoteContext): Cue | null {
  const lim = ctx.afterEnd
  let k = ctx.afterStart
  let endsAsTag = false
  for (let j = ctx.inEnd - 1; j >= ctx.inStart && j > ctx.inEnd - 4; j--) {
    if (reader.isWord(j)) break
    const c = reader.charAt(j)
    // , ! ? — –
    if (c === 44 || c === 33 || c === 63 || c === 0x2014 || c === 0x2013) endsAsTag = true
  }
  if (!endsAsTag) return null
  while (k < lim && !reader.isWord(k) && k - ctx.afterStart < 3) k++
  if (k >= lim) return null
  if (looksLikeVerb(reader, k)) {
    const p = reader.subjectAt(k + 1, lim)
    if (p !== null && p.type === 'mention' && !isPlace(reader, p) && reader.entityOf(p.mention).kind === 'person')
      return { phrase: p, start: k, end: p.end, isAfter: true }
    return null
  }
  const p = reader.subjectAt(k, lim)
  if (p === null || p.type !== 'mention' || isPlace(reader, p)) return null
  const v = skipParenthetical(reader, p.end, lim)
  if (!looksLikeVerb(reader, v)) return null
  return { phrase: p, start: p.start, end: v + 1, isAfter: true }
}

/**
 * A cue that closes the sentence after a clause of its own: "“…,” and donations picked up again,
 * Gilbert said." or "“…” if she loses, said Jo Bell, an analyst." The last comma of the sentence
 * opens it, and it must hold nothing but the cue.
 */
function tailCue(reader: PhraseReader, ctx: QuoteContext): Cue | null {
  const lim = ctx.afterEnd
  // One of the last commas opens the cue ("…, said Tom Brandt, an analyst.").
  for (let j = lim - 1, tries = 0; j > ctx.afterStart && tries < 3; j--) {
    if (reader.word(j) !== ',') continue
    tries++
    const cue = cueAfterComma(reader, j + 1, lim)
    if (cue !== null) return cue
  }
  return null
}

function cueAfterComma(reader: PhraseReader, k: number, lim: number): Cue | null {
  if (!reader.isWord(k)) return null
  if (speechAt(reader, k)) {
    const p = reader.subjectAt(k + 1, lim)
    return p !== null && p.type !== 'pronoun' ? { phrase: p, start: k, end: p.end, isAfter: true } : null
  }
  const p = reader.subjectAt(k, lim)
  if (p === null) return null
  let v = skipParenthetical(reader, p.end, lim)
  while (v < lim && reader.isWord(v) && CUE_FILLERS.has(reader.word(v)) && !speechAt(reader, v)) v++
  if (!speechAt(reader, v)) return null
  // Nothing but adverbials after the verb: the clause is the cue, not a sentence of its own.
  for (let e = v + 1; e < lim; e++) if (reader.isWord(e) && speechAt(reader, e)) return null
  return { phrase: p, start: p.start, end: v + 1, isAfter: true }
}

/** A lower-case past-tense or present-tense verb form: "beamed", "fumes". */
function looksLikeVerb(reader: PhraseReader, k: number): boolean {
  if (!reader.isWord(k) || reader.isCap(k)) return false
  const w = reader.word(k)
  return w.length > 3 && (w.endsWith('ed') || (w.endsWith('s') && !w.endsWith('ss'))) && !NOT_VERBS.has(w)
}

/**
 * A name under a quotation, as embeds and quote boxes set it: a dash and a name ("— Dana Reyes,
 * mayor"), or a name alone at the start of the next line. The name must be followed by nothing
 * but an affiliation, a bracket or the end of the paragraph.
 */
export function bylineCue(reader: PhraseReader, ctx: QuoteContext, paragraphEnd: number): Cue | null {
  let k = ctx.inEnd
  let hasDash = false
  while (k < paragraphEnd && !reader.isWord(k) && k - ctx.inEnd < 3) {
    if (isDashCode(reader.charAt(k))) hasDash = true
    else if (reader.word(k) !== '.' && reader.word(k) !== ',') return null
    k++
  }
  if (k >= paragraphEnd || !(hasDash || reader.startsLine(k))) return null
  const p = signedName(reader, k, paragraphEnd, false)
  return p === null || isPlace(reader, p) ? null : { phrase: p, start: k, end: p.end, isAfter: true }
}

/**
 * A name at k with nothing after it up to `end` (or the end of its line) but an affiliation:
 * "Dana Reyes, mayor", "Carl Tobias (University of Richmond)"; a full stop after the name too
 * when `stopEnds`. No verb may follow ("Carl Tobias, a professor, said …" is a sentence).
 */
function signedName(
  reader: PhraseReader,
  k: number,
  end: number,
  stopEnds: boolean,
): (Phrase & { type: 'mention' }) | null {
  const p = reader.subjectAt(k, end)
  if (p === null || p.type !== 'mention') return null
  const after = p.end < end ? reader.word(p.end) : ''
  if (p.end < end && after !== ',' && after !== '(' && !(stopEnds && after === '.') && !reader.startsLine(p.end))
    return null
  for (let e = p.end, n = 0; e < end && !reader.startsLine(e); e++, n++)
    if (n > 14 || speechAt(reader, e) || reader.word(e) === '“' || reader.word(e) === '"') return null
  return p
}

/**
 * The signature that ends a post copied from a social network, after the quote in its
 * paragraph: a dash, the author's name and their handle in brackets ("— Dana Reyes (@dreyes)").
 */
export function postSignature(
  reader: PhraseReader,
  text: string,
  t: Tokens,
  from: number,
  paragraphEnd: number,
): Cue | null {
  // The signature closes the paragraph: only its last few tokens are read, so a paragraph of
  // thousands of quotes is not read once per quote.
  for (let k = Math.max(from, paragraphEnd - SIGNATURE_REACH); k < paragraphEnd - 1; k++) {
    if (!isDashCode(reader.charAt(k)) || (reader.word(k) === '-' && !reader.startsLine(k))) continue
    const p = reader.subjectAt(k + 1, paragraphEnd)
    if (p === null || p.type !== 'mention' || reader.entityOf(p.mention).kind !== 'person') continue
    if (p.end < paragraphEnd && /^\s*\(@\w{1,30}\)/u.test(text.slice(t.start[p.end], t.start[p.end]! + 40)))
      return { phrase: p, start: k, end: p.end, isAfter: true }
  }
  return null
}

/** A short paragraph that is a dash and a name, maybe an affiliation: "- Bernie Sanders.", "— Dana Reyes, mayor". */
export function signedBelow(reader: PhraseReader, start: number, end: number): Cue | null {
  if (end - start > 16 || !isDashCode(reader.charAt(start))) return null
  const p = signedName(reader, start + 1, end, true)
  if (p === null || reader.entityOf(p.mention).kind !== 'person') return null
  return { phrase: p, start, end: p.end, isAfter: true }
}

/** Tokens of "— Dana Reyes (@danareyes) September 1, 2016" and a little more. */
const SIGNATURE_REACH = 40

/** The quote ends with "!" or "?" inside its marks. */
function endsWithMark(reader: PhraseReader, ctx: QuoteContext): boolean {
  for (let j = ctx.inEnd - 1; j >= ctx.inStart && j > ctx.inEnd - 4; j--) {
    if (reader.isWord(j)) return false
    const c = reader.charAt(j)
    if (c === 33 || c === 63) return true
  }
  return false
}

/**
 * The third-person SUBJECT_PRONOUNS (lexicon.ts): a capitalised one after "!" or "?" opens a sentence
 * ("I" is capitalised anywhere, so it shows nothing).
 */
const THIRD_PERSON_PRONOUNS = new Set(['he', 'she', 'they'])

function endsWithFullStop(reader: PhraseReader, ctx: QuoteContext): boolean {
  for (let j = ctx.inEnd - 1; j >= ctx.inStart && j > ctx.inEnd - 4; j--) {
    if (reader.isWord(j)) return false
    if (reader.charAt(j) === 46) return true
  }
  return false
}

/**
 * A speaker label in capitals opening a quoted transcript: "“RAMOS: Secretary Clinton, …”" is
 * Ramos's (the name as the label gives it, in title case), the label itself the cue.
 */
export function transcriptLabel(
  text: string,
  t: Tokens,
  ctx: QuoteContext,
): { speaker: SpeakerRef; cue: { start: number; end: number } } | null {
  let k = ctx.inStart
  while (k < ctx.inEnd && !(t.flags[k]! & WORD)) k++
  const first = k
  let words = 0
  while (k < ctx.inEnd && words < 3 && t.flags[k]! & WORD && t.flags[k]! & ALL_CAPS) {
    k++
    words++
  }
  if (words === 0 || k >= ctx.inEnd || text.charCodeAt(t.start[k]!) !== 58) return null
  const raw = text.slice(t.start[first], t.end[k - 1])
  const name = raw.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
  return { speaker: { name }, cue: { start: t.start[first]!, end: t.end[k]! } }
}

/** The last sentence of the paragraph before, when it introduces the quote ("…the film reads:"). */
export function introCue(
  reader: PhraseReader,
  text: string,
  t: Tokens,
  prevStart: number,
  prevEnd: number,
): Cue | null {
  const end = tokenAt(t, prevEnd)
  let start = end - 1
  while (start > 0 && t.start[start]! >= prevStart && !(t.flags[start]! & SENTENCE_START) && end - start < 60) start--
  const endsWithColon = text.charCodeAt(prevEnd - 1) === 58
  if (!endsWithColon) return null
  const from = Math.max(start, tokenAt(t, prevStart))
  return beforeCue(reader, from, end - 1) ?? releasedText(reader, from, end - 1)
}

/**
 * "President Clinton released the following statement:": the subject of a verb whose object is a
 * text, right before the colon, introduces it.
 */
function releasedText(reader: PhraseReader, from: number, colon: number): Cue | null {
  let head = colon - 1
  // "delivered a blunt message to Trump:": past the one it was sent to.
  for (let k = colon - 1; k > from && colon - k <= 5; k--)
    if (reader.word(k) === 'to' && DOCUMENT_NOUNS.has(reader.word(k - 1))) {
      head = k - 1
      break
    }
  if (head <= from || !reader.isWord(head) || !DOCUMENT_NOUNS.has(reader.word(head))) return null
  // Back past the determiner and adjectives ("the following", "a brief") to the verb.
  let v = head - 1
  while (v > from && reader.isWord(v) && !reader.isCap(v) && head - v <= 4 && !RELEASE_VERBS.has(reader.word(v))) v--
  if (!RELEASE_VERBS.has(reader.word(v))) return null
  const subject = subjectOfVerb(reader, v, from)
  if (subject === null || subject.type === 'pronoun' || isOwnedThing(subject)) return null
  return { phrase: subject, start: subject.start, end: colon, isAfter: false }
}

const RELEASE_VERBS = new Set(
  'issued issues released releases put posted posts sent sends published publishes wrote writes tweeted tweets read reads gave gives delivered delivers'.split(
    ' ',
  ),
)

/** The subject of a narrative sentence beside the quote in its paragraph. */
export function actionBeat(reader: PhraseReader, t: Tokens, ctx: QuoteContext): Cue | null {
  const tryAt = (k: number, lim: number): Cue | null => {
    if (k >= lim) return null
    const p = reader.forward(k, lim) ?? possessivePronoun(reader, k)
    if (p === null) return null
    if (p.type === 'descriptor' && !PERSON_NOUNS.has(p.head)) return null
    return { phrase: p, start: p.start, end: p.end, isAfter: false }
  }
  // The sentence after the quote, when it starts a new sentence: "“Yes?” Her grave eyes met his".
  if (ctx.afterEnd > ctx.afterStart && t.flags[ctx.afterStart]! & SENTENCE_START && t.flags[ctx.afterStart]! & WORD) {
    const c = tryAt(ctx.afterStart, ctx.afterEnd)
    if (c !== null) return c
  }
  // The sentence before it in the same paragraph.
  if (ctx.beforeStart < ctx.beforeEnd) {
    const c = tryAt(ctx.beforeStart, ctx.beforeEnd)
    if (c !== null) return c
  }
  // The narration just before a quote that opens its sentence: "Holmes leaned forward. “…”".
  if (ctx.beforeStart === ctx.beforeEnd && !ctx.followsQuote) {
    let s = ctx.inStart - 1
    if (s < ctx.paragraphFirstToken || t.flags[s]! & IN_QUOTE) return null
    while (s > ctx.paragraphFirstToken && !(t.flags[s]! & SENTENCE_START)) {
      if (t.flags[s]! & IN_QUOTE) return null
      s--
    }
    return tryAt(s, ctx.inStart)
  }
  return null
}

function possessivePronoun(reader: PhraseReader, k: number): Phrase | null {
  const w = reader.word(k)
  if (w === 'his') return { type: 'pronoun', start: k, end: k + 1, word: 'he' }
  if (w === 'her') return { type: 'pronoun', start: k, end: k + 1, word: 'she' }
  return null
}

/** No quotation in paragraph `para` (the one before quote i's). */
export function isNarrative(contexts: QuoteContext[], i: number, para: number): boolean {
  return i === 0 || contexts[i - 1]!.quote.paragraph !== para
}

/** The subject of a paragraph's last sentence: "The parson rode a step or two nearer." */
export function subjectOf(reader: PhraseReader, t: Tokens, paraStart: number, paraEnd: number): Cue | null {
  const first = tokenAt(t, paraStart)
  const end = tokenAt(t, paraEnd)
  let start = end - 1
  while (start > first && !(t.flags[start]! & SENTENCE_START)) start--
  // "As the lad stood there, Durbeyfield put his hand in his pocket": past an opening clause.
  if (SUBORDINATORS.has(reader.word(start)) || reader.word(start) === 'as') {
    const main = mainSubject(reader, start, end)
    if (main !== null && !(main.type === 'pronoun' && (main.word === 'it' || main.word === 'we')))
      return { phrase: main, start: main.start, end: main.end, isAfter: false }
  }
  for (let k = start, n = 0; n < 3 && k < end && reader.isWord(k); k++, n++) {
    const p = reader.forward(k, end, true)
    if (p === null) continue
    if (p.type === 'pronoun' && (p.word === 'it' || p.word === 'we')) return null
    return { phrase: p, start: p.start, end: p.end, isAfter: false }
  }
  return null
}

/** The speech verb of a cue ("he continued", "continued the young man"); its first token if none. */
export function cueVerb(reader: PhraseReader, cue: Cue): number {
  for (let k = cue.start; k < cue.end; k++) if (reader.classOf(k) & SPEECH_VERB) return k
  return cue.start
}
