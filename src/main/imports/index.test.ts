import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIXTURE_DIR, importFixtures, makeZip } from '../../../scripts/make-import-fixtures'
import { QuotedeskError } from '../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../shared/schemas/imports'
import { LIMITS } from '../../shared/text'
import { readDocument, type DecodedDocument } from '.'

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURE_DIR, name))
const read = (name: string) => readDocument(name, fixture(name))

/** The failure readDocument gives, or undefined when it reads the file. */
async function failure(name: string, bytes: Uint8Array): Promise<QuotedeskError | undefined> {
  try {
    await readDocument(name, bytes)
    return undefined
  } catch (err) {
    if (err instanceof QuotedeskError) return err
    throw err
  }
}

describe('import fixtures', () => {
  it('match scripts/make-import-fixtures.ts byte for byte (regenerate them with it, never by hand)', () => {
    const expected = importFixtures()
    expect(fs.readdirSync(FIXTURE_DIR).sort()).toEqual([...expected.keys()].sort())
    for (const [name, bytes] of expected) expect(fixture(name).equals(bytes), name).toBe(true)
  })
})

const SENTENCE = '“Hé,” she said. 😀\nSecond line.\n'
const NOT_UTF8 = 'the file is not UTF-8; read it as Windows-1252'

describe('readDocument: text in every encoding', () => {
  it.each<[string, Partial<DecodedDocument>]>([
    ['utf8.txt', { format: 'txt', text: SENTENCE, notices: [] }],
    ['utf8-bom.txt', { format: 'txt', text: SENTENCE, notices: [] }],
    ['utf16le-bom.txt', { format: 'txt', text: SENTENCE, notices: [] }],
    ['utf16be-bom.txt', { format: 'txt', text: SENTENCE, notices: [] }],
    // Node 20's TextDecoder would give C1 controls for 0x93/0x94/0x85/0x96 here.
    ['windows-1252.txt', { format: 'txt', text: '“Hi” – café…\nNext line.\n', notices: [NOT_UTF8] }],
    ['mixed-line-ends.txt', { format: 'txt', text: 'one\ntwo\nthree\nfour', notices: [] }],
    ['front-matter.md', { format: 'md', title: 'Harbour: the vote', notices: [] }],
    ['windows-1252.md', { format: 'md', title: 'Café owners – a vote', notices: [NOT_UTF8] }],
    ['windows-1252.html', { format: 'html', title: 'Café vote', text: '“We won,” she said – twice.', notices: [] }],
    ['latin1-http-equiv.html', { format: 'html', title: 'Le café', text: 'L’été est là.', notices: [] }],
    [
      'mislabelled-utf8.html',
      {
        format: 'html',
        text: 'Café “quotes”.',
        notices: ['the file says it is windows-1252 but is UTF-8; read it as UTF-8'],
      },
    ],
    ['utf16le-bom.html', { format: 'html', text: 'Hé from UTF-16.\n\nSecond paragraph.', notices: [] }],
    ['windows-1252.vtt', { format: 'vtt', text: 'Ana: “Café” – yes.', notices: [NOT_UTF8] }],
    ['utf16le-bom.vtt', { format: 'vtt', text: 'Hé.', notices: [] }],
    ['utf16be-bom.srt', { format: 'srt', text: 'Hé from UTF-16.', notices: [] }],
  ])('reads %s', async (name, expected) => {
    const doc = await read(name)
    expect(doc).toMatchObject(expected)
    for (const unwanted of ['\r', '\u0000', '\uFEFF']) expect(doc.text).not.toContain(unwanted)
  })

  it('removes stray NUL bytes from text and says how many', async () => {
    const doc = await read('stray-nuls.txt')
    expect(doc.text.startsWith('A transcript line with three stray NUL bytes in it.')).toBe(true)
    expect(doc.notices).toEqual(['removed 3 NUL bytes'])
  })
})

