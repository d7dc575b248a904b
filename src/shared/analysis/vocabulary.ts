// The interned vocabulary the scan gives every token an id from, the lexicon classes of its words
// (SPEECH_VERB … ORG_NOUN, see wordClass), and the one vocabulary shared by every call.
import { changesCase } from './chars'

/** Lexicon classes of a word, computed once per distinct word (see wordClass). */
export const SPEECH_VERB = 1
/** A person noun, title or honorific: "director", "mayor", "dr". */
export const ROLE_WORD = 2
export const GIVEN_NAME = 4
export const ORG_NAME = 8
export const PLACE_NAME = 16
export const ORG_SUFFIX = 32
export const PLACE_SUFFIX = 64
export const PERSON_NOUN = 128
export const WORK_NOUN = 256
export const WORK_ROLE_NOUN = 512
/** Never the first word of a name ("The", "When"): ALWAYS_STRIP, with curly apostrophes made straight. */
export const STRIP_ALWAYS = 1024
/** Not a name where it opens a sentence ("Earlier", "Still"): NON_NAME_CAPS. */
export const STRIP_AT_START = 2048
/** Can head a descriptor: a person, document or organisation noun, or a plural person noun ("officials"). */
export const HEAD_NOUN = 4096
/** A verb a document "speaks" with: "reads", "states". */
export const DOCUMENT_VERB = 8192
/** Heads a descriptor of an organisation: "the company", "the campaign" (ORG_NOUNS). */
export const ORG_NOUN = 16384
export const CLASSIFIED = 1 << 30

/**
 * Interns the lower-case text of tokens without slicing them: ASCII words are hashed and compared
 * in place, one-unit tokens are looked up by code unit, and only other words are sliced.
 */
export class Vocabulary {
  readonly words: string[] = []
  classes = new Uint32Array(1024)
  private hashes = new Int32Array(1024)
  private table = new Int32Array(4096).fill(-1)
  /**
   * Ids of one-unit tokens by code unit (the whole BMP: curly quotes and dashes are in every
   * sentence, and each would otherwise be sliced, lower-cased and looked up by its text).
   */
  private readonly single = new Int32Array(0x10000).fill(-1)
  private readonly other = new Map<string, number>()

  private add(word: string, hash: number): number {
    const id = this.words.length
    this.words.push(word)
    if (id === this.hashes.length) {
      const h = new Int32Array(id * 2)
      h.set(this.hashes)
      this.hashes = h
      const c = new Uint32Array(id * 2)
      c.set(this.classes)
      this.classes = c
    }
    this.hashes[id] = hash
    return id
  }

  idOf(text: string, s: number, e: number): number {
    if (e - s === 1) {
      const c = text.charCodeAt(s)
      let id = this.single[c]!
      if (id < 0) {
        id = this.internOther(text.slice(s, e).toLowerCase())
        this.single[c] = id
      }
      return id
    }
    // Hashed in place unless a character may change length or form in lower case (non-ASCII capitals).
    let h = 0
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i)
      if (c >= 128 && changesCase(c)) return this.internOther(text.slice(s, e).toLowerCase())
      h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0
    }
    return this.idOfHashed(text, s, e, h)
  }

  /**
   * idOf for a word of two or more units that changes nothing but ASCII capitals in lower case,
   * with `h` its hash as idOf computes it (the scan hashes while it reads the word).
   */
  idOfHashed(text: string, s: number, e: number, h: number): number {
    const table = this.table
    const mask = table.length - 1
    let slot = (h ^ (h >>> 15)) & mask
    for (;;) {
      const id = table[slot]!
      if (id < 0) break
      if (this.hashes[id] === h && this.same(text, this.words[id]!, s, e)) return id
      slot = (slot + 1) & mask
    }
    const word = text.slice(s, e).toLowerCase()
    const prior = this.other.get(word)
    const id = prior ?? this.add(word, h)
    if (prior === undefined) this.other.set(word, id)
    table[slot] = id
    if (++this.filled * 2 > table.length) this.rehash()
    return id
  }

  private filled = 0

  private same(text: string, word: string, s: number, e: number): boolean {
    if (word.length !== e - s) return false
    for (let i = 0; i < word.length; i++) {
      const c = text.charCodeAt(s + i)
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(i)) return false
    }
    return true
  }

  private internOther(word: string): number {
    let id = this.other.get(word)
    if (id === undefined) {
      id = this.add(word, 0)
      this.other.set(word, id)
    }
    return id
  }

  /** Rebuilds the ASCII table at twice the size from the entries it holds. */
  private rehash(): void {
    const old = this.table
    const table = new Int32Array(old.length * 2).fill(-1)
    const mask = table.length - 1
    for (const id of old) {
      if (id < 0) continue
      const h = this.hashes[id]!
      let slot = (h ^ (h >>> 15)) & mask
      while (table[slot]! >= 0) slot = (slot + 1) & mask
      table[slot] = id
    }
    this.table = table
  }
}

/**
 * One vocabulary serves every call, so the words of the next article are mostly known already; it
 * starts afresh past a bound so memory stays flat. Ids never leave a call, so results do not depend
 * on what was analysed before.
 */
let shared: Vocabulary | null = null
const MAX_SHARED_WORDS = 200_000

export function sharedVocabulary(): Vocabulary {
  if (shared === null || shared.words.length > MAX_SHARED_WORDS) shared = new Vocabulary()
  return shared
}

/** Lets go of the shared word table once it has outgrown its bound (called when a call ends). */
export function trimSharedVocabulary(): void {
  if (shared !== null && shared.words.length > MAX_SHARED_WORDS) shared = null
}
