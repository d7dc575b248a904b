export interface KnownName {
  name: string
  entityId?: string
  kind?: string
}

export interface NameFlagOptions {
  /** Source texts of the article (transcripts, documents): a name spelled differently there is flagged too. */
  otherTexts?: readonly string[]
}

export interface NameFlag {
  /** UTF-16 offsets of the suspect word in the article text. */
  start: number
  end: number
  text: string
  suggestion: string
  reason: string
  entityId?: string
}

/** Words shorter than this are never flagged: "Nick" and "Nicky" are different names, not a typo. */
export const MIN_LENGTH = 5

/**
 * Edits allowed between a word and a name, by the length of the shorter of the two: one for 5–7 letters,
 * two from 8. Two spellings inside one text need to be closer (one edit below 10 letters), since two real
 * people ("Johnson", "Johnston") are likelier there than a typo.
 */
export function allowedEdits(shorter: number, isSameText = false): number {
  if (shorter < MIN_LENGTH) return 0
  if (isSameText) return shorter >= 10 ? 2 : 1
  return shorter >= 8 ? 2 : 1
}

// Capitalised at the start of a sentence, and near enough to names to raise false alarms.
const STOP_WORDS = new Set(
  (
    'about above after again against along also although among another because before behind being below ' +
    'beneath beside besides between beyond both could during either every everyone everything except ' +
    'first former further however indeed inside instead later latter little meanwhile might nearly neither ' +
    'never nevertheless next nothing often other others otherwise outside perhaps please rather really ' +
    'several should since still their there therefore these thing things those though three through ' +
    'throughout today together tomorrow tonight under unless until where whereas whether which while ' +
    'whose within without would yesterday above according although always anyone anything around asked ' +
    'added early earlier great house local minister mayor police council court people public report ' +
    'president government officials office party city state states united national international ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july ' +
    'august september october november december english british american french german europe european'
  ).split(' '),
)

interface Word {
  start: number
  end: number
  text: string
  key: string
}

// One linear pass: a letter, then letters, marks, apostrophes and hyphens.
const WORD_PATTERN = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu

function capitalisedWords(text: string): Word[] {
  const words: Word[] = []
  for (const match of text.matchAll(WORD_PATTERN)) {
    let raw = match[0]
    // "Priestly's" is checked as "Priestly"; a trailing hyphen or apostrophe is punctuation.
    raw = raw.replace(/['’]s$/u, '').replace(/['’-]+$/u, '')
    const first = raw.codePointAt(0) ?? 0
    if (raw.length === 0 || !/\p{Lu}/u.test(String.fromCodePoint(first))) continue
    const start = match.index
    words.push({ start, end: start + raw.length, text: raw, key: raw.toLowerCase() })
  }
  return words
}

/** Words the text writes in lower case somewhere: ordinary words, whatever their capital at a sentence start. */
function lowerCaseKeys(text: string): Set<string> {
  const keys = new Set<string>()
  for (const match of text.matchAll(WORD_PATTERN)) {
    const raw = match[0]
    if (raw[0] !== raw[0]?.toUpperCase()) keys.add(raw.replace(/['’]s$/u, '').replace(/['’-]+$/u, ''))
  }
  return keys
}

/** Damerau-Levenshtein (optimal string alignment) distance, or max + 1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  const x = Array.from(a)
  const y = Array.from(b)
  if (Math.abs(x.length - y.length) > max) return max + 1
  let before = new Array<number>(y.length + 1).fill(0)
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  let current = new Array<number>(y.length + 1).fill(0)
  for (let i = 1; i <= x.length; i++) {
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1)
      current[j] = value
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > max) return max + 1
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[y.length] ?? max + 1
}

/** "Smith"/"Smiths", "American"/"Americans": an inflection, not a second spelling. */
function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long === `${short}s` || long === `${short}es` || long === `${short}'s` || long === `${short}’s`
}

interface Target {
  key: string
  text: string
  label: string
  entityId?: string
}

/**
 * Buckets targets by their first two and last two letters: a misspelling almost always keeps one end of the
 * word, and the buckets keep the comparison count near linear.
 */
class TargetIndex {
  private readonly buckets = new Map<string, Target[]>()

  add(target: Target): void {
    for (const key of this.keysOf(target.key)) {
      const list = this.buckets.get(key)
      if (list) list.push(target)
      else this.buckets.set(key, [target])
    }
  }