describe('readDocument: web pages', () => {
  it('keeps the article, not the menu, advert, sidebar or scripts, with its metadata', async () => {
    const doc = await read('article.html')
    expect(doc).toMatchObject({
      format: 'html',
      title: 'Council keeps the harbour open',
      byline: 'Jane Roe',
      date: '2025-04-28',
      url: 'https://gazette.example/2025/04/harbour',
      outlet: 'Coast Gazette',
      notices: [],
    })
    const paragraphs = doc.text.split('\n\n')
    expect(paragraphs).toHaveLength(3)
    expect(paragraphs[1]).toBe(
      '“We won,” said the mayor, Ana Oseman, after the vote. “The harbour is the town’s heart, and it stays open.”',
    )
    expect(doc.text).not.toMatch(/Home|ADVERT|Related|tracking|font-family|©/)
  })

  it('imports a hostile page as plain text only: no script runs, no markup or javascript: survives', async () => {
    const before = Object.keys(globalThis).sort()
    const doc = await read('hostile.html')
    expect(doc.title).toBe('Hostile page')
    expect(doc.text).toContain('The quote “stays as text” even with an image that fails to load')
    expect(doc.text).toContain('A link that runs code and a click handler leave only their words behind them.')
    expect(doc.text).not.toMatch(/pwned|javascript|alert|onerror|onclick|iframe text|<|>/i)
    expect(Object.keys(globalThis).sort()).toEqual(before)
    expect('pwned' in globalThis).toBe(false)
  })

  it('falls back to the page’s text when there is no article, and reads a <time datetime>', async () => {
    expect(await read('no-article.html')).toMatchObject({
      text: 'Just one line.\n\nAnd a date.',
      title: 'Short',
      date: '2024-02-29',
    })
  })

  it('survives 10,000 nested divs, reading their text without Readability', async () => {
    const html = `<html><body><p>Intro.</p>${'<div>'.repeat(10_000)}Deep text${'</div>'.repeat(10_000)}</body></html>`
    const started = Date.now()
    const doc = await readDocument('deep.html', Buffer.from(html))
    expect(doc.text).toBe('Intro.\n\nDeep text')
    expect(doc.notices).toEqual([
      'the page is nested 10000 levels deep; imported all of its text instead of finding the article',
    ])
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  // Issue 12, finding 3: linkedom's tree of a few MB of empty elements outgrew the process.
  it('refuses a page of more elements and attributes than an import may read, before building it', async () => {
    const html = `<html><body><p>“Hi,” she said.</p>${'<i></i>'.repeat(600_000)}</body></html>`
    expect((await failure('empty.html', Buffer.from(html)))?.message).toBe(
      'empty.html: the page is too complex to import: 600,003 HTML elements and attributes, more than the 500,000 an import may read; copy its text into a .txt file and import that',
    )
  })

  it('keeps <br> as a line break and <pre> as written', async () => {
    const html = '<html><body><p>Line one<br>line\n   two, wrapped</p><pre>  a  b\n  c</pre></body></html>'
    expect((await readDocument('page.htm', Buffer.from(html))).text).toBe('Line one\nline two, wrapped\n\n  a  b\n  c')
  })
})

describe('readDocument: Word documents', () => {
  it('reads paragraphs, line breaks and tables, with the title and author from the core properties', async () => {
    expect(await read('draft.docx')).toEqual({
      format: 'docx',
      text: [
        'Council keeps the harbour open',
        '“We won,” said the mayor. Café owners cheered.',
        'First line\nsecond line of the same paragraph.',
        'In a table',
      ].join('\n\n'),
      title: 'Harbour & council',
      byline: 'Jane Roe',
      notices: [],
    })
  })

  it('leaves the title out when the document has none', async () => {
    const doc = await read('untitled.docx')
    expect(doc.text).toBe('Only a paragraph.')
    expect(doc.title).toBeUndefined()
  })
})

describe('readDocument: timed transcripts', () => {
  it('reads WebVTT voices as speaker turns, with each line’s start time and offsets', async () => {
    const doc = await read('interview.vtt')
    expect(doc.title).toBe('Interview with the harbour master')
    expect(doc.text).toBe(
      [
        'Interviewer: So, will the harbour close?',
        '',
        'Harbour Master: Not this year. Not while I’m here & working.',
        'We need the quay wall fixed.',
        '',
        'Interviewer: Thank you.',
      ].join('\n'),
    )
    expect(doc.timings?.map((timing) => timing.time)).toEqual([
      '00:00:01.000',
      '00:00:05.000',
      '00:00:10.000',
      '00:01:02.500',
    ])
  })

  it('reads SRT labels like "ALICE:" as names, continuing a turn until the speaker changes', async () => {
    const doc = await read('interview.srt')
    expect(doc.text).toBe(
      [
        'Alice: Did the council vote?',
        '',
        "Bob O'Neil: Yes, on Tuesday. Unanimously.",
        'It was close to midnight.',
        '',
        'Alice: Thanks.',
      ].join('\n'),
    )
    expect(doc.timings?.map((timing) => timing.time)).toEqual([
      '00:00:01.000',
      '00:00:03.500',
      '00:00:06.500',
      '00:00:08.500',
    ])
  })

  it.each(['interview.vtt', 'interview.srt', 'windows-1252.vtt'])(
    'gives %s one timing per line, covering it',
    async (name) => {
      const doc = await read(name)
      const lines = doc.text.split('\n').filter((line) => line !== '')
      expect(doc.timings?.map((timing) => doc.text.slice(timing.start, timing.end))).toEqual(lines)
    },
  )
})

describe('readDocument: files it refuses', () => {
  it.each([
    ['empty.txt', 'the file is empty'],
    ['whitespace.md', 'the file has no text in it'],
    ['png.txt', 'the file is binary, not text: it looks like a PNG image'],
    ['utf16-no-bom.txt', 'the file looks like UTF-16 without a byte-order mark'],
    ['utf16-no-bom.html', 'the file looks like UTF-16 without a byte-order mark'],
    ['scripts-only.html', 'the file has no text in it'],
    ['zip-renamed.docx', 'the file is a zip archive, not a Word document'],
    ['xlsx-renamed.docx', 'the file is an Office document but not a Word one'],
    ['doc-renamed.docx', 'the file is an old Word (.doc) document'],
    ['truncated.docx', 'the Word document is damaged: its zip directory is missing'],
    ['corrupt.docx', 'the Word document is damaged: word/document.xml is corrupt'],
    ['bomb.docx', 'the file would unpack to 300.0 MB, over the 200 MB limit for Word documents (it may be a zip bomb)'],
    ['lying-bomb.docx', 'word/document.xml unpacks to more than its declared size (it may be a zip bomb)'],
    ['report.pdf', '".pdf" is not supported'],
    ['no-header.vtt', 'it is not a WebVTT file: it must begin with "WEBVTT"'],
    ['no-cues.srt', 'found no subtitles in the file'],
  ])('%s: %s', async (name, reason) => {
    const error = await failure(name, fixture(name))
    expect(error?.code).toBe('unsupported_file')
    expect(error?.message.startsWith(`${name}: `)).toBe(true)
    expect(error?.message).toContain(reason)
  })

  it.each(['huge.txt', 'huge.docx', 'huge.html'])('refuses %s at 50 MB + 1 byte before reading it', async (name) => {
    const error = await failure(name, Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61))
    expect(error?.message).toBe(`${name}: the file is 50.0 MB; the limit is 50 MB`)
  })

  it('refuses text longer than an article holds, which for plain text is the 50 MB file limit', async () => {
    const error = await failure('long.txt', Buffer.alloc(LIMITS.body + 1, 0x61))
    expect(error?.message).toBe('long.txt: the file is 50.0 MB; the limit is 50 MB')
  })

  it('names the file with no extension', async () => {
    expect((await failure('README', Buffer.from('text')))?.message).toMatch(
      /^README: .*"no extension" is not supported/,
    )
  })
})

describe('readDocument never crashes', () => {
  const names = ['x.txt', 'x.md', 'x.html', 'x.docx', 'x.vtt', 'x.srt']

  it('returns text or an unsupported_file error naming the file, for any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.uint8Array({ maxLength: 2048 }), async (name, bytes) => {
        const error = await failure(name, bytes)
        if (error) expect(error.message.startsWith(`${name}: `)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('for any damage to a real .docx', async () => {
    const docx = fixture('draft.docx')
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: docx.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (changes) => {
          const damaged = Buffer.from(docx)
          for (const [at, value] of changes) damaged[at] = value
          const error = await failure('x.docx', damaged)
          if (error) expect(error.message.startsWith('x.docx: ')).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('for any soup of HTML tags', async () => {
    const pieces = [
      '<div>',
      '</div>',
      '<p>',
      '</p>',
      'Words',
      ' ',
      '<br>',
      '&amp;',
      '<script>',
      '</script>',
      '<table><td>',
    ]
    const more = [
      '<pre>',
      '</pre>',
      '<!--',
      '-->',
      '<a href="javascript:x">',
      '<nav>',
      '<meta charset="koi8-r">',
      '\u0000',
    ]
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces, ...more), { maxLength: 200 }), async (soup) => {
        const error = await failure('x.html', Buffer.from(soup.join('')))
        if (error) expect(error.message.startsWith('x.html: ')).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('for any text after a WebVTT header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (body) => {
        const error = await failure('x.vtt', Buffer.from(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${body}`))
        if (error) expect(error.message.startsWith('x.vtt: ')).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('for a zip whose directory points outside the file', async () => {
    const zip = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }])
    zip.writeUInt32LE(0xfffff, zip.length - 6) // the directory's offset
    expect((await failure('x.docx', zip))?.message).toBe(
      'x.docx: the Word document is damaged: its zip directory points outside the file',
    )
  })
})
