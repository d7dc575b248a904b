import type { Timing } from '../../shared/schemas/imports'
import { decodeEntities } from './entities'

/** One subtitle cue: when it starts, who speaks (when the file says), and its text on one line. */
export interface Cue {
  time: string
  speaker?: string
  text: string
}

export interface ParsedCues {
  cues: Cue[]
  /** Blocks that looked like neither a cue nor a note, so the user knows something was left out. */
  skipped: number
  title?: string
}

/** Thrown for a file that is not a transcript at all; readDocument adds the file's name. */
export class TranscriptError extends Error {}

// Hours are optional in WebVTT; SRT writes a comma before the milliseconds (some tools a dot, or fewer digits).
const TIME = String.raw`(?:(\d{1,}):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})`
const TIMING_LINE = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s.*)?$`)

function clockTime(hours: string | undefined, minutes: string, seconds: string, millis: string): string {
  return `${(hours ?? '0').padStart(2, '0')}:${minutes.padStart(2, '0')}:${seconds}.${millis.padEnd(3, '0')}`
}

function timingOf(line: string): string | undefined {
  const match = TIMING_LINE.exec(line)
  if (!match) return undefined
  const [, hours, minutes = '', seconds = '', millis = ''] = match
  return clockTime(hours, minutes, seconds, millis)
}

/** Cue markup (<i>, <c.red>, <00:01.000>, {\an8}) goes; the words stay, on one line. */
export function plainCueText(lines: string[]): string {
  const joined = withoutSpans(withoutSpans(lines.join(' '), '<', '>'), '{\\', '}')
  return decodeEntities(joined).replace(/\s+/g, ' ').trim()
}

/**
 * `text` without each span from `open` to the next `close`, in one pass. The regular expressions
 * this replaced (/<[^>]*>/g) were quadratic on a line of unclosed "<" (issue 12, finding 5's shape):
 * an opener with no closer after it, and everything after it, is kept as written.
 */
function withoutSpans(text: string, open: string, close: string): string {
  let out = ''
  let from = 0
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, from)) {
    const end = text.indexOf(close, at + open.length)
    if (end < 0) break
    out += text.slice(from, at)
    from = end + close.length
  }
  return from === 0 ? text : out + text.slice(from)
}

/** "MARY O'NEIL" → "Mary O'Neil": a caption writer's capitals are not part of the name. */
export function nameCase(label: string): string {
  if (label !== label.toUpperCase()) return label
  return label.toLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_all, before: string, letter: string) => {
    return before + letter.toUpperCase()
  })
}

// "ALICE: …", ">> BOB SMITH: …", "Speaker 2: …" or "Alice Smith: …" at the start of a cue.
const LABEL = /^(?:>>\s*)?(\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*| \d+){0,3}):\s+(?=\S)/u

function labelOf(text: string): string | undefined {
  return LABEL.exec(text)?.[1]
}

/**
 * Moves a leading "NAME:" into the cue's speaker. A mixed-case label ("Alice Smith:") counts
 * only if it starts at least two cues, so one sentence like "However: …" is not taken for a name.
 */
function applyLabels(cues: Cue[]): Cue[] {
  const counts = new Map<string, number>()
  for (const cue of cues) {
    const label = cue.speaker === undefined ? labelOf(cue.text) : undefined
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return cues.map((cue) => {
    if (cue.speaker !== undefined) return cue
    const label = labelOf(cue.text)
    if (!label) return cue
    const isSpeaker = label === label.toUpperCase() || /^Speaker \d+$/i.test(label) || (counts.get(label) ?? 0) >= 2
    if (!isSpeaker) return cue
    return { ...cue, speaker: nameCase(label), text: cue.text.replace(LABEL, '') }
  })
}

function blocksOf(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n'))
    .filter((lines) => lines.some((line) => line.trim() !== ''))
}

/** Reads a WebVTT file (LF line ends, no BOM): its cues, with `<v Name>` as the speaker. */
export function parseVtt(text: string): ParsedCues {
  const [header, ...blocks] = blocksOf(text)
  const first = header?.[0] ?? ''
  if (!/^WEBVTT(?:[ \t]|$)/.test(first))
    throw new TranscriptError('it is not a WebVTT file: it must begin with "WEBVTT"')
  const title = first
    .slice(6)
    .replace(/^[\s\-–—:]+/, '')
    .trim()
  const cues: Cue[] = []
  let skipped = 0
  // A cue may follow the header in the same block when the file has no blank line after "WEBVTT".
  const headerCue = header?.findIndex((line) => timingOf(line) !== undefined) ?? -1
  const all = headerCue > 0 && header ? [header.slice(headerCue), ...blocks] : blocks
  for (const lines of all) {
    const head = lines[0]?.trim() ?? ''
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(head)) continue
    const at = lines.findIndex((line) => timingOf(line) !== undefined)
    // The timing line is the first line, or the second after a cue identifier.
    if (at < 0 || at > 1) {
      skipped++
      continue
    }
    const payload = lines.slice(at + 1)
    const voice = /<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/.exec(payload.join(' '))?.[1]?.trim()
    const cue: Cue = { time: timingOf(lines[at] ?? '') ?? '', text: plainCueText(payload) }
    if (voice) cue.speaker = nameCase(decodeEntities(voice))
    cues.push(cue)
  }
  return { cues: applyLabels(cues), skipped, ...(title ? { title } : {}) }
}

/** Reads a SubRip file (LF line ends, no BOM): numbered cues with a "00:01:02,500 --> …" line. */
export function parseSrt(text: string): ParsedCues {
  const cues: Cue[] = []
  let skipped = 0
  for (const lines of blocksOf(text)) {
    const at = lines.findIndex((line) => timingOf(line) !== undefined)
    if (at < 0 || at > 1 || (at === 1 && !/^\s*\d+\s*$/.test(lines[0] ?? ''))) {
      skipped++
      continue
    }
    cues.push({ time: timingOf(lines[at] ?? '') ?? '', text: plainCueText(lines.slice(at + 1)) })
  }
  return { cues: applyLabels(cues), skipped }
}

/**
 * Lays cues out as the stored text: one cue per line, "Name: " where a speaker's turn starts,
 * and a blank line between turns. Each line's offsets and start time become a timing.
 */
export function layoutCues(cues: Cue[]): { text: string; timings: Timing[] } {
  let text = ''
  const timings: Timing[] = []
  let speaker: string | undefined
  for (const cue of cues) {
    if (cue.text === '') continue
    const isNewTurn = cue.speaker !== undefined && cue.speaker !== speaker
    if (text !== '') text += isNewTurn ? '\n\n' : '\n'
    const start = text.length
    text += isNewTurn ? `${cue.speaker}: ${cue.text}` : cue.text
    timings.push({ start, end: text.length, time: cue.time })
    if (cue.speaker !== undefined) speaker = cue.speaker
  }
  return { text, timings }
}
