import zlib from 'node:zlib'

/**
 * Bad and hostile inputs (notes §6), each with what Quotedesk must do with it. Small inputs
 * are committed as files under test/fixtures/hostile/ by scripts/make-hostile-fixtures.ts (so
 * invalid bytes stay exact and nothing is hand-edited); big ones are made at test time.
 */

export type Expectation =
  /** Imported; `body` is the exact text that must be stored. */
  | { kind: 'imports'; body?: string; bodyLength?: number; note?: string }
  /** Refused with a message naming the file (or the bad field) and matching `reason`. */
  | { kind: 'rejects'; reason: RegExp }
  /** Either is correct: refused for `reason`, or imported with a repair that `check` approves (null = fine). */
  | { kind: 'either'; reason: RegExp; check?: (body: string) => string | null }
  /**
   * A format another engineer is adding. Until it lands: the current "is not supported" refusal.
   * Once it lands: a clean import or a clean refusal (or only a refusal, with `whenSupported`).
   */
  | { kind: 'pending'; format: string; whenSupported: 'rejects' | 'either'; channel?: string }

export interface HostileInput {
  id: string
  title: string
  /** The name the file is imported under (its extension picks the importer). */
  fileName: string
  size: 'small' | 'big'
  make: () => Buffer
  expect: Expectation
  /** Replaces the `articles:import` payload, for inputs that are bad at the boundary itself. */
  payload?: (dataBase64: string) => unknown
  /** Imported by path through `quotedesk import` instead, for inputs that are not regular files. */
  cliPath?: 'directory' | 'fifo' | 'dev-zero' | 'missing'
  /**
   * A defect found here and reported, not yet fixed by its owner: shown in the table as a known
   * defect instead of failing the run. Once the input passes, the run fails until this is removed.
   */
  knownDefect?: string
}

const utf8 = (text: string) => Buffer.from(text, 'utf8')
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? utf8(part) : Buffer.from(part))))
const utf16le = (text: string) => Buffer.from(text, 'utf16le')
const utf16be = (text: string) => {
  const le = utf16le(text)
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0]
  return le
}
const MB = 1024 * 1024

/** ASCII article text of exactly `size` bytes, in lines of plain prose. */
function proseOfSize(size: number, newline = true): Buffer {
  const line = newline ? 'The council met on Tuesday to discuss the budget for the coming year.\n' : 'word '
  const out = Buffer.alloc(size)
  for (let at = 0; at < size; at += out.write(line, at));
  return out
}

/** A minimal ZIP archive (what .docx files are), so importers meet real container bytes. */
export function zip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = utf8(entry.name)
    const body = entry.deflate ? zlib.deflateRawSync(entry.data, { level: 9 }) : entry.data
    const crc = zlib.crc32(entry.data)
    const method = entry.deflate ? 8 : 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(entry.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(entry.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** A .docx whose `word/document.xml` body is `body`, deflated as Word does, with any other parts. */
export function wordDocx(body: Buffer, extra: { name: string; data: Buffer; deflate?: boolean }[] = []): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: utf8('<?xml version="1.0"?><Types/>') },
    {
      name: 'word/document.xml',
      data: Buffer.concat([utf8(`<w:document ${WORD_NS}><w:body>`), body, utf8('</w:body></w:document>')]),
      deflate: true,
    },
    ...extra,
  ])
}

/** `count` copies of `markup`, whole: Buffer.alloc alone would cut the last one short. */
export function repeated(markup: string, count: number): Buffer {
  return Buffer.alloc(markup.length * count, markup)
}

/** About `size` bytes of empty Word paragraphs: honest XML that mammoth's tree multiplies many times over. */
export function emptyParagraphs(size: number): Buffer {
  const paragraph = '<w:p><w:r><w:t></w:t></w:r></w:p>'
  return repeated(paragraph, Math.floor(size / paragraph.length))
}

