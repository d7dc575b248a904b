import type { FootnoteDefinition, Paragraph, PhrasingContent, Root } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import { stringify } from 'yaml'
import {
  CONFIDENTIAL_LABEL,
  WITHHELD_SPEAKER,
  type ExportQuote,
  type ExportSource,
  type ExportV1,
} from '../../shared/schemas/export'
import { MD_OWNER_KEY } from './own-files'

const STATUS_LABELS: Record<ExportQuote['status'], string> = {
  unverified: 'not yet verified',
  verified: 'verified',
  altered: 'altered (differs from the source)',
  not_found: 'not found in the source',
  disputed: 'disputed',
}

export interface BodyParagraph {
  start: number
  end: number
}

/**
 * Cuts a body into paragraphs at exactly "\n\n", so joining the paragraphs' text with "\n\n" gives
 * the body back unchanged: longer runs of newlines stay inside a paragraph (to-markdown encodes
 * them as character references), and an empty piece at either end is merged into its neighbour.
 */
export function splitParagraphs(body: string): BodyParagraph[] {
  const pieces: BodyParagraph[] = []
  let start = 0
  for (const match of body.matchAll(/\n\n(?!\n)/g)) {
    pieces.push({ start, end: match.index })
    start = match.index + 2
  }
  pieces.push({ start, end: body.length })
  const merged: BodyParagraph[] = []
  let carry: number | null = null
  for (const piece of pieces) {
    if (piece.end > piece.start) {
      merged.push({ start: carry ?? piece.start, end: piece.end })
      carry = null
    } else if (merged.length > 0) {
      const last = merged[merged.length - 1] as BodyParagraph
      last.end = piece.end
    } else {
      carry ??= piece.start
    }
  }
  if (merged.length === 0) merged.push({ start: 0, end: body.length })
  return merged
}

function footnoteId(index: number): string {
  return `q${index + 1}`
}

function sourceParts(source: ExportSource | undefined): PhrasingContent[] {
  if (!source) return [{ type: 'text', value: 'none recorded' }]
  if (source.redacted) return [{ type: 'text', value: CONFIDENTIAL_LABEL }]
  const parts = [source.title, source.outlet, source.sourceDate].filter((part): part is string => !!part)
  const nodes: PhrasingContent[] = [{ type: 'text', value: parts.join(', ') }]
  if (source.url) {
    nodes.push(
      { type: 'text', value: ', ' },
      { type: 'link', url: source.url, children: [{ type: 'text', value: source.url }] },
    )
  }
  if (source.isConfidential) nodes.push({ type: 'text', value: ` (${CONFIDENTIAL_LABEL}, included on request)` })
  return nodes
}

function footnote(quote: ExportQuote, index: number, sources: Map<string, ExportSource>): FootnoteDefinition {
  const source = quote.sourceId ? sources.get(quote.sourceId) : undefined
  const children: PhrasingContent[] = [
    { type: 'text', value: `Speaker: ${quote.speaker?.name ?? 'not identified'}. Source: ` },
    ...sourceParts(source),
    { type: 'text', value: `. Status: ${STATUS_LABELS[quote.status]}.` },
  ]
  return { type: 'footnoteDefinition', identifier: footnoteId(index), children: [{ type: 'paragraph', children }] }
}

const AUTOLINKISH = /www\.|:\/\/|@|mailto:|xmpp:/i

function lastWhitespaceBefore(body: string, at: number, floor: number): number {
  let from = at
  while (from > floor && !/\s/.test(body[from - 1] ?? ' ')) from--
  return from
}

/** Where a quote's footnote reference goes: its end, kept inside a paragraph and off the start of a line. */
function anchorOf(body: string, paragraphs: BodyParagraph[], end: number): { paragraph: number; at: number } {
  let index = 0
  for (let i = 0; i < paragraphs.length; i++) if ((paragraphs[i] as BodyParagraph).start < end) index = i
  const paragraph = paragraphs[index] as BodyParagraph
  let at = Math.min(end, paragraph.end)
  // "[^q1]" at the start of a line followed by ":" would read as a footnote definition.
  while (at > paragraph.start && body[at - 1] === '\n') at--
  // Inside "www.…", "https://…" or "a@b.org" a GFM reader takes "[^q1]" as part of the autolink.
  const runStart = lastWhitespaceBefore(body, at, paragraph.start)
  let runEnd = at
  while (runEnd < paragraph.end && !/\s/.test(body[runEnd] ?? ' ')) runEnd++
  if (runEnd > at && AUTOLINKISH.test(body.slice(runStart, runEnd))) at = runEnd
  return { paragraph: index, at }
}

