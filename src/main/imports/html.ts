import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

/**
 * The little of the DOM this module touches, typed here because the main process is compiled
 * without the DOM library. linkedom builds these nodes; it never runs scripts or loads anything.
 */
interface DomNode {
  nodeType: number
  nodeName: string
  firstChild: DomNode | null
  nextSibling: DomNode | null
  parentNode: DomNode | null
  textContent: string | null
}

interface DomElement extends DomNode {
  getAttribute(name: string): string | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): Iterable<DomElement>
}

interface DomDocument {
  documentElement: DomElement | null
  body: DomElement | null
  title: string
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): Iterable<DomElement>
}

export interface HtmlArticle {
  text: string
  title?: string
  byline?: string
  date?: string
  url?: string
  outlet?: string
  notices: string[]
}

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/**
 * Readability is quadratic or worse in nesting depth (measured with linkedom: 1,000 nested divs
 * take 5 s, 2,000 take 39 s, 4,000 overflow the stack), so deeper pages skip it. Real articles
 * nest a few dozen levels.
 */
const MAX_READABILITY_DEPTH = 120
/** Readability gives up with an error past this many elements; such a page falls back to all its text. */
const MAX_READABILITY_ELEMENTS = 60_000

/** Elements whose content is never text a reader sees. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'MAP',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
])
/** Page furniture: menus, sidebars and forms are never the article. */
const FURNITURE = new Set(['NAV', 'ASIDE', 'FORM', 'DIALOG'])
/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
])

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}

/**
 * Visits every node under `root` without recursion, so 10,000 nested divs cost no stack.
 * `enter` returns false to skip an element's children; `leave` runs for every element entered.
 */
function walk(
  root: DomNode,
  visit: { enter(el: DomElement): boolean; text(text: string): void; leave(el: DomElement): void },
) {
  let node: DomNode | null = root.firstChild
  while (node && node !== root) {
    let next: DomNode | null = null
    if (isElement(node)) {
      if (visit.enter(node) && node.firstChild) next = node.firstChild
      else visit.leave(node)
    } else if (node.nodeType === TEXT_NODE) {
      visit.text(node.textContent ?? '')
    }
    if (next) {
      node = next
      continue
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode
      if (node && node !== root && isElement(node)) visit.leave(node)
    }
    node = node && node !== root ? node.nextSibling : null
  }
}

/** The readable text of an element: paragraphs separated by blank lines, <br> kept as a line break. */
export function textOf(root: DomNode): string {
  const paragraphs: string[] = []
  let current = ''
  let preDepth = 0
  const flush = () => {
    const paragraph =
      preDepth > 0
        ? current.replace(/^\n+|\s+$/g, '')
        : current
            .split('\n')
            .map((line) => line.replace(/ {2,}/g, ' ').trim())
            .filter((line) => line !== '')
            .join('\n')
    if (paragraph !== '') paragraphs.push(paragraph)
    current = ''
  }
  walk(root, {
    enter(el) {
      const name = el.nodeName.toUpperCase()
      if (SKIP.has(name) || FURNITURE.has(name) || el.getAttribute('role') === 'navigation') return false
      if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return false
      // mammoth's "↑" links from a footnote back to its reference.
      if (name === 'A' && /^#(footnote|endnote|comment)-ref-/.test(el.getAttribute('href') ?? '')) return false
      if (BLOCKS.has(name)) flush()
      if (name === 'PRE') preDepth++
      if (name === 'BR') current += '\n'
      if (name === 'TD' || name === 'TH') current += ' '
      return true
    },
    text(text) {
      // Line ends in the page's source are spaces; only <br> (added as \n above) breaks a line.
      current += preDepth > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' ')
    },
    leave(el) {
      const name = el.nodeName.toUpperCase()
      if (BLOCKS.has(name)) flush()
      if (name === 'PRE' && preDepth > 0) preDepth--
    },
  })
  flush()
  return paragraphs.join('\n\n')
}

/** The text of an HTML fragment, such as mammoth's rendering of a Word document. */
export function textOfHtml(html: string): string {
  const doc: DomDocument = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
  const root = doc.body ?? doc.documentElement
  return root ? textOf(root) : ''
}

function depthAndCount(root: DomNode): { depth: number; count: number } {
  let depth = 0
  let max = 0
  let count = 0
  walk(root, {
    enter() {
      count++
      depth++
      if (depth > max) max = depth
      return true
    },
    text() {},
    leave() {
      depth--
    },
  })
  return { depth: max, count }
}

