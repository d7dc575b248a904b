import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { analyze, type Analysis, type KnownEntity } from '../../../shared/analysis'
import { decodeTextFile } from '../../imports/decode'
import { CliError, libraryPath, withLibrary, type CliContext } from '../context'
import { inline, toSafeJson } from '../terminal-text'
import { readError, readFile } from './import'

/** The published shape of `quotedesk analyze --json` (offsets are UTF-16 code units into `text`). */
function toJson(analysis: Analysis) {
  return {
    text: analysis.text,
    quotes: analysis.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      partial: q.partial,
      kind: q.kind,
      speaker: q.speaker
        ? {
            name: q.speaker.name,
            ...(q.speaker.entityId ? { entityId: q.speaker.entityId } : {}),
            ...(q.speaker.kind ? { kind: q.speaker.kind } : {}),
          }
        : null,
      confidence: q.confidence,
      cue: q.cue,
      needsReview: q.needsReview,
      group: q.groupId,
    })),
    entities: analysis.entities.map((e) => ({
      name: e.name,
      kind: e.kind,
      aliases: e.aliases,
      ...(e.entityId ? { entityId: e.entityId } : {}),
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end })),
      roles: e.roles,
    })),
  }
}

function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ')
  return inline(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat)
}

function report(file: string, analysis: Analysis): string {
  const lines = [`${inline(file)}: ${analysis.quotes.length} quotes, ${analysis.entities.length} entities`, '']
  for (const q of analysis.quotes) {
    // A speaker that is not a person says what it is: "the company (organization, 0.55)".
    const who = q.speaker
      ? `${inline(q.speaker.name)}${q.speaker.kind && q.speaker.kind !== 'person' ? ` (${q.speaker.kind})` : ''}`
      : 'no speaker found'
    const cue = q.cue ? ` — “${oneLine(analysis.text.slice(q.cue.start, q.cue.end), 40)}”` : ''
    const flags = [
      q.partial ? 'partial' : '',
      q.kind === 'document' || q.kind === 'block' ? q.kind : '',
      q.needsReview ? 'CHECK' : '',
    ]
      .filter(Boolean)
      .join(', ')
    lines.push(`${String(q.start).padStart(6)}  ${oneLine(q.text)}`)
    lines.push(`        ${who} (${q.confidence.toFixed(2)})${cue}${flags ? `  [${flags}]` : ''}`)
  }
  if (analysis.entities.length > 0) lines.push('', 'Entities:')
  for (const e of analysis.entities) {
    const aliases = e.aliases.length > 0 ? ` (also ${e.aliases.map(inline).join(', ')})` : ''
    const roles = e.roles.map((r) => inline(r.of ? `${r.role} of ${r.of}` : r.role)).join('; ')
    lines.push(`  ${e.kind.padEnd(12)} ${inline(e.name)}${aliases} — ${e.mentions.length}×${roles ? `; ${roles}` : ''}`)
  }
  return `${lines.join('\n')}\n`
}

async function knownEntities(ctx: CliContext): Promise<KnownEntity[]> {
  // Analysing a file must not create a library as a side effect: use one only if it exists.
  if (!fs.existsSync(libraryPath(ctx))) return []
  return withLibrary(ctx, async (handlers) => {
    const entities = await handlers['entities:list']({ limit: 10_000 })
    return entities.map((e) => ({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases }))
  })
}

export function registerAnalyze(program: Command, ctx: CliContext): void {
  program
    .command('analyze')
    .description('list every quotation in a .txt or .md file with its speaker, and the entities it names')
    .argument('<file>', 'the article to analyse')
    .option('--json', 'print one JSON object (offsets are UTF-16 code units into "text")')
    .action(async (file: string, options: { json?: boolean }) => {
      let bytes: Buffer
      try {
        bytes = await readFile(path.resolve(ctx.io.cwd ?? process.cwd(), file))
      } catch (err) {
        throw new CliError(readError(file, err))
      }
      const { text } = decodeTextFile(path.basename(file), bytes, { keepLineEnds: true })
      const analysis = analyze(text, { knownEntities: await knownEntities(ctx) })
      ctx.io.stdout(options.json ? `${toSafeJson(toJson(analysis))}\n` : report(file, analysis))
    })
}
