import { QuotedeskError } from '../../shared/errors'
import type { Entity, EntityCreate, EntityListQuery, EntityUpdate } from '../../shared/schemas/entities'
import { appendAudit } from '../audit/audit.repo'
import { newId, now } from '../clock'
import type { AppContext } from '../context'
import type { EntityRow } from '../db/schema'
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
