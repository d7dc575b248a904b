import { QuotedeskError } from '../../shared/errors'
import type {
  Entity,
  EntityCreate,
  EntityListQuery,
  EntityMerge,
  EntityQuote,
  EntityUpdate,
} from '../../shared/schemas/entities'
import { appendAudit } from '../audit/audit.repo'
import { newId, now } from '../clock'
import type { AppContext } from '../context'
import type { EntityRow } from '../db/schema'
import { toQuote } from '../quotes/quotes.service'
import * as repo from './entities.repo'

function toEntity(row: EntityRow, aliases: string[]): Entity {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    notes: row.notes,
    aliases,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function notFound(id: string): QuotedeskError {
  return new QuotedeskError('not_found', `No entity with id ${id}`)
}

/** Aliases never repeat the canonical name. */
function cleanAliases(name: string, aliases: string[]): string[] {
  const nameKey = repo.aliasKey(name)
  return aliases.filter((alias) => repo.aliasKey(alias) !== nameKey)
}

/**
 * Adds a person, organisation, work or place to the library.
 *
 * @example
 *   await createEntity(ctx, { kind: 'person', name: 'Alice Oseman', aliases: ['Oseman'] })
 */
export async function createEntity(ctx: AppContext, input: EntityCreate): Promise<Entity> {
  const stamp = now()
  const name = input.name.trim()
  return ctx.library.db.transaction().execute(async (trx) => {
    const twin = await repo.findByName(trx, input.kind, name)
    if (twin) {
      throw new QuotedeskError(
        'conflict',
        `${twin.name} is already in the library as a ${twin.kind}: add aliases or notes to it instead.`,
      )
    }
    const row = await repo.insertEntity(trx, {
      id: newId(),
      kind: input.kind,
      name,
      notes: input.notes ?? '',
      created_at: stamp,
      updated_at: stamp,
    })
    await repo.replaceAliases(trx, row.id, cleanAliases(name, input.aliases ?? []))
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'entity',
      subjectId: row.id,
      action: 'created',
      detail: { name },
    })
    const aliases = (await repo.aliasesOf(trx, [row.id])).get(row.id) ?? []
    return toEntity(row, aliases)
  })
}

export async function getEntity(ctx: AppContext, id: string): Promise<Entity> {
  const row = await repo.findEntity(ctx.library.db, id)
  if (!row) throw notFound(id)
  const aliases = await repo.aliasesOf(ctx.library.db, [id])
  return toEntity(row, aliases.get(id) ?? [])
}

export async function listEntities(ctx: AppContext, query: EntityListQuery): Promise<Entity[]> {
  const rows = await repo.listEntities(ctx.library.db, {
    kind: query.kind,
    prefix: query.query,
    limit: query.limit ?? 1000,
  })
  const aliases = await repo.aliasesOf(
    ctx.library.db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => toEntity(row, aliases.get(row.id) ?? []))
}

export async function updateEntity(ctx: AppContext, input: EntityUpdate): Promise<Entity> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await repo.findEntity(trx, input.id)
    if (!before) throw notFound(input.id)
    const name = input.name?.trim() ?? before.name
    const row = await repo.updateEntity(trx, input.id, {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.name !== undefined ? { name } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      updated_at: now(),
    })
    if (!row) throw notFound(input.id)
    if (input.aliases !== undefined) await repo.replaceAliases(trx, row.id, cleanAliases(name, input.aliases))
    const changed = Object.keys(input).filter((key) => key !== 'id')
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'entity',
      subjectId: row.id,
      action: 'updated',
      detail: { changed },
    })
    const aliases = (await repo.aliasesOf(trx, [row.id])).get(row.id) ?? []
    return toEntity(row, aliases)
  })
}

export async function deleteEntity(ctx: AppContext, id: string): Promise<null> {
  return ctx.library.db.transaction().execute(async (trx) => {
    const before = await repo.findEntity(trx, id)
    if (!before || !(await repo.deleteEntity(trx, id))) throw notFound(id)
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'entity',
      subjectId: id,
      action: 'deleted',
      detail: { name: before.name },
    })
    return null
  })
}

/**
 * Folds a duplicate into the entity kept: the duplicate's name and aliases become aliases of
 * the kept one, its quotes, mentions and roles move over, and it is deleted, all in one
 * transaction with an audit entry on both.
 *
 * @example
 *   await mergeEntities(ctx, { keepId: aliceOseman.id, mergeId: oseman.id })
 */
export async function mergeEntities(ctx: AppContext, input: EntityMerge): Promise<Entity> {
  if (input.keepId === input.mergeId) {
    throw new QuotedeskError('invalid_input', 'An entity cannot be merged into itself: choose another one.', [
      { path: 'mergeId', message: 'must be another entity' },
    ])
  }
  return ctx.library.db.transaction().execute(async (trx) => {
    const kept = await repo.findEntity(trx, input.keepId)
    if (!kept) throw notFound(input.keepId)
    const merged = await repo.findEntity(trx, input.mergeId)
    if (!merged) throw notFound(input.mergeId)
    const aliases = await repo.aliasesOf(trx, [kept.id, merged.id])
    await repo.replaceAliases(
      trx,
      kept.id,
      cleanAliases(kept.name, [...(aliases.get(kept.id) ?? []), merged.name, ...(aliases.get(merged.id) ?? [])]),
    )
    const moved = await repo.reassignEntity(trx, merged.id, kept.id)
    const notes = [kept.notes, merged.notes]
      .map((note) => note.trim())
      .filter((note, i, all) => note !== '' && all.indexOf(note) === i)
      .join('\n\n')
    const row = await repo.updateEntity(trx, kept.id, {
      notes,
      // A person entered one of the two, so the kept entity is theirs too.
      ...(merged.origin === 'user' ? { origin: 'user' as const } : {}),
      updated_at: now(),
    })
    if (!row || !(await repo.deleteEntity(trx, merged.id))) throw notFound(input.mergeId)
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'entity',
      subjectId: kept.id,
      action: 'merged',
      detail: { mergedId: merged.id, mergedName: merged.name, ...moved },
    })
    await appendAudit(trx, {
      actor: ctx.actor(),
      subjectType: 'entity',
      subjectId: merged.id,
      action: 'merged into',
      detail: { keptId: kept.id, keptName: kept.name, name: merged.name },
    })
    return toEntity(row, (await repo.aliasesOf(trx, [row.id])).get(row.id) ?? [])
  })
}

/**
 * Every quote the entity is the speaker of, across articles, with each article's title.
 *
 * @example
 *   const quotes = await quotesOfEntity(ctx, oseman.id) // [{ text: '“…”', articleTitle: 'Heartstopper…' }]
 */
export async function quotesOfEntity(ctx: AppContext, id: string): Promise<EntityQuote[]> {
  const db = ctx.library.db
  const entity = await repo.findEntity(db, id)
  if (!entity) throw notFound(id)
  const rows = await repo.quotesBySpeaker(db, id)
  const names = new Map([[entity.id, entity.name]])
  return rows.map(({ article_title, ...row }) => ({ ...toQuote(row, names), articleTitle: article_title }))
}
