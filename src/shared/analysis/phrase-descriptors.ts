// The token accessors every phrase reading uses, and descriptor reading ("the company’s spokeswoman",
// "White House officials", "a spokesman for Acme"): the base class PhraseReader extends.
import type { EntityIndex, EntityRecord } from './entities'
import { CUE_FILLERS, WORK_NOUNS } from './lexicon'
import {
  type Descriptor,
  DETERMINERS,
  OWNER_PREPOSITIONS,
  type Phrase,
  STOP,
  isLyAdverb,
  singularHead,
} from './phrase-words'
import {
  CAP,
  HEAD_NOUN,
  IN_QUOTE,
  ORG_NOUN,
  POSS,
  SENTENCE_START,
  type Tokens,
  WORD,
  lowerAt,
  wordClass,
} from './tokens'

export class DescriptorReader {
  constructor(
    protected readonly text: string,
    protected readonly t: Tokens,
    protected readonly entities: EntityIndex,
  ) {}

  word(k: number): string {
    return lowerAt(this.text, this.t, k)
  }

  entityOf(mention: number): EntityRecord {
    return this.entities.records[this.entities.mentions.entity[mention]!]!
  }

  /** Lexicon classes of token k's word (SPEECH_VERB, …; see wordClass). */
  classOf(k: number): number {
    return wordClass(this.t, k)
  }

  isWord(k: number): boolean {
    return k >= 0 && k < this.t.count && (this.t.flags[k]! & WORD) !== 0
  }

  /** Token k is inside a quotation. */
  isQuoted(k: number): boolean {
    return k >= 0 && k < this.t.count && (this.t.flags[k]! & IN_QUOTE) !== 0
  }

  /** A line break stands between token k and the token before it. */
  startsLine(k: number): boolean {
    if (k <= 0 || k >= this.t.count) return false
    for (let c = this.t.end[k - 1]!; c < this.t.start[k]!; c++) if (this.text.charCodeAt(c) === 10) return true
    return false
  }

  /** The first code unit of token k (for marks and punctuation, without interning them), or -1. */
  charAt(k: number): number {
    return k >= 0 && k < this.t.count ? this.text.charCodeAt(this.t.start[k]!) : -1
  }

  /** Token k opens a sentence. */
  startsSentence(k: number): boolean {
    return k >= 0 && k < this.t.count && (this.t.flags[k]! & SENTENCE_START) !== 0
  }

  /** Token k is a word followed by a possessive ’s ("Ginsburg’s"). */
  isPossessive(k: number): boolean {
    return this.isWord(k) && (this.t.flags[k]! & POSS) !== 0
  }

  /** Token k is a capitalised word. */
  isCap(k: number): boolean {
    return this.isWord(k) && (this.t.flags[k]! & CAP) !== 0
  }

  /** Token k can head a descriptor (see HEAD_NOUN); false outside the text. */
  isHeadAt(k: number): boolean {
    return k >= 0 && k < this.t.count && (wordClass(this.t, k) & HEAD_NOUN) !== 0
  }

  /** A descriptor whose head nouns follow a name that modifies them: "White House officials". */
  protected modifiedAt(k: number, owner: number, end: number, limit: number): Phrase {
    let e = end
    while (e < limit && this.isHeadAt(e) && !(this.t.flags[e]! & CAP)) e++
    const m = this.entities.mentions
    const caps = [this.text.slice(this.t.start[m.tokenStart[owner]!], this.t.end[m.tokenEnd[owner]! - 1])]
    const article = DETERMINERS.has(this.word(k)) ? this.word(k) : ''
    // A name that modifies is not an owner ("the Turner Prize winner" is matched by role), except
    // a person's people ("Trump aides").
    const isPersons = this.entities.records[this.entities.resolve(m.entity[owner]!)]!.kind === 'person'
    const after = this.ownerAfter(e, limit)
    return {
      type: 'descriptor',
      start: k,
      end: after.end,
      head: singularHead(this.word(e - 1)),
      caps,
      owner: isPersons ? owner : -1,
      ownerNoun: '',
      article,
    }
  }

