import { describe, expect, it } from 'vitest'
import { coreProperty, MAX_CORE_PROPERTIES_CHARS } from './docx'

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
