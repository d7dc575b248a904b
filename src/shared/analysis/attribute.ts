import { isDashCode } from './chars'
import type { QuoteContext } from './context'
import type { EntityIndex } from './entities'
import {
  CUE_FILLERS,
  DOCUMENT_NOUNS,
  OBJECT_VERBS,
  ORG_NOUNS,
  PERSON_NOUNS,
  POST_NOMINALS,
  SPEECH_VERBS,
} from './lexicon'
import type { Paragraphs } from './paragraphs'
import { OWNER_PREPOSITIONS, type Phrase, PhraseReader } from './phrases'
import { type Resolution, Resolver, type SpeakerRef, type SpeakerState, introducedSubject, nounGender } from './resolve'
import { Candidates, type RankFeature, type RankOptions, SHIPPED_MODEL, best } from './speaker-rank'
import { ALL_CAPS, DOCUMENT_VERB, IN_QUOTE, SENTENCE_START, SPEECH_VERB, type Tokens, WORD, tokenAt } from './tokens'
import { TurnHistory, addresseeOf, findNarrator, isDialogue, namedIn, narrativePartner } from './turns'

/** Made only by `attribution` and `retag`, so every one has the same shape (see EntityRecord). */
export interface Attribution {
  speaker: SpeakerRef | null
  confidence: number
  /** Character offsets of the cue. */
  cue: { start: number; end: number } | null
  method: string
  isDocument: boolean
  document: string | undefined
}

function attribution(
  speaker: SpeakerRef | null,
  confidence: number,
  cue: Attribution['cue'],
  method: string,
  isDocument = false,
  document: string | undefined = undefined,
): Attribution {
  return { speaker, confidence, cue, method, isDocument, document }
}

/** The same attribution under another method (and confidence). */
function retag(a: Attribution, method: string, confidence = a.confidence): Attribution {
  return attribution(a.speaker, confidence, a.cue, method, a.isDocument, a.document)
}

interface Cue {
  phrase: Phrase
  /** Token range of the whole cue ("the Loveless author said"). */
  start: number
  end: number
  /** After the quote, in the same sentence: the most reliable place. */
  isAfter: boolean
  /** No speech verb: the subject of the clause the quote is set in ("Bush referred to Rubio as “…”"). */
  isSubject?: boolean
}

const CUE_OTHER = 1
const CUE_FIRST = 2

const NONE: Attribution = attribution(null, 0, null, 'none')

/** The rules whose picks the ranker reconsiders, and the feature each sets on its pick. */
const RANKED_RULES = new Map<string, RankFeature>([
  ['turn-taking', 'rules: turn-taking'],
  ['same speaker', 'rules: turn-taking'],
  ['pronoun', 'rules: pronoun'],
  ['descriptor', 'rules: descriptor'],
  ['previous paragraph', 'rules: narration'],
  ['action beat', 'rules: narration'],
])

/**
 * In dialogue the ranker also reconsiders a quote that shares its paragraph's speaker, the
 * narrator's quotes and quotes the rules left without a speaker. (News weights were fitted
 * without them.)
 */
const RANKED_IN_DIALOGUE = new Map<string, RankFeature | null>([
  ['same paragraph', 'rules: same paragraph'],
  ['continuation', 'rules: same paragraph'],
  ['narrator', 'rules: narrator'],
  ['first person', 'rules: narrator'],
  ['none', null],
])

/** How far back (characters) the ranker's recency reaches. */
const RECENT_WINDOW = 3000
/** How many of the people named last before a quote the ranker adds as candidates. */
const RECENT_CANDIDATES = 3

/**
 * Gives every quotation piece a speaker: its own cue first (after, inside or before it), then the
 * paragraph's cue, the multi-paragraph group's cue, an introducing "X said:" paragraph, an action
 * beat beside it, and finally turn-taking from the quotes before it. Runs in document order so
 * pronouns and "they continued" can lean on the speakers already found.
 */
