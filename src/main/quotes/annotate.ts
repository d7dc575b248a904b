import type { Kysely } from 'kysely'
import { analyze } from '../../shared/analysis'
import type { AnalyzedQuote, KnownEntity } from '../../shared/analysis'
import { appendAudit } from '../audit/audit.repo'
import { newId, now } from '../clock'
import type { Database, QuoteRow } from '../db/schema'
import { aliasKey, replaceAliases } from '../entities/entities.repo'
import { contextOf, reanchor } from './anchor'
import * as repo from './quotes.repo'

/** Entities the analyser is not at all sure of are not added to the library on their own. */
const MIN_ENTITY_CONFIDENCE = 0.4

async function loadKnownEntities(db: Kysely<Database>): Promise<KnownEntity[]> {
  const rows = await db.selectFrom('entities').select(['id', 'kind', 'name']).execute()
  const aliases = await db.selectFrom('entity_aliases').select(['entity_id', 'alias']).execute()
  const byEntity = new Map<string, string[]>()
  for (const row of aliases) byEntity.set(row.entity_id, [...(byEntity.get(row.entity_id) ?? []), row.alias])
  return rows.map((row) => ({ ...row, aliases: byEntity.get(row.id) ?? [] }))
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (inter <= 0) return 0
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start))
}

/** Decisions a person made on a quote, which re-analysis must keep. */
function hasUserDecision(row: QuoteRow): boolean {
  return (
    row.origin === 'user' ||
    row.is_removed === 1 ||
    row.speaker_confirmed === 1 ||
    row.status !== 'unverified' ||
    row.note !== '' ||
    row.source_id !== null
  )
}

export interface AnnotateResult {
  quotes: number
  entities: number
  mentions: number
  lost: number
}

/**
 * Analyses an article body and stores its quotes, speakers, entities and mentions, keeping every
 * user decision: a confirmed speaker, a removed false quote and a quote marked by hand survive,
 * re-anchored by their words when the text changed. Run inside the caller's transaction.
 */
