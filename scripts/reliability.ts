import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkLibraryFile } from '../src/main/backup/backup.service'
import { main } from '../src/main/cli/main'
import { openLibrary } from '../src/main/db/connection'
import { CHANNELS } from '../src/shared/contract'
import {
  checkLibrary,
  freshLibrary,
  runCrashTrials,
  startBusyWriter,
  WriterPool,
  type CrashFigures,
} from '../test/reliability/crash-harness'
import { runAttacks, type AttackResult } from '../test/reliability/attacks'
import { fuzzAnalysis, fuzzDispatch, type FuzzFigures } from '../test/reliability/fuzz'
import { runHostileInputs, summarise, type HostileOutcome } from '../test/reliability/hostile'
import { report as scanReport, runGate, SEVERITIES, type GateResult } from './electronegativity'

/**
 * `npm run reliability`: the full reliability run (docs/RELIABILITY.md). Prints one table of
 * figures and exits non-zero if any must-be-zero figure is not zero. `--out FILE` also writes the
 * report as Markdown. QUOTEDESK_SEED replays a run.
 */

const KILLS = 100
const CONTROL_KILLS = 20
const BACKUPS_UNDER_LOAD = 5
const FUZZ_RUNS = 2000
const ANALYSIS_RUNS = 5000

const seed = Number(process.env.QUOTEDESK_SEED ?? Date.now() % 2 ** 31)
const outIndex = process.argv.indexOf('--out')
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : undefined
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-reliability-'))

function progress(text: string): void {
  process.stderr.write(`[reliability] ${text}\n`)
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  progress(`${label}…`)
  const started = performance.now()
  const value = await run()
  const seconds = (performance.now() - started) / 1000
  progress(`${label}: ${seconds.toFixed(1)} s`)
  return { value, seconds }
}

async function hostileRun(): Promise<HostileOutcome[]> {
  const library = await openLibrary(path.join(work, 'hostile.quotedesk'))
  try {
    return await runHostileInputs({ library, workDir: fs.mkdtempSync(path.join(work, 'inputs-')) })
  } finally {
    await library.close()
  }
}

async function backupsUnderLoad(pool: WriterPool): Promise<{ passed: number; problems: string[] }> {
  const file = await freshLibrary(work, 'busy.quotedesk')
  const writer = await startBusyWriter(pool, { file, mode: 'tx', first: 1 })
  const problems: string[] = []
  let passed = 0
  try {
    for (let round = 1; round <= BACKUPS_UNDER_LOAD; round++) {
      await writer.waitForAcks(round * 10)
      const acked = writer.acks()
      const out = path.join(work, `busy-backup-${round}.quotedesk`)
      let stderr = ''
      const code = await main(['--db', file, 'backup', '--out', out], {
        stdout: () => {},
        stderr: (text) => (stderr += text),
        env: {},
        cwd: work,
      })
      const check = code === 0 ? await checkLibrary(out, acked) : null
      const problem =
        code !== 0
          ? `backup ${round} failed: ${stderr.trim()}`
          : ((await checkLibraryFile(out)).problem ??
            (check && (check.integrity.length || check.lost.length || check.partial.length || check.openError)
              ? `backup ${round}: ${JSON.stringify(check).slice(0, 300)}`
              : null))
      if (problem) problems.push(problem)
      else passed++
    }
  } finally {
    await writer.stop()
  }
  return { passed, problems }
}

interface Row {
  area: string
  figure: string
  value: string
  target: string
  ok: boolean | null
}

