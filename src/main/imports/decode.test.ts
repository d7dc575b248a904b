import { describe, expect, it } from 'vitest'
import { decodeTextFile, markdownTitle } from './decode'

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le')
  const be = Buffer.alloc(le.length)
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0
    be[i + 1] = le[i] ?? 0
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be])
}

describe('decodeTextFile', () => {
  it.each([
    ['UTF-8', Buffer.from('“Hé,” 😀'), '“Hé,” 😀', 'utf-8'],
    ['UTF-8 with BOM', Buffer.from('\uFEFF“Hé,”'), '“Hé,”', 'utf-8'],
    ['UTF-16LE with BOM', utf16le('Hé 😀\r\n'), 'Hé 😀\n', 'utf-16le'],
    ['UTF-16BE with BOM', utf16be('Hé 😀\r\n'), 'Hé 😀\n', 'utf-16be'],
    // Node 20's TextDecoder would give C1 controls for 0x93/0x94/0x85 here.
    ['Windows-1252', Buffer.from([0x93, 0x48, 0x69, 0x94, 0x85, 0x20, 0x96, 0xe9]), '“Hi”… –é', 'windows-1252'],
    ['CRLF and CR line ends', Buffer.from('a\r\nb\rc\n'), 'a\nb\nc\n', 'utf-8'],
  ])('decodes %s', (_name, bytes, text, encoding) => {
    expect(decodeTextFile('draft.txt', bytes)).toEqual({ text, encoding, format: 'txt' })
  })

  it.each([
    ['empty.txt', Buffer.alloc(0), /empty\.txt: the file is empty/],
    ['blank.txt', Buffer.from(' \n\t\n'), /blank\.txt: the file has no text/],
    [
      'image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]),
      /image\.txt: the file is binary/,
    ],
    [
      'nobom.txt',
      Buffer.from('Hello there, this is UTF-16', 'utf16le'),
      /nobom\.txt: .*UTF-16 without a byte-order mark/,
    ],
    ['draft.docx', Buffer.from('PK'), /draft\.docx: .*"\.docx" is not supported/],
    ['README', Buffer.from('text'), /README: .*no extension/],
  ])('rejects %s with a message naming the file', (name, bytes, message) => {
    expect(() => decodeTextFile(name, bytes)).toThrow(message)
  })

  it('rejects a file over the 50 MB limit before decoding it', () => {
    expect(() => decodeTextFile('huge.txt', Buffer.alloc(50 * 1024 * 1024 + 1, 0x61))).toThrow(
      /huge\.txt: .*limit is 50 MB/,
    )
  })
})

describe('markdownTitle', () => {
  it.each([
    ['---\ntitle: "Harbour: the vote"\ndate: 2025-01-01\n---\n# Other', 'Harbour: the vote'],
    ['Intro\n\n# Heading one #\n\n## Two', 'Heading one'],
    ['No heading here', undefined],
  ])('reads the title of %j', (text, title) => {
    expect(markdownTitle(text)).toBe(title)
  })
})

describe('damaged UTF-8', () => {
  it('keeps the good characters around one bad byte and says what it replaced', async () => {
    const { decodeBytes } = await import('./decode')
    const bytes = Buffer.concat([Buffer.from('a'), Buffer.from([0xff]), Buffer.from('b “c,” she said. Café.')])
    const decoded = decodeBytes(bytes)
    expect(decoded.text).toBe('a\uFFFDb “c,” she said. Café.')
    expect(decoded.notices.join(' ')).toMatch(/1 invalid byte \(the first at byte 1\)/)
  })

  it('still reads real Windows-1252 as Windows-1252', async () => {
    const { decodeBytes } = await import('./decode')
    expect(decodeBytes(Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0xe9])).text).toBe('“Hi” é')
  })
})
