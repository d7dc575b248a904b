import mammoth from 'mammoth'
import { MAX_DOCX_UNPACKED_BYTES, MAX_DOCX_XML_BYTES } from '../../shared/schemas/imports'
import { LIMITS } from '../../shared/text'
import { importError, megabytes, signatureOf } from './decode'
import { decodeEntities } from './entities'
import { textOfHtml } from './html'
import { markupShape, MAX_MARKUP_NODES } from './markup'
import { inflateEntry, readZipDirectory, ZipError, type ZipEntry } from './zip'

export interface DocxText {
  text: string
  title?: string
  byline?: string
  notices: string[]
}

/** Far more parts than any Word document has; a zip with more is not one worth unpacking. */
const MAX_PARTS = 10_000

/** Core properties are a few hundred bytes; only this much of the part is ever read. */
export const MAX_CORE_PROPERTIES_CHARS = 64 * 1024

/**
 * The text of `<tag …>text</tag>` in docProps/core.xml, read in one linear pass: a backtracking
 * regular expression took tens of seconds on "<dc:title " repeated (issue 12, finding 5).
 */
export function coreProperty(xml: string, tag: string): string | undefined {
  const text = xml.length > MAX_CORE_PROPERTIES_CHARS ? xml.slice(0, MAX_CORE_PROPERTIES_CHARS) : xml
  const open = `<${tag}`
  const close = `</${tag}>`
  let gt = -1
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
    const after = text.charCodeAt(at + open.length)
    // `<dc:title>` or `<dc:title xml:lang="en">`, not `<dc:titles>`.
    if (after !== 62 && after !== 32 && after !== 9 && after !== 10 && after !== 13) continue
    if (gt < at) gt = text.indexOf('>', at)
    if (gt < 0) return undefined
    const end = text.indexOf('<', gt + 1)
    if (end < 0) return undefined
    if (!text.startsWith(close, end)) continue
    const value = decodeEntities(text.slice(gt + 1, end))
      .replace(/\s+/g, ' ')
      .trim()
    return value ? value : undefined
  }
  return undefined
}

const XML_NAME = /\.(xml|rels)$/i

/** A part mammoth could parse: named as XML, or starting like XML whatever its name (a relationship may point anywhere). */
function isXml(name: string, data: Buffer): boolean {
  if (XML_NAME.test(name)) return true
  let at = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0
  while (at < data.length && (data[at] === 0x20 || data[at] === 0x09 || data[at] === 0x0a || data[at] === 0x0d)) at++
  return data[at] === 0x3c
}

function tooMuchXml(fileName: string, bytes: number): never {
  throw importError(
    fileName,
    `its XML would unpack to ${megabytes(bytes)}, over the ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB limit for the text and markup of a Word document; save it from Word as plain text (.txt) and import that`,
  )
}

function directoryOf(fileName: string, bytes: Uint8Array): ZipEntry[] {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  if (!isZip) {
    const kind = signatureOf(bytes)
    if (kind?.startsWith('an old Word')) {
      throw importError(
        fileName,
        'the file is an old Word (.doc) document or a password-protected .docx; open it in Word, save it as .docx without a password and import again',
      )
    }
    throw importError(
      fileName,
      `the file is not a Word document: a .docx is a zip archive and this ${kind ? `is ${kind}` : 'is not'}`,
    )
  }
  try {
    return readZipDirectory(bytes)
  } catch (err) {
    if (err instanceof ZipError) throw importError(fileName, `the Word document is damaged: ${err.message}`)
    throw err
  }
}

/**
 * The text of a Word document through mammoth, after checks that bound the work by the article
 * limit, not by the zip: its central directory's total unpacked size (a zip bomb says so
 * there) and XML size, the parts a Word document must have, every part inflating to exactly its
 * declared size (a bomb that lies in its directory is stopped at that size), and a count of the
 * XML's text and nodes before any tree is built.
 */
