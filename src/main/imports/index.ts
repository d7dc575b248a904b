import path from 'node:path'
import { QuotedeskError } from '../../shared/errors'
import type { DocumentFormat, Timing } from '../../shared/schemas/imports'
import { LIMITS } from '../../shared/text'
import { checkSize, decodeBytes, importError, markdownTitle, normalizeLineEnds, sniffText } from './decode'
import { readDocx } from './docx'
import { declaredCharset, readHtml } from './html'
import { readInWorker } from './isolate'
import { markupShape, MAX_MARKUP_NODES } from './markup'
import { layoutCues, parseSrt, parseVtt, TranscriptError, type ParsedCues } from './transcript'

/** What any imported file becomes: its text as stored (LF line ends), and what the file said about itself. */
export interface DecodedDocument {
  text: string
  format: DocumentFormat
  title?: string | undefined
  byline?: string | undefined
  /** The publication date the file states, as YYYY-MM-DD. */
  date?: string | undefined
  /** A web page's canonical http(s) address. */
  url?: string | undefined
  /** A web page's site name. */
  outlet?: string | undefined
  /** For a timed transcript: when each line was said, with its offsets in `text`. */
  timings?: Timing[] | undefined
  /** Repairs made on the way, for the user to see, e.g. "removed 3 NUL bytes". */
  notices: string[]
}

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.vtt': 'vtt',
  '.srt': 'srt',
}

/** The format a file name says, or a message listing what Quotedesk reads. */
export function formatOf(fileName: string): DocumentFormat {
  const ext = path.extname(fileName).toLowerCase()
  const format = FORMATS[ext]
  if (!format) {
    throw importError(
      fileName,
      `Quotedesk imports .txt, .md, .html, .docx, .vtt and .srt files; "${ext || 'no extension'}" is not supported`,
    )
  }
  return format
}

/** Removes NUL characters (SQLite's length() stops at one) and lone surrogates (storage would garble them). */
function repair(text: string, notices: string[]): string {
  let out = text
  const nuls = out.split('\u0000').length - 1
  if (nuls > 0) {
    out = out.replaceAll('\u0000', '')
    notices.push(`removed ${nuls} NUL byte${nuls === 1 ? '' : 's'}`)
  }
  if (!out.isWellFormed()) {
    out = out.toWellFormed()
    notices.push('replaced broken characters (lone surrogates) with �')
  }
  return out
}

function fromTranscript(fileName: string, format: 'vtt' | 'srt', text: string): DecodedDocument {
  let parsed: ParsedCues
  try {
    parsed = format === 'vtt' ? parseVtt(text) : parseSrt(text)
  } catch (err) {
    if (err instanceof TranscriptError) throw importError(fileName, err.message)
    throw err
  }
  const { text: laidOut, timings } = layoutCues(parsed.cues)
  if (timings.length === 0) {
    throw importError(fileName, `found no subtitles in the file: is it really a .${format} transcript?`)
  }
  const notices =
    parsed.skipped > 0
      ? [
          `skipped ${parsed.skipped} block${parsed.skipped === 1 ? '' : 's'} that ${parsed.skipped === 1 ? 'is' : 'are'} not subtitles`,
        ]
      : []
  return { text: laidOut, format, title: parsed.title, timings, notices }
}

/** Reads a file of a known format in this thread; readDocument sends .docx and .html to a worker to run this. */
export async function readByFormat(
  fileName: string,
  format: DocumentFormat,
  bytes: Uint8Array,
): Promise<DecodedDocument> {
  if (format === 'docx') {
    const docx = await readDocx(fileName, bytes)
    return { format, ...docx, notices: docx.notices }
  }
  sniffText(fileName, bytes)
  const decoded = decodeBytes(bytes, format === 'html' ? declaredCharset(bytes) : undefined)
  const notices = [...decoded.notices]
  const text = repair(normalizeLineEnds(decoded.text), notices)
  if (format === 'html') {
    // Refused before linkedom builds its tree, which is where the memory goes.
    const { nodes } = markupShape(text)
    if (nodes > MAX_MARKUP_NODES) {
      throw importError(
        fileName,
        `the page is too complex to import: ${nodes.toLocaleString('en')} HTML elements and attributes, more than the ${MAX_MARKUP_NODES.toLocaleString('en')} an import may read; copy its text into a .txt file and import that`,
      )
    }
    const page = readHtml(text)
    return { format, ...page, notices: [...notices, ...page.notices] }
  }
  if (format === 'vtt' || format === 'srt') {
    const transcript = fromTranscript(fileName, format, text)
    return { ...transcript, notices: [...notices, ...transcript.notices] }
  }
  return { text, format, title: format === 'md' ? markdownTitle(text) : undefined, notices }
}

/**
 * Reads any file Quotedesk imports (.txt, .md, .html, .docx, .vtt, .srt) into stored text.
 * Every format passes the same checks first (known extension, 50 MB, not empty, text not
 * binary); every failure is an `unsupported_file` error whose message starts with the file name.
 *
 * @example
 *   const doc = await readDocument('interview.vtt', fs.readFileSync('interview.vtt'))
 *   doc.timings?.[0] // { start: 0, end: 18, time: '00:00:01.000' }
 */
export async function readDocument(fileName: string, bytes: Uint8Array): Promise<DecodedDocument> {
  const format = formatOf(fileName)
  checkSize(fileName, bytes)
  let doc: DecodedDocument
  try {
    doc =
      format === 'docx' || format === 'html'
        ? await readInWorker(fileName, format, bytes)
        : await readByFormat(fileName, format, bytes)
  } catch (err) {
    if (err instanceof QuotedeskError) throw err
    // A parser's own failure on hostile input is still the file's problem, not a crash.
    const reason = err instanceof Error ? err.message : String(err)
    throw importError(fileName, `the file could not be read as .${format} (${reason})`)
  }
  const notices = [...doc.notices]
  const text = repair(doc.text, notices)
  if (text.trim() === '') throw importError(fileName, 'the file has no text in it')
  if (text.length > LIMITS.body) {
    throw importError(
      fileName,
      `its text is ${text.length.toLocaleString('en')} characters; the limit is ${LIMITS.body.toLocaleString('en')}`,
    )
  }
  return { ...doc, text, notices }
}

export { decodeTextFile, markdownTitle } from './decode'
