// `npm run eval`: quote precision, recall and F1 and speaker accuracy of the analyser on the news
// set, the held-out news set, the LitBank development set and the sample article, beside the npm
// package compromise.
// `npm run eval -- --errors` also lists every miss.
import nlp from 'compromise'
import { pathToFileURL } from 'node:url'
import { analyze } from '../src/shared/analysis/index'
import {
  type GoldDocument,
  type PredictedQuote,
  type ScoreOptions,
  type Totals,
  namedOnly,
  scoreDocument,
  totals,
} from '../src/shared/analysis/eval-score'
import { heldout } from '../test/fixtures/heldout/index'
import { litbank } from '../test/fixtures/litbank/index'
import { news, sample } from '../test/fixtures/news/index'

export interface EvalRow {
  set: string
  documents: number
  system: 'quotedesk' | 'compromise'
  totals: Totals
}

function ours(doc: GoldDocument): PredictedQuote[] {
  return analyze(doc.text).quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker?.name ?? null }))
}

interface CompromiseQuote {
  text: string
  offset: { start: number; length: number }
}

/** compromise reports offsets that start past the opening mark, so each quote is found again by its text. */
function theirs(doc: GoldDocument): PredictedQuote[] {
  const found = nlp(doc.text).quotations().out('offset') as CompromiseQuote[]
  return found.map((q) => {
    const at = doc.text.indexOf(q.text, Math.max(0, q.offset.start - 4))
    const start = at >= 0 ? at : q.offset.start
    return { start, end: start + q.text.length, speaker: null }
  })
}

export function evaluate(showErrors = false): EvalRow[] {
  const sets: { name: string; docs: GoldDocument[]; speakers: ScoreOptions['countsForSpeaker'] }[] = [
    { name: 'news', docs: news, speakers: undefined },
    { name: 'news held-out', docs: heldout, speakers: undefined },
    { name: 'LitBank dev', docs: litbank, speakers: namedOnly },
    { name: 'sample article', docs: [sample], speakers: undefined },
  ]
  const rows: EvalRow[] = []
  for (const set of sets) {
    const mine = set.docs.map((doc) =>
      scoreDocument(doc, ours(doc), {
        countsForSpeaker: set.speakers,
        onMiss: showErrors
          ? (m) =>
              console.log(
                `${doc.id} ${m.type} ${m.detail} ${JSON.stringify(doc.text.slice(m.start, Math.min(m.end, m.start + 90)))}`,
              )
          : undefined,
      }),
    )
    rows.push({ set: set.name, documents: set.docs.length, system: 'quotedesk', totals: totals(mine) })
    const other = set.docs.map((doc) => scoreDocument(doc, theirs(doc), { countsForSpeaker: () => false }))
    rows.push({ set: set.name, documents: set.docs.length, system: 'compromise', totals: totals(other) })
  }
  return rows
}

export function formatRows(rows: EvalRow[]): string[] {
  const pct = (x: number): string => x.toFixed(3)
  const lines = [
    '| set | docs | system | gold | predicted | P | R | F1 | speaker acc. (n) |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of rows) {
    const t = r.totals
    const speaker = r.system === 'compromise' ? 'n/a (no speakers)' : `${pct(t.speakerAccuracy)} (${t.speakerTotal})`
    lines.push(
      `| ${r.set} | ${r.documents} | ${r.system} | ${t.goldPieces} | ${t.predictedPieces} | ${pct(t.precision)} | ${pct(t.recall)} | ${pct(t.f1)} | ${speaker} |`,
    )
  }
  return lines
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = evaluate(process.argv.includes('--errors'))
  for (const line of formatRows(rows)) console.log(line)
  console.log(
    '\nQuote pieces are cut at blank lines, trimmed of marks and matched one-to-one at IoU ≥ 0.6. Speaker accuracy is over matched pieces (LitBank: gold speaker_kind "named"; a match is the same name, an alternate, or the same surname).',
  )
}