export function attribute(
  text: string,
  t: Tokens,
  entities: EntityIndex,
  contexts: QuoteContext[],
  paragraphs: Paragraphs,
  rank: RankOptions = {},
): Attribution[] {
  const reader = new PhraseReader(text, t, entities)
  const resolver = new Resolver(text, t, entities)
  const cues = contexts.map((ctx) => findCue(reader, ctx))
  const out: Attribution[] = contexts.map(() => NONE)
  const state: SpeakerState = { lastSpeaker: -1, lastSpeakerParagraph: -10, topic: -1, narrator: -1 }
  /** Index into t.sentenceStarts of the next sentence start advanceTopic has not read. */
  let topicCursor = 0
  const mentionNear = (k: number): boolean => {
    for (let j = k; j < k + 6 && j < t.count; j++) if (entities.mentionByFirstToken[j]! >= 0) return true
    return false
  }
  /** Follows sentence subjects up to token `until`, so pronouns can lean on the current topic. */
  const advanceTopic = (until: number): void => {
    const starts = t.sentenceStarts
    for (; topicCursor < starts.length && starts[topicCursor]! < until; topicCursor++) {
      const s = starts[topicCursor]!
      const f = t.flags[s]!
      if (f & IN_QUOTE || !(f & WORD)) continue
      // Only a mention can change the topic, and forward() finds one only if it starts within 6 tokens.
      if (!mentionNear(s)) continue
      for (let k = s, n = 0; n < 3 && k < t.count && reader.isWord(k); k++, n++) {
        const p = reader.forward(k, Math.min(t.count, k + 12))
        if (p === null) continue
        if (p.type === 'mention') {
          const e = entities.mentions.entity[p.mention]!
          // Only someone who is clearly a person becomes the topic, not "the Trois Couronnes".
          if (entities.records[e]!.kind === 'person' && entities.records[e]!.confidence > 0.4) state.topic = e
        }
        break
      }
    }
  }
  /** Whom each quotation addresses by name ("Tuppence, old bean!"), found once: -2 until asked. */
  const addressees = new Int32Array(contexts.length).fill(-2)
  const addresseeAt = (i: number): number => {
    if (addressees[i] === -2) addressees[i] = addresseeOf(text, t, entities, contexts[i]!)
    return addressees[i]!
  }
  /** The last quotation paragraph and whom its first quotation addressed by name (-1 if no one). */
  const addressed = { para: -10, entity: -1 }
  // Group ids are small and dense (numbered in document order), so groups are arrays, not maps:
  // the first piece of each group, and each piece's next piece in its group (-1 at the end).
  let groupCount = 0
  for (const ctx of contexts) groupCount = Math.max(groupCount, ctx.quote.groupId + 1)
  const groupOwner: (Attribution | undefined)[] = new Array<Attribution | undefined>(groupCount).fill(undefined)
  const groupFirst = new Int32Array(groupCount).fill(-1)
  const groupNext = new Int32Array(contexts.length).fill(-1)
  const groupLast = new Int32Array(groupCount).fill(-1)
  contexts.forEach((ctx, i) => {
    const g = ctx.quote.groupId
    if (groupFirst[g]! < 0) groupFirst[g] = i
    else groupNext[groupLast[g]!] = i
    groupLast[g] = i
  })
  /** Paragraphs that hold a quotation. */
  const quoteParagraphs = new Uint8Array(paragraphs.count)
  for (const ctx of contexts) quoteParagraphs[ctx.quote.paragraph] = 1
  const hasCue = (i: number): boolean => cues[i] !== null && cues[i] !== undefined
  const turns = new TurnHistory(isDialogue(contexts, hasCue))
  const namedSpeakers = new Set<number>()
  for (const c of cues) {
    if (c === null || c.phrase.type !== 'mention') continue
    const e = entities.mentions.entity[c.phrase.mention]!
    namedSpeakers.add(e)
    // A name with no other evidence that speaks ("“…,” laughed Winterbourne") is a person.
    const r = entities.records[e]!
    if (r.kind === 'other' && !r.isKnown && r.nameTokens.length <= 3) {
      r.kind = 'person'
      r.confidence = Math.max(r.confidence, 0.5)
    }
  }
  // Paragraphs whose cues all name someone else: their quotes address the narrator, not speak as them.
  // Per paragraph: CUE_OTHER if a cue names someone else, CUE_FIRST if one is "I" or "we".
  const cueKinds = new Uint8Array(paragraphs.count)
  cues.forEach((c, i) => {
    if (c === null || c === undefined) return
    const isFirst = c.phrase.type === 'pronoun' && (c.phrase.word === 'i' || c.phrase.word === 'we')
    const para = contexts[i]!.quote.paragraph
    cueKinds[para] = cueKinds[para]! | (isFirst ? CUE_FIRST : CUE_OTHER)
  })
  const isOther = (i: number): boolean => cueKinds[contexts[i]!.quote.paragraph] === CUE_OTHER
  state.narrator = findNarrator(text, t, entities, contexts, isOther, namedSpeakers)

  /** The last pronoun cue read, so two quotes around one "he said" get one speaker. */
  let shared: { cue: Cue | null; para: number; out: Attribution } = { cue: null, para: -1, out: NONE }
  const fromCue = (cue: Cue, ctx: QuoteContext): Attribution => {
    // "“…,” he said; and, after a pause: “…”": the second quote's cue is the first one's.
    if (
      cue.phrase.type === 'pronoun' &&
      shared.cue !== null &&
      shared.para === ctx.quote.paragraph &&
      shared.cue.start === cue.start &&
      shared.cue.end === cue.end
    )
      return shared.out
    const a = resolveCue(cue, ctx)
    if (cue.phrase.type === 'pronoun') shared = { cue, para: ctx.quote.paragraph, out: a }
    return a
  }
  const resolveCue = (cue: Cue, ctx: QuoteContext): Attribution => {
    let phrase = cue.phrase
    if (phrase.type === 'pronoun' && phrase.word !== 'i' && phrase.word !== 'we' && phrase.word !== 'it') {
      // "Local resident Eileen Marsh, 84, … “It’s not just books,” she said": the antecedent is in the paragraph.
      const local = paragraphAntecedent(reader, ctx, phrase.word, Math.min(ctx.inStart, cue.start))
      if (local !== null) phrase = local
      else if (phrase.word === 'he' || phrase.word === 'she') {
        // "Presently a small boy came along the path. … he paused. ¶ “…?” he asked": someone unnamed.
        const para = ctx.quote.paragraph
        const opens = ctx.beforeStart === ctx.beforeEnd && !ctx.followsQuote && ctx.inStart === ctx.paragraphFirstToken
        const from =
          opens && para > 0 && !quoteParagraphs[para - 1]
            ? tokenAt(t, paragraphs.start[para - 1]!)
            : ctx.paragraphFirstToken
        const to = opens ? ctx.paragraphFirstToken : ctx.inStart
        const intro = introducedSubject(text, t, entities, from, to, phrase.word === 'he' ? 'm' : 'f')
        if (intro !== null)
          return attribution(
            { name: text.slice(t.start[intro.start], t.end[intro.end - 1]) },
            0.5,
            { start: t.start[cue.start]!, end: t.end[cue.end - 1]! },
            'pronoun',
          )
      }
    }
    state.namedInQuote = phrase.type === 'pronoun' ? namedIn(t, entities, ctx) : undefined
    let res: Resolution = resolver.resolve(phrase, ctx.quote.start, ctx.quote.paragraph, state)
    state.namedInQuote = undefined
    if (phrase !== cue.phrase) res.method = 'pronoun'
    // In a dialogue, "“…,” said he" or "said the child" on a new turn means whoever's turn it is,
    // if the gender fits; "continued" keeps the turn with the last speaker.
    const isVague =
      phrase === cue.phrase &&
      ((phrase.type === 'pronoun' && (phrase.word === 'he' || phrase.word === 'she')) ||
        (phrase.type === 'descriptor' && res.method !== 'role' && !res.isDocument && phrase.owner < 0))
    if (isVague && ctx.beforeStart === ctx.beforeEnd) {
      const para = ctx.quote.paragraph
      const gender = phraseGender(phrase)
      const fits = (e: number): boolean => {
        const r = entities.records[e]!
        return r.kind === 'person' && (r.gender === '' || gender === '' || r.gender === gender)
      }
      let pick = -1
      if (reader.word(cueVerb(reader, cue)) === 'continued') {
        const guess = turns.last(para)
        if (guess !== null && 'entity' in guess.speaker) pick = guess.speaker.entity
      } else if (turns.isDialogue && para > 0 && !quoteParagraphs[para - 1]) {
        // After a narrative paragraph about someone by name ("Terry squatted down."), "he said" is them.
        const subject = subjectOf(reader, t, paragraphs.start[para - 1]!, paragraphs.end[para - 1]!)
        if (subject !== null && subject.phrase.type === 'mention')
          pick = entities.mentions.entity[subject.phrase.mention]!
        if (pick < 0 || !fits(pick)) {
          const guess = turns.next(para)
          pick = guess !== null && 'entity' in guess.speaker ? guess.speaker.entity : -1
        }
      } else if (turns.isDialogue) {
        const guess = turns.next(para)
        if (guess !== null && 'entity' in guess.speaker) pick = guess.speaker.entity
      } else pick = turns.addressed(para)
      if (pick >= 0 && fits(pick))
        res = {
          speaker: { entity: pick },
          confidence: 0.65,
          isDocument: false,
          method: phrase.type === 'pronoun' ? 'pronoun' : 'descriptor',
        }
    }
    const confidence = cue.isSubject
      ? Math.min(res.confidence, 0.65)
      : cue.isAfter
        ? res.confidence
        : res.confidence - 0.05
    return attribution(
      res.speaker,
      confidence,
      { start: t.start[cue.start]!, end: t.end[cue.end - 1]! },
      cue.isSubject ? 'clause subject' : res.method === 'named' ? 'cue' : res.method,
      res.isDocument,
      res.document,
    )
  }

  /** The quote names this speaker other than as an owner ("Nonsense, Fergus!", not "Wisconsin's"). */
  const isNamedIn = (speaker: SpeakerRef | null, ctx: QuoteContext): boolean => {
    if (speaker === null || !('entity' in speaker)) return false
    const who = entities.resolve(speaker.entity)
    return namedIn(t, entities, ctx, { owners: false }).some((e) => entities.resolve(e) === who)
  }

  const model = rank.model ?? SHIPPED_MODEL
  const weights = turns.isDialogue ? model.dialogue : model.other
  const keyOf = (ref: SpeakerRef): number | string =>
    'entity' in ref ? entities.resolve(ref.entity) : ref.name.toLowerCase()
  const nameOf = (ref: SpeakerRef): string =>
    'entity' in ref ? entities.records[entities.resolve(ref.entity)]!.name : ref.name
  /** The people a paragraph's narration names (outside its quotations), at most eight, in order. */
  const narrationCache = { para: -2, names: [] as number[] }
  const narrationNames = (para: number): number[] => {
    // A paragraph is asked for, then as "the one before" by the next paragraph: keep the last.
    if (narrationCache.para === para) return narrationCache.names
    const found: number[] = []
    narrationCache.para = para
    narrationCache.names = found
    if (para < 0) return found
    const to = tokenAt(t, paragraphs.end[para]!)
    for (let k = tokenAt(t, paragraphs.start[para]!); k < to && found.length < 8; k++) {
      const mi = entities.mentionByFirstToken[k]!
      if (mi < 0 || t.flags[k]! & IN_QUOTE) continue
      const e = entities.resolve(entities.mentions.entity[mi]!)
      if (entities.records[e]!.kind === 'person' && !found.includes(e)) found.push(e)
    }
    return found
  }
  /**
   * 7. The fitted ranker (speaker-rank.ts) reconsiders a quotation the rules gave no explicit
   *    speaker: the rules' pick is one candidate among the people of the scene.
   */
  /** The people of quote paragraph `para`'s scene, read once per paragraph and only when asked. */
  let scene = { para: -1, here: [] as number[], before: [] as number[], subject: -1 }
  const sceneOf = (para: number): typeof scene => {
    if (scene.para === para) return scene
    const previous =
      para > 0 && !quoteParagraphs[para - 1]
        ? subjectOf(reader, t, paragraphs.start[para - 1]!, paragraphs.end[para - 1]!)
        : null
    // The paragraph before first: it is the one the previous paragraph asked for last.
    const before = narrationNames(para - 1)
    scene = {
      para,
      here: narrationNames(para),
      before,
      subject:
        previous !== null && previous.phrase.type === 'mention'
          ? entities.resolve(entities.mentions.entity[previous.phrase.mention]!)
          : -1,
    }
    return scene
  }
  /** The first quote of paragraph `para`, looked up from quote `k` onwards; -1 if none. */
  const firstQuoteOf = (k: number, para: number): number => {
    let x = k + 1
    while (x < contexts.length && contexts[x]!.quote.paragraph < para) x++
    return x < contexts.length && contexts[x]!.quote.paragraph === para ? x : -1
  }
  /**
   * The person a cue of its own names as the speaker of the paragraph whose first quote is
   * `first` (-1: none, and so no one): -1 if no cue names a person.
   */
  const cuedSpeaker = (first: number): number => {
    if (first < 0) return -1
    const para = contexts[first]!.quote.paragraph
    for (let x = first; x < contexts.length && contexts[x]!.quote.paragraph === para; x++) {
      const cue = cues[x]
      if (cue === null || cue === undefined || cue.isSubject || cue.phrase.type !== 'mention') continue
      const e = entities.resolve(entities.mentions.entity[cue.phrase.mention]!)
      return entities.records[e]!.kind === 'person' ? e : -1
    }
    return -1
  }
  const c = new Candidates()
  // How recently the text named each entity before the quote being ranked: valid where `stamp`
  // holds the current recentStamp.
  const recentOf = {
    stamp: new Int32Array(entities.records.length),
    value: new Float64Array(entities.records.length),
  }
  let recentStamp = 0
  const rerank = (k: number): Attribution => {
    const a = out[k]!
    const rule = RANKED_RULES.get(a.method) ?? (turns.isDialogue ? RANKED_IN_DIALOGUE.get(a.method) : undefined)
    // A descriptor kept as written ("one engineer") is what the issue asks for when nobody is named.
    // In dialogue the speaker is someone in the scene ("said his sister"): one of them may beat it.
    const written = a.speaker !== null && !('entity' in a.speaker)
    if (rule === undefined || a.isDocument || (written && !(turns.isDialogue && a.method === 'descriptor'))) return a
    const cue = cues[k]
    // "said the other" already names whoever did not speak last: "last speaker" must not outweigh it.
    if (cue?.phrase.type === 'descriptor' && cue.phrase.head === 'other') return a
    const ctx = contexts[k]!
    const para = ctx.quote.paragraph
    // The answer to a turn that called on someone by name is theirs: a reason the ranker's
    // features, fitted mostly on news where no one is called on, cannot weigh.
    if (
      addressed.para === para - 1 &&
      addressed.entity >= 0 &&
      a.speaker !== null &&
      keyOf(a.speaker) === entities.resolve(addressed.entity)
    )
      return a
    c.clear()
    const add = (ref: SpeakerRef): number => {
      const key = keyOf(ref)
      const at = c.indexOf(key)
      return at >= 0 ? at : c.add(key, typeof key === 'number' ? { entity: key } : ref)
    }
    const rules = a.speaker === null || written ? -1 : add(a.speaker)
    if (rules >= 0 && rule !== null) c.set(rules, rule)
    const { last, other } = turns.recent(para)
    if (last !== undefined) {
      const x = add(last.ref)
      // "“…,” she continued": the turn stays with whoever spoke last. In dialogue that is a rule the
      // features cannot weigh (whoever continues also spoke just before), so the rules' pick stands.
      if (cue !== null && cue !== undefined && reader.word(cueVerb(reader, cue)) === 'continued') {
        if (turns.isDialogue && x === rules) return a
        c.set(x, 'continues')
      }
      c.set(x, 'last speaker')
      if (last.para === para - 1) c.set(x, 'spoke just before')
    }
    if (other !== undefined) c.set(add(other.ref), 'speaker before last')
    const guess = turns.next(para)
    if (guess !== null) c.set(add(guess.speaker), 'next turn')
    const { here, before, subject } = sceneOf(para)
    if (subject >= 0) c.set(add({ entity: subject }), 'previous subject')
    for (const e of here) c.set(add({ entity: e }), 'named in paragraph')
    for (const e of before) c.set(add({ entity: e }), 'named in previous paragraph')
    if (addressed.para === para - 1 && addressed.entity >= 0)
      c.set(add({ entity: addressed.entity }), 'addressed before')
    if (state.narrator >= 0) c.set(add({ entity: state.narrator }), 'narrator')
    // In dialogue, the exchange around the quote: who spoke two paragraphs back, who speaks next.
    // (News weights were fitted without these candidates, so news does not add them.)
    const exchange = turns.isDialogue
    if (exchange) {
      const twoBefore = turns.at(para - 2)
      if (twoBefore !== undefined && quoteParagraphs[para - 1]) c.set(add(twoBefore.ref), 'spoke two before')
      // The next two quotation paragraphs, while the exchange runs on without narration.
      const reply = quoteParagraphs[para + 1] ? firstQuoteOf(k, para + 1) : -1
      const afterReply = reply >= 0 && quoteParagraphs[para + 2] ? firstQuoteOf(reply, para + 2) : -1
      const next = cuedSpeaker(reply)
      if (next >= 0) c.set(add({ entity: next }), 'speaks next')
      const afterNext = cuedSpeaker(afterReply)
      if (afterNext >= 0) c.set(add({ entity: afterNext }), 'speaks after next')
      // "“…”  ¶ “Yes, Tony.”": the next turn calls this one's speaker by name.
      const called = reply < 0 ? -1 : addresseeAt(reply)
      if (called >= 0 && entities.records[called]!.kind === 'person') c.set(add({ entity: called }), 'addressed next')
    }
    if (c.size === 0 || (c.size === 1 && rules === 0 && rank.onRanked === undefined)) return a
    const named = namedIn(t, entities, ctx).map((e) => entities.resolve(e))
    const gender = cue === null || cue === undefined ? '' : phraseGender(cue.phrase)
    // How recently the narration before the quote named each candidate (1 right before it).
    const { mentions } = entities
    const pos = ctx.quote.start
    recentStamp++
    let recentCount = 0
    for (let m = resolver.mentionBefore(pos), n = 0; m >= 0 && n < 60; m--, n++) {
      const d = pos - mentions.start[m]!
      if (d > RECENT_WINDOW) break
      const e = entities.resolve(mentions.entity[m]!)
      if (recentOf.stamp[e] === recentStamp) continue
      recentOf.stamp[e] = recentStamp
      recentOf.value[e] = 1 - d / RECENT_WINDOW
      recentCount++
      // The people named last are candidates too: the speaker may be none of the scene's above.
      if (exchange && recentCount <= RECENT_CANDIDATES && entities.records[e]!.kind === 'person')
        c.set(add({ entity: e }), 'recently named')
    }
    c.speakers.forEach((ref, x) => {
      if (!('entity' in ref)) return
      const r = entities.records[ref.entity]!
      if (named.includes(ref.entity)) c.set(x, 'named in quote')
      if (gender !== '' && r.gender !== '') c.set(x, r.gender === gender ? 'gender fits' : 'gender clashes')
      c.set(x, 'recent', recentOf.stamp[ref.entity] === recentStamp ? recentOf.value[ref.entity]! : 0)
      c.set(x, 'frequent', Math.min(1, Math.log1p(r.mentions.length) / Math.log(64)))
      if (r.confidence <= 0.4) c.set(x, 'weak')
    })
    const { index, probability } = best(c, weights)
    // With no pick of the rules to beat, a candidate must beat nobody, whose score is 0.
    const chosen = rules < 0 && c.score(index, weights) <= 0 ? -1 : index
    rank.onRanked?.({
      start: ctx.quote.start,
      end: ctx.quote.end,
      names: c.speakers.map(nameOf),
      features: c.speakers.map((_, x) => c.featuresOf(x)),
      rules,
      chosen,
      dialogue: turns.isDialogue,
    })
    if (chosen === rules) return a
    // A ranked speaker is a guess from the scene: below the review threshold, whatever its odds.
    return attribution(c.speakers[index]!, Math.min(0.55, 0.2 + 0.5 * probability), a.cue, 'ranked')
  }

  let i = 0
  while (i < contexts.length) {
    const para = contexts[i]!.quote.paragraph
    let j = i
    while (j < contexts.length && contexts[j]!.quote.paragraph === para) j++

    // 1. Each piece's own cue; a multi-paragraph group takes the cue of any of its pieces.
    for (let k = i; k < j; k++) {
      const ctx = contexts[k]!
      advanceTopic(ctx.inStart)
      const inherited = groupOwner[ctx.quote.groupId]
      if (inherited !== undefined) {
        out[k] = retag(inherited, 'continuation')
        continue
      }
      const own = cues[k]
      if (own !== null && own !== undefined) {
        out[k] = fromCue(own, ctx)
        continue
      }
      for (let g = groupFirst[ctx.quote.groupId]!; g >= 0; g = groupNext[g]!) {
        const c = cues[g]
        if (g !== k && c !== null && c !== undefined) {
          out[k] = fromCue(c, contexts[g]!)
          break
        }
      }
    }
    // 1c. A transcript inside the quote: "“SMITH: We did all we could.”".
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null || out[k]!.method !== 'none') continue
      const label = transcriptLabel(text, t, contexts[k]!)
      if (label !== null) out[k] = attribution(label.speaker, 0.6, label.cue, 'transcript')
    }
    // 2. Quotes in one paragraph share a speaker ("“A,” he said. “B.”"); a partial quote only
    //    takes one from an earlier quote in its own sentence ("called her “a giant” and … “wide open”").
    for (let k = i; k < j; k++) {
      const ctx = contexts[k]!
      // "Given his record, his endorsements will carry “…” and bring the “…” they need, DFA
      // spokesman Neil Sroka said": a cue that closes the sentence outranks a clause's subject.
      if (out[k]!.speaker !== null && !cues[k]?.isSubject) continue
      // "Guns are “a crisis” and “a disgrace,” Dean said": a cue after the next quote of the same
      // sentence covers both.
      const next = contexts[k + 1]
      if (ctx.isPartial && k + 1 < j && next!.followsQuote && out[k + 1]!.speaker !== null && cues[k + 1]?.isAfter) {
        out[k] = retag(out[k + 1]!, 'same sentence', Math.min(0.85, out[k + 1]!.confidence))
        continue
      }
      if (out[k]!.speaker !== null) continue
      if (ctx.isPartial && !(ctx.followsQuote && k > i && out[k - 1]!.speaker !== null)) continue
      const source = ctx.isPartial ? k - 1 : nearest(out, contexts, cues, i, j, k)
      // "‘…,’ observed Fergus. ‘Nonsense, Fergus!’": a quote that names someone is not theirs.
      if (source >= 0 && !isNamedIn(out[source]!.speaker, ctx))
        out[k] = retag(out[source]!, 'same paragraph', Math.min(0.85, out[source]!.confidence))
    }
    // 2b. A byline under the quote: "— Dana Reyes", or a name alone on the line below it.
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null || out[k]!.method !== 'none') continue
      const ctx = contexts[k]!
      const paragraphEnd = tokenAt(t, paragraphs.end[para]!)
      // "“…”" then a paragraph of its own: "- Bernie Sanders." (fact-checks set quotes this way).
      const below =
        k === j - 1 && ctx.afterEnd >= paragraphEnd - 1 && para + 1 < paragraphs.count && !quoteParagraphs[para + 1]
          ? signedBelow(reader, tokenAt(t, paragraphs.start[para + 1]!), tokenAt(t, paragraphs.end[para + 1]!))
          : null
      const byline = bylineCue(reader, ctx, paragraphEnd) ?? below
      if (byline !== null) out[k] = retag(fromCue(byline, ctx), 'byline', 0.7)
    }
    // 2c. A post embedded as text, signed at its end: "… says “…” — Dana Reyes (@dreyes) May 2, 2016".
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null || out[k]!.method !== 'none') continue
      const signature = postSignature(reader, text, t, contexts[k]!.inEnd, tokenAt(t, paragraphs.end[para]!))
      if (signature !== null) out[k] = retag(fromCue(signature, contexts[k]!), 'byline', 0.55)
    }
    // 3. An introducing paragraph: "Smith said in a statement:" then the quote.
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null || out[k]!.method !== 'none') continue
      const ctx = contexts[k]!
      if (ctx.beforeStart !== ctx.beforeEnd || para === 0) continue
      const cue = introCue(reader, text, t, paragraphs.start[para - 1]!, paragraphs.end[para - 1]!)
      if (cue !== null) {
        const a = fromCue(cue, ctx)
        out[k] = retag(a, a.method === 'cue' ? 'introduction' : a.method)
      }
    }
    // 4. An action beat in the paragraph: "He looked round. “I’m carrying papers…”".
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null || out[k]!.method !== 'none') continue
      const beat = actionBeat(reader, t, contexts[k]!)
      if (beat !== null) {
        const a = fromCue(beat, contexts[k]!)
        if (a.speaker !== null && 'entity' in a.speaker) out[k] = retag(a, 'action beat', Math.min(a.confidence, 0.5))
      }
    }
    // 5. A bare quotation paragraph after narrative: its subject speaks ("The girl flushed.").
    for (let k = i; k < j; k++) {
      const ctx = contexts[k]!
      if (out[k]!.speaker !== null || out[k]!.method !== 'none' || ctx.isPartial || para === 0) continue
      if (ctx.beforeStart !== ctx.beforeEnd || k !== i || !isNarrative(contexts, i, para - 1)) continue
      const beat = subjectOf(reader, t, paragraphs.start[para - 1]!, paragraphs.end[para - 1]!)
      if (beat === null) continue
      const a = fromCue(beat, ctx)
      if (a.speaker !== null && 'entity' in a.speaker && entities.records[a.speaker.entity]!.kind === 'person')
        out[k] = retag(a, 'previous paragraph', Math.min(a.confidence, 0.45))
    }
    // 6. Turn-taking for a paragraph that opens with a quotation and has no cue.
    for (let k = i; k < j; k++) {
      const ctx = contexts[k]!
      if (out[k]!.speaker !== null || out[k]!.method !== 'none' || ctx.isPartial || ctx.beforeStart !== ctx.beforeEnd)
        continue
      // The reply names the speaker: "“TOMMY, old thing!” ¶ “Tuppence, old bean!”".
      const named = repliedTo(entities, contexts, j, para, k, addresseeAt)
      if (named >= 0) {
        out[k] = attribution({ entity: named }, 0.55, null, 'turn-taking')
        continue
      }
      let namedHere: number[] | undefined
      const guess = turns.next(
        para,
        (exclude) => narrativePartner(t, entities, resolver.mentionBefore(ctx.quote.start), exclude),
        (e) => (namedHere ??= namedIn(t, entities, ctx)).includes(e),
      )
      // A quote that addressed someone by name: they answer ("“…, Aunt Juley.” ¶ “…”"), in a dialogue
      // even when its own speaker was not found, which turn-taking alone cannot know.
      if (
        (guess === null ||
          (turns.isDialogue && !('entity' in guess.speaker && guess.speaker.entity === addressed.entity))) &&
        addressed.para === para - 1 &&
        addressed.entity >= 0
      ) {
        if (addressed.entity !== addresseeAt(k) && entities.records[addressed.entity]!.kind === 'person') {
          out[k] = attribution({ entity: addressed.entity }, 0.5, null, 'turn-taking')
          continue
        }
      }
      if (guess !== null) out[k] = attribution(guess.speaker, guess.confidence, null, guess.method)
    }
    // Nothing found: fill from the paragraph once more (a turn-taken sibling), else leave empty.
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null) continue
      const source = nearest(out, contexts, cues, i, j, k)
      if (source >= 0 && !isNamedIn(out[source]!.speaker, contexts[k]!))
        out[k] = retag(out[source]!, 'same paragraph', Math.min(0.6, out[source]!.confidence))
    }

    for (let k = i; k < j; k++) out[k] = rerank(k)

    addressed.para = para
    addressed.entity = -1
    for (let k = i; k < j && addressed.entity < 0; k++) addressed.entity = addresseeAt(k)
    for (let k = i; k < j; k++) {
      const a = out[k]!
      const ctx = contexts[k]!
      if (groupOwner[ctx.quote.groupId] === undefined && (ctx.quote.continues || ctx.quote.isContinuation))
        groupOwner[ctx.quote.groupId] = a
      if (a.speaker !== null && 'entity' in a.speaker && !a.isDocument) {
        // Being named as a speaker is evidence of being a person.
        const r = entities.records[a.speaker.entity]!
        if (a.method === 'cue' && r.kind === 'person' && !r.isKnown) r.confidence = Math.max(r.confidence, 0.6)
        state.lastSpeaker = a.speaker.entity
        state.lastSpeakerParagraph = para
        if (entities.records[a.speaker.entity]!.kind === 'person') state.topic = a.speaker.entity
      }
      // In news a partial quote's speaker keeps the floor too: "… leaders “who understand …,”
      // Clinton said. ¶ “And that’s why …”" is Clinton's.
      if (a.speaker !== null && (!ctx.isPartial || !turns.isDialogue) && !a.isDocument)
        turns.record(
          para,
          a.speaker,
          isQuestionOrExclamation(text.charCodeAt(ctx.quote.end - 2)) ||
            isQuestionOrExclamation(text.charCodeAt(ctx.quote.end - 1)),
          addresseeAt(k),
        )
    }
    i = j
  }
  return out
}

