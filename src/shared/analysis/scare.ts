// The scare-quote test (isScareQuote), the clues it reads, and its title, naming-frame, "known as"
// and reporting-word helpers and word sets; buildContext (context.ts) gathers the clues.
import type { QuoteContext } from './context'
import { NAMING_VERBS, TERM_NOUNS, WORK_NOUNS, WORK_ROLE_NOUNS } from './lexicon'
import { IN_QUOTE, type Tokens, WORD } from './tokens'

/** What the scare-quote test reads beyond the context itself. */
export interface ScareClues {
  /** The quote sits inside a clause: "are “a forever love” and". */
  isEmbedded: boolean
  wordCount: number
  /** Ends with . ! ? , or … before its closing mark. */
  hasEndPunct: boolean
  /** Only naming verbs ("calls", "branded") report speech in the sentence. */
  hasNamingVerb: boolean
  /** Lower-case word right before the opening mark, when the quote is embedded. */
  previousWord: string
  wordBeforePrevious: string
  isTitleCase: boolean
  /**
   * Capitalised like a title: the first word and every word but short function words ("Meet the
   * Press", "The Lead with Jake Tapper"). Only read for quotes of up to MAX_TITLE_WORDS words.
   */
  isTitleLike: boolean
  /** The word before the opening mark is a capitalised possessive: "CNN’s “New Day”". */
  afterNamePossessive: boolean
  /**
   * The word before a naming verb that stands before the quote's article ("what he calls the “…”":
   * he), read only for that pattern ('' otherwise).
   */
  wordBeforeNamingVerb: string
  /** A comma right before the opening mark, and the word before it: "his 2012 book, “An American Son”". */
  wordBeforeComma: string
  /** 「…」 and 『…』 quote everything in CJK text; the English scare-quote tests do not apply. */
  isCorner: boolean
  /** The clause goes on right after the closing mark ("“Woke” culture is…"). */
  followedByWord: boolean
  /** "as" before the quote and "known" or "billed" shortly before it: "known to her friends as “Tuppence”". */
  isKnownAs: boolean
  /** That word, in lower case ('' if none, and when no naming verb stands right before the quote). */
  nextWord: string
  /**
   * The sentence attributes the words to someone with a verb or noun the speech-verb lexicon does
   * not hold ("decried the GOP for “turning its back”", "chants of “Lock her up!”"). Only read for
   * a short quote in a sentence with no speech verb.
   */
  hasReportingFrame: boolean
  /**
   * A verb of thinking frames the quote and no speech verb does ("“How pretty they are!” thought
   * Winterbourne", "he would think, “What a nice house!”"): a thought, not a quotation.
   */
  isThought: boolean
}

/** A reporting verb or noun (see REPORTING) among the narrative tokens from..to. */
export function hasReportingWord(t: Tokens, from: number, to: number, sameWords: (k: number) => string): boolean {
  for (let k = from; k < to; k++) {
    if (t.flags[k]! & IN_QUOTE || !(t.flags[k]! & WORD)) continue
    if (REPORTING.has(sameWords(k))) return true
  }
  return false
}

/** Only quoted phrases this short can be scare quotes, titles or mentioned words. */
export const MAX_SCARE_WORDS = 4
/** Titles of shows and books can be this long: "The Lead with Jake Tapper", "Chick Lit: The New Woman's Fiction". */
export const MAX_TITLE_WORDS = 8
/** Nouns for a work with a title, besides the lexicon's work nouns: "the talk radio program “…”". */
const MORE_TITLE_NOUNS = new Set(
  `program programs programme programmes autobiography biography thriller column newsletter broadcast
  segment sketch ad ads spot essay magazine blog anthem hymn tune tipsheet`.split(/\s+/u),
)

function isTitleNoun(w: string): boolean {
  return w !== '' && (WORK_NOUNS.has(w) || MORE_TITLE_NOUNS.has(w))
}

/** Words a title leaves in lower case. */
export const TITLE_SMALL_WORDS = new Set(
  'a an the and or but nor of on in at to for from by with as into onto over up is are be vs'.split(' '),
)
/** A reporting word after a short quote frames it only this close: "“Lock her up!” the crowd chanted". */
export const MAX_FRAME_AFTER = 8

