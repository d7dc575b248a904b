/**
 * Writes the import fixtures in test/fixtures/imports/ from code, so invalid bytes, BOMs and
 * line ends stay exact and nothing is hand-edited. Run: npx tsx scripts/make-import-fixtures.ts
 * A test reads importFixtures() and fails when the files on disk have drifted from it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

export const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'imports')

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf])

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le')
  for (let i = 0; i + 1 < le.length; i += 2) {
    const low = le[i] ?? 0
    le[i] = le[i + 1] ?? 0
    le[i + 1] = low
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le])
}

/** Windows-1252 by hand for the few characters used, so the bytes are exactly what legacy tools write. */
function cp1252(text: string): Buffer {
  const special: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, '…': 0x85, '–': 0x96, '—': 0x97 }
  return Buffer.from(
    [...text].map((char) => {
      const code = special[char] ?? char.codePointAt(0) ?? 0x3f
      if (code > 0xff) throw new Error(`not in the fixture's Windows-1252 subset: ${char}`)
      return code
    }),
  )
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n')

interface ZipPart {
  name: string
  data: Buffer
  /** Stored (0) or deflated (8). */
  method?: 0 | 8
  /** What the directory claims the part unpacks to, when the fixture must lie about it. */
  declaredSize?: number
}

/** A zip written by hand (local headers, central directory, end record), as small as a zip can be. */
export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const method = part.method ?? 8
    const body = method === 8 ? zlib.deflateRawSync(part.data) : part.data
    const name = Buffer.from(part.name, 'utf-8')
    const size = part.declaredSize ?? part.data.length
    const crc = zlib.crc32(part.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(0x00210000, 10) // 1980-01-01 00:00, so the bytes never depend on the clock
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(0x00210000, 12)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

function paragraph(...runs: string[]): string {
  return `<w:p>${runs.map((run) => (run === '<br/>' ? '<w:r><w:br/></w:r>' : `<w:r><w:t xml:space="preserve">${run}</w:t></w:r>`)).join('')}</w:p>`
}

/** The smallest package Word and mammoth accept: content types, relationships, the document, core properties. */
export function makeDocx(body: string, core?: { title?: string; creator?: string }): Buffer {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`)
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
          '</Relationships>',
      ),
    },
    { name: 'word/document.xml', data: xml(`<w:document ${W}><w:body>${body}</w:body></w:document>`) },
  ]
  if (core) {
    parts.push({
      name: 'docProps/core.xml',
      data: xml(
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
          (core.title ? `<dc:title>${core.title}</dc:title>` : '') +
          (core.creator ? `<dc:creator>${core.creator}</dc:creator>` : '') +
          '</cp:coreProperties>',
      ),
    })
  }
  return makeZip(parts)
}

const ARTICLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Council keeps the harbour open | Coast Gazette</title>
<meta property="og:title" content="Council keeps the harbour open">
<meta property="og:site_name" content="Coast Gazette">
<meta property="article:published_time" content="2025-04-28T09:00:00+02:00">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://gazette.example/2025/04/harbour">
<script>window.tracking = true</script>
<style>body { font-family: serif }</style>
</head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="ad-banner">ADVERT: Buy harbour cruises now</div>
<main>
<article>
<h1>Council keeps the harbour open</h1>
<p>The council voted on Tuesday to keep the harbour open for another year, after a long debate in which fishermen, ferry operators and residents all spoke.</p>
<p>“We won,” said the mayor, Ana Oseman, after the vote. “The harbour is the town’s heart, and it stays open.”</p>
<p>Opponents said the repairs would cost more than the harbour earns. The harbour master said the quay wall needs work before winter, and that the council has not yet said how it will pay.</p>
</article>
</main>
<aside class="related">Related: Ferry timetable changes</aside>
<footer>© Coast Gazette</footer>
</body>
</html>
`

const HOSTILE_HTML = `<!doctype html>
<html><head><title>Hostile page</title>
<script>document.title = 'PWNED'; globalThis.pwned = true</script>
<meta http-equiv="refresh" content="0; url=javascript:alert(1)">
</head>
<body onload="globalThis.pwned = true">
<article>
<h1>Hostile page</h1>
<p>The quote “stays as text” even with <img src="x" onerror="globalThis.pwned = true"> an image that fails to load, on a page built to attack whoever opens it.</p>
<p>A <a href="javascript:globalThis.pwned = true">link that runs code</a> and a <a href="https://example.org" onclick="globalThis.pwned = true">click handler</a> leave only their words behind them.</p>
<script>globalThis.pwned = true</script>
<iframe src="javascript:alert(1)">iframe text</iframe>
<p>Third paragraph, so that there is enough text here for the page to count as an article worth reading.</p>
</article>
</body></html>
`

const VTT = `WEBVTT - Interview with the harbour master

NOTE recorded 2025-04-20 at the quay

STYLE
::cue { color: yellow }

intro
00:00:01.000 --> 00:00:04.500 align:start position:10%
<v Interviewer>So, will the harbour close?</v>

00:00:05.000 --> 00:00:09.250
<v.loud Harbour Master>Not this year.
<i>Not</i> while I’m here &amp; working.</v>

00:10.000 --> 00:12.000
<v Harbour Master>We need the quay wall fixed.

00:01:02.500 --> 00:01:04.000
<v Interviewer>Thank you.
`

const SRT = `1
00:00:01,000 --> 00:00:03,000
ALICE: Did the council vote?

2
00:00:03,500 --> 00:00:06,000
BOB O'NEIL: Yes, on Tuesday.
<i>Unanimously.</i>

3
00:00:06,500 --> 00:00:08,000
It was close to midnight.

4
00:00:08,500 --> 00:00:10,000
ALICE: Thanks.
`

/** Every fixture, by file name. */
export function importFixtures(): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const add = (name: string, bytes: Buffer | string) =>
    files.set(name, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes))
  const sentence = '“Hé,” she said. 😀\nSecond line.\n'

  // Plain text, per encoding and line end.
  add('utf8.txt', sentence)
  add('utf8-bom.txt', Buffer.concat([BOM_UTF8, Buffer.from(sentence)]))
  add('utf16le-bom.txt', utf16le(crlf(sentence)))
  add('utf16be-bom.txt', utf16be(crlf(sentence)))
  add('windows-1252.txt', cp1252('“Hi” – café…\r\nNext line.\r\n'))
  add('mixed-line-ends.txt', 'one\r\ntwo\rthree\nfour')
  add(
    'stray-nuls.txt',
    `A transcript line\u0000 with three\u0000 stray NUL\u0000 bytes in it. ${'Padding text. '.repeat(60)}`,
  )
  add('front-matter.md', crlf('---\ntitle: "Harbour: the vote"\n---\n# Other heading\n\n“Yes,” she said.\n'))
  add('windows-1252.md', cp1252('# Caf\u00e9 owners – a vote\n\nThey said “no”.\n'))

  // Web pages.
  add('article.html', ARTICLE_HTML)
  add('hostile.html', HOSTILE_HTML)
  add(
    'windows-1252.html',
    Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
      cp1252('é vote</title></head><body><p>“We won,” she said – twice.</p></body></html>'),
    ]),
  )
  add(
    'latin1-http-equiv.html',
    cp1252(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Le caf\u00e9</title></head><body><p>L’\u00e9t\u00e9 est l\u00e0.</p></body></html>',
    ),
  )
  add(
    'mislabelled-utf8.html',
    '<html><head><meta charset="windows-1252"></head><body><p>Café “quotes”.</p></body></html>',
  )
  add('utf16le-bom.html', utf16le('<html><body><p>Hé from UTF-16.</p><p>Second paragraph.</p></body></html>'))
  add(
    'no-article.html',
    '<html><head><title>Short</title></head><body><nav>Menu</nav><div>Just one line.</div><div>And a <time datetime="2024-02-29">date</time>.</div></body></html>',
  )
  add('scripts-only.html', '<html><head><script>alert(1)</script></head><body><script>alert(2)</script></body></html>')

  // Word documents: a real one, and ones that are broken or hostile.
  const draft = makeDocx(
    [
      paragraph('Council keeps the harbour open'),
      paragraph('“We won,” said the mayor. ', 'Caf\u00e9 owners cheered.'),
      '<w:p/>',
      paragraph('First line', '<br/>', 'second line of the same paragraph.'),
      '<w:tbl><w:tr><w:tc>' + paragraph('In a table') + '</w:tc></w:tr></w:tbl>',
    ].join(''),
    { title: 'Harbour &amp; council', creator: 'Jane Roe' },
  )
  add('draft.docx', draft)
  add('untitled.docx', makeDocx(paragraph('Only a paragraph.')))
  add('zip-renamed.docx', makeZip([{ name: 'notes.txt', data: Buffer.from('Just a zip with a text file.') }]))
  add(
    'xlsx-renamed.docx',
    makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ]),
  )
  add('truncated.docx', draft.subarray(0, Math.floor(draft.length / 2)))
  // The directory says 300 MB, as a real bomb's does; the bytes need not be real, as nothing is inflated.
  add(
    'bomb.docx',
    makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(1024), declaredSize: 300 * 1024 * 1024 },
    ]),
  )
  // A bomb that lies: its directory says 1 KB, its data inflates to 1 MB.
  add(
    'lying-bomb.docx',
    makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(1024 * 1024, 0x20), declaredSize: 1024 },
    ]),
  )
  const corrupt = Buffer.from(draft)
  const at = corrupt.indexOf('word/document.xml') + 'word/document.xml'.length
  corrupt.fill(0xff, at, at + 40) // scrambles the start of the document's compressed data
  add('corrupt.docx', corrupt)
  add(
    'doc-renamed.docx',
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
  )

  // Timed transcripts.
  add('interview.vtt', Buffer.concat([BOM_UTF8, Buffer.from(crlf(VTT))]))
  add('windows-1252.vtt', cp1252('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>“Caf\u00e9” – yes.\n'))
  add('utf16le-bom.vtt', utf16le('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHé.\n'))
  add('interview.srt', crlf(SRT))
  add('utf16be-bom.srt', utf16be('1\r\n00:00:01,000 --> 00:00:02,000\r\nHé from UTF-16.\r\n'))
  add('no-header.vtt', '00:00:01.000 --> 00:00:02.000\nHello\n')
  add('no-cues.srt', 'This is not a subtitle file.\n\nNeither is this.\n')

  // Files that are not text at all.
  add('empty.txt', Buffer.alloc(0))
  add('whitespace.md', ' \n\t\r\n')
  add('png.txt', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'))
  add('utf16-no-bom.txt', Buffer.from('Hello there, this is UTF-16 without its byte-order mark.\n', 'utf16le'))
  add('utf16-no-bom.html', Buffer.from('<html><body><p>Hello</p></body></html>', 'utf16le'))
  add('report.pdf', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n')
  return files
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.rmSync(FIXTURE_DIR, { recursive: true, force: true })
  fs.mkdirSync(FIXTURE_DIR, { recursive: true })
  for (const [name, bytes] of importFixtures()) fs.writeFileSync(path.join(FIXTURE_DIR, name), bytes)
  console.log(`wrote ${importFixtures().size} fixtures to ${path.relative(process.cwd(), FIXTURE_DIR)}`)
}
