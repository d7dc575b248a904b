import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'

describe('entities', () => {
  it('keeps aliases under one entity, without repeating the name or a duplicate', async () => {
    const { handlers } = await makeTestHandlers()
    const oseman = await handlers['entities:create']({
      kind: 'person',
      name: 'Alice Oseman',
      aliases: ['Oseman', 'oseman ', 'Alice Oseman', 'the Heartstopper creator'],
    })
    expect(oseman.aliases).toEqual(['Oseman', 'the Heartstopper creator'])
  })

  it('finds an entity by the start of its name or of any alias, ignoring case', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['entities:create']({ kind: 'person', name: 'Alice Oseman', aliases: ['Oseman'] })
    await handlers['entities:create']({ kind: 'organization', name: 'Netflix' })
    await handlers['entities:create']({ kind: 'work', name: '100% Wolf' })
    expect((await handlers['entities:list']({ query: 'ose' })).map((e) => e.name)).toEqual(['Alice Oseman'])
    expect((await handlers['entities:list']({ query: 'ALICE' })).map((e) => e.name)).toEqual(['Alice Oseman'])
    expect((await handlers['entities:list']({ kind: 'organization' })).map((e) => e.name)).toEqual(['Netflix'])
    // LIKE wildcards in the query are just characters.
    expect((await handlers['entities:list']({ query: '100%' })).map((e) => e.name)).toEqual(['100% Wolf'])
    expect(await handlers['entities:list']({ query: '%' })).toEqual([])
  })

  it('replaces aliases on update and removes them with the entity', async () => {
    const { handlers, library } = await makeTestHandlers()
    const entity = await handlers['entities:create']({ kind: 'person', name: 'Bel Priestly', aliases: ['Priestly'] })
    const fixed = await handlers['entities:update']({
      id: entity.id,
      name: 'Bel Priestley',
      aliases: ['Priestley', 'Bel Priestly'],
    })
    expect(fixed.name).toBe('Bel Priestley')
    expect(fixed.aliases).toEqual(['Bel Priestly', 'Priestley'])
    await handlers['entities:delete']({ id: entity.id })
    expect(library.sqlite.prepare('select count(*) from entity_aliases').pluck().get()).toBe(0)
    await expect(handlers['entities:get']({ id: entity.id })).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('duplicate entities', () => {
  it('refuses a second entity of the same kind and name, whatever the case, and says what to do', async () => {
    const { handlers } = await makeTestHandlers()
    await handlers['entities:create']({ kind: 'person', name: 'Alice Oseman' })
    await expect(handlers['entities:create']({ kind: 'person', name: 'alice oseman' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Alice Oseman is already in the library/),
    })
    // A work may share a person's name.
    await expect(handlers['entities:create']({ kind: 'work', name: 'Alice Oseman' })).resolves.toMatchObject({
      kind: 'work',
    })
  })
})
