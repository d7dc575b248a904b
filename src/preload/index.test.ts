import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../shared/contract'

// require('electron') throws under plain Node (F7): the preload sees only these two fakes.
const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => electron.exposed.push([name, api]),
  },
  ipcRenderer: { invoke: electron.invoke },
}))

async function loadPreload(): Promise<Record<string, unknown>> {
  vi.resetModules()
  electron.exposed.length = 0
  await import('./index')
  expect(electron.exposed).toHaveLength(1)
  return electron.exposed[0]?.[1] as Record<string, unknown>
}

beforeEach(() => electron.invoke.mockClear())

describe('preload surface (checklist item 20, notes E8)', () => {
  it('exposes exactly one name, quotedesk', async () => {
    await loadPreload()
    expect(electron.exposed.map(([name]) => name)).toStrictEqual(['quotedesk'])
  })

  it('has exactly the contract channels as keys, each a function, and nothing else', async () => {
    const api = await loadPreload()
    expect(Object.keys(api)).toStrictEqual(CHANNELS)
    expect(Object.getOwnPropertySymbols(api)).toStrictEqual([])
    for (const channel of CHANNELS) expect(typeof api[channel], channel).toBe('function')
    for (const leak of ['invoke', 'send', 'on', 'ipcRenderer', 'process', 'env', 'require', 'electron']) {
      expect(Object.hasOwn(api, leak), leak).toBe(false)
    }
  })

  it('is frozen, so page script cannot add a generic invoke to it', async () => {
    const api = await loadPreload()
    expect(Object.isFrozen(api)).toBe(true)
    expect(() => Object.assign(api, { invoke: () => {} })).toThrow(TypeError)
  })

  it.each(CHANNELS)('%s forwards its input to ipcRenderer.invoke on that channel only', async (channel) => {
    const api = await loadPreload()
    const call = api[channel] as (input: unknown) => Promise<unknown>
    const input = { probe: channel }
    await expect(call(input)).resolves.toStrictEqual({ ok: true, value: { channel, input } })
    expect(electron.invoke).toHaveBeenCalledTimes(1)
    expect(electron.invoke).toHaveBeenCalledWith(channel, input)
  })

  it('passes exactly one argument: extra arguments from the page are dropped', async () => {
    const api = await loadPreload()
    const call = api['library:info'] as (...args: unknown[]) => Promise<unknown>
    await call({}, 'extra', { channel: 'articles:delete' })
    expect(electron.invoke).toHaveBeenCalledWith('library:info', {})
  })

  it('returns the promise of a Reply, never ipcRenderer or an event object', async () => {
    const api = await loadPreload()
    const result = await (api['library:info'] as (input: unknown) => Promise<unknown>)({})
    expect(result).toStrictEqual({ ok: true, value: { channel: 'library:info', input: {} } })
  })
})
