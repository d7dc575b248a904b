import { describe, expect, it } from 'vitest'
import { makeZip } from '../../../scripts/make-import-fixtures'
import { LIMITS } from '../../shared/text'
import { coreProperty, MAX_CORE_PROPERTIES_CHARS, readDocx } from './docx'
import { MAX_MARKUP_NODES } from './markup'

const DOCUMENT = Buffer.from(
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>“Fine,” she said.</w:t></w:r></w:p></w:body></w:document>',
)

describe('readDocx', () => {
  it('reads a small document', async () => {
    const docx = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: DOCUMENT },
    ])
    expect((await readDocx('ok.docx', docx)).text).toContain('“Fine,” she said.')
  })

  it('refuses a part that lies about its size whatever its name, before mammoth can follow a relationship to it', async () => {
    const docx = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: DOCUMENT },
      { name: 'word/media/body.png', data: Buffer.alloc(1024 * 1024, 0x20), declaredSize: 1024 },
    ])
    await expect(readDocx('bomb.docx', docx)).rejects.toThrow(
      /word\/media\/body\.png unpacks to more than its declared size \(it may be a zip bomb\)/,
    )
  })
})

const MB = 1024 * 1024
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** A Word body of `size` bytes: `fill` repeated inside one `<w:t>`, or as the whole body. */
function wordXml(fill: string, size: number, inText: boolean): Buffer {
  const [open, close] = inText
    ? [`<w:document ${W}><w:body><w:p><w:r><w:t>`, '</w:t></w:r></w:p></w:body></w:document>']
    : [`<w:document ${W}><w:body>`, '</w:body></w:document>']
  return Buffer.concat([Buffer.from(open), Buffer.alloc(size, fill), Buffer.from(close)])
}

const word = (document: Buffer, extra: { name: string; data: Buffer }[] = []) =>
  makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: document },
    ...extra,
  ])

// Issue 12, finding 3: 190 MB of honest XML in a 291 KB file took the process down in mammoth.
describe('readDocx bounds the work by the article limit before mammoth builds anything', () => {
  it('refuses more than 64 MB of XML, however honestly the zip declares it', async () => {
    const docx = word(wordXml('The council met. ', 65 * MB, true))
    await expect(readDocx('long.docx', docx)).rejects.toThrow(
      /^long\.docx: its XML would unpack to 65\.0 MB, over the 64 MB limit for the text and markup of a Word document; save it from Word as plain text \(\.txt\) and import that$/,
    )
  })

  it('counts XML under any name: a main document the package points to as word/body.bin', async () => {
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/body.bin"/></Relationships>'
    const docx = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: '_rels/.rels', data: Buffer.from(rels) },
      { name: 'word/body.bin', data: wordXml('The council met. ', 65 * MB, true) },
    ])
    await expect(readDocx('renamed.docx', docx)).rejects.toThrow(/^renamed\.docx: its XML would unpack to 65\.0 MB/)
  })

  it('refuses text over the article limit, counted in the XML', async () => {
    const docx = word(wordXml('The council met. ', LIMITS.body + 100_000, true))
    await expect(readDocx('novel.docx', docx)).rejects.toThrow(
      `novel.docx: its text is ${(LIMITS.body + 100_000).toLocaleString('en')} characters; the limit is ${LIMITS.body.toLocaleString('en')}`,
    )
  })

  it('refuses a footnote echoed past the limit: mammoth writes a note out again at each reference', async () => {
    const note = '“Noted,” the clerk said. '.repeat(4_000)
    const footnotes = `<w:footnotes ${W}><w:footnote w:id="1"><w:p><w:r><w:t>${note}</w:t></w:r></w:p></w:footnote></w:footnotes>`
    const references = '<w:r><w:footnoteReference w:id="1"/></w:r>'.repeat(600)
    const docx = word(Buffer.from(`<w:document ${W}><w:body><w:p>${references}</w:p></w:body></w:document>`), [
      { name: 'word/footnotes.xml', data: Buffer.from(footnotes) },
    ])
    expect(docx.length).toBeLessThan(4096)
    await expect(readDocx('echo.docx', docx)).rejects.toThrow(
      'echo.docx: its text is 60,100,000 characters once each footnote is repeated where it is referenced; the limit is 52,428,800',
    )
  })

  it('refuses more elements and attributes than an import may read: a few MB of empty paragraphs', async () => {
    const docx = word(wordXml('<w:p/>', (MAX_MARKUP_NODES + 100_000) * 6, false))
    await expect(readDocx('empty.docx', docx)).rejects.toThrow(
      /^empty\.docx: it is too complex to import: 600,00\d XML elements and attributes, more than the 500,000 an import may read/,
    )
  })
})

describe('coreProperty', () => {
  it('reads a core property with or without attributes, and decodes its entities', () => {
    const xml =
      '<cp:coreProperties><dc:titles>no</dc:titles><dc:title xml:lang="en">Harbour &amp; town\n plans</dc:title>' +
      '<dc:creator>Ana Holm</dc:creator></cp:coreProperties>'
    expect(coreProperty(xml, 'dc:title')).toBe('Harbour & town plans')
    expect(coreProperty(xml, 'dc:creator')).toBe('Ana Holm')
    expect(coreProperty(xml, 'dc:subject')).toBeUndefined()
    expect(coreProperty('<dc:title></dc:title>', 'dc:title')).toBeUndefined()
  })

  it('reads a hostile part in one pass: an opening tag repeated without end finds nothing', () => {
    // The regular expression this replaced backtracked on this shape for tens of seconds.
    expect(coreProperty('<dc:title '.repeat(200_000), 'dc:title')).toBeUndefined()
    expect(coreProperty(`${'<dc:title '.repeat(100_000)}>x</dc:title>`, 'dc:title')).toBeUndefined()
    expect(coreProperty(`${'<dc:title x="1">'.repeat(50_000)}</dc:title>`, 'dc:title')).toBeUndefined()
  })

  it('reads no further than the cap', () => {
    const late = `${' '.repeat(MAX_CORE_PROPERTIES_CHARS)}<dc:title>Late</dc:title>`
    expect(coreProperty(late, 'dc:title')).toBeUndefined()
    expect(coreProperty('<dc:title>Early</dc:title>', 'dc:title')).toBe('Early')
  })
})