/**
 * The person the next paragraph's quotation addresses by name, when that paragraph follows right
 * after and opens with a quotation: the speaker it answers. -1 if none.
 */
function repliedTo(
  entities: EntityIndex,
  contexts: QuoteContext[],
  next: number,
  para: number,
  own: number,
  addresseeAt: (i: number) => number,
): number {
  const reply = contexts[next]
  if (reply === undefined || reply.quote.paragraph !== para + 1 || reply.beforeStart !== reply.beforeEnd) return -1
  const addressee = addresseeAt(next)
  if (addressee < 0 || addressee === addresseeAt(own)) return -1
  return entities.records[addressee]!.kind === 'person' ? addressee : -1
}

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
function paragraphAntecedent(reader: PhraseReader, ctx: QuoteContext, pronoun: string, before: number): Phrase | null {
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

/**
 * The nearest quote of the paragraph with a speaker to share. A partial quote shares only the
 * speaker its own cue named ("Trump is a “change agent,” Cole said. “That is …”").
 */
function nearest(
  out: Attribution[],
  contexts: QuoteContext[],
  cues: (Cue | null)[],
  i: number,
  j: number,
  k: number,
): number {
  const shares = (x: number): boolean =>
    out[x]!.speaker !== null && (!contexts[x]!.isPartial || (cues[x] !== null && cues[x]!.isAfter))
  // Only the nearest few: a paragraph of thousands of quotes must not make this quadratic.
  for (let d = 1; d < j - i && d <= NEAREST_REACH; d++) {
    const before = k - d
    if (before >= i && shares(before)) return before
    const after = k + d
    if (after < j && shares(after)) return after
  }
  return -1
}

const NEAREST_REACH = 16

/** The gender a cue's phrase asks for: "he", "she", "the woman"; '' when it does not say. */
function phraseGender(p: Phrase): string {
  if (p.type === 'pronoun') return p.word === 'he' ? 'm' : p.word === 'she' ? 'f' : ''
  return p.type === 'descriptor' ? nounGender(p.head) : ''
}

function isSpeechVerb(w: string): boolean {
  return SPEECH_VERBS.has(w)
}

/** Token k is a speech verb: a capitalised word inside a sentence is a name ("United States"). */
function speechAt(reader: PhraseReader, k: number): boolean {
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

/** The cue in the quote's own sentence: after it ("…,” Oseman continued"), else before it. */
function findCue(reader: PhraseReader, ctx: QuoteContext): Cue | null {
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
    SUBJECT_PRONOUN_WORDS.has(reader.word(ctx.afterStart)) &&
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

/** Verbs that report speech with a particle: "pointed out", "put it", "chimed in", "shot back". */
/** `after`: whether a word follows the particle ("goes on recess"). */
function isPhrasalSpeech(w: string, next: string, after = false): boolean {
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
function bylineCue(reader: PhraseReader, ctx: QuoteContext, paragraphEnd: number): Cue | null {
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
function postSignature(reader: PhraseReader, text: string, t: Tokens, from: number, paragraphEnd: number): Cue | null {
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
function signedBelow(reader: PhraseReader, start: number, end: number): Cue | null {
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

const SUBJECT_PRONOUN_WORDS = new Set(['he', 'she', 'they'])

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
function transcriptLabel(
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

/** Past a party tag or other aside in brackets right after a name: "(R-Utah)". */
function skipParenthetical(reader: PhraseReader, k: number, lim: number): number {
  if (k >= lim || reader.word(k) !== '(') return k
  for (let e = k + 1; e < lim && e - k < 10; e++) if (reader.word(e) === ')') return e + 1
  return k
}

/** "saying", "calling": a participle, whose subject is the main clause's. */
function isParticiple(w: string): boolean {
  return w.endsWith('ing')
}

/** The last speech verb before the quote in its sentence, and its subject (or inverted object). */
function beforeCue(reader: PhraseReader, from: number, to: number, subjectFrom = from): Cue | null {
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
function subjectOfVerb(reader: PhraseReader, v: number, from: number): Phrase | null {
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
function isOwnedThing(p: Phrase): boolean {
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
const MEDIUM_PREPOSITIONS = new Set(['on', 'to', 'in', 'at', 'via', 'with', 'into', 'onto', 'through', 'about'])

/** Whether the phrase at k lies inside an apposition of p: "Brady, chairman of …, said". */
function isApposed(reader: PhraseReader, p: Phrase, k: number): boolean {
  const j = skipParenthetical(reader, p.end, k)
  if (reader.word(j) !== ',') return false
  if (p.type === 'mention') return reader.entityOf(p.mention).kind === 'person'
  return false
}

function isPlace(reader: PhraseReader, p: Phrase): boolean {
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
const SUBORDINATORS = new Set([
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
function mainSubject(reader: PhraseReader, from: number, to: number): Phrase | null {
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
const NOT_VERBS = new Set(
  `of in at on for from with by to and or but as than the a an this that who whom whose which where when
  while if because after before during since until`.split(/\s+/u),
)

/** Only a comma or colon may stand between an inverted cue and its quote: "said Smith: “…”". */
function isIntroPunct(reader: PhraseReader, k: number, to: number): boolean {
  const w = reader.word(k)
  return k === to - 1 && (w === ',' || w === ':')
}

/** The last sentence of the paragraph before, when it introduces the quote ("…the film reads:"). */
function introCue(reader: PhraseReader, text: string, t: Tokens, prevStart: number, prevEnd: number): Cue | null {
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
function actionBeat(reader: PhraseReader, t: Tokens, ctx: QuoteContext): Cue | null {
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
function isNarrative(contexts: QuoteContext[], i: number, para: number): boolean {
  return i === 0 || contexts[i - 1]!.quote.paragraph !== para
}

/** The subject of a paragraph's last sentence: "The parson rode a step or two nearer." */
function subjectOf(reader: PhraseReader, t: Tokens, paraStart: number, paraEnd: number): Cue | null {
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

function isQuestionOrExclamation(c: number): boolean {
  return c === 63 || c === 33
}

/** The speech verb of a cue ("he continued", "continued the young man"); its first token if none. */
function cueVerb(reader: PhraseReader, cue: Cue): number {
  for (let k = cue.start; k < cue.end; k++) if (reader.classOf(k) & SPEECH_VERB) return k
  return cue.start
}
