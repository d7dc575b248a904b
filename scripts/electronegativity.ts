import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CSP_META } from '../src/renderer/csp'

/**
 * The Electronegativity gate (notes F5/E11). The scanner exits 0 whatever it finds, so this
 * script runs it through its programmatic API, fails on every finding that
 * electronegativity.config.json does not justify (and on files it could not parse, and on
 * allowlist entries that no longer match anything), and prints the counts by severity.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const CONFIG_FILE = path.join(ROOT, 'electronegativity.config.json')

interface Level {
  value: number
  name: string
}

interface Issue {
  id: string
  file: string
  location: { line: number; column: number }
  severity: Level
  confidence: Level
  description: string
  sample?: string
  manualReview: boolean
}

interface RunResult {
  issues: Issue[]
  errors: { file: string; message: string; tolerable: boolean }[]
  globalChecks: number
  atomicChecks: number
}

type Run = (options: {
  input: string
  electronVersionOverride: string
  excludeFromScan: string[]
  isRelative: boolean
}) => Promise<RunResult>

export interface AllowEntry {
  id: string
  /** Relative to the scanned folder (src/), or "N/A" for global checks. */
  file: string
  /** Optional: the finding's code sample must contain this, so a second call in the same file is not covered. */
  sample?: string
  why: string
}

export interface GateConfig {
  electronVersion: string
  /** Check class names (`-x` takes class names, not ids) with why each is off. */
  excludeChecks: Record<string, string>
  allow: AllowEntry[]
}

export interface Finding {
  id: string
  file: string
  line: number
  severity: string
  confidence: string
  description: string
  allowedBy: AllowEntry | null
}

export interface GateResult {
  findings: Finding[]
  bySeverity: Record<string, { total: number; unjustified: number }>
  parseErrors: string[]
  staleAllowEntries: AllowEntry[]
  checksLoaded: number
  ms: number
  passed: boolean
}

export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const

export function readConfig(file = CONFIG_FILE): GateConfig {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as GateConfig
}

/**
 * src/ as the app ships it: the strict CSP is injected into index.html at build time (the dev
 * server needs a looser one), so the scanner reads a copy of src/ whose index.html carries the
 * same meta tag the build adds. Without it the scanner would report "no CSP" for the source tree.
 */
function stageSources(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-scan-'))
  fs.cpSync(path.join(ROOT, 'src'), dir, { recursive: true })
  const html = path.join(dir, 'renderer', 'index.html')
  if (fs.existsSync(html)) {
    const source = fs.readFileSync(html, 'utf8')
    fs.writeFileSync(
      html,
      source.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`),
    )
  }
  return dir
}

function allowedBy(issue: Issue, config: GateConfig): AllowEntry | null {
  return (
    config.allow.find(
      (entry) =>
        entry.id === issue.id &&
        entry.file === issue.file &&
        (entry.sample === undefined || (issue.sample ?? '').includes(entry.sample)),
    ) ?? null
  )
}

/** Scans `input` (default: the staged src/) and judges the findings against the allowlist. */
export async function runGate(options: { input?: string; config?: GateConfig } = {}): Promise<GateResult> {
  const config = options.config ?? readConfig()
  const staged = options.input === undefined ? stageSources() : null
  const input = options.input ?? staged ?? ''
  const started = performance.now()
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run
  // The scanner logs its own progress notes (e.g. "Could not retrieve updated translations").
  const log = console.log
  console.log = () => {}
  let result: RunResult
  try {
    result = await run({
      input,
      electronVersionOverride: config.electronVersion,
      excludeFromScan: Object.keys(config.excludeChecks),
      isRelative: true,
    })
  } finally {
    console.log = log
    if (staged) fs.rmSync(staged, { recursive: true, force: true })
  }
  const findings: Finding[] = result.issues.map((issue) => ({
    id: issue.id,
    file: issue.file,
    line: issue.location.line,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    description: issue.description,
    allowedBy: allowedBy(issue, config),
  }))
  const bySeverity: GateResult['bySeverity'] = {}
  for (const severity of SEVERITIES) bySeverity[severity] = { total: 0, unjustified: 0 }
  for (const finding of findings) {
    const counts = (bySeverity[finding.severity] ??= { total: 0, unjustified: 0 })
    counts.total++
    if (!finding.allowedBy) counts.unjustified++
  }
  const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`)
  const staleAllowEntries = config.allow.filter((entry) => !findings.some((f) => f.allowedBy === entry))
  const passed = findings.every((f) => f.allowedBy) && parseErrors.length === 0 && staleAllowEntries.length === 0
  return {
    findings,
    bySeverity,
    parseErrors,
    staleAllowEntries,
    checksLoaded: result.globalChecks + result.atomicChecks,
    ms: performance.now() - started,
    passed,
  }
}

export function report(result: GateResult): string {
  const lines = [
    `Electronegativity ${result.passed ? 'passed' : 'FAILED'}: ${result.checksLoaded} checks, ${result.findings.length} findings in ${(result.ms / 1000).toFixed(1)} s`,
    ...SEVERITIES.map((s) => {
      const counts = result.bySeverity[s] ?? { total: 0, unjustified: 0 }
      return `  ${s.padEnd(13)} ${String(counts.total).padStart(3)} found, ${counts.unjustified} not justified`
    }),
  ]
  for (const f of result.findings) {
    const verdict = f.allowedBy
      ? `allowed: ${f.allowedBy.why}`
      : 'NOT JUSTIFIED — fix it or justify it in electronegativity.config.json'
    lines.push(`  ${f.severity}/${f.confidence} ${f.id} ${f.file}:${f.line} — ${verdict}`)
  }
  for (const error of result.parseErrors) lines.push(`  could not parse (a blind spot): ${error}`)
  for (const entry of result.staleAllowEntries) {
    lines.push(`  allowlist entry matches nothing, remove it: ${entry.id} ${entry.file}`)
  }
  return `${lines.join('\n')}\n`
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await runGate()
  process.stdout.write(report(result))
  if (!result.passed) process.exitCode = 1
}
