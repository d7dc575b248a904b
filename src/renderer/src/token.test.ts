import { describe, expect, it } from 'vitest'
import { SESSION_PATH, signInFromAddress, splitCodeFromHash, type TokenEnv } from './token'

const CODE = 'Ab3_-x9Qm2LkPz7RtYwVbN4c'
const TOKEN = 'Zz9_-k2LmN3oPq4RsT5uVw6x'

function fakeEnv(hash: string, stored: Record<string, string> = {}) {
  const replaced: string[] = []
  const store = new Map(Object.entries(stored))
  const env: TokenEnv = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_state, _unused, url) => void replaced.push(String(url)) },
    storage: { getItem: (key) => store.get(key) ?? null, setItem: (key, value) => void store.set(key, value) },
  }
  return { env, replaced, store }
}

/** A host that trades CODE for TOKEN once, as the real one does; records what it was sent. */
function fakeHost() {
  const sent: { url: string; body: unknown }[] = []
  let isUsed = false
  const fetchFn = async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { code?: string }
    sent.push({ url, body })
    const ok = body.code === CODE && !isUsed
    if (ok) isUsed = true
    const reply = ok
      ? { ok: true, value: { token: TOKEN } }
      : { ok: false, error: { code: 'unauthorized', message: 'used' } }
    return { status: ok ? 200 : 401, json: async () => reply }
  }
  return { fetchFn, sent }
}

describe('splitCodeFromHash', () => {
  it.each([
    ['', null, ''],
    ['#', null, '#'],
    [`#code=${CODE}`, CODE, ''],
    [`code=${CODE}`, CODE, ''],
    [`#code=${CODE}&view=sources`, CODE, '#view=sources'],
    [`#view=sources&code=${CODE}`, CODE, '#view=sources'],
    ['#code=', null, ''],
    ['#code=short', null, ''],
    ['#code=has%20space-and-more-chars', null, ''],
    ['#view=sources', null, '#view=sources'],
  ])('%s', (hash, code, rest) => {
    expect(splitCodeFromHash(hash)).toEqual({ code, rest })
  })
})

describe('signInFromAddress', () => {
  it('strips the code from the address before it asks the host, then keeps the token', async () => {
    const { env, replaced, store } = fakeEnv(`#code=${CODE}`)
    const host = fakeHost()
    const signing = signInFromAddress(env, host.fetchFn)
    expect(replaced).toEqual(['/'])
    expect(await signing).toEqual({ state: 'signed-in', token: TOKEN })
    expect(store.get('quotedesk.token')).toBe(TOKEN)
    expect(host.sent).toEqual([{ url: SESSION_PATH, body: { code: CODE } }])
  })

  it('finds the stored token after a reload, without asking the host or touching history', async () => {
    const { env, replaced } = fakeEnv('', { 'quotedesk.token': TOKEN })
    const host = fakeHost()
    expect(await signInFromAddress(env, host.fetchFn)).toEqual({ state: 'signed-in', token: TOKEN })
    expect(replaced).toEqual([])
    expect(host.sent).toEqual([])
  })

  it('says the address was used when a fresh tab brings a used code', async () => {
    const host = fakeHost()
    await signInFromAddress(fakeEnv(`#code=${CODE}`).env, host.fetchFn)
    const { env, store } = fakeEnv(`#code=${CODE}`)
    expect(await signInFromAddress(env, host.fetchFn)).toEqual({ state: 'address-used' })
    expect(store.size).toBe(0)
  })

  it('keeps the tab’s token when the used address is opened again in the same tab', async () => {
    const host = fakeHost()
    await signInFromAddress(fakeEnv(`#code=${CODE}`).env, host.fetchFn)
    const { env } = fakeEnv(`#code=${CODE}`, { 'quotedesk.token': TOKEN })
    expect(await signInFromAddress(env, host.fetchFn)).toEqual({ state: 'signed-in', token: TOKEN })
  })

  it('a new code replaces a stale stored token (Quotedesk restarted)', async () => {
    const { env, store } = fakeEnv(`#code=${CODE}`, { 'quotedesk.token': 'stale-token-from-before' })
    expect(await signInFromAddress(env, fakeHost().fetchFn)).toEqual({ state: 'signed-in', token: TOKEN })
    expect(store.get('quotedesk.token')).toBe(TOKEN)
  })

  it('strips a malformed code too, sends nothing and reports no token', async () => {
    const { env, replaced } = fakeEnv('#code=oops')
    const host = fakeHost()
    expect(await signInFromAddress(env, host.fetchFn)).toEqual({ state: 'no-token' })
    expect(replaced).toEqual(['/'])
    expect(host.sent).toEqual([])
  })

  it('reports no token when the host cannot be reached', async () => {
    const { env } = fakeEnv(`#code=${CODE}`)
    const unreachable = () => Promise.reject(new TypeError('Failed to fetch'))
    expect(await signInFromAddress(env, unreachable)).toEqual({ state: 'no-token' })
  })

  it('still signs in when storage throws', async () => {
    const { env } = fakeEnv(`#code=${CODE}`)
    env.storage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(await signInFromAddress(env, fakeHost().fetchFn)).toEqual({ state: 'signed-in', token: TOKEN })
  })

  it('reports no token without a code or a stored token', async () => {
    expect(await signInFromAddress(fakeEnv('').env, fakeHost().fetchFn)).toEqual({ state: 'no-token' })
  })
})
