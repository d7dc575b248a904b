import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type Session, type WebContents } from 'electron'
import { CSP_HEADER } from '../renderer/csp'
import { openLibrary, type Library } from './db/connection'
import { MISSING_BINDING_HINT, resolveElectronSqliteBinding } from './native'
import { resolveLibraryPath } from './paths'
import { registerIpc } from './rpc/ipc'
import { createHandlers } from './services'
import { serveAppAsset } from './window/app-protocol'
import { isAllowedNavigation, isAllowedRequest, safeExternalUrl } from './window/navigation'
import { createMainWindow } from './window/options'
import { desktopCapabilities } from './window/save-dialog'
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, devRendererUrl } from './window/origins'
import { decidePermission, decidePermissionCheck } from './window/permissions'
import { validateSender } from './window/sender'

// Composition root only: every decision below is made by a pure, unit-tested module.
const here = path.dirname(fileURLToPath(import.meta.url))
const preloadPath = path.join(here, '../preload/index.cjs')
const rendererDir = path.join(here, '../renderer')

const dev = devRendererUrl(process.env, app.isPackaged)
const trustedOrigin = dev?.origin ?? APP_ORIGIN
const ourWebContents = new Set<number>()
let library: Library | undefined
let mainWindow: BrowserWindow | undefined

// Both must happen before `ready`: sandbox every renderer, and make app:// a secure standard origin.
app.enableSandbox()
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

function guardNavigation(event: { url: string; preventDefault(): void }): void {
  if (!isAllowedNavigation(event.url, trustedOrigin)) event.preventDefault()
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', guardNavigation)
  contents.on('will-frame-navigate', guardNavigation)
  contents.on('will-redirect', guardNavigation)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url)
    if (external) void shell.openExternal(external.href)
    return { action: 'deny' }
  })
}

function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(decidePermission(permission, details.requestingUrl, trustedOrigin)),
  )
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermissionCheck(permission, requestingOrigin, trustedOrigin),
  )
  ses.setDevicePermissionHandler(() => false)
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null))
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, dev?.origin ?? null) }),
  )
}

function createWindow(): void {
  const win = createMainWindow(BrowserWindow, preloadPath, { isDev: dev !== null })
  const id = win.webContents.id
  ourWebContents.add(id)
  win.on('closed', () => {
    ourWebContents.delete(id)
    mainWindow = undefined
  })
  win.once('ready-to-show', () => win.show())
  mainWindow = win
  void win.loadURL(dev?.href ?? APP_ENTRY_URL)
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession)
  protocol.handle(APP_SCHEME, (request) => serveAppAsset(request, rendererDir, { csp: CSP_HEADER }))
  const nativeBinding = resolveElectronSqliteBinding({
    electronVersion: process.versions.electron,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  })
  if (nativeBinding === undefined && process.versions.electron) console.warn(`[quotedesk] ${MISSING_BINDING_HINT}`)
  library = await openLibrary(
    resolveLibraryPath({ userDataDir: app.getPath('userData') }),
    nativeBinding === undefined ? {} : { nativeBinding },
  )
  const desktop = desktopCapabilities(dialog, () => mainWindow)
  registerIpc(ipcMain, createHandlers(library, undefined, desktop), (event) =>
    validateSender(event, trustedOrigin, ourWebContents),
  )
  createWindow()
}

function failToStart(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err)
  const hint = /NODE_MODULE_VERSION|better_sqlite3/u.test(message) ? `\n\n${MISSING_BINDING_HINT}` : ''
  dialog.showErrorBox('Quotedesk could not start', `${message}${hint}`)
  app.exit(1)
}

// One process owns the library: a second launch focuses the first window instead, which also
// keeps two migrators from running on one file (Kysely does not lock SQLite across processes).
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (!library) return
    // Closing is async (Kysely's destroy); hold the quit until the WAL is checkpointed and closed.
    event.preventDefault()
    const closing = library
    library = undefined
    void closing.close().finally(() => app.quit())
  })
  app.whenReady().then(start).catch(failToStart)
}
