// Step 7 of the attributor: the fitted ranker (speaker-rank.ts) reconsiders a quotation the rules
// gave no explicit speaker. The rules' pick is one candidate among the people of the scene: the
// turns around it, the names in the narration, whom the exchange calls on, who was named last.
import { type Attribution, attribution } from './attribution'
import type { QuoteContext } from './context'
import type { Cue } from './cue-subject'
import { cueVerb, phraseGender, subjectOf } from './cues'
import type { EntityIndex } from './entities'
import type { Paragraphs } from './paragraphs'
import type { PhraseReader } from './phrases'
import type { Resolver, SpeakerRef, SpeakerState } from './resolve'
import { Candidates, type RankFeature, type RankOptions, SHIPPED_MODEL, best } from './speaker-rank'
import { IN_QUOTE, type Tokens, tokenAt } from './tokens'
import { type TurnHistory, namedIn } from './turns'

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

/** What the attributor knows when it asks the ranker, shared with it (not copied). */
export interface RankScene {
  t: Tokens
  entities: EntityIndex
  contexts: QuoteContext[]
  paragraphs: Paragraphs
  cues: (Cue | null)[]
  /** The rules' attributions so far, in quotation order. */
  out: Attribution[]
  turns: TurnHistory
  state: SpeakerState
  /** The last quotation paragraph and whom its first quotation addressed by name (-1 if no one). */
  addressed: { para: number; entity: number }
  /** 1 for each paragraph that holds a quotation. */
  quoteParagraphs: Uint8Array
  reader: PhraseReader
  resolver: Resolver
  addresseeAt: (i: number) => number
  rank: RankOptions
}

/**
 * The ranking step for one text: call it with a quotation's index once the rules have attributed
 * it, and it returns the rules' attribution or the ranker's pick.
 */
export function sceneRanker(shared: RankScene): (k: number) => Attribution {
  const { t, entities, contexts, paragraphs, cues, out, turns, state, addressed, quoteParagraphs } = shared
  const { reader, resolver, addresseeAt, rank } = shared
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
  return rerank
}
