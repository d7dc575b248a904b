// Resolver: turns a speaker phrase into a speaker, by name, pronoun, document, organisation, descriptor
// or role, and learns the roles descriptors reveal.
import type { EntityIndex, EntityRecord } from './entities'
import { DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS, ROLE_FAMILY, WORK_NOUNS, WORK_ROLE_NOUNS } from './lexicon'
import type { Phrase } from './phrases'
import {
  INDEFINITE,
  NARRATOR,
  type Resolution,
  type SpeakerState,
  descriptorWords,
  nounGender,
  roleFamily,
  titleWord,
} from './resolve-words'
import { IN_QUOTE, SENTENCE_START, type Tokens, lowerAt, tokenAt } from './tokens'

export type { Resolution, SpeakerRef, SpeakerState } from './resolve-words'
export { NARRATOR, introducedSubject, nounGender } from './resolve-words'

/** Pronouns look back this far (characters) and no further, so resolution stays cheap. */
const PRONOUN_WINDOW = 3000
const MAX_CANDIDATE_MENTIONS = 40

export class Resolver {
  /** People the text gives a role; descriptors are matched against these only. */
  private readonly roleHolders: number[] = []
  /** Records by name, made the first time learnRole needs one (most texts never do). */
  private byName: Map<string, number> | null = null
  private readonly families = new Map<string, string>()
  private readonly candidateIds: number[] = []
  private readonly candidateScores: number[] = []
  /** The people as the resolver found them (kinds change later): what byTitleWord is made from. */
  private readonly people: number[] = []
  /** People named with a leading title or role word, by that word: "parson" → Parson Tringham. Made on first use. */
  private byTitleWord: Map<string, number[]> | null = null

