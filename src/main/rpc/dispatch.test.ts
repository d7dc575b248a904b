import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'
import { CHANNELS, contract } from '../../shared/contract'
import { dispatch } from './dispatch'

const quiet = () => {}

describe('dispatch: every channel validates its input', () => {
  it.each(CHANNELS)('%s rejects null, an array and an unknown key, naming the field', async (channel) => {
    const { handlers } = await makeTestHandlers()
    for (const bad of [null, [], 'text', 42]) {
      const reply = await dispatch(handlers, channel, bad, quiet)
      expect(reply.ok).toBe(false)
      if (!reply.ok) expect(reply.error.code).toBe('invalid_input')
    }
    const extra = await dispatch(handlers, channel, { sneaky: true }, quiet)
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!extra.ok) expect(extra.error.issues?.map((i) => i.message).join(' ')).toMatch(/sneaky/)
  })

  it('names the failing field in the error', async () => {
    const { handlers } = await makeTestHandlers()
    const reply = await dispatch(handlers, 'sources:create', { kind: 'rumour', title: '' }, quiet)
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid_input')
    expect(reply.error.issues?.map((i) => i.path).sort()).toEqual(['kind', 'title'])
    expect(reply.error.message).toMatch(/^Invalid input at (kind|title)/)
  })

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'articles:drop', 42, null])(
    'refuses the unknown channel %s without crashing',
    async (channel) => {
      const { handlers } = await makeTestHandlers()
      const reply = await dispatch(handlers, channel, {}, quiet)
      expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    },
  )

  it('never throws and always answers a cloneable envelope, whatever the payload', async () => {
    const { handlers } = await makeTestHandlers()
    const channels = fc.oneof(fc.constantFrom(...CHANNELS), fc.constantFrom('__proto__', 'constructor'), fc.string())
    const payloads = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
    })
    await fc.assert(
      fc.asyncProperty(channels, payloads, async (channel, payload) => {
        const reply = await dispatch(handlers, channel, payload, quiet)
        expect(typeof reply.ok).toBe('boolean')
        expect(() => structuredClone(reply)).not.toThrow()
      }),
      { numRuns: 400 },
    )
  })

  it('hides internal failures behind a generic message and logs the cause', async () => {
    const { handlers, library } = await makeTestHandlers()
    await library.close()
    const logged: unknown[] = []
    const reply = await dispatch(handlers, 'articles:list', {}, (_channel, err) => logged.push(err))
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } })
    if (!reply.ok) expect(reply.error.message).not.toMatch(/sqlite|\/tmp|at /i)
    expect(logged).toHaveLength(1)
  })

  it.each([
    [
      'SQLITE_READONLY',
      /^The library is read-only: the change was not saved \(open a copy, or fix the folder's permissions/,
    ],
    ['SQLITE_READONLY_DIRECTORY', /^The library is read-only/],
    ['SQLITE_FULL', /^The disk is full: the change was not saved/],
    ['SQLITE_IOERR_WRITE', /^The disk could not be read or written \(SQLITE_IOERR_WRITE\): the change was not saved/],
    ['SQLITE_BUSY_SNAPSHOT', /^The library is busy in another Quotedesk/],
  ])('tells what %s means, and does not log it as a bug', async (code, message) => {
    const { handlers } = await makeTestHandlers()
    const failing = {
      ...handlers,
      'articles:list': async () => Promise.reject(Object.assign(new Error('x'), { code })),
    }
    const logged: unknown[] = []
    const reply = await dispatch(failing, 'articles:list', {}, (_channel, err) => logged.push(err))
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(message) } })
    expect(logged).toEqual([])
  })
})

describe('contract outputs', () => {
  it('every value a handler returns matches the output schema', async () => {
    const { handlers } = await makeTestHandlers()
    const call = async (channel: (typeof CHANNELS)[number], input: unknown) => {
      const reply = await dispatch(handlers, channel, input, quiet)
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`)
      contract[channel].output.parse(reply.value)
      return reply.value as { id: string }
    }
    const article = await call('articles:create', { body: 'Headline\n\n“Hello,” she said.' })
    await call('articles:list', {})
    await call('articles:get', { id: article.id })
    await call('articles:update', { id: article.id, status: 'in_review' })
    await call('articles:import', { fileName: 'draft.txt', dataBase64: Buffer.from('A draft').toString('base64') })
    const entity = await call('entities:create', { kind: 'person', name: 'Alice Oseman', aliases: ['Oseman'] })
    await call('entities:list', { query: 'ose' })
    await call('entities:get', { id: entity.id })
    await call('entities:update', { id: entity.id, notes: 'Author' })
    const source = await call('sources:create', { kind: 'web', title: 'Tudum', url: 'https://example.com/a' })
    await call('sources:list', {})
    await call('sources:get', { id: source.id })
    await call('sources:update', { id: source.id, isConfidential: true })
    await call('library:search', { query: 'hello' })
    await call('library:info', {})
    await call('sources:delete', { id: source.id })
    await call('entities:delete', { id: entity.id })
    await call('articles:delete', { id: article.id })
  })
})
