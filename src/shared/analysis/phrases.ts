// PhraseReader: reads the phrase that names a speaker forwards (after a speech verb), backwards
// (before one) and as a noun phrase (titles, roles, party tags and appositions around a name).
import { CUE_FILLERS, DOCUMENT_NOUNS, PERSON_NOUNS, TITLES, WORK_NOUNS } from './lexicon'
import { DescriptorReader } from './phrase-descriptors'
import {
  ASIDE_OPENERS,
  DETERMINERS,
  NP_MODIFIERS,
  OWNER_PREPOSITIONS,
  POSSESSIVE_PRONOUNS,
  type Phrase,
  STOP,
  SPEAKER_PRONOUNS,
  isAgentNoun,
  isOrdinal,
  reframed,
  singularHead,
} from './phrase-words'
import { CAP, HEAD_NOUN, IN_QUOTE, POSS, ROLE_WORD, SPEECH_VERB, wordClass } from './tokens'

export type { Phrase } from './phrase-words'
export { OWNER_PREPOSITIONS } from './phrase-words'

export class PhraseReader extends DescriptorReader {
  /** Reads a phrase that starts at token k: "Oseman", "the Loveless author", "she". */
  forward(k: number, limit: number, isLoose = false): Phrase | null {
    if (k >= limit || !this.isWord(k)) return null
    const { mentionByFirstToken, mentions } = this.entities
    const mi = mentionByFirstToken[k] ?? -1
    if (mi >= 0) {
      const tokenEnd = mentions.tokenEnd[mi]!
      if (tokenEnd > limit) return null
      if (this.t.flags[tokenEnd - 1]! & POSS) {
        const owned = this.headAfter(tokenEnd, limit, 3)
        if (owned !== null) return reframed(owned, k, mi, 'the')
      }
      return { type: 'mention', start: k, end: tokenEnd, mention: mi }
    }
    const w = this.word(k)
    if (SPEAKER_PRONOUNS.has(w)) return { type: 'pronoun', start: k, end: k + 1, word: w }
    if (DETERMINERS.has(w)) {
      // "the harbour master" where the library knows "harbour master": the known entity.
      const known = mentionByFirstToken[k + 1] ?? -1
      if (known >= 0 && mentions.tokenEnd[known]! <= limit && this.entityOf(known).isKnown && w === 'the')
        return { type: 'mention', start: k, end: mentions.tokenEnd[known]!, mention: known }
      const d = this.headAfter(k + 1, limit, 5)
      if (d !== null) return reframed(d, k, d.owner, w)
      // Right after a speech verb any noun phrase is the speaker: "said the parson".
      return isLoose ? this.looseAfter(k, limit, w) : null
    }
    // "director Wash Westmoreland said", "said retail analyst Tom Arkwright"
    for (let j = k; j < k + 3 && j < limit && this.isWord(j); j++) {
      const isRole = (wordClass(this.t, j) & ROLE_WORD) !== 0
      if (this.t.flags[j]! & CAP && !isRole) break
      if (!isRole) continue
      const next = mentionByFirstToken[j + 1] ?? -1
      if (next >= 0 && mentions.tokenEnd[next]! <= limit)
        return { type: 'mention', start: k, end: mentions.tokenEnd[next]!, mention: next }
    }
    return null
  }

  /**
   * The speaker named by the noun phrase that starts at token k, read as one unit: titles, roles,
   * modifiers and a party tag around a name ("Senate minority leader Harry Reid", "former Ohio Gov.
   * Ray Lott (R)", "Paul Dane III, founder of the Civic Trust,"). The name nearest the verb is the
   * head; a possessive name before a noun owns a descriptor ("Lott’s spokeswoman"); a name after a
   * preposition belongs to a modifier ("Jonah Goldberg of the National Review" is Goldberg).
   * Falls back to `forward` when the phrase holds no name.
   */
  subjectAt(k: number, limit: number): Phrase | null {
    const p = this.nounPhraseAt(k, limit)
    if (p === null || p.type === 'mention' || p.type === 'pronoun') return p
    // "Clinton’s running mate, Tim Kaine, said": the name in the apposition.
    const comma = p.end
    if (comma < limit && this.text.charCodeAt(this.t.start[comma]!) === 44) {
      const mi = this.entities.mentionByFirstToken[comma + 1] ?? -1
      if (mi >= 0 && this.entityOf(mi).kind === 'person') {
        const end = this.entities.mentions.tokenEnd[mi]!
        if (end === limit || (end < limit && !this.isWord(end)))
          return { type: 'mention', start: comma + 1, end, mention: mi }
      }
    }
    return p
  }

