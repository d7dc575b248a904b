import fc from 'fast-check'
import type { Library } from '../../src/main/db/connection'
import { dispatch } from '../../src/main/rpc/dispatch'
import { createHandlers } from '../../src/main/services'
import { analyze } from '../../src/shared/analysis'
import { CHANNELS, contract, type Channel, type Handlers } from '../../src/shared/contract'
import { Fault } from '../../src/shared/errors'

/** Everything structuredClone (and so Electron IPC) can carry (notes E7). */
const CLONEABLE = {
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
  withObjectString: true,
  withBoxedValues: true,
  maxDepth: 3,
} as const

export interface FuzzFigures {
  target: string
  runs: number
  /** dispatch threw or rejected instead of answering: must be 0. */
  threw: number
  /** The answer was not `{ ok: true, value }` or `{ ok: false, error: Fault }`: must be 0. */
  notEnvelope: number
  /** structuredClone refused the answer (IPC would fail): must be 0. */
  notCloneable: number
  /** An `internal` fault: a handler failed on input that passed validation. Must be 0. */
  internal: number
  /** `ok` answers whose value does not match the channel's output schema. Must be 0. */
  badOutput: number
  ok: number
  examples: string[]
}

function describe(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 200)
  } catch {
    return '(unprintable)'
  }
}

/** Keys the channel's input schema knows, so some payloads get past the first check. */
function keysOf(channel: Channel): string[] {
  const schema = contract[channel].input as unknown as { shape?: Record<string, unknown> }
  return schema.shape && typeof schema.shape === 'object' ? Object.keys(schema.shape) : []
}

/** Real ids from the library, so well-shaped payloads reach the handlers and the database. */
async function seedIds(handlers: Handlers): Promise<string[]> {
  const article = await handlers['articles:create']({
    title: 'Fuzz target',
    body: '“We will rebuild the bridge,” Mayor Ana Ruiz said on Monday.\n\n“Not this year,” said Tom Becker.',
  })
  const quotes = await handlers['quotes:list']({ articleId: article.id })
  const entity = await handlers['entities:create']({ kind: 'person', name: 'Priya Shah' })
  const source = await handlers['sources:create']({ kind: 'interview', title: 'Call with the mayor' })
  return [article.id, entity.id, source.id, ...quotes.map((q) => q.id)]
}

function payloads(channel: Channel, ids: string[]): fc.Arbitrary<unknown> {
  const anything = fc.anything(CLONEABLE)
  const keys = keysOf(channel)
  const value = fc.oneof(
    anything,
    fc.constantFrom(...ids),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: -5, max: 400 }),
    fc.boolean(),
    fc.constant(null),
  )
  if (keys.length === 0) return anything
  return fc.oneof(
    anything,
    fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'extra'), value),
    fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] }),
  )
}

function judge(figures: FuzzFigures, channel: string, input: unknown, reply: unknown): void {
  const envelope = reply as { ok?: unknown; value?: unknown; error?: unknown } | null
  const isEnvelope =
    typeof envelope === 'object' &&
    envelope !== null &&
    ((envelope.ok === true && 'value' in envelope) ||
      (envelope.ok === false && Fault.safeParse(envelope.error).success))
  if (!isEnvelope) {
    figures.notEnvelope++
    figures.examples.push(`${channel} ${describe(input)} → not an envelope: ${describe(reply)}`)
    return
  }
  try {
    structuredClone(reply)
  } catch (err) {
    figures.notCloneable++
    figures.examples.push(`${channel} ${describe(input)} → not cloneable: ${(err as Error).message}`)
  }
  if (envelope.ok === false && (envelope.error as Fault).code === 'internal') {
    figures.internal++
    figures.examples.push(`${channel} ${describe(input)} → internal fault`)
  }
  if (envelope.ok === true) {
    figures.ok++
    const known = CHANNELS.find((name) => JSON.stringify(name) === channel)
    if (known && !contract[known].output.safeParse(envelope.value).success) {
      figures.badOutput++
      figures.examples.push(`${channel} ${describe(input)} → value does not match the output schema`)
    }
  }
}

async function fuzzOne(
  handlers: Handlers,
  target: string,
  samples: { channel: unknown; input: unknown }[],
): Promise<FuzzFigures> {
  const figures: FuzzFigures = {
    target,
    runs: 0,
    threw: 0,
    notEnvelope: 0,
    notCloneable: 0,
    internal: 0,
    badOutput: 0,
    ok: 0,
    examples: [],
  }
  // The real cause of an internal fault is counted through the envelope; the log stays quiet.
  const quiet = () => {}
  for (const { channel, input } of samples) {
    figures.runs++
    try {
      judge(figures, describe(channel), input, await dispatch(handlers, channel, input, quiet))
    } catch (err) {
      figures.threw++
      figures.examples.push(`${describe(channel)} ${describe(input)} → threw ${(err as Error).message}`)
    }
  }
  figures.examples = figures.examples.slice(0, 5)
  return figures
}

