import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { parse } from 'yaml'

export interface ParsedExport {
  frontMatter: unknown
  /** The body text as a CommonMark + GFM reader sees it, footnotes removed. */
  text: string
  /** Node types other than the ones an export is made of (paragraphs, text, footnotes, links). */
  unexpected: string[]
  footnotes: number
}

const ALLOWED = new Set(['root', 'paragraph', 'text', 'footnoteReference', 'footnoteDefinition', 'link'])

/** Reads a Markdown export back the way another tool would; used by tests and the bench. */
export function parseMarkdownExport(markdown: string): ParsedExport {
  const match = /^---\n([\s\S]*?)\n?---\n\n/.exec(markdown)
  const frontMatter: unknown = match ? parse(match[1] ?? '') : undefined
  const tree: Root = fromMarkdown(match ? markdown.slice(match[0].length) : markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  })
  const unexpected: string[] = []
  const textOf = (node: Nodes): string => {
    if (!ALLOWED.has(node.type)) unexpected.push(node.type)
    if (node.type === 'text') return node.value
    if (node.type === 'footnoteReference') return ''
    if ('children' in node) return node.children.map((child) => textOf(child as Nodes)).join('')
    return 'value' in node ? String(node.value) : ''
  }
  const paragraphs: string[] = []
  let footnotes = 0
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') footnotes++
    else paragraphs.push(textOf(node))
  }
  return { frontMatter, text: paragraphs.join('\n\n'), unexpected: [...new Set(unexpected)], footnotes }
}