/** The article as an mdast tree: body paragraphs as plain text, a footnote reference after each quote. */
export function articleTree(doc: ExportV1): Root {
  const body = doc.article.body
  const paragraphs = splitParagraphs(body)
  const refs = new Map<number, { at: number; id: string }[]>()
  doc.quotes.forEach((quote, index) => {
    const { paragraph, at } = anchorOf(body, paragraphs, quote.end)
    refs.set(paragraph, [...(refs.get(paragraph) ?? []), { at, id: footnoteId(index) }])
  })
  const children: Root['children'] = paragraphs.map((paragraph, index): Paragraph => {
    const nodes: PhrasingContent[] = []
    let from = paragraph.start
    for (const ref of (refs.get(index) ?? []).sort((a, b) => a.at - b.at)) {
      if (ref.at > from) nodes.push({ type: 'text', value: body.slice(from, ref.at) })
      nodes.push({ type: 'footnoteReference', identifier: ref.id })
      from = ref.at
    }
    if (paragraph.end > from) nodes.push({ type: 'text', value: body.slice(from, paragraph.end) })
    return { type: 'paragraph', children: nodes }
  })
  const sources = new Map(doc.sources.map((source) => [source.id, source]))
  children.push(...doc.quotes.map((quote, index) => footnote(quote, index, sources)))
  return { type: 'root', children }
}

/** Front matter values as plain data; `renderMarkdown` serialises them with `yaml`. */
export function frontMatter(doc: ExportV1, isRedacted: boolean) {
  const names = doc.quotes.flatMap((quote) => (quote.speaker ? [quote.speaker.name] : []))
  const speakers = [...new Set(names.filter((name) => name !== WITHHELD_SPEAKER))]
  const sources = doc.sources.map((source) =>
    source.redacted
      ? { title: CONFIDENTIAL_LABEL, redacted: true }
      : {
          title: source.title,
          outlet: source.outlet,
          date: source.sourceDate,
          url: source.url,
          ...(source.isConfidential ? { confidential: true } : {}),
        },
  )
  return {
    // First, so a folder export knows its own file from the first line (see own-files.ts).
    [MD_OWNER_KEY]: doc.article.id,
    title: doc.article.title,
    date: doc.article.publishedOn,
    status: doc.article.status,
    speakers,
    sources,
    redacted: isRedacted,
  }
}

/**
 * The Markdown export: YAML front matter, the body, and a footnote after each quote naming its
 * speaker, source and status. Built as a tree and serialised, so no text can turn into markup.
 *
 * @example
 *   renderMarkdown((await buildExport(db, articleId)).doc, false)
 */
export function renderMarkdown(doc: ExportV1, isRedacted: boolean): string {
  // Double-quoted strings: newlines are escaped, so no value can produce a "---" line, and YAML 1.1
  // readers (Jekyll, Hugo) do not turn a title like "yes" or "2025-01-01" into a boolean or date.
  const yaml = stringify(frontMatter(doc, isRedacted), {
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  })
  const markdown = toMarkdown(articleTree(doc), {
    extensions: [gfmToMarkdown()],
    // A bare CR is a line ending to a reader, so one at a line's end would be lost: write it as &#xD;.
    // Every "<" in text is escaped: to-markdown escapes one before a letter, "!", "/" or "?"
    // (HTML), but an email autolink may open with a symbol ("<^@0>", "<+x@y.z>").
    unsafe: [
      { character: '\r', inConstruct: 'phrasing' },
      { character: '<', inConstruct: 'phrasing' },
    ],
  })
  return `---\n${yaml}---\n\n${markdown}`
}