/**
 * Every channel with `runs` random payloads from the structured-clone universe (and payloads
 * shaped like the channel's input), then hostile channel names. Samples are drawn with a seed
 * so a failure replays.
 */
export async function fuzzDispatch(library: Library, runs: number, seed: number): Promise<FuzzFigures[]> {
  const handlers = createHandlers(library, () => 'fuzz')
  const ids = await seedIds(handlers)
  const out: FuzzFigures[] = []
  for (const [i, channel] of CHANNELS.entries()) {
    const inputs = fc.sample(payloads(channel, ids), { numRuns: runs, seed: seed + i })
    out.push(
      await fuzzOne(
        handlers,
        channel,
        inputs.map((input) => ({ channel, input })),
      ),
    )
  }
  const names = fc.sample(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          '__proto__',
          'constructor',
          '',
          'toString',
          'hasOwnProperty',
          'articles:create ',
          'ARTICLES:LIST',
        ),
        fc.string(),
        fc.anything(CLONEABLE),
      ),
      fc.anything(CLONEABLE),
    ),
    { numRuns: runs, seed: seed + CHANNELS.length },
  )
  const unknown = await fuzzOne(
    handlers,
    '(channel names)',
    names.map(([channel, input]) => ({ channel, input })),
  )
  // An unknown name must be refused as such, never dispatched to something inherited.
  unknown.notEnvelope += unknown.ok
  out.push(unknown)
  return out
}

export interface AnalysisFuzzFigures {
  runs: number
  threw: number
  /** A quote, cue or mention offset outside the text, or quote text not equal to its slice. */
  badOffsets: number
  /** Two runs on the same text gave different results. */
  nondeterministic: number
  /** A span that starts or ends between the halves of a surrogate pair (storage would garble it, F4). */
  splitPairs: number
  examples: string[]
}

const QUOTE_TOKENS = [
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '«',
  '»',
  '„',
  '‚',
  '「',
  '」',
  '『',
  '』',
  '″',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  'said',
  'says',
  'told',
  'according to',
  'Jane Doe',
  'Mr. Smith',
  'the mayor',
  'She',
  'he',
  '.',
  ',',
  ':',
  '—',
  '…',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  '𠀀',
  'e\u0301',
  '\u200b',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u2028',
  'a',
  'The',
  '42',
]

/** Random text (graphemes, and quote-heavy token soups) through the analyser. */
export function fuzzAnalysis(runs: number, seed: number): AnalysisFuzzFigures {
  const figures: AnalysisFuzzFigures = {
    runs: 0,
    threw: 0,
    badOffsets: 0,
    nondeterministic: 0,
    splitPairs: 0,
    examples: [],
  }
  const texts = fc.sample(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.array(fc.constantFrom(...QUOTE_TOKENS), { maxLength: 200 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 200 }),
    ),
    { numRuns: runs, seed },
  )
  const isLow = (text: string, at: number) => at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at] ?? '')
  for (const text of texts) {
    figures.runs++
    let first
    try {
      first = analyze(text)
    } catch (err) {
      figures.threw++
      figures.examples.push(`${describe(text)} → threw ${(err as Error).message}`)
      continue
    }
    const spans = [
      ...first.quotes.flatMap((q) => [
        { start: q.start, end: q.end, text: q.text as string | undefined },
        ...(q.cue ? [q.cue] : []),
      ]),
      ...first.entities.flatMap((e) => e.mentions),
    ]
    const bad = spans.find(
      (s) =>
        !(
          Number.isInteger(s.start) &&
          Number.isInteger(s.end) &&
          0 <= s.start &&
          s.start <= s.end &&
          s.end <= text.length
        ) ||
        ('text' in s && s.text !== undefined && s.text !== text.slice(s.start, s.end)),
    )
    if (bad) {
      figures.badOffsets++
      figures.examples.push(`${describe(text)} → span ${bad.start}–${bad.end} is not inside the text`)
    }
    const split = spans.find((s) => isLow(text, s.start) || isLow(text, s.end))
    if (split) {
      figures.splitPairs++
      figures.examples.push(`${describe(text)} → span ${split.start}–${split.end} splits a surrogate pair`)
    }
    if (JSON.stringify(analyze(text)) !== JSON.stringify(first)) {
      figures.nondeterministic++
      figures.examples.push(`${describe(text)} → a second run differs`)
    }
  }
  figures.examples = figures.examples.slice(0, 5)
  return figures
}