function figuresTable(
  hostile: HostileOutcome[],
  crash: CrashFigures,
  control: CrashFigures,
  backups: { passed: number; problems: string[] },
  fuzz: FuzzFigures[],
  analysis: ReturnType<typeof fuzzAnalysis>,
  scan: GateResult,
  attacks: AttackResult[],
): Row[] {
  const h = summarise(hostile)
  const channels = fuzz.filter((f) => f.target !== '(channel names)')
  const names = fuzz.find((f) => f.target === '(channel names)')
  const sum = (key: keyof Omit<FuzzFigures, 'target' | 'examples'>, list = fuzz) => list.reduce((n, f) => n + f[key], 0)
  const fuzzBad = sum('threw') + sum('notEnvelope') + sum('notCloneable') + sum('internal') + sum('badOutput')
  const minRuns = Math.min(...channels.map((f) => f.runs))
  const analysisBad = analysis.threw + analysis.badOffsets + analysis.nondeterministic + analysis.splitPairs
  const unjustified = SEVERITIES.reduce((n, s) => n + (scan.bySeverity[s]?.unjustified ?? 0), 0)
  const findings = new Set(attacks.map((a) => a.attack.finding))
  const broken = attacks.filter((a) => !a.held && a.notStaged === undefined)
  const unstaged = attacks.filter((a) => a.notStaged !== undefined)
  return [
    { area: 'Hostile inputs', figure: 'inputs tried', value: String(h.tried), target: '≥ 40', ok: h.tried >= 40 },
    { area: '', figure: 'imported correctly', value: String(h.imported), target: '—', ok: null },
    { area: '', figure: 'refused with a clear message', value: String(h.rejected), target: '—', ok: null },
    {
      area: '',
      figure: 'known defects (reported, listed below)',
      value: String(h.knownDefects),
      target: '—',
      ok: null,
    },
    {
      area: '',
      figure: 'failed / crashed / hung / partial writes',
      value: `${h.failed} / ${h.crashed} / ${h.hung} / ${h.partialWrites}`,
      target: '0',
      ok: h.failed + h.crashed + h.hung + h.partialWrites === 0,
    },
    {
      area: 'Red-team attacks (issue 12)',
      figure: 'attacks tried (fault classes)',
      value: `${attacks.length} (${findings.size})`,
      target: '—',
      ok: null,
    },
    {
      area: '',
      figure: 'attacks that got through',
      value: String(broken.length),
      target: '0',
      ok: broken.length === 0,
    },
    {
      area: '',
      figure: 'attacks this machine could not stage (listed below)',
      value: String(unstaged.length),
      target: '—',
      ok: null,
    },
    {
      area: 'SIGKILL during writes',
      figure: 'kills of one library file',
      value: String(crash.trials),
      target: `≥ ${KILLS}`,
      ok: crash.trials >= KILLS,
    },
    {
      area: '',
      figure: 'commits acknowledged',
      value: String(crash.acknowledged),
      target: `> ${KILLS}`,
      ok: crash.acknowledged > KILLS,
    },
    { area: '', figure: 'acknowledged commits lost', value: String(crash.lost), target: '0', ok: crash.lost === 0 },
    { area: '', figure: 'batches half-applied', value: String(crash.partial), target: '0', ok: crash.partial === 0 },
    {
      area: '',
      figure: 'integrity / foreign-key / reopen / writer failures',
      value: `${crash.integrityFailures} / ${crash.foreignKeyFailures} / ${crash.openFailures} / ${crash.writerFailures}`,
      target: '0',
      ok: crash.integrityFailures + crash.foreignKeyFailures + crash.openFailures + crash.writerFailures === 0,
    },
    {
      area: 'Control: batch without a transaction',
      figure: 'kills in which the harness caught it',
      value: `${control.caught} / ${control.trials}`,
      target: '≥ 1',
      ok: control.caught >= 1 && control.writerFailures === 0,
    },
    {
      area: 'Online backup under load',
      figure: 'backups passing integrity_check with every prior ack',
      value: `${backups.passed} / ${BACKUPS_UNDER_LOAD}`,
      target: 'all',
      ok: backups.passed === BACKUPS_UNDER_LOAD,
    },
    {
      area: 'IPC fuzz',
      figure: 'channels × payloads (min per channel)',
      value: `${channels.length} × ${minRuns}`,
      target: `all ${CHANNELS.length} × ≥ ${FUZZ_RUNS}`,
      ok: channels.length === CHANNELS.length && minRuns >= FUZZ_RUNS,
    },
    {
      area: '',
      figure: 'payloads that reached a handler (ok)',
      value: String(sum('ok', channels)),
      target: '—',
      ok: null,
    },
    {
      area: '',
      figure: 'hostile channel names tried (`__proto__`, `constructor`, `""`, random)',
      value: String(names?.runs ?? 0),
      target: `≥ ${FUZZ_RUNS}`,
      ok: (names?.runs ?? 0) >= FUZZ_RUNS,
    },
    {
      area: '',
      figure: 'threw / not an envelope / not cloneable / internal / bad output',
      value: `${sum('threw')} / ${sum('notEnvelope')} / ${sum('notCloneable')} / ${sum('internal')} / ${sum('badOutput')}`,
      target: '0',
      ok: fuzzBad === 0,
    },
    {
      area: 'Analysis fuzz',
      figure: 'random texts; threw / bad offsets / split pairs / nondeterministic',
      value: `${analysis.runs}; ${analysis.threw} / ${analysis.badOffsets} / ${analysis.splitPairs} / ${analysis.nondeterministic}`,
      target: '0',
      ok: analysisBad === 0,
    },
    {
      area: 'Electronegativity (src/, Electron 45)',
      figure: 'findings HIGH / MEDIUM / LOW / INFO',
      value: SEVERITIES.map((s) => scan.bySeverity[s]?.total ?? 0).join(' / '),
      target: 'each justified',
      ok: null,
    },
    {
      area: '',
      figure: 'not justified / unparsed files / stale allowlist entries',
      value: `${unjustified} / ${scan.parseErrors.length} / ${scan.staleAllowEntries.length}`,
      target: '0',
      ok: scan.passed,
    },
  ]
}