  private nounPhraseAt(k: number, limit: number): Phrase | null {
    if (k >= limit || !this.isWord(k)) return null
    const { mentionByFirstToken, mentions } = this.entities
    const first = this.word(k)
    if (SPEAKER_PRONOUNS.has(first)) return { type: 'pronoun', start: k, end: k + 1, word: first }
    let last = -1
    let words = 0
    for (let j = k; j < limit && words < 10;) {
      if (!this.isWord(j)) {
        // "Gov." stays inside the phrase; any other mark ends it.
        const c = this.text.charCodeAt(this.t.start[j]!)
        const isAbbrevDot = c === 46 && j > k && this.t.end[j - 1] === this.t.start[j] && this.word(j - 1).length <= 4
        if (!isAbbrevDot) break
        j++
        continue
      }
      const mi = mentionByFirstToken[j] ?? -1
      if (mi >= 0 && mentions.tokenEnd[mi]! <= limit) {
        const end = mentions.tokenEnd[mi]!
        last = mi
        j = end
        words++
        // "Trump campaign manager Corey Lewandowski", "Clinton ally James Carville": lower-case
        // words between two names make the first a modifier; the later name heads.
        let n = end
        while (
          n < limit &&
          n < end + 4 &&
          (this.isModifierWord(n) ||
            this.isRoleLike(n) ||
            // "Fight for $15 organizing director Kendall Fells"
            (this.isWord(n) && !this.isCap(n) && this.word(n).endsWith('ing') && this.isRoleLike(n + 1)))
        )
          n++
        // "Air Force 1st Lt. Tyler Livingston": a rank right after the name of a body.
        const ranked = n === end && this.isRank(end)
        // "Pentagon spokesman Navy Capt. Jeff Davis": capitalised titles between the role and the name.
        let named = n
        while (
          (n > end || ranked) &&
          named < limit &&
          named < n + 4 &&
          (mentionByFirstToken[named] ?? -1) < 0 &&
          (this.isCap(named) ||
            (this.word(named) === '.' && this.t.start[named] === this.t.end[named - 1]) ||
            isOrdinal(this.word(named)))
        )
          named++
        // The word before the later name (or its titles) is a role ("ally", "strategist") or a rank
        // ("1st", "Lt."), never a verb ("thanked").
        const afterRole =
          ranked ||
          (n > end && (this.isRoleLike(n - 1) || isAgentNoun(this.word(n - 1)) || this.isRank(n - 1))) ||
          (named > n && this.isRank(n))
        if (afterRole && named > n && (mentionByFirstToken[named] ?? -1) >= 0) n = named
        if (afterRole && (mentionByFirstToken[n] ?? -1) >= 0 && mentions.tokenEnd[mentionByFirstToken[n]!]! <= limit) {
          j = n
          continue
        }
        // "Breitbart’s Joel Pollak": a possessive name before a name is an affiliation.
        if (this.t.flags[end - 1]! & POSS && (mentionByFirstToken[end] ?? -1) >= 0) {
          j = end
          continue
        }
        // "Lott’s spokeswoman": the name owns a head noun after it.
        if (this.t.flags[end - 1]! & POSS) return this.forward(k, limit, true) ?? this.ownedAt(k, mi, end, limit)
        // "the Trump campaign", "White House officials", "a Year 10 pupil": the name modifies the
        // head noun after it.
        const head = /^\d+$/u.test(this.word(end)) ? end + 1 : end
        if (this.isHeadAt(head) && !(this.t.flags[head]! & CAP)) return this.modifiedAt(k, mi, head, limit)
        continue
      }
      if (last >= 0 && !(this.t.flags[j]! & CAP)) break
      // "an angry Bea Holm", "retired neurosurgeon Ben Carson": lower-case words before a name
      // modify it, when the name follows within three of them.
      if (last < 0 && !this.isRoleLike(j) && this.isModifierWord(j)) {
        let n = j
        while (n < limit && n < j + 3 && (this.isModifierWord(n) || this.isRoleLike(n))) n++
        if ((mentionByFirstToken[n] ?? -1) >= 0) {
          j = n
          continue
        }
      }
      // "Former prosecutor and New York City Mayor Rudy Giuliani": roles joined by "and".
      if (this.word(j) === 'and' && j > k && this.isRoleLike(j - 1) && (this.isCap(j + 1) || this.isRoleLike(j + 1))) {
        j++
        continue
      }
      if (!this.isRoleLike(j) && !(this.t.flags[j]! & CAP) && !(j === k && DETERMINERS.has(this.word(j)))) break
      j++
      words++
    }
    if (last >= 0) return { type: 'mention', start: k, end: mentions.tokenEnd[last]!, mention: last }
    return this.forward(k, limit, true)
  }