export async function annotateArticle(
  trx: Kysely<Database>,
  actor: string,
  articleId: string,
  body: string,
): Promise<AnnotateResult> {
  const stamp = now()
  const known = await loadKnownEntities(trx)
  const analysis = analyze(body, { knownEntities: known })

  // Entities: the library's own first (by id, then by name or alias), new ones added.
  const idByKey = new Map<string, string>()
  for (const entity of known) {
    for (const name of [entity.name, ...entity.aliases])
      if (!idByKey.has(aliasKey(name))) idByKey.set(aliasKey(name), entity.id)
  }
  const speakerNames = new Set(analysis.quotes.flatMap((q) => (q.speaker ? [aliasKey(q.speaker.name)] : [])))
  const entityIdByName = new Map<string, string>()
  let createdEntities = 0
  await trx.deleteFrom('entity_mentions').where('article_id', '=', articleId).where('origin', '=', 'analysis').execute()
  // Mentions tagged by hand follow their words like quotes do, and go only when the words are gone.
  const userMentions = await trx.selectFrom('entity_mentions').selectAll().where('article_id', '=', articleId).execute()
  const kept: { start: number; end: number }[] = []
  for (const row of userMentions) {
    const place = reanchor(body, {
      start: row.start_offset,
      end: row.end_offset,
      text: row.text,
      prefix: '',
      suffix: '',
    })
    if (!place) {
      await trx.deleteFrom('entity_mentions').where('id', '=', row.id).execute()
      continue
    }
    kept.push(place)
    if (place.start !== row.start_offset || place.end !== row.end_offset) {
      await trx
        .updateTable('entity_mentions')
        .set({ start_offset: place.start, end_offset: place.end })
        .where('id', '=', row.id)
        .execute()
    }
  }
  await trx.deleteFrom('entity_roles').where('article_id', '=', articleId).execute()
  for (const entity of analysis.entities) {
    const key = aliasKey(entity.name)
    let id = entity.entityId ?? idByKey.get(key) ?? entity.aliases.map((a) => idByKey.get(aliasKey(a))).find(Boolean)
    if (!id) {
      if (entity.confidence < MIN_ENTITY_CONFIDENCE && !speakerNames.has(key)) continue
      id = newId()
      await trx
        .insertInto('entities')
        .values({
          id,
          kind: entity.kind,
          name: entity.name,
          notes: '',
          origin: 'analysis',
          created_at: stamp,
          updated_at: stamp,
        })
        .execute()
      await replaceAliases(
        trx,
        id,
        entity.aliases.filter((a) => aliasKey(a) !== key),
      )
      createdEntities++
    } else {
      // Teach the library the short forms this article used ("Oseman" for "Alice Oseman").
      const existing = await trx.selectFrom('entity_aliases').select('alias_key').where('entity_id', '=', id).execute()
      const have = new Set(existing.map((row) => row.alias_key))
      const current = await trx.selectFrom('entities').select('name').where('id', '=', id).executeTakeFirst()
      const fresh = entity.aliases.filter(
        (a) => !have.has(aliasKey(a)) && aliasKey(a) !== aliasKey(current?.name ?? ''),
      )
      for (const alias of fresh) {
        await trx
          .insertInto('entity_aliases')
          .values({ entity_id: id, alias, alias_key: aliasKey(alias) })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
    }
    entityIdByName.set(key, id)
    for (const alias of entity.aliases) entityIdByName.set(aliasKey(alias), id)
    for (const mention of entity.mentions) {
      // A person's tag on these words wins over the analyser's.
      if (kept.some((place) => overlap(mention, place) > 0)) continue
      await trx
        .insertInto('entity_mentions')
        .values({
          id: newId(),
          article_id: articleId,
          entity_id: id,
          start_offset: mention.start,
          end_offset: mention.end,
          text: body.slice(mention.start, mention.end),
          origin: 'analysis',
        })
        .execute()
    }
    for (const role of entity.roles) {
      await trx
        .insertInto('entity_roles')
        .values({ id: newId(), entity_id: id, article_id: articleId, role: role.role, of_name: role.of ?? null })
        .execute()
    }
  }

  // Existing quotes follow their words into the new text, or are marked lost (never dropped).
  const existing = await repo.quotesOf(trx, articleId)
  let lost = 0
  for (const row of existing) {
    const place = reanchor(body, {
      start: row.start_offset,
      end: row.end_offset,
      text: row.text,
      prefix: row.prefix,
      suffix: row.suffix,
    })
    const changes = place
      ? {
          start_offset: place.start,
          end_offset: place.end,
          ...contextOf(body, place.start, place.end),
          anchor: 'ok' as const,
        }
      : { anchor: 'lost' as const }
    if (!place) lost++
    if (place?.start !== row.start_offset || place?.end !== row.end_offset || row.anchor !== changes.anchor) {
      Object.assign(row, await repo.updateQuote(trx, row.id, changes))
    }
  }

  const speakerOf = (quote: AnalyzedQuote) => {
    if (!quote.speaker) return { speaker_entity_id: null, speaker_label: null }
    const id = quote.speaker.entityId ?? entityIdByName.get(aliasKey(quote.speaker.name)) ?? null
    return { speaker_entity_id: id, speaker_label: id ? null : quote.speaker.name }
  }

  const matched = new Set<string>()
  const groupKeys = new Map<number, string>()
  for (const quote of analysis.quotes) {
    const groupKey = groupKeys.get(quote.groupId) ?? newId()
    groupKeys.set(quote.groupId, groupKey)
    const found = {
      kind: quote.kind,
      is_partial: quote.partial ? 1 : 0,
      confidence: Math.min(1, Math.max(0, quote.confidence)),
      cue_start: quote.cue?.start ?? null,
      cue_end: quote.cue?.end ?? null,
      needs_review: quote.needsReview ? 1 : 0,
      group_key: groupKey,
    }
    const twin = existing.find(
      (row) =>
        row.anchor === 'ok' &&
        !matched.has(row.id) &&
        overlap(quote, { start: row.start_offset, end: row.end_offset }) >= 0.5,
    )
    if (twin) {
      matched.add(twin.id)
      if (twin.is_removed === 1) continue
      await repo.updateQuote(trx, twin.id, {
        ...found,
        ...(twin.speaker_confirmed === 1 ? {} : speakerOf(quote)),
        updated_at: stamp,
      })
      continue
    }
    await repo.insertQuote(trx, {
      id: newId(),
      article_id: articleId,
      start_offset: quote.start,
      end_offset: quote.end,
      text: quote.text,
      ...contextOf(body, quote.start, quote.end),
      ...found,
      ...speakerOf(quote),
      origin: 'analysis',
      created_at: stamp,
      updated_at: stamp,
    })
  }

  // What the analyser no longer finds goes, unless a person did something with it.
  const stale = existing.filter((row) => !matched.has(row.id) && !hasUserDecision(row)).map((row) => row.id)
  await repo.deleteQuotes(trx, stale)

  const result = {
    quotes: analysis.quotes.length,
    entities: analysis.entities.length,
    mentions: analysis.entities.reduce((n, e) => n + e.mentions.length, 0),
    lost,
  }
  await appendAudit(trx, {
    actor,
    subjectType: 'article',
    subjectId: articleId,
    action: 'analyzed',
    detail: { ...result, createdEntities },
  })
  return result
}
