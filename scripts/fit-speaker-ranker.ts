// `QUOTEDESK_POLNEAR=DIR [QUOTEDESK_PDNC=DIR] npx tsx scripts/fit-speaker-ranker.ts [--write]`:
// fits the speaker ranker's weights (src/shared/analysis/speaker-rank.ts) on the outside-labelled
// development data, PolNeAR's train split, LitBank dev and, when named, PDNC's mid-novel excerpts,
// and reports what they do in five-fold cross-validation (by document; PDNC by novel): each fold
// is analysed with weights fitted on the other four, through the whole analyser, and scored as
// `npm run eval` scores it. With PDNC it also scores the openings of the novels LitBank does not
// hold, with weights fitted without those novels. `--write` saves the weights fitted on all
// documents to speaker-rank-weights.ts. Only numbers are written; no text of the data.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { NOT_IN_LITBANK, loadPdnc, loadPdncOpenings, novelOf } from './eval/pdnc'
import { loadPolnearTrain } from './eval/polnear'
import { type Example, fitWeights } from './eval/rank-fit'
import { analyze } from '../src/shared/analysis/index'
import {
  type GoldDocument,
  type GoldQuote,
  MIN_IOU,
  iou,
  namedOnly,
  scoreDocument,
  speakerMatches,
  splitPieces,
  totals,
} from '../src/shared/analysis/eval-score'
import {
  RANK_FEATURES,
  RULES_ONLY,
  type RankModel,
  type RankTrace,
  type RankWeights,
} from '../src/shared/analysis/speaker-rank'
import { litbank } from '../test/fixtures/litbank/index'

const FOLDS = 5

interface Corpus {
  name: string
  docs: GoldDocument[]
  /** The cross-validation fold of document `doc`, number `d` of the corpus. */
  foldOf: (doc: GoldDocument, d: number) => number
}

/** The gold quotation a ranked quotation matches (IoU ≥ MIN_IOU on some piece), if any. */
function goldFor(doc: GoldDocument, trace: RankTrace): GoldQuote | undefined {
  const mine = splitPieces(doc.text, trace.start, trace.end)
  let best: GoldQuote | undefined
  let top = MIN_IOU
  for (const q of doc.quotes) {
    if (q.end <= trace.start || q.start >= trace.end) continue
    for (const g of splitPieces(doc.text, q.start, q.end))
      for (const p of mine) {
        const score = iou(g, p)
        if (score >= top) [best, top] = [q, score]
      }
  }
  return best
}

function examplesOf(doc: GoldDocument, model: RankModel): Example[] {
  const traces: RankTrace[] = []
  analyze(doc.text, { rank: { model, onRanked: (t) => traces.push(t) } })
  const out: Example[] = []
  for (const trace of traces) {
    const gold = goldFor(doc, trace)
    if (gold === undefined || !namedOnly(gold)) continue
    const positive = trace.names.map((name) => speakerMatches(name, gold))
    if (!positive.includes(true)) continue
    out.push({ features: trace.features, positive, nobody: trace.rules < 0, dialogue: trace.dialogue })
  }
  return out
}

/**
 * Dialogue and other weights, each fitted on the quotations of its kind of text. Dialogue weights
 * are fitted only when there is fiction to fit on beyond our development set (PDNC): fitted on
 * LitBank dev alone they lost to the rules in cross-validation (0.801 against 0.809, 2026-12-02),
 * and the rules had been tuned on that very set.
 */
function fit(examples: Example[], fitDialogue: boolean): RankModel {
  return {
    dialogue: fitDialogue
      ? fitWeights(
          examples.filter((e) => e.dialogue),
          RULES_ONLY.dialogue,
        )
      : RULES_ONLY.dialogue,
    other: fitWeights(
      examples.filter((e) => !e.dialogue),
      RULES_ONLY.other,
    ),
  }
}

/** Named-speaker accuracy of `docs` analysed with `model`, as `npm run eval` counts it. */
function accuracy(docs: GoldDocument[], model: RankModel): { correct: number; total: number } {
  const scores = docs.map((doc) =>
    scoreDocument(
      doc,
      analyze(doc.text, { rank: { model } }).quotes.map((q) => ({
        start: q.start,
        end: q.end,
        speaker: q.speaker?.name ?? null,
      })),
      { countsForSpeaker: namedOnly },
    ),
  )
  const t = totals(scores)
  return { correct: t.speakerCorrect, total: t.speakerTotal }
}

const cell = (x: { correct: number; total: number }): string =>
  `${(x.correct / x.total).toFixed(3)} (${x.total - x.correct} wrong of ${x.total})`

