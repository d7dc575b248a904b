/** What a parser would build from some markup, counted without building anything. */
export interface MarkupShape {
  /** Elements and attributes: each becomes at least one object in a DOM. */
  nodes: number
  /** Characters of text inside elements named `t` in any namespace (Word's `<w:t>`), entities counting as one. */
  text: number
  /** Word's footnote and endnote references: mammoth writes the whole note out again at each one. */
  noteReferences: number
  /** The text of the longest footnote or endnote. */
  longestNote: number
}

/**
 * The most elements and attributes an import parses. mammoth's and linkedom's trees cost up to
 * 1.8 KB of heap a node (measured here: 480,000 nodes of empty Word paragraphs peaked at 860 MB
 * and took 5 s; 510,000 of HTML paragraphs, 760 MB and 8 s), so this many stay well inside the
 * import worker's heap. Word spends about 30 on a paragraph with its run properties and
 * revision marks, so this is still some 5 million characters of text; an HTML page has a few
 * thousand nodes, a long one a hundred thousand.
 */
export const MAX_MARKUP_NODES = 500_000

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const BANG = 0x21
const QUESTION = 0x3f
const AMP = 0x26
const EQUALS = 0x3d
const COLON = 0x3a
const DQUOTE = 0x22
const SQUOTE = 0x27

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === COLON
}

function isNameEnd(code: number): boolean {
  return code === GT || code === SLASH || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
}

/** Whether the name in `source` from `start` to `end` is `local` or `prefix:local`. */
function hasLocalName(source: string, start: number, end: number, local: string): boolean {
  const at = end - local.length
  return at >= start && source.startsWith(local, at) && (at === start || source.charCodeAt(at - 1) === COLON)
}

const NOTES = ['footnote', 'endnote']
const NOTE_REFERENCES = ['footnoteReference', 'endnoteReference']

/**
 * Counts the nodes and Word text of XML or HTML in one linear pass, for refusing a document
 * before a parser multiplies it in memory. It is a tally, not a parser: comments and
 * declarations are skipped, a `<` that starts no tag is text, and quoted `>` stay in their tag.
 *
 * @example
 *   markupShape('<w:p w:rsidR="1"><w:r><w:t>Hi &amp; bye</w:t></w:r></w:p>')
 *   // { nodes: 4, text: 8, noteReferences: 0, longestNote: 0 }
 */
export function markupShape(source: string): MarkupShape {
  const length = source.length
  let nodes = 0
  let text = 0
  let noteReferences = 0
  let longestNote = 0
  // The text of the note being read; notes nested in it count towards it.
  let note = 0
  let noteDepth = 0
  let inText = false
  let at = 0
  while (at < length) {
    const code = source.charCodeAt(at)
    if (code !== LT) {
      if (inText) {
        text++
        if (noteDepth > 0) note++
        if (code === AMP) {
          const semicolon = source.indexOf(';', at)
          if (semicolon > at && semicolon - at <= 32) at = semicolon
        }
      }
      at++
      continue
    }
    const next = source.charCodeAt(at + 1)
    if (next === BANG || next === QUESTION) {
      const close = source.startsWith('<!--', at) ? '-->' : source.startsWith('<![CDATA[', at) ? ']]>' : '>'
      const end = source.indexOf(close, at + 2)
      if (end < 0) break
      if (inText && close === ']]>') {
        text += end - (at + 9)
        if (noteDepth > 0) note += end - (at + 9)
      }
      at = end + close.length
      continue
    }
    const isClosing = next === SLASH
    const nameStart = at + (isClosing ? 2 : 1)
    if (!isNameStart(source.charCodeAt(nameStart))) {
      if (inText) {
        text++
        if (noteDepth > 0) note++
      }
      at++
      continue
    }
    let nameEnd = nameStart + 1
    while (nameEnd < length && !isNameEnd(source.charCodeAt(nameEnd))) nameEnd++
    const isText = hasLocalName(source, nameStart, nameEnd, 't')
    // To the tag's end, counting attributes; a quoted value may hold `>`.
    let quote = 0
    let end = nameEnd
    for (; end < length; end++) {
      const c = source.charCodeAt(end)
      if (quote !== 0) {
        if (c === quote) quote = 0
      } else if (c === DQUOTE || c === SQUOTE) {
        quote = c
      } else if (c === EQUALS) {
        if (!isClosing) nodes++
      } else if (c === GT) {
        break
      }
    }
    const isEmpty = source.charCodeAt(end - 1) === SLASH
    const isNote = NOTES.some((name) => hasLocalName(source, nameStart, nameEnd, name))
    if (isClosing) {
      if (isText) inText = false
      if (isNote && noteDepth > 0 && --noteDepth === 0) {
        longestNote = Math.max(longestNote, note)
        note = 0
      }
    } else {
      nodes++
      if (isText && !isEmpty) inText = true
      if (isNote && !isEmpty) noteDepth++
      if (NOTE_REFERENCES.some((name) => hasLocalName(source, nameStart, nameEnd, name))) noteReferences++
    }
    at = end + 1
  }
  return { nodes, text, noteReferences, longestNote }
}