  /** The closest target within the allowed edits (first added wins a tie), or null. */
  closest(key: string, isSameText: boolean): { target: Target; distance: number } | null {
    let best: { target: Target; distance: number } | null = null
    const seen = new Set<Target>()
    for (const bucket of this.keysOf(key)) {
      for (const target of this.buckets.get(bucket) ?? []) {
        if (seen.has(target) || target.key === key || isInflection(target.key, key)) continue
        seen.add(target)
        const max = allowedEdits(Math.min(Array.from(key).length, Array.from(target.key).length), isSameText)
        if (max === 0) continue
        const distance = editDistance(key, target.key, max)
        if (distance <= max && (!best || distance < best.distance)) best = { target, distance }
      }
    }
    return best
  }

  private keysOf(key: string): string[] {
    const letters = Array.from(key)
    return [`^${letters.slice(0, 2).join('')}`, `$${letters.slice(-2).join('')}`]
  }
}

function isCandidate(word: Word): boolean {
  return Array.from(word.key).length >= MIN_LENGTH && !STOP_WORDS.has(word.key)
}

/**
 * Flags likely misspellings of names in an article: near a known entity name or alias, spelled another way
 * elsewhere in the article, or spelled another way in its sources. One flag per word occurrence, in text order.
 * @example findNameFlags('Solitare won.', [{ name: 'Solitaire' }])[0]?.suggestion // 'Solitaire'
 */
export function findNameFlags(text: string, names: readonly KnownName[], options: NameFlagOptions = {}): NameFlag[] {
  const words = capitalisedWords(text).filter(isCandidate)
  const lowerInText = lowerCaseKeys(text)

  const known = new TargetIndex()
  const knownKeys = new Set<string>()
  for (const entry of names) {
    for (const word of capitalisedWords(entry.name)) {
      knownKeys.add(word.key)
      const target: Target = { key: word.key, text: word.text, label: entry.name.trim() }
      if (entry.entityId !== undefined) target.entityId = entry.entityId
      known.add(target)
    }
  }

  const sourceCounts = new Map<string, { text: string; count: number }>()
  for (const other of options.otherTexts ?? []) {
    for (const word of capitalisedWords(other)) {
      const entry = sourceCounts.get(word.key)
      if (!entry) sourceCounts.set(word.key, { text: word.text, count: 1 })
      else {
        entry.count++
        // Suggest "Marguerite", not the "MARGUERITE:" of a speaker label.
        if (entry.text === entry.text.toUpperCase() && word.text !== word.text.toUpperCase()) entry.text = word.text
      }
    }
  }
  const sources = new TargetIndex()
  for (const [key, entry] of sourceCounts)
    if (!STOP_WORDS.has(key)) sources.add({ key, text: entry.text, label: entry.text })

  const articleCounts = new Map<string, { text: string; count: number; first: number }>()
  for (const word of words) {
    const entry = articleCounts.get(word.key)
    if (entry) entry.count++
    else articleCounts.set(word.key, { text: word.text, count: 1, first: word.start })
  }
  const article = new TargetIndex()
  for (const [key, entry] of articleCounts) article.add({ key, text: entry.text, label: entry.text })

  const flags: NameFlag[] = []
  const verdicts = new Map<string, Omit<NameFlag, 'start' | 'end' | 'text'> | null>()
  for (const word of words) {
    if (!verdicts.has(word.key)) verdicts.set(word.key, judge(word.key))
    const verdict = verdicts.get(word.key)
    if (verdict) flags.push({ start: word.start, end: word.end, text: word.text, ...verdict })
  }
  return flags

  function judge(key: string): Omit<NameFlag, 'start' | 'end' | 'text'> | null {
    // An exact name, or an ordinary word the article also uses in lower case, is never a misspelling.
    if (knownKeys.has(key) || lowerInText.has(key)) return null
    const near = known.closest(key, false)
    if (near) {
      const flag: Omit<NameFlag, 'start' | 'end' | 'text'> = {
        suggestion: near.target.text,
        reason: `close to the known name “${near.target.label}”`,
      }
      if (near.target.entityId !== undefined) flag.entityId = near.target.entityId
      return flag
    }
    if (!sourceCounts.has(key)) {
      const inSource = sources.closest(key, false)
      if (inSource)
        return { suggestion: inSource.target.text, reason: `spelled “${inSource.target.text}” in the source` }
    }
    const mine = articleCounts.get(key)
    const twin = article.closest(key, true)
    if (mine && twin) {
      const other = articleCounts.get(twin.target.key)
      // The rarer spelling is the suspect; on a tie, the one that appears later.
      if (other && (other.count > mine.count || (other.count === mine.count && other.first < mine.first)))
        return { suggestion: other.text, reason: `spelled “${other.text}” elsewhere in this article` }
    }
    return null
  }
}
