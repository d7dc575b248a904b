import { describe, expect, it } from 'vitest'
import { splitTokenFromHash, takeToken, type TokenEnv } from './token'

const TOKEN = 'Ab3_-x9Qm2LkPz7RtYwVbN4c'

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

describe('splitTokenFromHash', () => {
  it.each([
    ['', null, ''],
    ['#', null, '#'],
    [`#token=${TOKEN}`, TOKEN, ''],
    [`token=${TOKEN}`, TOKEN, ''],
    [`#token=${TOKEN}&view=sources`, TOKEN, '#view=sources'],
    [`#view=sources&token=${TOKEN}`, TOKEN, '#view=sources'],
    ['#token=', null, ''],
    ['#token=short', null, ''],
    ['#token=has%20space-and-more-chars', null, ''],
    ['#view=sources', null, '#view=sources'],
  ])('%s', (hash, token, rest) => {
    expect(splitTokenFromHash(hash)).toEqual({ token, rest })
  })
})

describe('takeToken', () => {
  it('moves the fragment token into storage and strips it from the address', () => {
    const { env, replaced, store } = fakeEnv(`#token=${TOKEN}`)
    expect(takeToken(env)).toBe(TOKEN)
    expect(store.get('quotedesk.token')).toBe(TOKEN)
    expect(replaced).toEqual(['/'])
  })

  it('finds the stored token after a reload, without touching history', () => {
    const { env, replaced } = fakeEnv('', { 'quotedesk.token': TOKEN })
    expect(takeToken(env)).toBe(TOKEN)
    expect(replaced).toEqual([])
  })

  it('a new fragment token replaces the stored one', () => {
    const { env, store } = fakeEnv(`#token=${TOKEN}new`, { 'quotedesk.token': TOKEN })
    expect(takeToken(env)).toBe(`${TOKEN}new`)
    expect(store.get('quotedesk.token')).toBe(`${TOKEN}new`)
  })

  it('strips a malformed token too, and reports none', () => {
    const { env, replaced } = fakeEnv('#token=oops')
    expect(takeToken(env)).toBeNull()
    expect(replaced).toEqual(['/'])
  })

  it('still returns the token when storage throws', () => {
    const { env } = fakeEnv(`#token=${TOKEN}`)
    env.storage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(takeToken(env)).toBe(TOKEN)
  })

  it('returns null without a token anywhere', () => {
    expect(takeToken(fakeEnv('').env)).toBeNull()
  })
})
