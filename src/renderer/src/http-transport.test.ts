import { describe, expect, it } from 'vitest'
import { createHttpTransport, faultFromStatus, parseEnvelope } from './http-transport'

interface Sent {
  url: string
  init: RequestInit
}

function fakeFetch(status: number, body: string | (() => never)) {
  const sent: Sent[] = []
  const fetchFn = async (url: string, init: RequestInit) => {
    sent.push({ url, init })
    return { status, text: async () => (typeof body === 'string' ? body : body()) }
  }
  return { sent, fetchFn }
}

describe('createHttpTransport', () => {
  it('posts the input as JSON with the token header', async () => {
    const { sent, fetchFn } = fakeFetch(200, JSON.stringify({ ok: true, value: [] }))
    const reply = await createHttpTransport('tok_123', fetchFn)('articles:list', { limit: 5 })
    expect(reply).toEqual({ ok: true, value: [] })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.url).toBe('/api/articles:list')
    expect(sent[0]!.init.method).toBe('POST')
    expect(sent[0]!.init.body).toBe('{"limit":5}')
    expect(sent[0]!.init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Quotedesk-Token': 'tok_123' })
  })

  it('passes null values through (delete replies)', async () => {
    const { fetchFn } = fakeFetch(200, '{"ok":true,"value":null}')
    expect(await createHttpTransport('t', fetchFn)('articles:delete', { id: 'x' })).toEqual({ ok: true, value: null })
  })

  it.each([400, 401, 403, 404, 413, 500])('returns the envelope of a %i reply as it is', async (status) => {
    const error = {
      code: 'invalid_input',
      message: 'Invalid input at body: must not be empty',
      issues: [{ path: 'body', message: 'must not be empty' }],
    }
    const { fetchFn } = fakeFetch(status, JSON.stringify({ ok: false, error }))
    expect(await createHttpTransport('t', fetchFn)('articles:create', { body: '' })).toEqual({ ok: false, error })
  })

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [413, 'too_large'],
    [415, 'invalid_input'],
    [502, 'internal'],
  ])('makes a Fault from status %i without an envelope', async (status, code) => {
    const { fetchFn } = fakeFetch(status, '<html>Bad gateway</html>')
    const reply = await createHttpTransport('t', fetchFn)('library:info', {})
    expect(reply).toEqual({ ok: false, error: faultFromStatus(status) })
    expect(reply.ok === false && reply.error.code).toBe(code)
  })

  it('a 200 with a garbled body is a Fault, not a crash', async () => {
    const { fetchFn } = fakeFetch(200, '{"ok":tru')
    const reply = await createHttpTransport('t', fetchFn)('library:info', {})
    expect(reply.ok).toBe(false)
  })

  it('a body that fails to stream falls back to the status', async () => {
    const { fetchFn } = fakeFetch(413, () => {
      throw new Error('socket hang up')
    })
    expect(await createHttpTransport('t', fetchFn)('articles:import', {})).toEqual({
      ok: false,
      error: faultFromStatus(413),
    })
  })

  it('a host that is gone becomes a readable Fault', async () => {
    const reply = await createHttpTransport('t', async () => {
      throw new TypeError('Failed to fetch')
    })('library:info', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(reply.ok === false && reply.error.message).toMatch(/quotedesk serve/)
  })
})

describe('parseEnvelope', () => {
  it.each([
    ['', null],
    ['null', null],
    ['[]', null],
    ['{"ok":true}', null],
    ['{"ok":false,"error":{"code":"nope","message":"x"}}', null],
    ['{"ok":false,"error":{"code":"not_found"}}', null],
    ['{"ok":"yes","value":1}', null],
  ])('rejects %j', (body, expected) => {
    expect(parseEnvelope(body)).toBe(expected)
  })

  it('accepts a Fault with issues', () => {
    const error = { code: 'invalid_input', message: 'm', issues: [{ path: 'title', message: 'too long' }] }
    expect(parseEnvelope(JSON.stringify({ ok: false, error }))).toEqual({ ok: false, error })
  })
})