function attr(doc: DomDocument, selector: string, name: string): string | undefined {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim()
  return value ? value : undefined
}

/** "2025-04-28T09:00:00+02:00" → "2025-04-28", as written where the article was published. */
export function isoDay(value: string | null | undefined): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '')
  if (!match) return undefined
  const [, y = '', m = '', d = ''] = match
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d)
    ? `${y}-${m}-${d}`
    : undefined
}

function publishedDate(doc: DomDocument, fromReadability: string | null | undefined): string | undefined {
  const candidates = [
    fromReadability,
    attr(doc, 'meta[property="article:published_time"]', 'content'),
    attr(doc, 'meta[name="article:published_time"]', 'content'),
    attr(doc, 'meta[itemprop="datePublished"]', 'content'),
    attr(doc, 'meta[name="date"]', 'content'),
    attr(doc, 'meta[name="dc.date"]', 'content'),
    attr(doc, 'meta[name="DC.date.issued"]', 'content'),
    attr(doc, 'time[itemprop="datePublished"]', 'datetime'),
    attr(doc, 'time[pubdate]', 'datetime'),
    attr(doc, 'article time[datetime]', 'datetime'),
    attr(doc, 'time[datetime]', 'datetime'),
  ]
  for (const candidate of candidates) {
    const day = isoDay(candidate)
    if (day) return day
  }
  return undefined
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text : undefined
}

/**
 * The article in a saved web page: Readability's readable body over a linkedom document, with
 * title, byline and published date from the page's metadata. Scripts never run: linkedom does
 * not execute them, and only text is kept, so `onerror=` and `javascript:` links leave nothing.
 */
export function readHtml(input: string): HtmlArticle {
  // A fragment without <body> leaves linkedom's body empty and the content hanging off documentElement,
  // where neither the depth guard nor the text fallback would see it.
  const html = /<body[\s>]/i.test(input) ? input : `<!doctype html><html><body>${input}</body></html>`
  const parsed = parseHTML(html).document
  const doc: DomDocument = parsed
  const notices: string[] = []
  // Read before Readability, which rewrites the document as it works.
  const meta = {
    title: clean(attr(doc, 'meta[property="og:title"]', 'content') ?? doc.title),
    url: httpUrl(attr(doc, 'link[rel="canonical"]', 'href') ?? attr(doc, 'meta[property="og:url"]', 'content')),
    date: publishedDate(doc, undefined),
  }
  const root: DomNode | null = doc.body ?? doc.documentElement
  if (!root) return { text: '', notices, ...meta }

  const shape = depthAndCount(root)
  let article: ReturnType<Readability<DomNode>['parse']> = null
  if (shape.depth > MAX_READABILITY_DEPTH) {
    notices.push(
      `the page is nested ${shape.depth} levels deep; imported all of its text instead of finding the article`,
    )
  } else if (shape.count > MAX_READABILITY_ELEMENTS) {
    notices.push(`the page has ${shape.count} elements; imported all of its text instead of finding the article`)
  } else {
    try {
      article = new Readability<DomNode>(parsed, {
        serializer: (node) => node,
        maxElemsToParse: MAX_READABILITY_ELEMENTS,
      }).parse()
    } catch {
      notices.push('could not find the article in the page; imported all of its text')
    }
  }

  const fromArticle = article?.content ? textOf(article.content) : ''
  let text = fromArticle
  if (text === '') {
    // Readability may have stripped the page while failing, so read it again from the source.
    const fresh: DomDocument = parseHTML(html).document
    const body = fresh.body ?? fresh.documentElement
    text = body ? textOf(body) : ''
    if (notices.length === 0) notices.push('found no article in the page; imported all of its text')
  }
  return {
    text,
    notices,
    title: clean(article?.title) ?? meta.title,
    byline: clean(article?.byline)?.replace(/^by\s+/i, ''),
    date: isoDay(article?.publishedTime) ?? meta.date,
    url: meta.url,
    outlet: clean(article?.siteName),
  }
}

/**
 * The charset an HTML file declares in its first 1,024 bytes (`<meta charset>`, the
 * http-equiv form, or an XML declaration), as the WHATWG prescan reads it.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (meta) return meta[1]
  return /^\s*<\?xml\s[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]
}
