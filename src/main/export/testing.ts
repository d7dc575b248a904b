import { randomBytes } from 'node:crypto'
import type { Handlers } from '../../shared/contract'
import type { Library } from '../db/connection'

export const SAMPLE_BODY = [
  'Harbour plan wins the vote',
  '“We will *finish* the [harbour] by 2027 — no <b>excuses</b>,” said Mayor Jane Smith. 😀',
  'Her rival, Bob Jones, said: “This plan | costs `too much` & helps nobody.”',
  '“The numbers add up,” Smith said.',
].join('\n\n')

export interface Seeded {
  articleId: string
  quoteIds: string[]
  publicSourceId: string
  confidentialSourceId: string
  canary: string
  canaryNote: string
}

/**
 * A library article with analysed quotes, one public and one confidential source (a canary whose
 * title and notes must never leak), statuses and a note on the confidential quote.
 */
export async function seedArticle(
  library: Library,
  handlers: Handlers,
  options: { body?: string; title?: string } = {},
): Promise<Seeded> {
  const canary = `CANARY-${randomBytes(8).toString('hex')}`
  const canaryNote = `${canary}-NOTE`
  const article = await handlers['articles:create']({
    body: options.body ?? SAMPLE_BODY,
    ...(options.title ? { title: options.title } : {}),
    publishedOn: '2025-04-28',
  })
  const quotes = await handlers['quotes:list']({ articleId: article.id })
  if (quotes.length < 2) throw new Error(`expected quotes in the seeded article, found ${quotes.length}`)
  const publicSource = await handlers['sources:create']({
    kind: 'web',
    title: 'Council minutes',
    outlet: 'Harbour Gazette',
    sourceDate: '2025-04-27',
    url: 'https://example.org/minutes?a=1&b=2',
    notes: 'Public record',
    body: 'We will finish the harbour by 2027.',
  })
  const confidentialSource = await handlers['sources:create']({
    kind: 'interview',
    title: canary,
    outlet: `${canary} outlet`,
    url: `https://example.org/${canary}`,
    notes: canaryNote,
    body: `Transcript ${canary}`,
    isConfidential: true,
  })
  const [first, second] = quotes as [(typeof quotes)[0], (typeof quotes)[0]]
  // No channel links a quote to a source yet, so the test sets the column directly.
  await library.db.updateTable('quotes').set({ source_id: publicSource.id }).where('id', '=', first.id).execute()
  await library.db.updateTable('quotes').set({ source_id: confidentialSource.id }).where('id', '=', second.id).execute()
  await handlers['quotes:set-status']({ id: first.id, status: 'verified', note: 'Matches the minutes' })
  await handlers['quotes:set-status']({ id: second.id, status: 'disputed', note: `Told by ${canary} off the record` })
  return {
    articleId: article.id,
    quoteIds: quotes.map((q) => q.id),
    publicSourceId: publicSource.id,
    confidentialSourceId: confidentialSource.id,
    canary,
    canaryNote,
  }
}

/** Every row of the tables an import touches, for "nothing changed" comparisons. */
export async function dumpLibrary(library: Library): Promise<Record<string, unknown[]>> {
  const tables = ['articles', 'entities', 'entity_aliases', 'sources', 'quotes', 'audit_log'] as const
  const out: Record<string, unknown[]> = {}
  for (const table of tables) out[table] = await library.db.selectFrom(table).selectAll().execute()
  return out
}
