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

export const ANONYMOUS_BODY = [
  'Harbour budget under fire',
  '“The figures were massaged,” said a senior council official.',
  'Mayor Ann Lee said: “We stand by every number.”',
  '“Off the record, the budget will slip,” a person close to the mayor said.',
  '“It is worse than they say,” she added.',
].join('\n\n')

export interface SeededAnonymous {
  articleId: string
  confidentialSourceId: string
  /** Quoted from a confidential source and filed under a real name the article never gives. */
  whistleblower: { quoteId: string; entityId: string; name: string; alias: string }
  /** Quoted on the record, and also, filed under her name, from a confidential source. */
  mayor: { entityId: string; alias: string; publicQuoteId: string; offRecordQuoteId: string; pronounQuoteId: string }
  /** Library-only strings no default export may contain. */
  canaries: string[]
}

/**
 * An article whose confidential-source quotes have speakers the text does not name: a
 * whistleblower filed under a canary name and alias, and the mayor, who also speaks on the record.
 */
export async function seedAnonymousSpeakers(library: Library, handlers: Handlers): Promise<SeededAnonymous> {
  const canary = `SPEAKER-${randomBytes(8).toString('hex')}`
  const article = await handlers['articles:create']({ body: ANONYMOUS_BODY, publishedOn: '2025-05-02' })
  const quotes = await handlers['quotes:list']({ articleId: article.id })
  const [leak, onRecord, offRecord, added] = quotes
  if (!leak || !onRecord || !offRecord || !added) throw new Error(`expected four quotes, found ${quotes.length}`)
  const mayorId = onRecord.speaker?.entityId
  if (!mayorId) throw new Error('expected the mayor to be a library entity')
  const whistleblower = await handlers['entities:create']({
    kind: 'person',
    name: `Pat ${canary}`,
    aliases: [`${canary}-ALIAS`],
  })
  const mayorAlias = `${canary}-MAYOR-ALIAS`
  await handlers['entities:update']({ id: mayorId, aliases: ['Lee', mayorAlias] })
  const source = await handlers['sources:create']({
    kind: 'interview',
    title: `${canary} interview`,
    body: 'The figures were massaged. The budget will slip.',
    isConfidential: true,
  })
  await handlers['quotes:set-speaker']({ id: leak.id, entityId: whistleblower.id })
  for (const quote of [offRecord, added]) await handlers['quotes:set-speaker']({ id: quote.id, entityId: mayorId })
  for (const quote of [leak, offRecord, added])
    await handlers['quotes:link-source']({ id: quote.id, sourceId: source.id })
  return {
    articleId: article.id,
    confidentialSourceId: source.id,
    whistleblower: { quoteId: leak.id, entityId: whistleblower.id, name: whistleblower.name, alias: `${canary}-ALIAS` },
    mayor: {
      entityId: mayorId,
      alias: mayorAlias,
      publicQuoteId: onRecord.id,
      offRecordQuoteId: offRecord.id,
      pronounQuoteId: added.id,
    },
    canaries: [canary, whistleblower.id],
  }
}

/** Every row of the tables an import touches, for "nothing changed" comparisons. */
export async function dumpLibrary(library: Library): Promise<Record<string, unknown[]>> {
  const tables = ['articles', 'entities', 'entity_aliases', 'sources', 'quotes', 'audit_log'] as const
  const out: Record<string, unknown[]> = {}
  for (const table of tables) out[table] = await library.db.selectFrom(table).selectAll().execute()
  return out
}
