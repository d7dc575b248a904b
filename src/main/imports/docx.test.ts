import { describe, expect, it } from 'vitest'
import { makeZip } from '../../../scripts/make-import-fixtures'
import { coreProperty, MAX_CORE_PROPERTIES_CHARS, readDocx } from './docx'

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