function markdownTable(headers: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ')
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n')
}

const pool = await WriterPool.create()
let rows: Row[]
let report: string
try {
  const scan = await timed('Electronegativity', () => runGate())
  const hostile = await timed('hostile inputs', hostileRun)
  const attacks = await timed('red-team attacks', () => runAttacks())
  const crash = await timed(`${KILLS} SIGKILL trials`, async () =>
    runCrashTrials({ file: await freshLibrary(work, 'crash.quotedesk'), trials: KILLS, mode: 'tx', seed, pool }),
  )
  const control = await timed(`${CONTROL_KILLS} control trials`, async () =>
    runCrashTrials({
      file: await freshLibrary(work, 'control.quotedesk'),
      trials: CONTROL_KILLS,
      mode: 'broken',
      seed: seed + 1,
      pool,
    }),
  )
  const backups = await timed('backups under load', () => backupsUnderLoad(pool))
  const fuzz = await timed(`IPC fuzz, ${FUZZ_RUNS} per channel`, async () => {
    const library = await openLibrary(path.join(work, 'fuzz.quotedesk'))
    try {
      return await fuzzDispatch(library, FUZZ_RUNS, seed)
    } finally {
      await library.close()
    }
  })
  const analysis = await timed('analysis fuzz', async () => fuzzAnalysis(ANALYSIS_RUNS, seed))

  rows = figuresTable(
    hostile.value,
    crash.value,
    control.value,
    backups.value,
    fuzz.value,
    analysis.value,
    scan.value,
    attacks.value,
  )
  const seconds = [scan, hostile, attacks, crash, control, backups, fuzz, analysis].reduce((n, t) => n + t.seconds, 0)
  const figures = markdownTable(
    ['Area', 'Figure', 'Value', 'Target', ''],
    rows.map((r) => [r.area, r.figure, r.value, r.target, r.ok === null ? '' : r.ok ? 'ok' : 'FAIL']),
  )
  const inputs = markdownTable(
    ['#', 'Input', 'Expected', 'Ended', 'ms', 'Verdict'],
    hostile.value.map((o) => [
      o.id,
      o.title,
      o.expected,
      `${o.ending}: ${o.detail.slice(0, 110)}`,
      o.ms.toFixed(0),
      o.knownDefect ? `known defect: ${o.knownDefect}` : o.problems.length ? `FAIL: ${o.problems.join('; ')}` : 'ok',
    ]),
  )
  const attackTable = markdownTable(
    ['Finding', '#', 'Attack', 'What happened', 'ms', 'Verdict'],
    attacks.value.map((a) => [
      String(a.attack.finding),
      a.attack.id,
      a.attack.title,
      a.detail.slice(0, 160),
      a.ms.toFixed(0),
      a.notStaged !== undefined ? `not staged: ${a.notStaged}` : a.held ? 'held' : 'GOT THROUGH',
    ]),
  )
  const perChannel = markdownTable(
    ['Channel', 'Payloads', 'Reached handler (ok)', 'Failures'],
    fuzz.value.map((f) => [
      f.target,
      String(f.runs),
      String(f.ok),
      String(f.threw + f.notEnvelope + f.notCloneable + f.internal + f.badOutput),
    ]),
  )
  const problems = [
    ...crash.value.problems,
    ...control.value.problems,
    ...backups.value.problems,
    ...fuzz.value.flatMap((f) => f.examples),
    ...analysis.value.examples,
  ]
  report = [
    `Quotedesk reliability run — seed ${seed}, ${os.cpus().length} CPUs, Node ${process.version}, ${seconds.toFixed(0)} s`,
    '',
    figures,
    '',
    `Crash trials: ${(crash.value.wallMs / crash.value.trials).toFixed(0)} ms each; control: ${control.value.caught} of ${control.value.trials} kills landed inside a batch.`,
    '',
    '### Hostile inputs',
    '',
    inputs,
    '',
    '### Red-team attacks',
    '',
    attackTable,
    '',
    '### IPC fuzz per channel',
    '',
    perChannel,
    '',
    '### Electronegativity',
    '',
    '```',
    scanReport(scan.value).trimEnd(),
    '```',
    ...(problems.length ? ['', '### Problems', '', ...problems.map((p) => `- ${p}`)] : []),
    '',
  ].join('\n')
} finally {
  await pool.close()
  fs.rmSync(work, { recursive: true, force: true })
}

process.stdout.write(report)
if (outFile) fs.writeFileSync(outFile, report)
const failing = rows.filter((r) => r.ok === false)
if (failing.length > 0) {
  process.stderr.write(`\nreliability: FAILED — ${failing.map((r) => r.figure).join('; ')}\n`)
  process.exitCode = 1
}
