import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'
import { contract } from '../../shared/contract'
import { auditFor } from '../audit/audit.repo'
import { dispatch } from '../rpc/dispatch'

const FIRST = 'The council met on Monday. Harbour fees will rise next year, the mayor told reporters.'
const SECOND = 'A ferry strike began. Nobody wants the ferries to stop, the mayor said at the pier.'

async function setup() {
  const { handlers, library } = await makeTestHandlers()
  const porter = await handlers['entities:create']({ kind: 'person', name: 'Jane Porter', aliases: ['Porter'] })
  const mayor = await handlers['entities:create']({
    kind: 'person',
    name: 'Mayor Porter',
    aliases: ['the mayor', 'Porter'],
    notes: 'Elected 2021.',
  })
  const first = await handlers['articles:create']({ title: 'Harbour fees', body: FIRST })
  const second = await handlers['articles:create']({ title: 'Ferry strike', body: SECOND })
  const span = (body: string, words: string) => ({
    start: body.indexOf(words),
    end: body.indexOf(words) + words.length,
  })
  const q1 = await handlers['quotes:create']({
    articleId: first.id,
    ...span(FIRST, 'Harbour fees will rise next year'),
    speakerEntityId: mayor.id,
  })
  const q2 = await handlers['quotes:create']({
    articleId: second.id,
    ...span(SECOND, 'Nobody wants the ferries to stop'),
    speakerEntityId: mayor.id,
  })
  const q3 = await handlers['quotes:create']({
    articleId: second.id,
    ...span(SECOND, 'A ferry strike began'),
    speakerEntityId: porter.id,
  })
  const at = SECOND.indexOf('the mayor')
  library.sqlite
    .prepare(
      'insert into entity_mentions (id, article_id, entity_id, start_offset, end_offset, text) values (?, ?, ?, ?, ?, ?)',
    )
    .run('m1', second.id, mayor.id, at, at + 9, 'the mayor')
  library.sqlite
    .prepare('insert into entity_roles (id, entity_id, article_id, role, of_name) values (?, ?, ?, ?, ?)')
    .run('r1', mayor.id, second.id, 'mayor', null)
  return { handlers, library, porter, mayor, first, second, q1, q2, q3 }
}

describe('entities:merge', () => {
  it('moves quotes, mentions, roles, name and aliases to the kept entity and deletes the duplicate', async () => {
    const { handlers, library, porter, mayor, q1, q2, q3 } = await setup()
    const mentionsOf = (id: string) =>
      library.sqlite.prepare('select count(*) from entity_mentions where entity_id = ?').pluck().get(id)
    // The analyser finds mentions of its own (“the mayor”), besides the one seeded.
    const mayorMentions = mentionsOf(mayor.id)
    const allMentions = Number(mentionsOf(mayor.id)) + Number(mentionsOf(porter.id))
    const kept = await handlers['entities:merge']({ keepId: porter.id, mergeId: mayor.id })
    expect(contract['entities:merge'].output.parse(kept)).toEqual(kept)
    expect(kept).toMatchObject({ id: porter.id, name: 'Jane Porter', notes: 'Elected 2021.' })
    expect(kept.aliases).toEqual(['Mayor Porter', 'Porter', 'the mayor'])
    const speakers = library.sqlite.prepare('select id, speaker_entity_id from quotes order by id').all()
    expect(speakers).toEqual(
      [q1, q2, q3].map((q) => ({ id: q.id, speaker_entity_id: porter.id })).sort((a, b) => a.id.localeCompare(b.id)),
    )
    expect(library.sqlite.prepare("select entity_id from entity_mentions where id = 'm1'").pluck().get()).toBe(
      porter.id,
    )
    expect([mentionsOf(mayor.id), mentionsOf(porter.id)]).toEqual([0, allMentions])
    expect(library.sqlite.prepare("select entity_id from entity_roles where id = 'r1'").pluck().get()).toBe(porter.id)
    await expect(handlers['entities:get']({ id: mayor.id })).rejects.toMatchObject({ code: 'not_found' })
    const [quote] = (await handlers['quotes:list']({ articleId: q1.articleId })).filter((q) => q.id === q1.id)
    expect(quote?.speaker).toEqual({ entityId: porter.id, name: 'Jane Porter' })

    expect((await auditFor(library.db, 'entity', porter.id)).map((e) => e.action)).toEqual(['created', 'merged'])
    const mergedLog = await auditFor(library.db, 'entity', mayor.id)
    expect(mergedLog.map((e) => e.action)).toEqual(['created', 'merged into'])
    expect(JSON.parse(mergedLog[1]!.detail)).toMatchObject({ keptId: porter.id })
    expect(JSON.parse((await auditFor(library.db, 'entity', porter.id))[1]!.detail)).toMatchObject({
      mergedId: mayor.id,
      quotes: 2,
      mentions: mayorMentions,
      roles: 1,
    })
  })

  it('refuses to merge an entity into itself, at the boundary and in the service', async () => {
    const { handlers, porter } = await setup()
    const reply = await dispatch(handlers, 'entities:merge', { keepId: porter.id, mergeId: porter.id }, () => {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'mergeId' }] } })
    await expect(handlers['entities:merge']({ keepId: porter.id, mergeId: porter.id })).rejects.toMatchObject({
      code: 'invalid_input',
    })
    expect(await handlers['entities:get']({ id: porter.id })).toMatchObject({ aliases: ['Porter'] })
  })

  it('says which entity is missing', async () => {
    const { handlers, porter } = await setup()
    const missing = '00000000-0000-4000-8000-000000000000'
    await expect(handlers['entities:merge']({ keepId: porter.id, mergeId: missing })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(missing),
    })
  })

  it('is all or nothing: a failure half-way leaves both entities, aliases, quotes and the log as they were', async () => {
    const { handlers, library, porter, mayor } = await setup()
    const snapshot = () =>
      ['entities', 'entity_aliases', 'quotes', 'entity_mentions', 'entity_roles', 'audit_log'].map((table) =>
        library.sqlite.prepare(`select * from ${table} order by 1, 2`).all(),
      )
    const before = snapshot()
    // Fails the last step (the deletion), after aliases, quotes, mentions and roles have moved.
    library.sqlite.exec(
      `CREATE TRIGGER no_delete BEFORE DELETE ON entities BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    )
    await expect(handlers['entities:merge']({ keepId: porter.id, mergeId: mayor.id })).rejects.toThrow(/disk full/)
    library.sqlite.exec('DROP TRIGGER no_delete')
    expect(snapshot()).toEqual(before)
  })
})

describe('entities:quotes', () => {
  it('lists every quote of a person across articles, with each article’s title', async () => {
    const { handlers, mayor, porter, q1, q2, first, second } = await setup()
    const quotes = await handlers['entities:quotes']({ id: mayor.id })
    expect(contract['entities:quotes'].output.parse(quotes)).toEqual(quotes)
    expect(quotes.map((q) => [q.id, q.articleTitle]).sort()).toEqual(
      [
        [q1.id, first.title],
        [q2.id, second.title],
      ].sort(),
    )
    expect(quotes.every((q) => q.speaker?.entityId === mayor.id)).toBe(true)
    expect((await handlers['entities:quotes']({ id: porter.id })).map((q) => q.text)).toEqual(['A ferry strike began'])
    // Removed quotes are not the person's any more.
    await handlers['quotes:remove']({ id: q1.id })
    expect((await handlers['entities:quotes']({ id: mayor.id })).map((q) => q.id)).toEqual([q2.id])
    await expect(handlers['entities:quotes']({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'not_found',
    })
  })
})