/**
 * Scare quotes, titles and mentioned words are not quotations. Only short quoted phrases (up to
 * four words) can be one, and only when the sentence gives them away: a term noun before them
 * (the word “village”), a title after a work noun or naming verb (the song “Sakura”, branded
 * “Fernhill Reimagined”), a naming verb with an article (what it calls a “lifestyle village”),
 * or nothing in the sentence that reports speech. Length alone is not the test: "are “a forever
 * love”" is kept because its sentence reports speech ("went on to say"), and so are "calling him
 * a “loser”" (a naming verb with an object between: a characterisation, not a name) and "decried
 * the GOP for “turning its back”" (a reporting verb the speech-verb lexicon does not hold).
 */
export function isScareQuote(ctx: QuoteContext, clues: ScareClues): boolean {
  const q = ctx.quote
  if (q.isBlock || q.isDash || q.continues || q.isContinuation || clues.isCorner) return false
  if (clues.isThought) return true
  const prev = clues.previousWord
  // The name of a show, book or programme: "on CNN’s “New Day,”", "appeared on “Meet the Press”",
  // "the podcast “Here’s the Thing”", "the author of “Destiny and Power”" (titles run longer than
  // scare quotes, so this test comes before the length limit).
  if (
    clues.isTitleLike &&
    ((clues.isEmbedded &&
      (clues.afterNamePossessive ||
        prev === 'on' ||
        isTitleNoun(prev) ||
        (prev === 'of' && WORK_ROLE_NOUNS.has(clues.wordBeforePrevious)))) ||
      // "the PBS medical drama, “Mercy Street,”", "In his new book, “Doomed to Succeed,”"
      isTitleNoun(clues.wordBeforeComma))
  )
    return true
  if (clues.wordCount > MAX_SCARE_WORDS) return false
  if (clues.isEmbedded && TERM_NOUNS.has(prev)) return true
  // "his name was “Rob Roy”", "the slogan is “Axe the tax”": a term noun, then the copula.
  if (
    clues.isEmbedded &&
    COPULAS.has(prev) &&
    (TERM_NOUNS.has(clues.wordBeforePrevious) || clues.wordBeforePrevious === 'name')
  )
    return true
  // "the song “Sakura”", "branded “Fernhill Reimagined”", "the “Trois Couronnes,”": a title or a name.
  if (
    clues.isEmbedded &&
    clues.isTitleCase &&
    (WORK_NOUNS.has(prev) || NAMING_VERBS.has(prev) || prev === 'titled' || prev === 'the')
  )
    return true
  // "a tax loophole called an “inversion”", "has been called the “Trump of the East”", "what it
  // calls a “lifestyle village”": a naming verb, an article, then the term: a name. When people
  // are the subject the verb reports their words and the quote stays ("what he calls the
  // “Washington cartel”", "which Trump had called a “disaster”"). ("called her “weak”" and "called that “absurd”" have no article: her
  // and that are the object.)
  if (
    clues.isEmbedded &&
    ARTICLES.has(prev) &&
    NAMING_VERBS.has(clues.wordBeforePrevious) &&
    !hasNamingSubject(clues.wordBeforePrevious, clues.wordBeforeNamingVerb)
  )
    return true
  // "what is known as “quite a scene”", "an event billed as “Hard Hats for Hillary”", "known to her
  // friends for some reason as “Tuppence”": a name.
  if (clues.isEmbedded && clues.isKnownAs) return true
  // "the main building was called “the house,”": a passive naming verb names (an active one may
  // characterise: "a move he called “reckless”", and so does one with an agent: "was called “a
  // death trap” by inspectors").
  if (
    clues.isEmbedded &&
    NAMING_VERBS.has(prev) &&
    prev.endsWith('ed') &&
    PASSIVE_MARKERS.has(clues.wordBeforePrevious) &&
    clues.nextWord !== 'by'
  )
    return true
  if (ctx.hasSpeechVerb) return false
  // A naming verb with an object before the quote characterises ("calling him a “loser”"), but a
  // name in title case is still a name ("commonly called Hunter Quatermain, or ‘Macumazahn’").
  if (clues.hasNamingVerb) return clues.isEmbedded && clues.isTitleCase
  // Titles and names in title case are not rescued by a reporting word elsewhere in the sentence.
  if (clues.hasReportingFrame && !clues.isTitleCase) return false
  if (clues.isEmbedded) return true
  const opensSentence = ctx.beforeStart === ctx.beforeEnd
  return opensSentence && !clues.hasEndPunct && ctx.afterEnd > ctx.afterStart && clues.followedByWord
}

