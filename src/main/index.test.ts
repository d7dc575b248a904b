import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeTempDir } from '../../test/helpers/db'
import { CSP_HEADER } from '../renderer/csp'
import { CHANNELS } from '../shared/contract'
import { mainWindowOptions } from './window/options'

type Listener = (...args: unknown[]) => unknown

/** A recording stand-in for the electron module (reliability-notes E12): no binary needed. */
function makeFakeElectron() {
  const log: string[] = []
  let resolveReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))

  const emitter = () => {
    const listeners = new Map<string, Listener[]>()
    return {
      listeners,
      on(event: string, listener: Listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener])
        return this
      },
      once(event: string, listener: Listener) {
        return this.on(event, listener)
      },
      emit(event: string, ...args: unknown[]) {
        for (const listener of listeners.get(event) ?? []) listener(...args)
      },
    }
  }

  const app = Object.assign(emitter(), {
    isPackaged: false,
    hasLock: true,
    userData: '',
    enableSandbox: vi.fn(() => log.push('app.enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => (log.push('app.requestSingleInstanceLock'), app.hasLock)),
    whenReady: vi.fn(() => ready),
    getPath: vi.fn((name: string) => (name === 'userData' ? app.userData : `/nonexistent/${name}`)),
    getAppPath: vi.fn(() => '/nonexistent/app'),
    quit: vi.fn(() => log.push('app.quit')),
    exit: vi.fn(),
  })

  let nextId = 1
  type FakeContents = ReturnType<typeof makeContents>
  function makeContents() {
    const contents = Object.assign(emitter(), {
      id: nextId++,
      windowOpenHandler: undefined as undefined | ((details: { url: string }) => unknown),
      setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
        contents.windowOpenHandler = handler
      },
    })
    app.emit('web-contents-created', {}, contents)
    return contents
  }

  class BrowserWindow {
    readonly webContents: FakeContents
    readonly loadURL = vi.fn(async () => {})
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    readonly show = vi.fn()
    readonly events = emitter()
    constructor(readonly options: unknown) {
      log.push('new BrowserWindow')
      this.webContents = makeContents()
      windows.push(this)
    }
    on(event: string, listener: Listener) {
      this.events.on(event, listener)
      return this
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener)
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return true
    }
  }
  const windows: BrowserWindow[] = []

  const ipcHandles = new Map<string, Listener>()
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => ipcHandles.set(channel, listener)),
    on: vi.fn(),
    once: vi.fn(),
  }
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => log.push('protocol.registerSchemesAsPrivileged')),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) =>
      protocolHandlers.set(scheme, handler),
    ),
  }
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  }
  return {
    log,
    ready: () => (log.push('ready'), resolveReady()),
    windows,
    makeContents,
    ipcHandles,
    protocolHandlers,
    module: {
      app,
      BrowserWindow,
      ipcMain,
      protocol,
      session: { defaultSession },
      shell: { openExternal: vi.fn(async () => {}) },
      dialog: { showErrorBox: vi.fn() },
    },
  }
}

type FakeModule = ReturnType<typeof makeFakeElectron>['module']
const state = vi.hoisted(() => ({ fake: undefined as unknown }))
// Vitest caches a mock factory's result across resetModules, so each export reads the current fake.
vi.mock('electron', () => {
  const current = () => state.fake as FakeModule
  return {
    get app() {
      return current().app
    },
    get BrowserWindow() {
      return current().BrowserWindow
    },
    get ipcMain() {
      return current().ipcMain
    },
    get protocol() {
      return current().protocol
    },
    get session() {
      return current().session
    },
    get shell() {
      return current().shell
    },
    get dialog() {
      return current().dialog
    },
  }
})

let fake: ReturnType<typeof makeFakeElectron>

async function boot(options: { hasLock?: boolean } = {}) {
  fake = makeFakeElectron()
  fake.module.app.hasLock = options.hasLock ?? true
  fake.module.app.userData = makeTempDir('quotedesk-userdata-')
  state.fake = fake.module
  vi.resetModules()
  await import('./index')
}

async function bootAndStart() {
  await boot()
  fake.ready()
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
  return fake.windows[0]!
}

const event = () => ({ preventDefault: vi.fn() })

beforeEach(() => {
  // Keep the library in the fake userData folder, whatever the developer's shell exports.
  vi.stubEnv('QUOTEDESK_DB', '')
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
})

afterEach(async () => {
  // Close the library the app opened, through the same quit path a user takes.
  const quit = { preventDefault: vi.fn() }
  fake.module.app.emit('will-quit', quit)
  await vi.waitFor(() => expect(fake.module.app.quit.mock.calls.length).toBeGreaterThan(0))
  vi.unstubAllEnvs()
})

