import path from 'node:path'
import iconv from 'iconv-lite'
import { QuotedeskError } from '../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../shared/schemas/imports'

export type TextFormat = 'txt' | 'md'
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedFile {
  text: string
  format: TextFormat
  encoding: Encoding
}

/** Text read from bytes, with what was repaired on the way. */
export interface DecodedText {
  text: string
  /** A WHATWG/iconv-lite label: usually one of `Encoding`, or a legacy charset an HTML page declared. */
  encoding: string
  notices: string[]
}

const ENCODINGS: readonly string[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] satisfies Encoding[]

function isEncoding(name: string): name is Encoding {
  return ENCODINGS.includes(name)
}

const FORMATS: Record<string, TextFormat> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md' }

/** The one error every import failure becomes: the file's name, then why, in words a journalist can act on. */
export function importError(fileName: string, reason: string): QuotedeskError {
  return new QuotedeskError('unsupported_file', `${fileName}: ${reason}`)
}

const MB = 1024 * 1024

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`
}

/** Checks every format shares, before any parsing: size first, so a huge file costs nothing more. */
export function checkSize(fileName: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw importError(fileName, `the file is ${megabytes(bytes.length)}; the limit is ${MAX_IMPORT_BYTES / MB} MB`)
  }
  if (bytes.length === 0) throw importError(fileName, 'the file is empty')
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

/** File signatures, so a renamed image or PDF is named for what it is. */
const SIGNATURES: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a zip archive (perhaps a .docx)', [0x50, 0x4b, 0x03, 0x04]],
  ['an old Word (.doc) or other Office file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a program', [0x7f, 0x45, 0x4c, 0x46]],
  ['a SQLite database', [...Buffer.from('SQLite format 3\0')]],
]

export function signatureOf(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(([, magic]) => magic.every((byte, i) => bytes[i] === byte))?.[0]
}

export function bomOf(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

/**
 * Refuses bytes that are not text. A few stray NUL bytes in otherwise clean text are let
 * through (readDocument removes them with a notice); NULs in every other byte mean UTF-16
 * without a BOM, which gets its own message because re-saving the file fixes it.
 */
export function sniffText(fileName: string, bytes: Uint8Array): void {
  const bom = bomOf(bytes)
  if (bom === 'utf-16le' || bom === 'utf-16be') return
  const signature = signatureOf(bytes)
  if (signature) throw importError(fileName, `the file is binary, not text: it looks like ${signature}`)
  if (hasUtf16Pattern(bytes)) {
    throw importError(
      fileName,
      'the file looks like UTF-16 without a byte-order mark; save it as UTF-8 and import again',
    )
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192))
  let suspicious = 0
  for (const byte of sample) {
    // NUL and C0 controls other than tab, LF, FF, CR and ESC never appear in real text; over 1% is binary.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) suspicious++
  }
  if (suspicious * 100 > sample.length) throw importError(fileName, 'the file is binary, not text')
}

/** Line ends become LF so that offsets mean the same on every platform. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** Maps a declared charset label to the decoder to use, following the WHATWG Encoding Standard's aliases. */
export function charsetFor(label: string): string | undefined {
  const name = label.trim().toLowerCase()
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'].includes(name)) {
    return 'utf-8'
  }
  // WHATWG: Latin-1 and ASCII labels mean windows-1252, and a UTF-16 label without a BOM means UTF-8.
  if (/^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii|cp819)$/.test(name)) {
    return 'windows-1252'
  }
  if (/^utf-?16/.test(name)) return 'utf-8'
  return iconv.encodingExists(name) ? name : undefined
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    // The default TextDecoder drops a UTF-8 BOM, so offsets never count it.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and stray high bytes. Real Windows-1252 text almost
 * never forms a valid sequence, so text that has them is UTF-8 with a few damaged bytes, not legacy text.
 */
export function utf8Damage(bytes: Uint8Array): { sequences: number; invalid: number; firstInvalid: number } {
  let sequences = 0
  let invalid = 0
  let firstInvalid = -1
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (b < 0x80) continue
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0
    // The second byte's range is narrower after E0, ED, F0 and F4: that is what rules out overlong
    // forms and the surrogate range (CESU-8), as the WHATWG decoder does.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
    const second = bytes[i + 1] ?? 0
    let ok = need > 0 && i + need < bytes.length && second >= lo && second <= hi
    for (let k = 2; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80
    if (ok) {
      sequences++
      i += need
    } else {
      invalid++
      if (firstInvalid < 0) firstInvalid = i
    }
  }
  return { sequences, invalid, firstInvalid }
}

/**
 * Bytes to text: a BOM wins, then strict UTF-8, then the declared charset or Windows-1252
 * (through iconv-lite: Node 20's own decoder maps 0x80–0x9F wrongly). Line ends are left alone.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): DecodedText {
  const bom = bomOf(bytes)
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    return { text: new TextDecoder(bom).decode(bytes.subarray(2)), encoding: bom, notices: [] }
  }
  const utf8 = strictUtf8(bytes)
  if (bom === 'utf-8') {
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', notices: [] }
    const text = new TextDecoder('utf-8').decode(bytes)
    return {
      text,
      encoding: 'utf-8',
      notices: ['the file is marked as UTF-8 but has invalid bytes; replaced them with �'],
    }
  }
  const charset = declared === undefined ? undefined : charsetFor(declared)
  if (charset && charset !== 'utf-8') {
    // A page labelled with a legacy charset that is valid UTF-8 with non-ASCII in it was saved as UTF-8:
    // real Windows-1252 text almost never forms valid multi-byte UTF-8 sequences.
    if (utf8 !== undefined && bytes.some((byte) => byte >= 0x80)) {
      return {
        text: utf8,
        encoding: 'utf-8',
        notices: [`the file says it is ${declared} but is UTF-8; read it as UTF-8`],
      }
    }
    return { text: iconv.decode(Buffer.from(bytes), charset), encoding: charset, notices: [] }
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', notices: [] }
  const damage = utf8Damage(bytes)
  if (damage.sequences > 0 && damage.sequences >= damage.invalid) {
    // Reading it as Windows-1252 would turn every good “ and é into mojibake for the sake of one bad byte.
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      notices: [
        `the file is UTF-8 with ${damage.invalid} invalid byte${damage.invalid === 1 ? '' : 's'} (the first at byte ${damage.firstInvalid}); replaced ${damage.invalid === 1 ? 'it' : 'them'} with �`,
      ],
    }
  }
  const notice =
    charset === 'utf-8'
      ? 'the file says it is UTF-8 but is not; read it as Windows-1252'
      : 'the file is not UTF-8; read it as Windows-1252'
  return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252', notices: [notice] }
}

function decodeFormat(fileName: string): TextFormat {
  const ext = path.extname(fileName).toLowerCase()
  const format = FORMATS[ext]
  if (!format) {
    throw importError(fileName, `Quotedesk imports .txt and .md files; "${ext || 'no extension'}" is not supported yet`)
  }
  return format
}

/**
 * Turns a file's bytes into article text: BOM sniffing, strict UTF-8, and Windows-1252 for
 * legacy files (decoded with iconv-lite: Node 20's own decoder maps 0x80–0x9F wrongly).
 *
 * @example
 *   decodeTextFile('draft.txt', fs.readFileSync('draft.txt')).text
 *
 * `keepLineEnds` leaves CRLF as it is, for tools whose offsets must point into the file's own text.
 * Unlike readDocument it refuses stray NUL bytes rather than removing them, for the same reason.
 */
export function decodeTextFile(
  fileName: string,
  bytes: Uint8Array,
  options: { keepLineEnds?: boolean } = {},
): DecodedFile {
  const format = decodeFormat(fileName)
  if (bytes.length === 0) throw importError(fileName, 'the file is empty')
  checkSize(fileName, bytes)
  sniffText(fileName, bytes)
  if (!bomOf(bytes)?.startsWith('utf-16') && bytes.includes(0))
    throw importError(fileName, 'the file is binary, not text')

  const decoded = decodeBytes(bytes)
  const text = options.keepLineEnds ? decoded.text : normalizeLineEnds(decoded.text)
  if (text.includes('\u0000')) throw importError(fileName, 'the file contains NUL characters, so it is not plain text')
  if (text.trim() === '') throw importError(fileName, 'the file has no text in it')
  // Without a declared charset decodeBytes only ever picks one of the four.
  return { text, encoding: isEncoding(decoded.encoding) ? decoded.encoding : 'windows-1252', format }
}

/** A Markdown draft's title: YAML front matter `title:` or its first `# ` heading. */
export function markdownTitle(text: string): string | undefined {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text)
  const fromFront = front?.[1] ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1])?.[1] : undefined
  if (fromFront) return fromFront.trim()
  return /^#\s+(.+?)\s*#*\s*$/m.exec(text)?.[1]
}
