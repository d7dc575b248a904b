import { z } from 'zod'
import { Id, LIMITS, safeText } from '../text'
import { Quote } from './quotes'

export const EntityKind = z.enum(['person', 'organization', 'work', 'place', 'other'])
export type EntityKind = z.infer<typeof EntityKind>

const Name = safeText(LIMITS.name).refine((name) => name.trim() !== '', 'must not be empty')

export const Entity = z.object({
  id: Id,
  kind: EntityKind,
  name: z.string(),
  notes: z.string(),
  aliases: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Entity = z.infer<typeof Entity>

export const EntityCreate = z.strictObject({
  kind: EntityKind,
  name: Name,
  notes: safeText(LIMITS.note).optional(),
  aliases: z.array(Name).max(200).optional(),
})
export type EntityCreate = z.infer<typeof EntityCreate>

export const EntityUpdate = z.strictObject({
  id: Id,
  kind: EntityKind.optional(),
  name: Name.optional(),
  notes: safeText(LIMITS.note).optional(),
  /** Replaces the whole alias list. */
  aliases: z.array(Name).max(200).optional(),
})
export type EntityUpdate = z.infer<typeof EntityUpdate>

export const EntityRef = z.strictObject({ id: Id })
export type EntityRef = z.infer<typeof EntityRef>

export const EntityListQuery = z.strictObject({
  kind: EntityKind.optional(),
  /** Matches the start of the name or of any alias, ignoring case. */
  query: safeText(LIMITS.query).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
})
export type EntityListQuery = z.infer<typeof EntityListQuery>

/** Merges `mergeId` into `keepId`: its name and aliases, quotes, mentions and roles move over, then it is deleted. */
export const EntityMerge = z
  .strictObject({ keepId: Id, mergeId: Id })
  .refine((input) => input.keepId !== input.mergeId, {
    message: 'must be another entity: an entity cannot be merged into itself',
    path: ['mergeId'],
  })
export type EntityMerge = z.infer<typeof EntityMerge>

/** A quote whose speaker is the entity, with the title of its article. */
export const EntityQuote = Quote.extend({ articleTitle: z.string() })
export type EntityQuote = z.infer<typeof EntityQuote>