  /** A lower-case word that may modify a name inside a noun phrase: not a verb, preposition or conjunction. */
  private isModifierWord(j: number): boolean {
    if (!this.isWord(j) || this.t.flags[j]! & CAP) return false
    const w = this.word(j)
    if (STOP.has(w) || CUE_FILLERS.has(w) || SPEAKER_PRONOUNS.has(w) || DETERMINERS.has(w)) return false
    if (w.endsWith('ed') || w.endsWith('ing')) return false
    return (wordClass(this.t, j) & SPEECH_VERB) === 0
  }

  /** An ordinal or a title: "1st", "Lt", "Capt". */
  private isRank(k: number): boolean {
    const w = this.word(k)
    return isOrdinal(w) || TITLES.has(w)
  }

  /** A role word, head noun or modifier that may stand inside a speaker's noun phrase. */
  private isRoleLike(j: number): boolean {
    if (!this.isWord(j)) return false
    if (this.t.flags[j]! & CAP) return false
    const w = this.word(j)
    // "76-year-old Morton Blackwell": an age is a modifier.
    return (wordClass(this.t, j) & (ROLE_WORD | HEAD_NOUN)) !== 0 || NP_MODIFIERS.has(w) || w.endsWith('-year-old')
  }

  /** A mention after "by" in the last skipped clause: "The memo, signed by Arjun Mehta, reads". */
  skippedOwner = -1

  /**
   * Whether the words between two commas are an aside that can be skipped to reach the subject:
   * a relative clause, an apposition, an age, or a participle phrase ("signed by …").
   */
  private isAside(from: number, to: number): boolean {
    if (from >= to) return false
    const w = this.word(from)
    if (ASIDE_OPENERS.has(w) || DETERMINERS.has(w)) return true
    if (this.entities.mentionByFirstToken[from]! >= 0)
      return this.entities.mentions.tokenEnd[this.entities.mentionByFirstToken[from]!]! === to
    if (/^\d/u.test(w)) return true
    return w.endsWith('ed') || w.endsWith('en') || w.endsWith('ing')
  }

  private previousComma(j: number, limit: number): number {
    for (let c = j - 1; c >= limit && j - c <= 16; c--) {
      if (this.isWord(c)) continue
      const ch = this.text[this.t.start[c]!]
      if (ch === ',') return c
      // "the No. 2 in the GOP leadership", "Gov. Lott": the stop of a short abbreviation.
      if (
        ch === '.' &&
        c > limit &&
        this.t.end[c - 1] === this.t.start[c] &&
        this.isCap(c - 1) &&
        this.word(c - 1).length <= 3
      )
        continue
      if (ch === '.' || ch === ';' || ch === ':') return -1
    }
    return -1
  }

  private ownerInside(from: number, to: number): number {
    for (let k = from; k < to; k++) {
      if (this.word(k) !== 'by') continue
      const mi = this.entities.mentionByFirstToken[k + 1] ?? -1
      if (mi >= 0) return mi
      const role = this.forward(k + 1, to)
      if (role !== null && role.type === 'mention') return role.mention
    }
    return -1
  }

  /** Only an owner phrase ("for the film") may stand between a document noun and its verb. */
  private endsNear(head: number, from: number): boolean {
    if (head === from) return true
    return OWNER_PREPOSITIONS.has(this.word(head + 1)) && this.ownerAfter(head + 1, from + 1).end === from + 1
  }