describe('src/main/index.ts wiring (reliability-notes E12)', () => {
  it('enables the sandbox and registers app:// before ready, then takes the single-instance lock', async () => {
    await boot()
    expect(fake.log).toStrictEqual([
      'app.enableSandbox',
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
    ])
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(fake.windows).toHaveLength(0)
    fake.ready()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    expect(fake.log.indexOf('app.enableSandbox')).toBeLessThan(fake.log.indexOf('ready'))
  })

  it('creates the window from mainWindowOptions and loads app://quotedesk/index.html', async () => {
    const win = await bootAndStart()
    const options = win.options as ReturnType<typeof mainWindowOptions>
    const preload = options.webPreferences?.preload ?? ''
    expect(path.basename(preload)).toBe('index.cjs')
    expect(path.basename(path.dirname(preload))).toBe('preload')
    expect(options).toStrictEqual(mainWindowOptions(preload))
    expect(win.loadURL).toHaveBeenCalledWith('app://quotedesk/index.html')
  })

  it('registers ipcMain.handle for exactly the contract channels and never ipcMain.on', async () => {
    await bootAndStart()
    expect([...fake.ipcHandles.keys()].sort()).toStrictEqual([...CHANNELS].sort())
    expect(fake.module.ipcMain.on).not.toHaveBeenCalled()
    expect(fake.module.ipcMain.once).not.toHaveBeenCalled()
  })

  it('answers IPC from the window it created and refuses any other webContents or frame', async () => {
    const win = await bootAndStart()
    const info = fake.ipcHandles.get('library:info')!
    const from = (id: number, url = 'app://quotedesk/index.html', parent: unknown = null) => ({
      sender: { id },
      senderFrame: { url, parent },
    })
    expect(await info(from(win.webContents.id), {})).toMatchObject({ ok: true })
    const other = fake.makeContents()
    for (const hostile of [
      from(other.id),
      from(win.webContents.id, 'https://evil.example/'),
      from(win.webContents.id, 'app://quotedesk/index.html', {}),
    ]) {
      expect(await info(hostile, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    win.events.emit('closed')
    expect(await info(from(win.webContents.id), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('guards every webContents: navigation, redirects, webviews and window.open', async () => {
    const win = await bootAndStart()
    const extra = fake.makeContents()
    for (const contents of [win.webContents, extra]) {
      for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
        expect(contents.listeners.get(name), name).toHaveLength(1)
      }
      for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        const guard = contents.listeners.get(name)![0]!
        const away = { ...event(), url: 'https://evil.example/' }
        guard(away)
        expect(away.preventDefault, name).toHaveBeenCalled()
        const inside = { ...event(), url: 'app://quotedesk/index.html#/article/1' }
        guard(inside)
        expect(inside.preventDefault, name).not.toHaveBeenCalled()
      }
      const webview = event()
      contents.listeners.get('will-attach-webview')![0]!(webview, {}, {})
      expect(webview.preventDefault).toHaveBeenCalled()

      const open = contents.windowOpenHandler!
      expect(open({ url: 'https://example.com/story' })).toStrictEqual({ action: 'deny' })
      expect(open({ url: 'file:///etc/passwd' })).toStrictEqual({ action: 'deny' })
      expect(open({ url: 'smb://host/share' })).toStrictEqual({ action: 'deny' })
      expect(open({ url: 'app://quotedesk/index.html' })).toStrictEqual({ action: 'deny' })
    }
    expect(fake.module.shell.openExternal.mock.calls).toStrictEqual([
      ['https://example.com/story'],
      ['https://example.com/story'],
    ])
  })

  it('denies permissions, devices, display capture and foreign requests on the default session', async () => {
    await bootAndStart()
    const ses = fake.module.session.defaultSession
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as Listener
    const callback = vi.fn()
    request({}, 'media', callback, { requestingUrl: 'app://quotedesk/index.html', isMainFrame: true })
    request({}, 'clipboard-sanitized-write', callback, {
      requestingUrl: 'app://quotedesk/index.html',
      isMainFrame: true,
    })
    request({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://evil.example/', isMainFrame: true })
    expect(callback.mock.calls).toStrictEqual([[false], [true], [false]])

    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as Listener
    expect(check({}, 'geolocation', 'app://quotedesk', { isMainFrame: true })).toBe(false)

    const device = ses.setDevicePermissionHandler.mock.calls[0]![0] as Listener
    expect(device({ deviceType: 'usb', origin: 'app://quotedesk' })).toBe(false)

    const display = ses.setDisplayMediaRequestHandler.mock.calls[0]![0] as Listener
    const streams = vi.fn()
    display({}, streams)
    expect(streams).toHaveBeenCalledWith(null)

    const filter = ses.webRequest.onBeforeRequest.mock.calls[0]![0] as Listener
    const answers: unknown[] = []
    for (const url of ['app://quotedesk/assets/index.js', 'https://example.com/x.js', 'file:///etc/passwd']) {
      filter({ url }, (response: unknown) => answers.push(response))
    }
    expect(answers).toStrictEqual([{ cancel: false }, { cancel: true }, { cancel: true }])
  })

  it('serves app:// through the traversal-safe resolver with the CSP header', async () => {
    await bootAndStart()
    const handler = fake.protocolHandlers.get('app')
    expect(handler).toBeDefined()
    const missing = await handler!(new Request('app://quotedesk/../../etc/passwd'))
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-security-policy')).toBe(CSP_HEADER)
  })

  it('a second launch focuses the first window', async () => {
    const win = await bootAndStart()
    fake.module.app.emit('second-instance', {}, [], '/', {})
    expect(win.restore).toHaveBeenCalled()
    expect(win.focus).toHaveBeenCalled()
  })

  it('opens the library in userData and closes it on quit', async () => {
    await bootAndStart()
    expect(fs.existsSync(path.join(fake.module.app.userData, 'library.quotedesk'))).toBe(true)
    const quit = event()
    fake.module.app.emit('will-quit', quit)
    expect(quit.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(fake.module.app.quit).toHaveBeenCalled())
    const again = event()
    fake.module.app.emit('will-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('without the single-instance lock it quits and never opens a window or the library', async () => {
    await boot({ hasLock: false })
    expect(fake.module.app.quit).toHaveBeenCalled()
    expect(fake.module.app.whenReady).not.toHaveBeenCalled()
    fake.ready()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(fake.windows).toHaveLength(0)
    expect(fake.ipcHandles.size).toBe(0)
    expect(fs.existsSync(path.join(fake.module.app.userData, 'library.quotedesk'))).toBe(false)
  })
})
