import type { ArticleStatus } from '../../shared/schemas/articles'
import type { EntityKind } from '../../shared/schemas/entities'
import type { SourceKind } from '../../shared/schemas/sources'

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
}

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  interview: 'Interview',
  document: 'Document',
  web: 'Web page',
  press_release: 'Press release',
  other: 'Other',
}

export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organization',
  work: 'Work',
  place: 'Place',
  other: 'Other',
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/**
 * "28 Apr 2025". A calendar date (`2025-04-28`) is read as UTC so it never shifts a day in
 * western time zones; a timestamp is shown in the user's own zone.
 */
export function formatDate(value: string): string {
  const isCalendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = new Date(isCalendarDate ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  if (isCalendarDate) return DAY.format(date)
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(date)
}

export function formatCount(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

/**
 * Splits text into paragraphs at blank lines. Whitespace inside a paragraph (single line
 * breaks, runs of spaces, indentation) is kept, because quotes are checked character by character.
 */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
}
