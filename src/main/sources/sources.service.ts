import path from 'node:path'
import { QuotedeskError } from '../../shared/errors'
import type { DocumentFormat, Timing } from '../../shared/schemas/imports'
import type {
  ImportedSource,
  Source,
  SourceCitation,
  SourceCreate,
  SourceImport,
  SourceKind,
  SourceListQuery,
  SourceSummary,
  SourceUpdate,
} from '../../shared/schemas/sources'
import { LIMITS } from '../../shared/text'
import { appendAudit } from '../audit/audit.repo'
import { alignQuote } from '../checks/checks.service'
import { newId, now } from '../clock'
import type { AppContext } from '../context'
import type { SourceRow } from '../db/schema'
import { readDocument } from '../imports'
import { parseTimings, remapTimings } from './source-timings'
import * as repo from './sources.repo'

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    sourceDate: row.source_date,
    body: row.body,
    isConfidential: row.is_confidential === 1,
    notes: row.notes,
    timings: parseTimings(row.timings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toSummary(row: Omit<SourceRow, 'body' | 'timings'> & { length: number }): SourceSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    sourceDate: row.source_date,
    isConfidential: row.is_confidential === 1,
    notes: row.notes,
    length: row.length,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function notFound(id: string): QuotedeskError {
  return new QuotedeskError('not_found', `No source with id ${id}`)
}

/**
 * Adds an interview transcript, document, web page or press release to the library.
 *
 * @example
 *   await createSource(ctx, { kind: 'interview', title: 'Call with the mayor', body: transcript, isConfidential: true })
 */
export async function createSource(ctx: AppContext, input: SourceCreate): Promise<Source> {
  return insertWithAudit(ctx, input, [], {})
}

async function insertWithAudit(
  ctx: AppContext,
  input: SourceCreate,
  timings: Timing[],
  auditDetail: Record<string, unknown>,
): Promise<Source> {
  const stamp = now()
  return ctx.library.db.transaction().execute(async (trx) => {
    const row = await repo.insertSource(trx, {
      id: newId(),
      kind: input.kind,
      title: input.title.trim(),
      url: input.url ?? null,
      outlet: input.outlet ?? null,
      source_date: input.sourceDate ?? null,
      body: input.body ?? '',
      is_confidential: input.isConfidential ? 1 : 0,
      notes: input.notes ?? '',
      timings: JSON.stringify(timings),
      created_at: stamp,
      updated_at: stamp,
    })
    // The audit log never holds a source's title or text: it may be confidential.
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'source',
      subjectId: row.id,
      action: 'created',
      detail: { kind: row.kind, ...auditDetail },
    })
    return toSource(row)
  })
}

const KIND_BY_FORMAT: Record<DocumentFormat, SourceKind> = {
  vtt: 'interview',
  srt: 'interview',
  html: 'web',
  docx: 'document',
  txt: 'document',
  md: 'document',
}

/** A title from the file's name when the document has none: "mayor-call.vtt" → "mayor-call". */
function titleFromFileName(fileName: string): string {
  const base = path.basename(fileName, path.extname(fileName)).trim()
  return base || fileName.trim()
}

/**
 * Reads an uploaded file (.txt, .md, .html, .docx, .vtt, .srt) into a new source: title and
 * date from the document, kind guessed from the format, and a transcript's timings kept.
 * A file that cannot be read leaves the library untouched.
 *
 * @example
 *   await importSource(ctx, { fileName: 'mayor.vtt', dataBase64, isConfidential: true }) // kind 'interview'
 */
export async function importSource(ctx: AppContext, input: SourceImport): Promise<ImportedSource> {
  const doc = await readDocument(input.fileName, Buffer.from(input.dataBase64, 'base64'))
  const title = (doc.title ?? titleFromFileName(input.fileName)).slice(0, LIMITS.title)
  const source = await insertWithAudit(
    ctx,
    {
      kind: input.kind ?? KIND_BY_FORMAT[doc.format],
      title,
      url: doc.url ?? null,
      outlet: doc.outlet?.slice(0, LIMITS.name) ?? null,
      sourceDate: doc.date ?? null,
      body: doc.text,
      isConfidential: input.isConfidential ?? false,
    },
    doc.timings ?? [],
    // The format only: the file's name may be as confidential as its title.
    { importedFrom: doc.format },
  )
  return { ...source, notices: doc.notices }
}

export async function getSource(ctx: AppContext, id: string): Promise<Source> {
  const row = await repo.findSource(ctx.library.db, id)
  if (!row) throw notFound(id)
  return toSource(row)
}

export async function listSources(ctx: AppContext, query: SourceListQuery): Promise<SourceSummary[]> {
  const rows = await repo.listSources(ctx.library.db, { kind: query.kind, limit: query.limit ?? 1000 })
  return rows.map(toSummary)
}

export async function updateSource(ctx: AppContext, input: SourceUpdate): Promise<Source> {
  return ctx.library.db.transaction().execute(async (trx) => {
    // A transcript's timings point into the text, so an edit of the text carries them along.
    let timings: Timing[] | undefined
    if (input.body !== undefined) {
      const before = await repo.findSource(trx, input.id)
      if (!before) throw notFound(input.id)
      const old = parseTimings(before.timings)
      if (old.length > 0) timings = remapTimings(before.body, input.body, old)
    }
    const row = await repo.updateSource(trx, input.id, {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.outlet !== undefined ? { outlet: input.outlet } : {}),
      ...(input.sourceDate !== undefined ? { source_date: input.sourceDate } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(timings !== undefined ? { timings: JSON.stringify(timings) } : {}),
      ...(input.isConfidential !== undefined ? { is_confidential: input.isConfidential ? 1 : 0 } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      updated_at: now(),
    })
    if (!row) throw notFound(input.id)
    const changed = Object.keys(input).filter((key) => key !== 'id')
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'source',
      subjectId: row.id,
      action: 'updated',
      detail: { changed },
    })
    return toSource(row)
  })
}

export async function deleteSource(ctx: AppContext, id: string): Promise<null> {
  return ctx.library.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteSource(trx, id))) throw notFound(id)
    await appendAudit(trx, { actor: ctx.actor(), subjectType: 'source', subjectId: id, action: 'deleted' })
    return null
  })
}

/**
 * The quotes linked to a source, each aligned against it (through the checks' index cache) to
 * say where in the source it was found, so the source view can highlight the cited passages.
 * Nothing is recorded: the verdict returned is the last one a check stored.
 *
 * @example
 *   const [first] = await sourceCitations(ctx, transcript.id) // { match: { start: 120, end: 164, … } }
 */
export async function sourceCitations(ctx: AppContext, id: string): Promise<SourceCitation[]> {
  const db = ctx.library.db
  const source = await repo.findSource(db, id)
  if (!source) throw notFound(id)
  const rows = await repo.quotesCiting(db, id)
  const citations: SourceCitation[] = []
  for (const { article_title, speaker_name, ...quote } of rows) {
    const result = await alignQuote(ctx, db, quote, source)
    citations.push({
      quoteId: quote.id,
      articleId: quote.article_id,
      articleTitle: article_title,
      text: quote.text,
      speakerName: speaker_name ?? quote.speaker_label,
      status: quote.status,
      verdict: quote.verdict,
      match:
        result.verdict !== 'not_found' && result.sourceStart !== null && result.sourceEnd !== null
          ? {
              verdict: result.verdict,
              start: result.sourceStart,
              end: result.sourceEnd,
              timestamp: result.timestamp ?? null,
            }
          : null,
    })
  }
  return citations
}