function main(): void {
  const polnear = process.env.QUOTEDESK_POLNEAR
  if (polnear === undefined || polnear === '') {
    console.error('Set QUOTEDESK_POLNEAR to a local copy of the PolNeAR repository: its train split is fitted on.')
    process.exit(2)
  }
  const pdnc = process.env.QUOTEDESK_PDNC
  const hasPdnc = pdnc !== undefined && pdnc !== ''
  if (!hasPdnc)
    console.log(
      'PDNC: not read. Set QUOTEDESK_PDNC to a local copy of the Project Dialogism Novel Corpus to fit the dialogue weights too.\n',
    )
  // Folds: PolNeAR and LitBank by document; PDNC by novel, so no novel is both fitted and scored.
  const pdncDocs = hasPdnc ? loadPdnc(pdnc) : []
  const novels = [...new Set(pdncDocs.map(novelOf))]
  const corpora: Corpus[] = [
    { name: 'PolNeAR train', docs: loadPolnearTrain(polnear), foldOf: (_, d) => d % FOLDS },
    { name: 'LitBank dev', docs: litbank, foldOf: (_, d) => d % FOLDS },
  ]
  if (hasPdnc)
    corpora.push({
      name: 'PDNC mid-novel excerpts',
      docs: pdncDocs,
      foldOf: (doc) => novels.indexOf(novelOf(doc)) % FOLDS,
    })
  // Examples are read once, with the rules' picks deciding the turns that later quotes lean on.
  // PDNC gives dialogue examples only: the other weights are news's, and fiction's few quotes
  // outside dialogue (a story told with cues) pulled them away from it (PolNeAR 0.940 -> 0.933).
  const examples = corpora.map((c) =>
    c.docs.map((doc) => examplesOf(doc, RULES_ONLY).filter((e) => c.docs !== pdncDocs || e.dialogue)),
  )
  const rows: string[] = []
  for (const [ci, corpus] of corpora.entries()) {
    const sums = [0, 1].map(() => ({ correct: 0, total: 0 }))
    for (let fold = 0; fold < FOLDS; fold++) {
      const inFold = (d: number): boolean => corpus.foldOf(corpus.docs[d]!, d) === fold
      const training = examples.flatMap((byDoc, cj) => byDoc.flatMap((ex, d) => (cj === ci && inFold(d) ? [] : ex)))
      const held = corpus.docs.filter((_, d) => inFold(d))
      ;[RULES_ONLY, fit(training, hasPdnc)].forEach((model, m) => {
        const a = accuracy(held, model)
        sums[m] = { correct: sums[m]!.correct + a.correct, total: sums[m]!.total + a.total }
      })
    }
    rows.push(`| ${corpus.name} | ${sums.map(cell).join(' | ')} |`)
  }
  if (hasPdnc) {
    // The openings of the novels LitBank does not hold, with weights fitted without those novels:
    // the nearest thing to LitBank's unseen half.
    const held = new Set(NOT_IN_LITBANK.map((n) => `pdnc-${n}`))
    const training = examples.flatMap((byDoc, cj) =>
      byDoc.flatMap((ex, d) => (corpora[cj]!.docs === pdncDocs && held.has(novelOf(pdncDocs[d]!)) ? [] : ex)),
    )
    const openings = loadPdncOpenings(pdnc)
    const cells = [RULES_ONLY, fit(training, true)].map((model) => cell(accuracy(openings, model)))
    rows.push(`| PDNC openings, novels not in LitBank (weights fitted without those novels) | ${cells.join(' | ')} |`)
  }
  const all = fit(examples.flat(2), hasPdnc)
  console.log(`${examples.flat(2).length} ranked quotations with a named gold speaker among their candidates.\n`)
  console.log('| set | rules only | ranker (cross-validated) |')
  console.log('|---|---|---|')
  for (const row of rows) console.log(row)
  const rounded = (w: RankWeights): Record<string, number> =>
    Object.fromEntries(RANK_FEATURES.map((f, i) => [f, Math.round(w[i]! * 1000) / 1000]))
  const dialogue = rounded(all.dialogue)
  const other = rounded(all.other)
  const counts = { dialogue: examples.flat(2).filter((e) => e.dialogue).length, other: 0 }
  counts.other = examples.flat(2).length - counts.dialogue
  console.log(`\nWeights fitted on all documents (dialogue: ${counts.dialogue} quotations; other: ${counts.other}):`)
  console.log('| feature | dialogue | other |')
  console.log('|---|---|---|')
  for (const f of RANK_FEATURES) console.log(`| ${f} | ${dialogue[f]} | ${other[f]} |`)
  if (process.argv.includes('--write')) {
    const file = fileURLToPath(new URL('../src/shared/analysis/speaker-rank-weights.ts', import.meta.url))
    const about = `Fitted by scripts/fit-speaker-ranker.ts on ${corpora.map((c) => `${c.name} (${c.docs.length} documents)`).join(', ')}. Numbers only.`
    writeFileSync(
      file,
      `// Weights of the speaker ranker (speaker-rank.ts), written by \`npm run fit-ranker -- --write\`.\n// ${about}\n// A module rather than JSON, so every loader (bundler, tsx, Playwright) reads it alike.\nexport const FITTED = ${JSON.stringify({ dialogue, other }, null, 2)} as const satisfies Record<'dialogue' | 'other', Record<string, number>>\n`,
    )
    console.log(`\nWrote ${file}`)
  }
}

main()
