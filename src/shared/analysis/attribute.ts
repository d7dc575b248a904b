import { asksOrExclaims } from './chars'
import { type Attribution, NONE, attribution, retag } from './attribution'
import type { QuoteContext } from './context'
import type { Cue } from './cue-subject'
import {
  actionBeat,
  bylineCue,
  cueVerb,
  findCue,
  introCue,
  isNarrative,
  phraseGender,
  postSignature,
  signedBelow,
  subjectOf,
  transcriptLabel,
} from './cues'
import type { EntityIndex } from './entities'
import type { Paragraphs } from './paragraphs'
import { PhraseReader } from './phrases'
import { type Resolution, Resolver, type SpeakerRef, type SpeakerState, introducedSubject } from './resolve'
import { paragraphAntecedent } from './resolve-words'
import type { RankOptions } from './speaker-rank'
import { IN_QUOTE, type Tokens, WORD, tokenAt } from './tokens'
import { sceneRanker } from './scene-rank'
import { TurnHistory, addresseeOf, findNarrator, isDialogue, namedIn, narrativePartner } from './turns'

const CUE_OTHER = 1
const CUE_FIRST = 2

/** One rung of the attributor's ladder: it attributes quotes i..j-1, all of paragraph `para`. */
type Rung = (i: number, j: number, para: number) => void

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
  const turns = new TurnHistory(isDialogue(text, contexts, hasCue))
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

  const rerank = sceneRanker({
    t,
    entities,
    contexts,
    paragraphs,
    cues,
    out,
    turns,
    state,
    addressed,
    quoteParagraphs,
    reader,
    resolver,
    addresseeAt,
    rank,
  })

  // "They could not recognize the allusion.": in a dialogue a group is not one of its speakers.
  const isGroup = (beat: Cue): boolean =>
    turns.isDialogue && beat.phrase.type === 'pronoun' && beat.phrase.word === 'they'

  // 1. Each piece's own cue; a multi-paragraph group takes the cue of any of its pieces.
  const ownCues: Rung = (i, j) => {
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
  }

  // 1c. A transcript inside the quote: "“SMITH: We did all we could.”".
  const transcripts: Rung = (i, j) => {
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null || out[k]!.method !== 'none') continue
      const label = transcriptLabel(text, t, contexts[k]!)
      if (label !== null) out[k] = attribution(label.speaker, 0.6, label.cue, 'transcript')
    }
  }

  // 2. Quotes in one paragraph share a speaker ("“A,” he said. “B.”"); a partial quote only
  //    takes one from an earlier quote in its own sentence ("called her “a giant” and … “wide open”").
  const sameParagraph: Rung = (i, j) => {
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
  }

  // 2b. A byline under the quote: "— Dana Reyes", or a name alone on the line below it.
  const bylines: Rung = (i, j, para) => {
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
  }

  // 2c. A post embedded as text, signed at its end: "… says “…” — Dana Reyes (@dreyes) May 2, 2016".
  const postSignatures: Rung = (i, j, para) => {
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null || out[k]!.method !== 'none') continue
      const signature = postSignature(reader, text, t, contexts[k]!.inEnd, tokenAt(t, paragraphs.end[para]!))
      if (signature !== null) out[k] = retag(fromCue(signature, contexts[k]!), 'byline', 0.55)
    }
  }

  // 3. An introducing paragraph: "Smith said in a statement:" then the quote.
  const introductions: Rung = (i, j, para) => {
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
  }

  // 4. An action beat in the paragraph: "He looked round. “I’m carrying papers…”".
  const actionBeats: Rung = (i, j) => {
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null || out[k]!.method !== 'none') continue
      const beat = actionBeat(reader, t, contexts[k]!)
      if (beat !== null && !isGroup(beat)) {
        const a = fromCue(beat, contexts[k]!)
        if (a.speaker !== null && 'entity' in a.speaker) out[k] = retag(a, 'action beat', Math.min(a.confidence, 0.5))
      }
    }
  }

  // 5. A bare quotation paragraph after narrative: its subject speaks ("The girl flushed.").
  const previousParagraph: Rung = (i, j, para) => {
    for (let k = i; k < j; k++) {
      const ctx = contexts[k]!
      if (out[k]!.speaker !== null || out[k]!.method !== 'none' || ctx.isPartial || para === 0) continue
      if (ctx.beforeStart !== ctx.beforeEnd || k !== i || !isNarrative(contexts, i, para - 1)) continue
      const beat = subjectOf(reader, t, paragraphs.start[para - 1]!, paragraphs.end[para - 1]!)
      if (beat === null || isGroup(beat)) continue
      const a = fromCue(beat, ctx)
      if (a.speaker !== null && 'entity' in a.speaker && entities.records[a.speaker.entity]!.kind === 'person')
        out[k] = retag(a, 'previous paragraph', Math.min(a.confidence, 0.45))
    }
  }

  // 6. Turn-taking for a paragraph that opens with a quotation and has no cue.
  const turnTaking: Rung = (i, j, para) => {
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
  }

  // Nothing found: fill from the paragraph once more (a turn-taken sibling), else leave empty.
  const fromSiblings: Rung = (i, j) => {
    for (let k = i; k < j; k++) {
      if (out[k]!.speaker !== null) continue
      const source = nearest(out, contexts, cues, i, j, k)
      if (source >= 0 && !isNamedIn(out[source]!.speaker, contexts[k]!))
        out[k] = retag(out[source]!, 'same paragraph', Math.min(0.6, out[source]!.confidence))
    }
  }

  // 7. The fitted ranker reconsiders a quotation the rules gave no explicit speaker (scene-rank.ts).
  const ranked: Rung = (i, j) => {
    for (let k = i; k < j; k++) out[k] = rerank(k)
  }

  // After the rungs: what the paragraph tells the ones after it (its addressee, its group's owner,
  // the last speaker and the topic, the turns).
  const recordParagraph = (i: number, j: number, para: number): void => {
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
        turns.record(para, a.speaker, asksOrExclaims(text, ctx.quote.end), addresseeAt(k))
    }
  }

  let i = 0
  while (i < contexts.length) {
    const para = contexts[i]!.quote.paragraph
    let j = i
    while (j < contexts.length && contexts[j]!.quote.paragraph === para) j++
    // The rungs in order, each filling only what the ones above it left (called one by one, not
    // from a list, so each call can be inlined).
    ownCues(i, j, para)
    transcripts(i, j, para)
    sameParagraph(i, j, para)
    bylines(i, j, para)
    postSignatures(i, j, para)
    introductions(i, j, para)
    actionBeats(i, j, para)
    previousParagraph(i, j, para)
    turnTaking(i, j, para)
    fromSiblings(i, j, para)
    ranked(i, j, para)
    recordParagraph(i, j, para)
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
