import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { makeTestDb } from '../../../test/helpers/db'
import { CHANNELS, type Handlers } from '../../shared/contract'
import type { Reply } from '../../shared/errors'
import { createHandlers } from '../services'
import { APP_ORIGIN } from '../window/origins'
import { validateSender } from '../window/sender'
import { FORBIDDEN_REPLY, registerIpc, type IpcHandleRegistry } from './ipc'

type Listener = (event: IpcMainInvokeEvent, raw: unknown) => Promise<Reply<unknown>>

/** A stand-in for ipcMain: plain objects only, since `require('electron')` throws under Node (F7). */
function fakeIpcMain() {
  const handles = new Map<string, Listener>()
  const on = vi.fn()
  const registry: IpcHandleRegistry & { on: typeof on } = {
    handle: (channel, listener) => {
      if (handles.has(channel)) throw new Error(`second handler for ${channel}`)
      handles.set(channel, listener)
    },
    on,
  }
  return { registry, handles, on }
}

const KNOWN = new Set([1])
const fakeEvent = (url: string, opts: { parent?: object | null; id?: number; frame?: null } = {}) =>
  ({
    senderFrame: opts.frame === null ? null : { url, parent: opts.parent ?? null },
    sender: { id: opts.id ?? 1 },
  }) as unknown as IpcMainInvokeEvent

const trusted = (event: IpcMainInvokeEvent) => validateSender(event, APP_ORIGIN, KNOWN)

async function setup(check = trusted) {
  const library = await makeTestDb()
  const ipc = fakeIpcMain()
  registerIpc(
    ipc.registry,
    createHandlers(library, () => 'tester'),
    check,
    () => {},
  )
  const call = (channel: string, raw: unknown, event = fakeEvent('app://quotedesk/index.html')) => {
    const listener = ipc.handles.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return listener(event, raw)
  }
  return { ...ipc, call }
}

describe('registerIpc', () => {
  it('registers ipcMain.handle for exactly the contract channels and never ipcMain.on', async () => {
    const { handles, on } = await setup()
    expect([...handles.keys()].sort()).toStrictEqual([...CHANNELS].sort())
    expect(on).not.toHaveBeenCalled()
  })

  it('a trusted sender reaches the real handler through dispatch', async () => {
    const { call } = await setup()
    const created = await call('articles:create', { title: 'Budget', body: 'The minister said: “We are ready.”' })
    expect(created.ok).toBe(true)
    const listed = await call('articles:list', {})
    expect(listed).toMatchObject({ ok: true })
    expect(structuredClone(listed)).toStrictEqual(listed)
  })

  it('invalid input from a trusted sender is an invalid_input envelope, not a throw', async () => {
    const { call } = await setup()
    for (const channel of CHANNELS) {
      const reply = await call(channel, { __unexpected: true })
      expect(reply.ok, channel).toBe(false)
      if (!reply.ok) expect(reply.error.code, channel).toBe('invalid_input')
    }
  })

  it.each([
    ['a null frame', fakeEvent('app://quotedesk/index.html', { frame: null })],
    ['a subframe', fakeEvent('app://quotedesk/index.html', { parent: {} })],
    ['about:blank', fakeEvent('about:blank')],
    ['a foreign origin', fakeEvent('https://evil.example/')],
    ['an unknown window', fakeEvent('app://quotedesk/index.html', { id: 99 })],
  ])('%s gets the forbidden envelope on every channel and no handler runs', async (_name, event) => {
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => null)])) as unknown as Handlers
    const ipc = fakeIpcMain()
    registerIpc(ipc.registry, handlers, trusted)
    for (const [channel, listener] of ipc.handles) {
      expect(await listener(event, {}), channel).toStrictEqual(FORBIDDEN_REPLY)
    }
    for (const channel of CHANNELS) expect(handlers[channel]).not.toHaveBeenCalled()
  })

  it('a sender check that throws is treated as untrusted', async () => {
    const { call } = await setup(() => {
      throw new Error('frame disposed')
    })
    expect(await call('library:info', {})).toStrictEqual(FORBIDDEN_REPLY)
  })

  it('the forbidden reply is a valid, cloneable, frozen Fault envelope', () => {
    expect(FORBIDDEN_REPLY).toStrictEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This window may not call Quotedesk.' },
    })
    expect(structuredClone(FORBIDDEN_REPLY)).toStrictEqual(FORBIDDEN_REPLY)
    expect(Object.isFrozen(FORBIDDEN_REPLY)).toBe(true)
  })
})