/**
 * A naming verb whose subject is people characterising something: an active -ing form ("many are
 * calling"), or a personal pronoun, "some", "many" or a perfect auxiliary right before it ("what
 * he called", "what some call", "which Trump had called"). "what it calls a “lifestyle village”"
 * stays a name: an organisation's term for its own product.
 */
function hasNamingSubject(verb: string, before: string): boolean {
  return verb.endsWith('ing') || NAMING_SUBJECTS.has(before)
}

const NAMING_SUBJECTS = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'some',
  'many',
  'others',
  'has',
  'have',
  'had',
  'who',
])

const COPULAS = new Set(['is', 'was', 'are', 'were'])
/** How far back from "as" "known" or "billed" is looked for. */
const MAX_KNOWN_AS = 10

export function knownBefore(t: Tokens, asToken: number, from: number, sameWords: (k: number) => string): boolean {
  for (let k = asToken - 1; k >= from && asToken - k <= MAX_KNOWN_AS; k--) {
    if (!(t.flags[k]! & WORD)) continue
    const w = sameWords(k)
    if (w === 'known' || w === 'billed') return true
  }
  return false
}

/** Words right before a naming verb that make it passive: "was called", "is also named". */
const PASSIVE_MARKERS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'also', 'now', 'often', 'commonly'])

/** Words that can only be a determiner between a naming verb and its term (not "her", "that"). */
export const ARTICLES = new Set(['a', 'an', 'the', 'its', 'their', 'our', 'his', 'my', 'your'])

/**
 * A verb's forms: plain, -s, -ed and -ing; "slam+" doubles its last letter (slammed, slamming);
 * "talk-" gives only -ed and -ing, for a verb whose plain and -s forms are nouns as often (her
 * uncle's talk, an echo, his fears).
 */
function inflections(entry: string): string[] {
  const allForms = !entry.endsWith('-')
  const double = entry.endsWith('+')
  const w = double || !allForms ? entry.slice(0, -1) : entry
  const last = w.at(-1) ?? ''
  let forms: [string, string, string, string]
  if (double) forms = [w, `${w}s`, `${w}${last}ed`, `${w}${last}ing`]
  else if (last === 'e') forms = [w, `${w}s`, `${w}d`, `${w.slice(0, -1)}ing`]
  else if (/[^aeiou]y$/u.test(w)) forms = [w, `${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`, `${w}ing`]
  else if (/(?:s|sh|ch|x|z)$/u.test(w)) forms = [w, `${w}es`, `${w}ed`, `${w}ing`]
  else forms = [w, `${w}s`, `${w}ed`, `${w}ing`]
  return allForms ? forms : forms.slice(2)
}

/**
 * Verbs and nouns that attribute words to someone, for the scare-quote test only (the speech
 * verbs attribution reads are a narrower list, kept in the lexicon): "decried the GOP for
 * “turning its back”", "portraying them as “rapists”", "in a statement", "chants of “…”".
 */
const REPORTING: ReadonlySet<string> = new Set([
  ...`say tell add explain write ask reveal note state claim insist argue warn announce confirm admit
  acknowledge recall reply respond answer remark observe suggest urge predict concede exclaim
  whisper shout yell scream demand declare assert affirm maintain repeat tweet retweet describe
  criticize criticise testify speculate elaborate emphasize emphasise stress decry denounce deride
  dismiss accuse condemn defend reject tout bemoan threaten believe allege contend imply ridicule
  assure reassure characterize characterise portray depict refer+ cite recommend propose apologize
  apologise deny proclaim underscore reiterate liken scold chide berate rebuke lambaste castigate
  excoriate assail extol laud commend congratulate preach lecture rebut retort speak applaud
  talk- attack- mock- echo- fear- hope- worry- question- praise- post- quote- protest- object-
  comment- lament- vow- pledge- promise- blast- slam+ rail- lash- voice- highlight- hint- thank-
  insult- chant- rant- muse- fume- grouse- gripe- boast- brag+ trumpet- herald- hail- scoff-
  cry- joke- quip+ gush- beg+ plead- caution- wonder- complain- dub+ label- brand- term- nickname-
  vent- snipe mention- introduce deem credit- frame- posture- designate`
    .split(/\s+/u)
    .filter((w) => w !== '')
    .flatMap(inflections),
  ...`said told wrote written spoke spoken swore sworn statement statements remarks interview speech
  testimony accusation accusations chant chants complaint criticism rhetoric warning plea lament
  assertion contention admission dictum promise promises pledge vow`
    .split(/\s+/u)
    .filter((w) => w !== ''),
])