/** One footnote of `noteChars` characters, referenced `refs` times: mammoth writes it out at each. */
export function footnoteEcho(refs: number, noteChars: number): Buffer {
  const note = '“Noted,” the clerk said. '.repeat(Math.ceil(noteChars / 25)).slice(0, noteChars)
  const footnotes = `<w:footnotes ${WORD_NS}><w:footnote w:id="1"><w:p><w:r><w:t>${note}</w:t></w:r></w:p></w:footnote></w:footnotes>`
  const references = '<w:r><w:footnoteReference w:id="1"/></w:r>'.repeat(refs)
  return wordDocx(utf8(`<w:p><w:r><w:t>See the notes.</w:t></w:r>${references}</w:p>`), [
    { name: 'word/footnotes.xml', data: utf8(footnotes), deflate: true },
  ])
}

const HOSTILE_MARKUP =
  '<p>“Trust me,” the source said.</p><script>window.__pwned=1</script>' +
  '<img src=x onerror="window.__pwned=2"><a href="javascript:window.__pwned=3">read more</a>\n'

export const HOSTILE_INPUTS: HostileInput[] = [
  // Encodings and bytes
  {
    id: 'h01',
    title: 'Empty file (0 bytes)',
    fileName: 'empty.txt',
    size: 'small',
    make: () => Buffer.alloc(0),
    expect: { kind: 'rejects', reason: /the file is empty/ },
  },
  {
    id: 'h02',
    title: 'Whitespace only',
    fileName: 'blank.txt',
    size: 'small',
    make: () => utf8(' \n\t\r\n   \u00a0'),
    expect: { kind: 'rejects', reason: /no text in it/ },
  },
  {
    id: 'h03',
    title: 'UTF-8 with BOM (BOM dropped, offsets exclude it)',
    fileName: 'bom.txt',
    size: 'small',
    make: () => bytes([0xef, 0xbb, 0xbf], '“Hello,” she said.\n'),
    expect: { kind: 'imports', body: '“Hello,” she said.\n' },
  },
  {
    id: 'h04',
    title: 'UTF-16LE with BOM',
    fileName: 'utf16le.txt',
    size: 'small',
    make: () => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('Hé 😀 “hi,” she said.\r\n')]),
    expect: { kind: 'imports', body: 'Hé 😀 “hi,” she said.\n' },
  },
  {
    id: 'h05',
    title: 'UTF-16BE with BOM',
    fileName: 'utf16be.txt',
    size: 'small',
    make: () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('Hé 😀 “hi,” she said.\r\n')]),
    expect: { kind: 'imports', body: 'Hé 😀 “hi,” she said.\n' },
  },
  {
    id: 'h06',
    title: 'UTF-16 without BOM',
    fileName: 'utf16-nobom.txt',
    size: 'small',
    make: () => utf16le('Plain text without a byte-order mark, “quoted,” he said.'),
    expect: { kind: 'rejects', reason: /looks like UTF-16 without a byte-order mark/ },
  },
  {
    id: 'h07',
    title: 'Invalid byte 0xFF in otherwise UTF-8 text',
    fileName: 'invalid-ff.txt',
    size: 'small',
    make: () => bytes('a', [0xff], 'b “c,” she said.'),
    expect: {
      kind: 'either',
      reason: /invalid|not UTF-8|byte/,
      check: (body) =>
        body.includes('“c,”') ? null : `the valid UTF-8 around the bad byte became ${JSON.stringify(body)}`,
    },
  },
  {
    id: 'h08',
    title: 'Truncated multi-byte sequence at end of file',
    fileName: 'truncated.txt',
    size: 'small',
    make: () => bytes('caf', [0xc3]),
    expect: { kind: 'imports', body: 'cafÃ' },
  },
  {
    id: 'h09',
    title: 'Overlong UTF-8 encoding C0 AF',
    fileName: 'overlong.txt',
    size: 'small',
    make: () => bytes('x', [0xc0, 0xaf], 'y'),
    expect: { kind: 'imports', body: 'xÀ¯y' },
  },
  {
    id: 'h10',
    title: 'CESU-8 surrogate bytes ED A0 80 (never a lone surrogate in storage)',
    fileName: 'cesu8.txt',
    size: 'small',
    make: () => bytes('x', [0xed, 0xa0, 0x80], 'y'),
    expect: { kind: 'imports', body: 'xí\u00a0€y' },
  },
  {
    id: 'h11',
    title: 'Windows-1252 smart quotes 93 94 85 96 (Node 20 TextDecoder bug, F3)',
    fileName: 'cp1252.txt',
    size: 'small',
    make: () => bytes([0x93], 'Hi', [0x94, 0x20, 0x85, 0x20, 0x96], ' she said'),
    expect: { kind: 'imports', body: '“Hi” … – she said' },
  },
  {
    id: 'h12',
    title: 'Latin-1 é as a single byte E9',
    fileName: 'latin1.txt',
    size: 'small',
    make: () => bytes('Caf', [0xe9], ' noir'),
    expect: { kind: 'imports', body: 'Café noir' },
  },
  {
    id: 'h13',
    title: 'NUL byte inside text',
    fileName: 'nul.txt',
    size: 'small',
    make: () => bytes('Hello', [0], 'world, she said. This is otherwise plain text.'),
    expect: { kind: 'rejects', reason: /binary, not text/ },
  },
  {
    id: 'h14',
    title: 'PNG renamed .txt',
    fileName: 'photo.txt',
    size: 'small',
    make: () =>
      bytes([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
        8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
      ]),
    expect: { kind: 'rejects', reason: /binary, not text/ },
  },
  {
    id: 'h15',
    title: 'PDF renamed .txt',
    fileName: 'report.txt',
    size: 'small',
    make: () =>
      bytes(
        '%PDF-1.7\n%',
        [0xe2, 0xe3, 0xcf, 0xd3],
        '\n1 0 obj\n<< /Length 12 /Filter /FlateDecode >>\nstream\n',
        [0x78, 0x9c, 0x00, 0x01, 0x00, 0xfe],
        '\nendstream\nendobj\n%%EOF\n',
      ),
    expect: { kind: 'rejects', reason: /binary, not text/ },
  },
  {
    id: 'h16',
    title: 'Exactly 50 MB of text',
    fileName: 'exactly-50mb.txt',
    size: 'big',
    make: () => proseOfSize(50 * MB),
    // 50 MB of ASCII is 52,428,800 characters: exactly what an article may hold.
    expect: {
      kind: 'either',
      reason: /the limit is/,
      check: (body) => (body.length === 50 * MB ? null : `stored ${body.length} characters`),
    },
  },
  {
    id: 'h17',
    title: '50 MB + 1 byte',
    fileName: 'over-50mb.txt',
    size: 'big',
    make: () => proseOfSize(50 * MB + 1),
    expect: { kind: 'rejects', reason: /the limit is 50 MB/ },
  },
  {
    id: 'h18',
    title: 'One 10 MB line, no newline',
    fileName: 'one-line.txt',
    size: 'big',
    make: () => proseOfSize(10 * MB, false),
    expect: { kind: 'imports', bodyLength: 10 * MB },
  },
  {
    id: 'h19',
    title: 'Very long lines with quotes (50 × 100,000 characters)',
    fileName: 'long-lines.txt',
    size: 'big',
    make: () =>
      utf8(Array.from({ length: 50 }, (_, i) => `“Line ${i},” said Ana Ruiz. ${'filler '.repeat(14_280)}`).join('\n')),
    expect: { kind: 'imports' },
  },

  // Line ends and invisible characters
  {
    id: 'h20',
    title: 'CRLF line ends (offsets after normalising)',
    fileName: 'crlf.txt',
    size: 'small',
    make: () => utf8('Title\r\n\r\n“One,” she said.\r\n'),
    expect: { kind: 'imports', body: 'Title\n\n“One,” she said.\n' },
  },
  {
    id: 'h21',
    title: 'CR-only line ends',
    fileName: 'cr.txt',
    size: 'small',
    make: () => utf8('Title\r\r“One,” she said.\r'),
    expect: { kind: 'imports', body: 'Title\n\n“One,” she said.\n' },
  },
  {
    id: 'h22',
    title: 'Mixed CRLF, LF and CR',
    fileName: 'mixed-eol.txt',
    size: 'small',
    make: () => utf8('a\r\nb\nc\rd “e,” he said.'),
    expect: { kind: 'imports', body: 'a\nb\nc\nd “e,” he said.' },
  },
  {
    id: 'h23',
    title: 'U+2028, U+2029 and NEL U+0085 (kept as text)',
    fileName: 'separators.txt',
    size: 'small',
    make: () => utf8('A\u2028B\u2029C\u0085D “q,” he said.'),
    expect: { kind: 'imports', body: 'A\u2028B\u2029C\u0085D “q,” he said.' },
  },
  {
    id: 'h24',
    title: 'C0 controls VT, FF, ESC in an article (kept as text)',
    fileName: 'controls.txt',
    size: 'small',
    make: () => utf8(`A\vB\fC\x1b[31mD “q,” he said. ${'Ordinary words follow the odd bytes. '.repeat(10)}`),
    expect: {
      kind: 'imports',
      body: `A\vB\fC\x1b[31mD “q,” he said. ${'Ordinary words follow the odd bytes. '.repeat(10)}`,
    },
  },
  {
    id: 'h66',
    title: 'A short text dense with control characters',
    fileName: 'dense-controls.txt',
    size: 'small',
    make: () => utf8('A\vB\x01C\x02D “q,” he said.'),
    expect: {
      kind: 'either',
      reason: /binary, not text/,
      check: (body) => (body.includes('“q,”') ? null : 'text lost'),
    },
  },
  {
    id: 'h25',
    title: 'Zero-width characters ZWSP, ZWNJ, WJ, mid-text U+FEFF',
    fileName: 'zero-width.txt',
    size: 'small',
    make: () => utf8('Zero\u200bwidth\u200c and\u2060 mid\ufefftext “we\u200bll win,” she said.'),
    expect: { kind: 'imports', body: 'Zero\u200bwidth\u200c and\u2060 mid\ufefftext “we\u200bll win,” she said.' },
  },
  {
    id: 'h26',
    title: 'Bidi controls RLO and isolates (Trojan Source)',
    fileName: 'bidi.txt',
    size: 'small',
    make: () => utf8('access\u202e \u2066// check\u2069 \u2066“admin only,”\u2069 said Eve Park.'),
    expect: { kind: 'imports', body: 'access\u202e \u2066// check\u2069 \u2066“admin only,”\u2069 said Eve Park.' },
  },
  {
    id: 'h27',
    title: 'RTL text (Arabic, Hebrew) with « » and „ “',
    fileName: 'rtl.txt',
    size: 'small',
    make: () => utf8('قال الوزير «سنفوز» أمس.\n\nהוא אמר „נצליח“ היום.\n'),
    expect: { kind: 'imports', body: 'قال الوزير «سنفوز» أمس.\n\nהוא אמר „נצליח“ היום.\n' },
  },
  {
    id: 'h28',
    title: 'Emoji surrogate pairs right beside quote marks',
    fileName: 'emoji.txt',
    size: 'small',
    make: () => utf8('I 😀“quotes”😀 é 👍🏽“we won,”👍🏽 said Ana Ruiz 👨‍👩‍👧.'),
    expect: { kind: 'imports', body: 'I 😀“quotes”😀 é 👍🏽“we won,”👍🏽 said Ana Ruiz 👨‍👩‍👧.' },
  },
  {
    id: 'h29',
    title: 'Combining marks (e + U+0301)',
    fileName: 'combining.txt',
    size: 'small',
    make: () => utf8('Cafe\u0301 “re\u0301sume\u0301 ready,” said Jose\u0301 Diaz.'),
    expect: { kind: 'imports', body: 'Cafe\u0301 “re\u0301sume\u0301 ready,” said Jose\u0301 Diaz.' },
  },
  {
    id: 'h30',
    title: 'ZWJ family emoji, flags, skin tones',
    fileName: 'zwj.txt',
    size: 'small',
    make: () => utf8('👨‍👩‍👧‍👦🇺🇦🇵🇸🏳️‍🌈 “family first,” 👩🏿‍🚀 said Kim Lee.'),
    expect: { kind: 'imports', body: '👨‍👩‍👧‍👦🇺🇦🇵🇸🏳️‍🌈 “family first,” 👩🏿‍🚀 said Kim Lee.' },
  },
  {
    id: 'h31',
    title: 'Non-BMP CJK and 「」『』',
    fileName: 'cjk.txt',
    size: 'small',
    make: () => utf8('𠀀𠀁 「引用です」と王さんは言った。『二重』\n'),
    expect: { kind: 'imports', body: '𠀀𠀁 「引用です」と王さんは言った。『二重』\n' },
  },
  {
    id: 'h32',
    title: 'Low-9 and prime marks ‚‘ ″ ′ and nested quotes',
    fileName: 'primes.txt',
    size: 'small',
    make: () => utf8('He is 5′ 11″. ‚Low‘ “nested ‘inner’ quote,” said Li Wei.'),
    expect: { kind: 'imports', body: 'He is 5′ 11″. ‚Low‘ “nested ‘inner’ quote,” said Li Wei.' },
  },

  // Shapes that stress the quote detector
  {
    id: 'h33',
    title: '100,000 " characters in a row',
    fileName: 'many-quotes.txt',
    size: 'small',
    make: () => utf8('"'.repeat(100_000)),
    expect: { kind: 'imports' },
  },
  {
    id: 'h34',
    title: 'Unbalanced quotes across 1,000 paragraphs',
    fileName: 'unbalanced.txt',
    size: 'small',
    make: () => utf8(Array.from({ length: 1000 }, (_, i) => `“Unclosed quote ${i} said Someone`).join('\n\n')),
    expect: { kind: 'imports' },
  },
  {
    id: 'h35',
    title: 'A quote mark in every word (5,000 words)',
    fileName: 'every-word.txt',
    size: 'small',
    make: () => utf8(Array.from({ length: 5000 }, (_, i) => (i % 2 ? `“w${i}”` : `"w${i}"`)).join(' ')),
    expect: { kind: 'imports' },
  },
  {
    id: 'h36',
    title: 'First line of 100,000 characters (the title)',
    fileName: 'long-title.txt',
    size: 'small',
    make: () => utf8(`${'Headline '.repeat(11_112)}\n\n“Short,” she said.`),
    expect: { kind: 'imports' },
  },

  // Markup and scripts: stored as literal text, never run
  {
    id: 'h37',
    title: 'HTML with <script>, onerror= and javascript:, as .txt (stored as text)',
    fileName: 'markup.txt',
    size: 'small',
    make: () => utf8(HOSTILE_MARKUP),
    expect: { kind: 'imports', body: HOSTILE_MARKUP },
  },
  {
    id: 'h38',
    title: 'Markdown with raw <script> and a javascript: link',
    fileName: 'hostile.md',
    size: 'small',
    make: () =>
      utf8(
        '# Budget row\n\n<script>window.__pwned=1</script>\n\n[click](javascript:window.__pwned=2) “fine,” he said.\n',
      ),
    expect: {
      kind: 'imports',
      body: '# Budget row\n\n<script>window.__pwned=1</script>\n\n[click](javascript:window.__pwned=2) “fine,” he said.\n',
    },
  },
  {
    id: 'h39',
    title: 'Markdown front matter with YAML billion laughs',
    fileName: 'laughs.md',
    size: 'small',
    make: () =>
      utf8(
        `---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from(
          { length: 9 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(',')}]`,
        ).join('\n')}\n---\n# Laughs\n\n“Ha,” she said.\n`,
      ),
    expect: { kind: 'imports' },
  },
  {
    id: 'h40',
    title: 'HTML with <script>, onerror= and javascript: (.html)',
    fileName: 'page.html',
    size: 'small',
    make: () => utf8(`<!doctype html><html><body>${HOSTILE_MARKUP}</body></html>`),
    expect: { kind: 'pending', format: 'html', whenSupported: 'either' },
  },
  {
    id: 'h41',
    title: 'Deeply nested HTML (10,000 <div>)',
    fileName: 'nested.html',
    size: 'small',
    make: () => utf8(`${'<div>'.repeat(10_000)}“Deep,” she said.${'</div>'.repeat(10_000)}`),
    expect: { kind: 'pending', format: 'html', whenSupported: 'either' },
  },
  {
    id: 'h42',
    title: 'A plain zip renamed .docx',
    fileName: 'fake.docx',
    size: 'small',
    make: () => zip([{ name: 'hello.txt', data: utf8('not a word document') }]),
    expect: { kind: 'pending', format: 'docx', whenSupported: 'rejects' },
  },
  {
    id: 'h43',
    title: 'DOCX zip bomb (50 MB of XML deflated to ~50 KB)',
    fileName: 'bomb.docx',
    size: 'small',
    make: () =>
      zip([
        { name: '[Content_Types].xml', data: utf8('<?xml version="1.0"?><Types/>') },
        {
          name: 'word/document.xml',
          data: Buffer.concat([
            utf8('<w:document><w:body><w:p><w:r><w:t>'),
            Buffer.alloc(50 * MB, 0x41),
            utf8('</w:t></w:r></w:p></w:body></w:document>'),
          ]),
          deflate: true,
        },
      ]),
    expect: { kind: 'pending', format: 'docx', whenSupported: 'rejects' },
  },
  {
    id: 'h44',
    title: 'Text renamed .docx',
    fileName: 'plain.docx',
    size: 'small',
    make: () => utf8('“Just text,” she said.'),
    expect: { kind: 'pending', format: 'docx', whenSupported: 'rejects' },
  },

  // JSON import
  {
    id: 'h45',
    title: 'JSON with wrong types',
    fileName: 'wrong-types.json',
    size: 'small',
    make: () => utf8('{"schemaVersion":"one","articles":[{"title":42,"body":null,"quotes":[{"start":"0","end":-1}]}]}'),
    expect: { kind: 'pending', format: 'json', channel: 'import:json', whenSupported: 'rejects' },
  },
  {
    id: 'h46',
    title: 'JSON with extra fields',
    fileName: 'extra.json',
    size: 'small',
    make: () =>
      utf8(
        '{"schemaVersion":1,"articles":[{"title":"T","body":"“B,” he said.","extra":true,"path":"/etc/passwd"}],"admin":true}',
      ),
    expect: { kind: 'pending', format: 'json', channel: 'import:json', whenSupported: 'either' },
  },
  {
    id: 'h47',
    title: 'JSON with duplicate keys',
    fileName: 'duplicate.json',
    size: 'small',
    make: () => utf8('{"schemaVersion":1,"articles":[{"title":"A","title":"B","body":"x"}]}'),
    expect: { kind: 'pending', format: 'json', channel: 'import:json', whenSupported: 'either' },
  },
  {
    id: 'h48',
    title: 'JSON with a "__proto__" key',
    fileName: 'proto.json',
    size: 'small',
    make: () => utf8('{"__proto__":{"polluted":true},"schemaVersion":1,"articles":[]}'),
    expect: { kind: 'pending', format: 'json', channel: 'import:json', whenSupported: 'either' },
  },
  {
    id: 'h49',
    title: 'JSON with a lone surrogate "\\ud800"',
    fileName: 'surrogate.json',
    size: 'small',
    make: () => utf8('{"schemaVersion":1,"articles":[{"title":"\\ud800","body":"x\\udfff"}]}'),
    expect: { kind: 'pending', format: 'json', channel: 'import:json', whenSupported: 'either' },
  },
  {
    id: 'h50',
    title: 'JSON nested 100,000 deep',
    fileName: 'deep.json',
    size: 'small',
    make: () => utf8(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    expect: { kind: 'pending', format: 'json', channel: 'import:json', whenSupported: 'rejects' },
  },
  {
    id: 'h51',
    title: 'WebVTT with markup in cues and absurd timestamps',
    fileName: 'talk.vtt',
    size: 'small',
    make: () =>
      utf8(
        'WEBVTT\n\n99999:99:99.999 --> 00:00:00.000\n<script>window.__pwned=1</script><c.x>“Hi,” she said.</c>\n\n00:00:01.000 --> 00:00:02.000\n\u0000\u202e\n',
      ),
    expect: { kind: 'pending', format: 'vtt', whenSupported: 'either' },
  },
  {
    id: 'h52',
    title: 'SRT with bad numbering and timestamps',
    fileName: 'talk.srt',
    size: 'small',
    make: () =>
      utf8(
        'one\n00:00:xx,000 --> 00:00:02,000\n“Hello,” he said.\n\n-5\n00:00:03,000 --> 00:00:01,000\n<font color=red onmouseover=alert(1)>x</font>\n',
      ),
    expect: { kind: 'pending', format: 'srt', whenSupported: 'either' },
  },

  // Names and payloads
  {
    id: 'h53',
    title: 'No extension',
    fileName: 'README',
    size: 'small',
    make: () => utf8('“Hello,” she said.'),
    expect: { kind: 'rejects', reason: /"no extension" is not supported/ },
  },
  {
    id: 'h54',
    title: 'Executable extension',
    fileName: 'draft.exe',
    size: 'small',
    make: () => bytes('MZ', [0x90, 0, 3, 0]),
    expect: { kind: 'rejects', reason: /"\.exe" is not supported/ },
  },
  {
    id: 'h55',
    title: 'Upper-case extension .TXT',
    fileName: 'SHOUT.TXT',
    size: 'small',
    make: () => utf8('“LOUD,” HE SAID.'),
    expect: { kind: 'imports', body: '“LOUD,” HE SAID.' },
  },
  {
    id: 'h56',
    title: 'Path traversal in the file name (a display name only)',
    fileName: '../../etc/passwd.txt',
    size: 'small',
    make: () => utf8('root:x:0:0 “not really,” she said.'),
    expect: { kind: 'imports', body: 'root:x:0:0 “not really,” she said.' },
  },
  {
    id: 'h57',
    title: 'NUL in the file name',
    fileName: 'a\u0000b.txt',
    size: 'small',
    make: () => utf8('“Hi,” she said.'),
    expect: { kind: 'rejects', reason: /fileName: contains a NUL byte/ },
  },
  {
    id: 'h58',
    title: 'Lone surrogate in the file name',
    fileName: 'x\ud800.txt',
    size: 'small',
    make: () => utf8('“Hi,” she said.'),
    expect: { kind: 'rejects', reason: /fileName: contains a lone surrogate/ },
  },
  {
    id: 'h59',
    title: 'Payload that is not base64',
    fileName: 'x.txt',
    size: 'small',
    make: () => utf8('“Hi,” she said.'),
    payload: () => ({ fileName: 'x.txt', dataBase64: '%%% not base64 %%%' }),
    expect: { kind: 'rejects', reason: /dataBase64: must be base64/ },
  },
  {
    id: 'h60',
    title: 'Payload with an extra "path" field',
    fileName: 'x.txt',
    size: 'small',
    make: () => utf8('“Hi,” she said.'),
    payload: (data) => ({ fileName: 'x.txt', dataBase64: data, path: '/etc/passwd' }),
    expect: { kind: 'rejects', reason: /Unrecognized key.*path/ },
  },
  {
    id: 'h61',
    title: 'UTF-16LE with a lone surrogate (repaired to U+FFFD)',
    fileName: 'lone16.txt',
    size: 'small',
    make: () => Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00, 0x20, 0x00, 0x1c, 0x20, 0x42, 0x00, 0x1d, 0x20]),
    expect: { kind: 'imports', body: '\ufffdA “B”' },
  },

  // Not regular files (through `quotedesk import PATH`)
  {
    id: 'h62',
    title: 'A folder',
    fileName: 'folder.txt',
    size: 'small',
    make: () => Buffer.alloc(0),
    cliPath: 'directory',
    expect: { kind: 'rejects', reason: /is a folder/ },
  },
  {
    id: 'h63',
    title: 'A FIFO (would block for ever)',
    fileName: 'pipe.txt',
    size: 'small',
    make: () => Buffer.alloc(0),
    cliPath: 'fifo',
    expect: { kind: 'rejects', reason: /is not a regular file/ },
  },
  {
    id: 'h64',
    title: '/dev/zero (endless)',
    fileName: 'zero',
    size: 'small',
    make: () => Buffer.alloc(0),
    cliPath: 'dev-zero',
    expect: { kind: 'rejects', reason: /is not a regular file/ },
  },
  {
    id: 'h65',
    title: 'A file that does not exist',
    fileName: 'missing.txt',
    size: 'small',
    make: () => Buffer.alloc(0),
    cliPath: 'missing',
    expect: { kind: 'rejects', reason: /no such file/ },
  },

  // Red team, issue 12: inputs whose shape made a regular expression backtrack.
  {
    id: 'h67',
    title: 'DOCX whose core properties repeat "<dc:title " 200,000 times (issue 12, finding 5)',
    fileName: 'title-loop.docx',
    size: 'big',
    make: () =>
      zip([
        { name: '[Content_Types].xml', data: utf8('<?xml version="1.0"?><Types/>') },
        {
          name: 'word/document.xml',
          data: utf8(
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>“Fine,” she said.</w:t></w:r></w:p></w:body></w:document>',
          ),
        },
        { name: 'docProps/core.xml', data: utf8('<dc:title '.repeat(200_000)), deflate: true },
      ]),
    expect: { kind: 'pending', format: 'docx', whenSupported: 'either' },
  },
  {
    id: 'h68',
    title: 'WebVTT cue of 1,000,000 unclosed "<" (issue 12, the same shape in the cue cleaner)',
    fileName: 'markup-loop.vtt',
    size: 'big',
    make: () => utf8(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'<'.repeat(1_000_000)}\n`),
    expect: { kind: 'pending', format: 'vtt', whenSupported: 'either' },
  },
  // Red team, issue 12, finding 3: honest markup that the parsers' trees multiply past memory.
  {
    id: 'h72',
    title: 'DOCX of 190 MB of honest XML (empty Word paragraphs) in 0.6 MB (issue 12, finding 3)',
    fileName: 'empty-runs.docx',
    size: 'big',
    make: () => wordDocx(emptyParagraphs(190 * MB)),
    expect: { kind: 'rejects', reason: /its XML would unpack to 190\.\d MB, over the 64 MB limit/ },
  },
  {
    id: 'h73',
    title: 'DOCX of 40 MB of empty paragraphs: under the XML limit, 3.8 million nodes (issue 12, finding 3)',
    fileName: 'many-paragraphs.docx',
    size: 'big',
    make: () => wordDocx(emptyParagraphs(40 * MB)),
    expect: { kind: 'rejects', reason: /it is too complex to import: [\d,]+ XML elements and attributes/ },
  },
  {
    id: 'h74',
    title: 'DOCX of 2 KB whose one footnote is referenced 2,500 times: 500 million characters (issue 12, finding 3)',
    fileName: 'footnote-echo.docx',
    size: 'big',
    make: () => footnoteEcho(2_500, 200_000),
    expect: { kind: 'rejects', reason: /once each footnote is repeated where it is referenced; the limit is/ },
  },
  {
    id: 'h75',
    title: 'HTML page of 40 MB of empty elements: 6 million nodes for linkedom (issue 12, finding 3)',
    fileName: 'empty-elements.html',
    size: 'big',
    make: () =>
      Buffer.concat([
        utf8('<html><body><p>“Hi,” she said.</p>'),
        repeated('<i></i>', 6_000_000),
        utf8('</body></html>'),
      ]),
    expect: { kind: 'rejects', reason: /the page is too complex to import: [\d,]+ HTML elements and attributes/ },
  },
]