export async function readDocx(fileName: string, bytes: Uint8Array): Promise<DocxText> {
  const entries = directoryOf(fileName, bytes)
  if (entries.length > MAX_PARTS) {
    throw importError(
      fileName,
      `the file has ${entries.length} parts, more than any Word document (it may be a zip bomb)`,
    )
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw importError(
      fileName,
      `the file would unpack to ${megabytes(unpacked)}, over the ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB limit for Word documents (it may be a zip bomb)`,
    )
  }
  const declaredXml = entries
    .filter((entry) => XML_NAME.test(entry.name))
    .reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (declaredXml > MAX_DOCX_XML_BYTES) tooMuchXml(fileName, declaredXml)
  const names = new Set(entries.map((entry) => entry.name))
  if (!names.has('[Content_Types].xml')) {
    throw importError(fileName, 'the file is a zip archive, not a Word document (it was renamed .docx)')
  }
  if (!entries.some((entry) => entry.name.startsWith('word/'))) {
    throw importError(fileName, 'the file is an Office document but not a Word one (perhaps Excel or PowerPoint)')
  }

  // Every part is checked, whatever its name: mammoth follows relationships to any part, so a
  // bomb named like an image ("word/media/body.png") passed a check of *.xml and *.rels alone
  // (issue 12, finding 6). Each is inflated at most to its declared size, the sum capped above;
  // every part that is XML counts towards the XML cap and is tallied, and only core.xml is kept.
  let xmlBytes = 0
  let nodes = 0
  let text = 0
  let noteReferences = 0
  let longestNote = 0
  let core = ''
  try {
    for (const entry of entries) {
      const data = inflateEntry(bytes, entry)
      if (!isXml(entry.name, data)) continue
      xmlBytes += data.length
      if (xmlBytes > MAX_DOCX_XML_BYTES) tooMuchXml(fileName, xmlBytes)
      const xml = data.toString('utf-8')
      const shape = markupShape(xml)
      nodes += shape.nodes
      text += shape.text
      noteReferences += shape.noteReferences
      longestNote = Math.max(longestNote, shape.longestNote)
      if (entry.name === 'docProps/core.xml') core = xml
    }
  } catch (err) {
    if (err instanceof ZipError) {
      const bomb = /zip bomb/.test(err.message)
      throw importError(
        fileName,
        bomb ? `the file is refused: ${err.message}` : `the Word document is damaged: ${err.message}`,
      )
    }
    throw err
  }

  // Refused here, before mammoth and linkedom build their trees, which is where the memory goes.
  // mammoth writes a note out at each of its references, so a few KB of them can echo one
  // note into gigabytes of text.
  const echoed = text + noteReferences * longestNote
  if (echoed > LIMITS.body) {
    const how = text > LIMITS.body ? '' : ' once each footnote is repeated where it is referenced'
    throw importError(
      fileName,
      `its text is ${echoed.toLocaleString('en')} characters${how}; the limit is ${LIMITS.body.toLocaleString('en')}`,
    )
  }
  if (nodes > MAX_MARKUP_NODES) {
    throw importError(
      fileName,
      `it is too complex to import: ${nodes.toLocaleString('en')} XML elements and attributes, more than the ${MAX_MARKUP_NODES.toLocaleString('en')} an import may read; save it from Word as plain text (.txt) and import that`,
    )
  }

  let html: string
  const notices: string[] = []
  try {
    // Through HTML rather than extractRawText, which glues the words around a line break together.
    // Images are never read, and linked external files never opened.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
      },
    )
    html = result.value
    const errors = result.messages.filter((message) => message.type === 'error').length
    if (errors > 0) notices.push(`Word reported ${errors} problem${errors === 1 ? '' : 's'} while reading the file`)
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw importError(fileName, `the file could not be read as a Word document (${reason})`)
  }

  return {
    text: textOfHtml(html),
    title: coreProperty(core, 'dc:title'),
    byline: coreProperty(core, 'dc:creator'),
    notices,
  }
}