  /** "Lott’s spokeswoman" when headAfter finds no listed head: the descriptor as written. */
  protected ownedAt(k: number, owner: number, end: number, limit: number): Phrase | null {
    let e = end
    while (e < limit && e < end + 3 && this.isWord(e) && !(this.t.flags[e]! & CAP) && !STOP.has(this.word(e))) e++
    if (e === end || CUE_FILLERS.has(this.word(e - 1))) return null
    return {
      type: 'descriptor',
      start: k,
      end: e,
      head: this.word(e - 1),
      caps: [],
      owner,
      ownerNoun: '',
      article: 'the',
    }
  }

  /** "the prostrate man", "the lath-like stripling": a determiner and up to three lower-case words. */
  protected looseAfter(k: number, limit: number, article: string): Phrase | null {
    let end = k + 1
    while (end < limit && end < k + 4 && this.isWord(end) && !(this.t.flags[end]! & CAP) && !STOP.has(this.word(end)))
      end++
    // "said the burly Moze": adjectives before a name belong to the name.
    const named = end < limit && article === 'the' ? (this.entities.mentionByFirstToken[end] ?? -1) : -1
    if (named >= 0 && this.entities.mentions.tokenEnd[named]! <= limit && this.entityOf(named).kind === 'person')
      return { type: 'mention', start: k, end: this.entities.mentions.tokenEnd[named]!, mention: named }
    // "said the other desperately": an adverb after the noun is the verb's, not the speaker's.
    if (end > k + 2 && isLyAdverb(this.word(end - 1))) end--
    if (end === k + 1) return null
    return { type: 'descriptor', start: k, end, head: this.word(end - 1), caps: [], owner: -1, ownerNoun: '', article }
  }

  /** Finds the head noun within `span` words after k, then an owner after it ("for the film"). */
  protected headAfter(k: number, limit: number, span: number): Descriptor | null {
    const caps: string[] = []
    for (let j = k; j < limit && j < k + span; j++) {
      if (!this.isWord(j)) return null
      const w = this.word(j)
      if (this.isHeadAt(j)) {
        let end = j + 1
        // "chief executive", "press release": keep the last of adjacent head nouns
        let head = w
        while (end < limit && this.isWord(end) && this.isHeadAt(end)) head = this.word(end++)
        const owner = this.ownerAfter(end, limit)
        return {
          type: 'descriptor',
          start: k,
          end: owner.end,
          head: singularHead(head),
          caps,
          owner: owner.mention,
          ownerNoun: owner.noun,
          article: this.word(k - 1),
        }
      }
      if (this.t.flags[j]! & CAP) caps.push(this.text.slice(this.t.start[j], this.t.end[j]))
    }
    return null
  }

  protected ownerAfter(k: number, limit: number): { mention: number; noun: string; end: number } {
    if (!OWNER_PREPOSITIONS.has(this.word(k))) return { mention: -1, noun: '', end: k }
    const mi = this.entities.mentionByFirstToken[k + 1] ?? -1
    if (mi >= 0 && this.entities.mentions.tokenEnd[mi]! <= limit) {
      let end = this.entities.mentions.tokenEnd[mi]!
      // "a pupil at Okoro’s school": the owner's own noun belongs to the phrase.
      if (this.t.flags[end - 1]! & POSS && end < limit && this.isHeadAt(end) && !(this.t.flags[end]! & CAP)) end++
      return { mention: mi, noun: '', end }
    }
    let j = k + 1
    if (DETERMINERS.has(this.word(j))) j++
    const mj = this.entities.mentionByFirstToken[j] ?? -1
    if (mj >= 0 && this.entities.mentions.tokenEnd[mj]! <= limit)
      return { mention: mj, noun: '', end: this.entities.mentions.tokenEnd[mj]! }
    if (j < limit && WORK_NOUNS.has(this.word(j))) return { mention: -1, noun: this.word(j), end: j + 1 }
    // "a spokesman for the company", "a statement from the city council": an unnamed owner.
    for (let h = j; h < limit && h < j + 2 && this.isWord(h) && !(this.t.flags[h]! & CAP); h++)
      if (wordClass(this.t, h) & ORG_NOUN) return { mention: -1, noun: '', end: h + 1 }
    return { mention: -1, noun: '', end: k }
  }
}
