import { describe, expect, it } from 'vitest'
import { markupShape, type MarkupShape } from './markup'

describe('markupShape', () => {
  it.each<[string, string, Partial<MarkupShape>]>([
    [
      'Word runs, counting attributes',
      '<w:p w:rsidR="1"><w:r><w:t>Hi &amp; bye</w:t></w:r></w:p>',
      { nodes: 4, text: 8 },
    ],
    [
      'text only inside t, in any namespace',
      '<w:p>x<ns0:t>ab</ns0:t><t>c</t><w:tab/><w:instrText>no</w:instrText></w:p>',
      { nodes: 5, text: 3 },
    ],
    ['an empty or self-closing t', '<w:t/><w:t xml:space="preserve"></w:t>', { nodes: 3, text: 0 }],
    ['a quoted > stays in its tag', '<w:p w:val="a>b" x=\'c>d\'><w:t>e</w:t></w:p>', { nodes: 4, text: 1 }],
    [
      'comments, declarations and CDATA',
      '<?xml version="1.0"?><!-- <w:t>x</w:t> --><w:t><![CDATA[<y>]]></w:t>',
      { nodes: 1, text: 3 },
    ],
    ['a < that starts no tag is text', '<w:t>1 < 2</w:t>', { nodes: 1, text: 5 }],
    ['HTML elements and attributes', '<p class="a" id=b>one<br>two</p><i></i>', { nodes: 5, text: 0 }],
    ['UTF-16 code units, as the article limit counts them', '<w:t>😀é</w:t>', { nodes: 1, text: 3 }],
    ['a tag cut short', '<w:p><w:t>ab', { nodes: 2, text: 2 }],
  ])('%s', (_, source, shape) => {
    expect(markupShape(source)).toMatchObject(shape)
  })

  it('counts millions of nodes in one pass, without building them', () => {
    expect(markupShape('<w:p/>'.repeat(2_000_000))).toMatchObject({ nodes: 2_000_000, text: 0 })
  })

  it('measures footnotes and counts their references, which mammoth writes the note out again at', () => {
    const notes =
      '<w:footnotes><w:footnote w:id="1"><w:p><w:r><w:t>short</w:t></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="2"><w:footnote/><w:p><w:r><w:t>a longer one</w:t></w:r></w:p></w:footnote>' +
      '<w:endnote w:id="3"><w:footnote w:id="4"></w:footnote><w:p><w:r><w:t>nested, still counted</w:t></w:r></w:p></w:endnote></w:footnotes>'
    expect(markupShape(notes)).toMatchObject({ longestNote: 21, noteReferences: 0 })
    const body =
      '<w:p><w:r><w:footnoteReference w:id="1"/></w:r><w:r><x:endnoteReference x:id="3"/></w:r><w:footnotePr/></w:p>'
    expect(markupShape(body)).toMatchObject({ noteReferences: 2, longestNote: 0 })
  })
})
