import path from 'node:path'
import iconv from 'iconv-lite'
import { QuotedeskError } from '../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../shared/schemas/imports'

export type TextFormat = 'txt' | 'md'

export interface DecodedFile {
  text: string
  format: TextFormat
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
}

const FORMATS: Record<string, TextFormat> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md' }

function reject(fileName: string, reason: string): QuotedeskError {
  return new QuotedeskError('unsupported_file', `${fileName}: ${reason}`)
}

function hasUtf16Pattern(bytes: Uint8Array): boolean {
  // UTF-16 text without a BOM has a NUL in every other byte; binary data does not.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096))
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2 === 0) evenNul++
    else oddNul++
  }
  const half = sample.length / 2
  return half > 0 && (evenNul > half * 0.9 || oddNul > half * 0.9)
}

/** Line ends become LF so that offsets mean the same on every platform. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/**
 * Turns a file's bytes into article text: BOM sniffing, strict UTF-8, and Windows-1252 for
 * legacy files (decoded with iconv-lite: Node 20's own decoder maps 0x80–0x9F wrongly).
 *
 * @example
 *   decodeTextFile('draft.txt', fs.readFileSync('draft.txt')).text
 */
export function decodeTextFile(fileName: string, bytes: Uint8Array): DecodedFile {
  const ext = path.extname(fileName).toLowerCase()
  const format = FORMATS[ext]
  if (!format) {
    throw reject(fileName, `Quotedesk imports .txt and .md files; "${ext || 'no extension'}" is not supported yet`)
  }
  if (bytes.length === 0) throw reject(fileName, 'the file is empty')
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw reject(fileName, `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB`)
  }

  let decoded: Omit<DecodedFile, 'format'>
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  } else if (bytes.includes(0)) {
    if (hasUtf16Pattern(bytes)) {
      throw reject(fileName, 'the file looks like UTF-16 without a byte-order mark; save it as UTF-8 and import again')
    }
    throw reject(fileName, 'the file is binary, not text')
  } else {
    try {
      // The default TextDecoder drops a UTF-8 BOM, so offsets never count it.
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
    } catch {
      decoded = { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' }
    }
  }

  const text = normalizeLineEnds(decoded.text)
  if (text.includes('\u0000')) throw reject(fileName, 'the file contains NUL characters, so it is not plain text')
  if (text.trim() === '') throw reject(fileName, 'the file has no text in it')
  return { ...decoded, text, format }
}

/** A Markdown draft's title: YAML front matter `title:` or its first `# ` heading. */
export function markdownTitle(text: string): string | undefined {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text)
  const fromFront = front?.[1] ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1])?.[1] : undefined
  if (fromFront) return fromFront.trim()
  return /^#\s+(.+?)\s*#*\s*$/m.exec(text)?.[1]
}
