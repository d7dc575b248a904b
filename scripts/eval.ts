// `npm run eval`: quote precision, recall and F1 and speaker accuracy of the analyser, beside the
// npm package compromise. Outside-labelled sets first: PolNeAR's train split (real US political
// news, read from a local copy named by QUOTEDESK_POLNEAR, never committed), PDNC (fiction past
// LitBank's excerpts, from a copy named by QUOTEDESK_PDNC, never committed) and LitBank dev
// (fiction); then the sets written here while the rules were built.
// `npm run eval -- --errors` also lists every miss; `--only NAME` scores the sets whose name
// contains NAME; `--no-compromise` skips the slow reference system.
import nlp from 'compromise'
import { pathToFileURL } from 'node:url'
import { loadPdnc, loadPdncOpenings } from './eval/pdnc'
import { loadPolnearTrain } from './eval/polnear'
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

interface EvalSet {
  name: string
  docs: GoldDocument[]
  speakers: ScoreOptions['countsForSpeaker']
}

export interface EvalOptions {
  showErrors?: boolean
  only?: string
  withCompromise?: boolean
  /** A PolNeAR checkout; its train split is scored when given. */
  polnear?: string
  /** A PDNC checkout; its novels are scored when given. */
  pdnc?: string
}

export function evalSets(polnear: string | undefined, pdnc?: string): EvalSet[] {
  const sets: EvalSet[] = []
  if (polnear !== undefined) sets.push({ name: 'PolNeAR train', docs: loadPolnearTrain(polnear), speakers: namedOnly })
  if (pdnc !== undefined)
    sets.push(
      { name: 'PDNC openings, novels not in LitBank', docs: loadPdncOpenings(pdnc), speakers: namedOnly },
      { name: 'PDNC mid-novel excerpts', docs: loadPdnc(pdnc), speakers: namedOnly },
    )
  sets.push(
    { name: 'LitBank dev', docs: litbank, speakers: namedOnly },
    { name: 'news (ours, tuned on)', docs: news, speakers: undefined },
    { name: 'news held-out (ours)', docs: heldout, speakers: undefined },
    { name: 'sample article', docs: [sample], speakers: undefined },
  )
  return sets
}

export function evaluate(options: EvalOptions = {}): EvalRow[] {
  const showErrors = options.showErrors ?? false
  const sets = evalSets(options.polnear, options.pdnc).filter(
    (s) => options.only === undefined || s.name.includes(options.only),
  )
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
    if (options.withCompromise === false) continue
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
  const argv = process.argv.slice(2)
  const onlyAt = argv.indexOf('--only')
  const polnear = process.env.QUOTEDESK_POLNEAR
  if (polnear === undefined || polnear === '')
    console.log(
      'PolNeAR: not scored. Set QUOTEDESK_POLNEAR to a local copy of the PolNeAR repository to score its train split (real news, outside-labelled).\n',
    )
  const pdnc = process.env.QUOTEDESK_PDNC
  if (pdnc === undefined || pdnc === '')
    console.log(
      'PDNC: not scored. Set QUOTEDESK_PDNC to a local copy of the Project Dialogism Novel Corpus to score fiction past LitBank (outside-labelled).\n',
    )
  const rows = evaluate({
    showErrors: argv.includes('--errors'),
    only: onlyAt >= 0 ? argv[onlyAt + 1] : undefined,
    withCompromise: !argv.includes('--no-compromise'),
    polnear: polnear === '' ? undefined : polnear,
    pdnc: pdnc === '' ? undefined : pdnc,
  })
  for (const line of formatRows(rows)) console.log(line)
  console.log(
    '\nQuote pieces are cut at blank lines, trimmed of marks and matched one-to-one at IoU ≥ 0.6. Speaker accuracy is over matched pieces whose gold speaker is named (PolNeAR: a source whose head, or whose apposition, is a proper name; LitBank: speaker_kind "named"; PDNC: a speaker that is neither a placeholder nor a description such as "The Hatter"); a match is the same name or an alternate, or the same surname, with titles, honorifics, suffixes, parentheticals, appositions and modifiers after "of" set aside (docs/ANALYSIS.md, Figures).',
  )
}
