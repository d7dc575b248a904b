import type { AuditEntry, Quote, QuoteStatus } from '../../../../shared/schemas/quotes'

export const QUOTE_STATUSES: readonly QuoteStatus[] = ['unverified', 'verified', 'altered', 'not_found', 'disputed']

export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  unverified: 'Unverified',
  verified: 'Verified',
  altered: 'Altered',
  not_found: 'Not found',
  disputed: 'Disputed',
}

/** A shape per status, so the list never relies on colour alone (WCAG 1.4.1). */
export const QUOTE_STATUS_SYMBOLS: Record<QuoteStatus, string> = {
  unverified: '○',
  verified: '✓',
  altered: '≠',
  not_found: '✗',
  disputed: '!',
}

export type QuoteFilter = 'all' | QuoteStatus | 'needs-review' | 'lost'

export const FILTER_LABELS: Record<QuoteFilter, string> = {
  all: 'All quotes',
  ...QUOTE_STATUS_LABELS,
  'needs-review': 'Needs review',
  lost: 'Words not found',
}

export function matchesFilter(quote: Quote, filter: QuoteFilter): boolean {
  if (filter === 'all') return true
  if (filter === 'needs-review') return quote.needsReview
  if (filter === 'lost') return quote.anchor === 'lost'
  return quote.status === filter
}

/** The quote without its marks, shortened for a list row. */
export function quoteSnippet(text: string, max = 140): string {
  const bare = text.replace(/\s+/g, ' ').trim()
  return bare.length > max ? `${bare.slice(0, max - 1)}…` : bare
}

const TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

export function formatTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date)
}

function statusName(value: unknown): string {
  return typeof value === 'string' && value in QUOTE_STATUS_LABELS
    ? QUOTE_STATUS_LABELS[value as QuoteStatus]
    : String(value)
}

/** One audit entry in words, e.g. "Status: Unverified → Verified (“matches the tape”)". */
export function describeAudit(entry: AuditEntry): string {
  const d = entry.detail
  switch (entry.action) {
    case 'status set': {
      const note = typeof d.note === 'string' && d.note !== '' ? ` — “${d.note}”` : ''
      return `Status: ${statusName(d.from)} → ${statusName(d.to)}${note}`
    }
    case 'speaker set':
      return `Speaker: ${typeof d.name === 'string' ? d.name : 'none'}`
    case 'span changed':
      return 'Quoted words changed'
    case 'marked':
      return 'Marked as a quote'
    case 'removed':
      return 'Removed as not a quote'
    default:
      return entry.action.charAt(0).toUpperCase() + entry.action.slice(1)
  }
}

/** Word-wise span changes for Alt+Shift+Arrow; null when the change would empty the quote. */
export function adjustSpan(
  text: string,
  span: { from: number; to: number },
  how: 'extend-end' | 'shrink-end' | 'extend-start' | 'shrink-start',
): { from: number; to: number } | null {
  let { from, to } = span
  if (how === 'extend-end') {
    const next = /^\s*\S+/.exec(text.slice(to))
    if (!next) return null
    to += next[0].length
  } else if (how === 'shrink-end') {
    const last = /\S+\s*$/.exec(text.slice(from, to))
    if (!last) return null
    to -= last[0].length
    to = from + text.slice(from, to).trimEnd().length
  } else if (how === 'extend-start') {
    const prev = /\S+\s*$/.exec(text.slice(0, from))
    if (!prev) return null
    from -= prev[0].length
  } else {
    const first = /^\S+\s*/.exec(text.slice(from, to))
    if (!first) return null
    from += first[0].length
  }
  return to > from ? { from, to } : null
}

/** A selection without the spaces and line breaks around it. */
export function trimSpan(text: string, from: number, to: number): { from: number; to: number } {
  while (from < to && /\s/.test(text[from] ?? '')) from++
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--
  return { from, to }
}
