import { EXPORT_FORMAT } from '../../shared/schemas/export'

/**
 * The first front matter key of every Markdown export: which article it is. With the JSON export's
 * own head (`format`, then `article.id`), it is how a folder export knows a file is its own to update.
 */
export const MD_OWNER_KEY = 'quotedesk-article'

/** Both marks sit at the very start of a file, so reading this much is enough. */
export const OWNER_HEAD_BYTES = 4096

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'
const MD_OWNER = new RegExp(`^---\\r?\\n${MD_OWNER_KEY}: "${UUID}"\\r?\\n`)
// JSON.stringify keeps the order the export is built in: format, exportedAt, then article.id.
const JSON_OWNER = new RegExp(
  `^\\{\\s*"format":\\s*"${EXPORT_FORMAT.replace('/', '\\/')}",\\s*"exportedAt":\\s*"[^"\\\\]*",\\s*"article":\\s*\\{\\s*"id":\\s*"${UUID}"`,
)

/**
 * The article a file's first bytes say it is a Quotedesk export of, or null for any other file.
 *
 * @example
 *   exportedArticleId('---\nquotedesk-article: "0b6c…"\ntitle: …') // '0b6c…'
 */
export function exportedArticleId(head: string): string | null {
  return (MD_OWNER.exec(head) ?? JSON_OWNER.exec(head))?.[1] ?? null
}
