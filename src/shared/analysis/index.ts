import { attribute } from './attribute'
import type { Attribution } from './attribution'
import { type QuoteContext, buildContext } from './context'
import { type RawQuote, UNCLOSED, detectQuotes } from './detect'
import { type EntityIndex, extractEntities } from './entities'
import { groupParagraphs } from './paragraphs'
import { IN_QUOTE, type Tokens, lowerAt, markTokens, scanText, tokensAt, trimSharedVocabulary } from './tokens'
import { NARRATOR } from './resolve'
import type { AnalyzeOptions, Analysis, AnalyzedEntity, AnalyzedQuote, EntityKind, SpeakerKind } from './types'

export type {
  Analysis,
  AnalyzeOptions,
  AnalyzedEntity,
  AnalyzedQuote,
  EntityKind,
  EntityRole,
  KnownEntity,
  Speaker,
  SpeakerKind,
} from './types'

/** A work speaks through its text; a place through its government ("Moscow said"). */
const ENTITY_SPEAKER_KINDS: Record<EntityKind, SpeakerKind> = {
  person: 'person',
  organization: 'organization',
  work: 'document',
  place: 'organization',
  other: 'person',
}

/** Below this an attribution is flagged for a person to check. */
export const REVIEW_THRESHOLD = 0.6

/**
 * Finds every quotation in `text` with its speaker, and every person, organisation, work and
 * place it names. Pure and deterministic; linear in the length of the text.
 *
 * @example analyze('“We won,” said Jane Doe.').quotes[0].speaker // { name: 'Jane Doe' }
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const source = typeof text === 'string' ? text : ''
  // One pass over the characters finds the tokens, the quotation marks and the lines.
  const scan = scanText(source)
  const t = scan.tokens
  const paragraphs = groupParagraphs(source, scan.lineEnd, scan.lineKind, scan.hasBlank)
  const detected = detectQuotes(source, paragraphs, scan.marks)
  const paragraphStarts = paragraphs.start.subarray(0, paragraphs.count)
  // Token bounds of every quotation and paragraph (see tokensAt).
  const quoteStart = tokensAt(t, positions(detected, 'start'))
  const quoteEnd = tokensAt(t, positions(detected, 'end'))
  markTokens(t, paragraphStarts, quoteStart, quoteEnd)
  const word = (k: number): string => lowerAt(source, t, k)
  const paraFirst = tokensAt(t, paragraphStarts)
  const paraEnd = tokensAt(t, paragraphs.end.subarray(0, paragraphs.count))
  const contextOf = (i: number): QuoteContext => {
    const q = detected[i]!
    const bounds = {
      inStart: quoteStart[i]!,
      inEnd: quoteEnd[i]!,
      paragraphFirstToken: paraFirst[q.paragraph]!,
      paragraphEndToken: paraEnd[q.paragraph]!,
    }
    return buildContext(source, t, q, bounds, word)
  }

  let contexts = detected.map((_, i) => contextOf(i))
  const isScare = contexts.map((c) => c.isScare)
  if (isScare.includes(true)) {
    // Scare quotes are narrative again, so cues may be read across them: the paragraphs that had
    // one get their contexts rebuilt.
    const touched = new Set<number>()
    contexts.forEach((c, i) => {
      if (!isScare[i]) return
      clearQuoted(t, quoteStart[i]!, c.quote.end)
      touched.add(c.quote.paragraph)
    })
    const kept: QuoteContext[] = []
    contexts.forEach((c, i) => {
      if (!isScare[i]) kept.push(touched.has(c.quote.paragraph) ? contextOf(i) : c)
    })
    contexts = kept
  }

  const entities = extractEntities(source, t, options.knownEntities ?? [])
  const attributions = attribute(source, t, entities, contexts, paragraphs, options.rank)
  const result: Analysis = {
    text: source,
    quotes: contexts.map((ctx, i) => toQuote(source, ctx, attributions[i]!, entities)),
    entities: toEntities(entities),
  }
  trimSharedVocabulary()
  return result
}

/** Clears IN_QUOTE from token `first` (the quotation's first token) up to offset `end`. */
function positions(quotes: RawQuote[], side: 'start' | 'end'): Int32Array {
  const out = new Int32Array(quotes.length)
  const isStart = side === 'start'
  for (let i = 0; i < quotes.length; i++) out[i] = isStart ? quotes[i]!.start : quotes[i]!.end
  return out
}

function clearQuoted(t: Tokens, first: number, end: number): void {
  for (let k = first; k < t.count && t.start[k]! < end; k++) t.flags[k] = t.flags[k]! & ~IN_QUOTE
}

function toQuote(text: string, ctx: QuoteContext, a: Attribution, entities: EntityIndex): AnalyzedQuote {
  const q = ctx.quote
  let confidence = a.speaker === null ? Math.min(a.confidence, 0.3) : a.confidence
  // A long quotation set in a sentence with no speech verb may be a citation, not speech.
  if (ctx.isPartial && !ctx.hasSpeechVerb && a.method === 'none') confidence = Math.min(confidence, 0.3)
  if (q.issues.includes(UNCLOSED)) confidence = Math.min(confidence, 0.4)
  confidence = Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100
  let speaker: AnalyzedQuote['speaker'] = null
  if (a.speaker !== null) {
    if ('entity' in a.speaker) {
      const r = entities.records[entities.resolve(a.speaker.entity)]!
      const kind = a.isDocument ? 'document' : ENTITY_SPEAKER_KINDS[r.kind]
      speaker = r.entityId !== undefined ? { name: r.name, entityId: r.entityId, kind } : { name: r.name, kind }
    } else {
      const kind: SpeakerKind = a.isDocument
        ? 'document'
        : a.method === 'organization'
          ? 'organization'
          : a.speaker.name === NARRATOR || a.method === 'transcript'
            ? 'person'
            : 'descriptor'
      speaker = { name: a.speaker.name, kind }
    }
  }
  const kind: AnalyzedQuote['kind'] = q.isBlock
    ? 'block'
    : a.isDocument
      ? 'document'
      : ctx.isPartial
        ? 'partial'
        : 'direct'
  const out: AnalyzedQuote = {
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    partial: ctx.isPartial,
    kind,
    speaker,
    confidence,
    cue: a.cue,
    needsReview: confidence < REVIEW_THRESHOLD || speaker === null || q.issues.length > 0,
    groupId: q.groupId,
    issues: [...q.issues],
    method: a.method,
  }
  if (a.document !== undefined) out.document = a.document
  return out
}

function toEntities(index: EntityIndex): AnalyzedEntity[] {
  const out: AnalyzedEntity[] = []
  for (const r of index.records) {
    if (r.mergedInto >= 0 || r.mentions.length === 0) continue
    const e: AnalyzedEntity = {
      name: r.name,
      kind: r.kind,
      aliases: [...r.aliases].filter((a) => a !== r.name),
      mentions: r.mentions.map((m) => ({ start: index.mentions.start[m]!, end: index.mentions.end[m]! })),
      roles: r.roles.map((role) => ({ ...role })),
      confidence: Math.round(r.confidence * 100) / 100,
    }
    if (r.entityId !== undefined) e.entityId = r.entityId
    out.push(e)
  }
  return out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
}