  /**
   * Walks back from token `from` to the nearest phrase that can be a subject: the speaker of
   * "the Loveless author said" or "Oseman went on to say". Stops at clause breaks.
   */
  backward(from: number, limit: number, maxWords = 15): Phrase | null {
    this.skippedOwner = -1
    const { mentionByLastToken, mentionByFirstToken, mentions } = this.entities
    let words = 0
    /** Of those, auxiliaries and adverbs ("had", "also"), which an aside may precede. */
    let fillers = 0
    // The token a subject must end at to touch its verb (moves left past a skipped clause).
    let edge = from
    for (let j = from; j >= limit && words < maxWords; j--) {
      if (this.t.flags[j]! & IN_QUOTE) continue
      if (!this.isWord(j)) {
        const c = this.text[this.t.start[j]!]
        // "Harry M. Reid (D-Nev.) told": a party tag in brackets right before the verb.
        if (c === ')' && words === fillers && j === from - fillers) {
          let open = j - 1
          while (open >= limit && j - open < 10 && this.text[this.t.start[open]!] !== '(') open--
          if (open >= limit && j - open < 10) {
            j = open
            edge = open - 1
            continue
          }
        }
        if (c === ';' || c === '(' || c === ')') return null
        // "The striker, who joined from Wexley Town, said": skip the clause between the commas.
        if (c === ',' && words === fillers) {
          const open = this.previousComma(j, limit)
          if (open >= 0 && this.isAside(open + 1, j)) {
            // "The farmer, Alun Jenkins, told": the name in the apposition is the speaker.
            const named = mentionByFirstToken[open + 1] ?? -1
            // A place there is where they are from ("Dean Lee, a salesman from Sumter, South Carolina, says").
            const kind = named >= 0 ? this.entityOf(named).kind : 'other'
            if (named >= 0 && mentions.tokenEnd[named]! === j && kind !== 'work' && kind !== 'place')
              return { type: 'mention', start: open + 1, end: j, mention: named }
            this.skippedOwner = this.ownerInside(open, j)
            j = open
            edge = open - 1
          }
        }
        continue
      }
      words++
      if (words === fillers + 1 && CUE_FILLERS.has(this.word(j))) fillers++
      const mi = mentionByLastToken[j] ?? -1
      if (mi >= 0) {
        const tokenEnd = mentions.tokenEnd[mi]!
        if (this.t.flags[tokenEnd - 1]! & POSS) continue
        let start = mentions.tokenStart[mi]!
        if (this.isWord(start - 1) && PERSON_NOUNS.has(this.word(start - 1)) && !(this.t.flags[start - 1]! & CAP))
          start--
        return { type: 'mention', start, end: tokenEnd, mention: mi }
      }
      const w = this.word(j)
      if (SPEAKER_PRONOUNS.has(w)) return { type: 'pronoun', start: j, end: j + 1, word: w }
      // "the parson said": a determiner and a noun right before the verb, whatever the noun.
      if (j === edge && words === 1 && !this.isHeadAt(j) && !(this.t.flags[j]! & CAP)) {
        for (let d = j - 1; d >= limit && d >= j - 3 && this.isWord(d); d--) {
          const wd = this.word(d)
          if (DETERMINERS.has(wd)) {
            // "the synopsis for the film reads": an owner phrase, not the subject
            if (WORK_NOUNS.has(w) || OWNER_PREPOSITIONS.has(this.word(d - 1))) break
            return {
              type: 'descriptor',
              start: d,
              end: j + 1,
              head: w,
              caps: [],
              owner: -1,
              ownerNoun: '',
              article: wd,
            }
          }
          if (this.t.flags[d]! & CAP || STOP.has(wd)) break
        }
      }
      if (this.isHeadAt(j) && !(this.t.flags[j]! & CAP)) {
        // A document named as the object ("shared an update on the script") is not a subject.
        if (DOCUMENT_NOUNS.has(w) && !PERSON_NOUNS.has(w) && !this.endsNear(j, edge)) continue
        let start = j
        let owner = -1
        const caps: string[] = []
        for (let i = j - 1; i >= limit && i >= j - 6; i--) {
          if (!this.isWord(i)) break
          const mk = mentionByLastToken[i] ?? -1
          if (mk >= 0) {
            const tokenStart = mentions.tokenStart[mk]!
            const tokenEnd = mentions.tokenEnd[mk]!
            if (this.t.flags[tokenEnd - 1]! & POSS) {
              owner = mk
              start = tokenStart
              break
            }
            caps.unshift(this.text.slice(this.t.start[tokenStart], this.t.end[tokenEnd - 1]))
            i = tokenStart
            start = i
            continue
          }
          const wi = this.word(i)
          if (DETERMINERS.has(wi) || POSSESSIVE_PRONOUNS.has(wi)) {
            start = i
            break
          }
          if (SPEAKER_PRONOUNS.has(wi)) break
          if (this.t.flags[i]! & CAP) caps.unshift(this.text.slice(this.t.start[i], this.t.end[i]))
          start = i
        }
        let end = j + 1
        while (this.isWord(end) && this.isHeadAt(end) && end <= from) end++
        const after = this.ownerAfter(end, from + 1)
        const singular = singularHead(w)
        return {
          type: 'descriptor',
          start,
          end: after.end,
          head: singular,
          caps,
          owner: owner >= 0 ? owner : after.mention >= 0 ? after.mention : this.skippedOwner,
          ownerNoun: after.noun,
          article: this.word(start),
        }
      }
    }
    return null
  }
}