  constructor(
    private readonly text: string,
    private readonly t: Tokens,
    private readonly entities: EntityIndex,
  ) {
    const { records } = entities
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!
      if (r.mergedInto >= 0) continue
      if (r.roles.length > 0) this.roleHolders.push(i)
      if (r.kind === 'person') this.people.push(i)
    }
  }

  phraseText(p: Phrase): string {
    return this.text.slice(this.t.start[p.start], this.t.end[p.end - 1])
  }

  resolve(p: Phrase, pos: number, paragraph: number, state: SpeakerState): Resolution {
    if (p.type === 'mention') {
      const entity = this.entities.mentions.entity[p.mention]!
      return { speaker: { entity }, confidence: 0.95, isDocument: false, method: 'named' }
    }
    if (p.type === 'pronoun') return this.pronoun(p.word, pos, paragraph, state)
    if (DOCUMENT_NOUNS.has(p.head) && !PERSON_NOUNS.has(p.head)) return this.document(p, pos)
    return this.descriptor(p, pos, paragraph, state)
  }

  private document(p: Phrase & { type: 'descriptor' }, pos: number): Resolution {
    const full = this.phraseText(p)
    const document = p.owner >= 0 || p.ownerNoun !== '' ? this.documentName(p) : full
    if (p.owner >= 0) {
      const entity = this.entities.mentions.entity[p.owner]!
      return { speaker: { entity }, confidence: 0.85, isDocument: true, document, method: 'document owner' }
    }
    if (p.ownerNoun !== '') {
      const work = this.recent(pos, (r) => r.kind === 'work' || (WORK_NOUNS.has(p.ownerNoun) && r.kind === 'other'))
      if (work >= 0)
        return { speaker: { entity: work }, confidence: 0.75, isDocument: true, document, method: 'document owner' }
    }
    return { speaker: { name: full }, confidence: 0.7, isDocument: true, document, method: 'document' }
  }

  /** "The official synopsis for the film" → "The official synopsis". */
  private documentName(p: Phrase & { type: 'descriptor' }): string {
    let end = p.start
    for (let k = p.start; k < p.end; k++) {
      const w = lowerAt(this.text, this.t, k)
      end = k
      if (w === p.head) break
    }
    return this.text.slice(this.t.start[p.start], this.t.end[end])
  }

  private descriptor(p: Phrase & { type: 'descriptor' }, pos: number, paragraph: number, state: SpeakerState) {
    const label = this.phraseText(p)
    // "a Netflix spokesperson", "a spokesperson for Acme": the organisation speaks. A person's
    // spokesperson is someone else, kept as written: "Ryan’s spokeswoman" is not Ryan.
    if (p.owner >= 0 && ROLE_FAMILY.get(p.head) === 'spokesperson') {
      const entity = this.entities.mentions.entity[p.owner]!
      if (this.entities.records[this.entities.resolve(entity)]!.kind !== 'person')
        return { speaker: { entity }, confidence: 0.8, isDocument: false, method: 'spokesperson' }
      return { speaker: { name: label }, confidence: 0.6, isDocument: false, method: 'descriptor' }
    }
    if (ORG_NOUNS.has(p.head)) return this.organisation(p, label, pos)
    // "White House officials", "Trump aides": a group is never one person.
    const written = lowerAt(this.text, this.t, p.end - 1)
    if (written !== p.head && written === `${p.head}s` && PERSON_NOUNS.has(p.head))
      return { speaker: { name: label }, confidence: 0.5, isDocument: false, method: 'descriptor' }
    // "Clinton’s right-hand man", "the Trump supporter": someone near a name, not that name.
    if (p.owner >= 0) return { speaker: { name: label }, confidence: 0.5, isDocument: false, method: 'descriptor' }
    // "a company spokesperson", "one engineer": someone new, not anyone named so far.
    if (INDEFINITE.has(p.article)) {
      if (ROLE_FAMILY.get(p.head) === 'spokesperson') {
        const org = this.recent(pos, (r) => r.kind === 'organization')
        if (org >= 0) return { speaker: { entity: org }, confidence: 0.6, isDocument: false, method: 'spokesperson' }
      }
      return { speaker: { name: label }, confidence: 0.6, isDocument: false, method: 'descriptor' }
    }
    const family = ROLE_FAMILY.get(p.head) ?? p.head
    const caps = new Set(p.caps.map((c) => c.toLowerCase()))
    // "the harbour master" against the role "harbour master": the same words are an exact match.
    let words: string | undefined
    let exact = -1
    let any = -1
    const { records } = this.entities
    for (const i of this.roleHolders) {
      const r = records[i]!
      if (r.kind !== 'person') continue
      for (const role of r.roles) {
        if (roleFamily(role.role, this.families) !== family) continue
        if (
          (role.of !== undefined && caps.has(role.of.toLowerCase())) ||
          (caps.size === 0 && role.role === (words ??= descriptorWords(label)))
        ) {
          if (exact < 0 || this.lastMentionBefore(r, pos) > this.lastMentionBefore(records[exact]!, pos)) exact = i
        }
        if (any < 0 || this.lastMentionBefore(r, pos) > this.lastMentionBefore(records[any]!, pos)) any = i
      }
    }
    let pick = exact >= 0 ? exact : any
    if (pick < 0)
      for (const i of this.peopleTitled(p.head))
        if (pick < 0 || this.lastMentionBefore(records[i]!, pos) > this.lastMentionBefore(records[pick]!, pos)) pick = i
    if (pick >= 0) {
      this.learnRole(pick, p)
      return { speaker: { entity: pick }, confidence: exact >= 0 ? 0.85 : 0.75, isDocument: false, method: 'role' }
    }
    // "One engineer, who asked not to be named … the engineer said": the same unnamed person.
    const introduced = this.introducedAs(p.head, pos)
    if (introduced !== null)
      return { speaker: { name: introduced }, confidence: 0.6, isDocument: false, method: 'descriptor' }
    // "“…,” said the other": the one who is not the last speaker, else kept as written.
    if (p.head === 'other') {
      const last = state.lastSpeaker >= 0 ? this.entities.resolve(state.lastSpeaker) : -1
      const other = this.salientPerson(pos, paragraph, state, '', (e) => this.entities.resolve(e) === last)
      return other >= 0
        ? { speaker: { entity: other }, confidence: 0.55, isDocument: false, method: 'descriptor' }
        : { speaker: { name: label }, confidence: 0.5, isDocument: false, method: 'descriptor' }
    }
    // "the striker", "the Loveless author": someone already in the story, most likely its subject.
    const who = this.salientPerson(pos, paragraph, state, nounGender(p.head))
    if (who >= 0) {
      this.learnRole(who, p)
      return {
        speaker: { entity: who },
        confidence: caps.size > 0 ? 0.6 : 0.55,
        isDocument: false,
        method: 'descriptor',
      }
    }
    return { speaker: { name: label }, confidence: 0.5, isDocument: false, method: 'descriptor' }
  }

  /**
   * "the company said", "the campaign said in a statement": an organisation, never a person. A
   * definite one with no name of its own is the organisation last named nearby whose name ends in
   * the noun ("the committee" → the House Ethics Committee), else the last organisation named in
   * the paragraphs before; anything else stays as written ("the Trump campaign", "a rival firm").
   */
  private organisation(p: Phrase & { type: 'descriptor' }, label: string, pos: number): Resolution {
    if (p.article === 'the' && p.caps.length === 0) {
      const head = p.head
      const { records, mentions } = this.entities
      let any = -1
      for (let i = this.mentionBefore(pos), n = 0; i >= 0 && n < MAX_CANDIDATE_MENTIONS; i--, n++) {
        if (pos - mentions.start[i]! > PRONOUN_WINDOW) break
        const r = records[mentions.entity[i]!]!
        if (r.kind !== 'organization') continue
        if (r.name.toLowerCase().endsWith(head))
          return {
            speaker: { entity: mentions.entity[i]! },
            confidence: 0.7,
            isDocument: false,
            method: 'organization',
          }
        if (any < 0) any = mentions.entity[i]!
      }
      if (any >= 0) return { speaker: { entity: any }, confidence: 0.55, isDocument: false, method: 'organization' }
    }
    return { speaker: { name: label }, confidence: 0.5, isDocument: false, method: 'organization' }
  }

  /** An earlier "a/one <head>" within a few hundred words: the unnamed person a "the <head>" means. */
  private introducedAs(head: string, pos: number): string | null {
    const { t, text } = this
    const lo = tokenAt(t, pos)
    for (let k = lo - 1; k > 0 && lo - k < 150; k--) {
      if (lowerAt(text, t, k) !== head) continue
      const article = lowerAt(text, t, k - 1)
      if (INDEFINITE.has(article)) return text.slice(t.start[k - 1], t.end[k])
    }
    return null
  }

  /** "the Loveless author" resolved to Alice Oseman: she is the author of Loveless. */
  private learnRole(entity: number, p: Phrase & { type: 'descriptor' }): void {
    if (!WORK_ROLE_NOUNS.has(p.head)) return
    const r = this.entities.records[entity]!
    for (const of of p.caps) {
      if (!r.roles.some((x) => x.role === p.head && x.of === of)) r.roles.push({ role: p.head, of })
      if (!this.roleHolders.includes(entity)) this.roleHolders.push(entity)
      const work = this.recordNamed(of)
      if (work >= 0 && !this.entities.records[work]!.isKnown) this.entities.records[work]!.kind = 'work'
    }
  }

  /** Few texts get as far as asking, so the names of the people are split only then. */
  private peopleTitled(word: string): number[] {
    if (this.byTitleWord === null) {
      this.byTitleWord = new Map()
      for (const i of this.people) {
        const w = titleWord(this.entities.records[i]!.name)
        if (w === null) continue
        const list = this.byTitleWord.get(w)
        if (list === undefined) this.byTitleWord.set(w, [i])
        else list.push(i)
      }
    }
    return this.byTitleWord.get(word) ?? []
  }

  /** The first record of this name not folded into another, else -1 (names indexed on first use). */
  private recordNamed(name: string): number {
    if (this.byName === null) {
      this.byName = new Map()
      const { records } = this.entities
      for (let i = 0; i < records.length; i++)
        if (records[i]!.mergedInto < 0 && !this.byName.has(records[i]!.name)) this.byName.set(records[i]!.name, i)
    }
    return this.byName.get(name) ?? -1
  }

  private pronoun(word: string, pos: number, paragraph: number, state: SpeakerState): Resolution {
    if (word === 'i' && state.narrator >= 0)
      return { speaker: { entity: state.narrator }, confidence: 0.6, isDocument: false, method: 'narrator' }
    if (word === 'i') return { speaker: { name: NARRATOR }, confidence: 0.4, isDocument: false, method: 'first person' }
    if (word === 'we') return { speaker: null, confidence: 0.3, isDocument: false, method: 'first person' }
    if (word === 'it') {
      const org = this.recent(pos, (r) => r.kind === 'organization')
      return org >= 0
        ? { speaker: { entity: org }, confidence: 0.6, isDocument: false, method: 'pronoun' }
        : { speaker: null, confidence: 0.3, isDocument: false, method: 'pronoun' }
    }
    const gender = word === 'he' ? 'm' : word === 'she' ? 'f' : ''
    // "'Joseph, take Mr. Lockwood's horse,' he called": not anyone the quote names.
    const excluded = (e: number): boolean => state.namedInQuote?.includes(e) ?? false
    const who = this.salientPerson(pos, paragraph, state, gender, excluded)
    if (who < 0) return { speaker: null, confidence: 0.3, isDocument: false, method: 'pronoun' }
    return { speaker: { entity: who }, confidence: word === 'they' ? 0.7 : 0.75, isDocument: false, method: 'pronoun' }
  }

  /**
   * The person a pronoun or a bare descriptor most likely means: recent, in subject position,
   * of a compatible gender, and — for news, where one source talks for paragraphs — the last
   * speaker. Singular "they" goes to the last speaker when there is one nearby.
   */
  salientPerson(
    pos: number,
    paragraph: number,
    state: SpeakerState,
    gender: string,
    excluded: (entity: number) => boolean = () => false,
  ): number {
    const { records, mentions } = this.entities
    const last = state.lastSpeaker >= 0 ? records[state.lastSpeaker] : undefined
    const lastFits =
      last !== undefined &&
      !excluded(state.lastSpeaker) &&
      last.kind === 'person' &&
      paragraph - state.lastSpeakerParagraph <= 3 &&
      // A name with no sign of being a person ("Trois Couronnes") never takes a gendered pronoun.
      (gender === '' || last.gender === gender || (last.gender === '' && last.confidence > 0.4))
    if (gender === '' && lastFits) return state.lastSpeaker
    const topic = state.topic >= 0 ? records[state.topic] : undefined
    if (
      topic !== undefined &&
      !excluded(state.topic) &&
      topic.kind === 'person' &&
      topic.confidence > 0.4 &&
      (gender === '' || topic.gender === gender)
    )
      return state.topic
    // Candidates in first-seen order with their scores (at most 40, so a linear search is cheapest).
    const ids = this.candidateIds
    const scores = this.candidateScores
    ids.length = 0
    scores.length = 0
    let rank = 0
    for (let i = this.mentionBefore(pos), n = 0; i >= 0 && n < MAX_CANDIDATE_MENTIONS; i--, n++) {
      if (pos - mentions.start[i]! > PRONOUN_WINDOW) break
      const entity = mentions.entity[i]!
      const tokenStart = mentions.tokenStart[i]!
      const r = records[entity]!
      if (r.kind !== 'person' || this.t.flags[tokenStart]! & IN_QUOTE || excluded(entity)) continue
      // A capitalised pair with no sign of being a person ("Happy Family") only as a last resort.
      const isWeak = r.confidence <= 0.4
      if (gender !== '' && r.gender !== '' && r.gender !== gender) continue
      if (gender !== '' && isWeak && r.gender === '') continue
      let slot = ids.indexOf(entity)
      if (slot < 0) {
        let score = 1 - 0.15 * rank++ - (isWeak ? 0.6 : 0)
        if (gender !== '' && r.gender === gender) score += 0.3
        if (entity === state.lastSpeaker && lastFits) score += 0.25
        slot = ids.length
        ids.push(entity)
        scores.push(score)
      }
      if (this.t.flags[tokenStart]! & SENTENCE_START) scores[slot] = scores[slot]! + 0.2
    }
    let best = -1
    let bestScore = -Infinity
    for (let c = 0; c < ids.length; c++) if (scores[c]! > bestScore) [best, bestScore] = [ids[c]!, scores[c]!]
    if (best < 0 && lastFits) return state.lastSpeaker
    return best
  }

  /** Most recent entity mentioned before `pos` that passes `test`. */
  recent(pos: number, test: (r: EntityRecord) => boolean): number {
    const { records, mentions } = this.entities
    for (let i = this.mentionBefore(pos), n = 0; i >= 0 && n < 400; i--, n++) {
      const r = records[mentions.entity[i]!]!
      if (test(r)) return mentions.entity[i]!
    }
    return -1
  }

  mentionBefore(pos: number): number {
    const { mentions } = this.entities
    let lo = 0
    let hi = mentions.count
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (mentions.start[mid]! < pos) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }

  /** Record mentions are sorted by position (see extractEntities), so this is a binary search. */
  private lastMentionBefore(r: EntityRecord, pos: number): number {
    const { start } = this.entities.mentions
    let lo = 0
    let hi = r.mentions.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (start[r.mentions[mid]!]! < pos) lo = mid + 1
      else hi = mid
    }
    return lo > 0 ? start[r.mentions[lo - 1]!]! : -1
  }
}
