import fs from 'node:fs'
import path from 'node:path'

/**
 * Where scripts/rebuild-electron-sqlite.js puts better-sqlite3 compiled for Electron's ABI.
 * node_modules/better-sqlite3/build keeps the Node build, so `npm test` under Node and the app
 * under Electron each load the binary made for them on the same machine.
 */
export const ELECTRON_BINDING_DEV_PATH = path.join('build', 'native', 'electron', 'better_sqlite3.node')

/** Where electron-builder's extraResources copies that file inside a packaged app. */
export const ELECTRON_BINDING_RESOURCE_PATH = path.join('native', 'better_sqlite3.node')

export const MISSING_BINDING_HINT =
  'better-sqlite3 has not been built for Electron: run `npm run rebuild:electron` (see docs/SECURITY.md, "Building and packaging").'

export interface NativeBindingContext {
  /** `process.versions.electron`: undefined under plain Node, where the default build is right. */
  electronVersion: string | undefined
  /** `app.isPackaged`. */
  isPackaged: boolean
  /** `process.resourcesPath` (packaged app) */
  resourcesPath: string | undefined
  /** `app.getAppPath()`: the project folder when unpackaged. */
  appPath: string
  exists?: (file: string) => boolean
}

const isFile = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * The `nativeBinding` to pass to openLibrary, or undefined to let better-sqlite3 load its default
 * build. Under Node the answer is always undefined, so an Electron-ABI file can never be loaded
 * into Node. A packaged app looks only in its resources: a file next to the app folder
 * (a stale checkout, a planted binary) is never loaded into a shipped build.
 */
export function resolveElectronSqliteBinding(context: NativeBindingContext): string | undefined {
  if (context.electronVersion === undefined || context.electronVersion === '') return undefined
  const exists = context.exists ?? isFile
  const candidate = context.isPackaged
    ? context.resourcesPath
      ? path.join(context.resourcesPath, ELECTRON_BINDING_RESOURCE_PATH)
      : undefined
    : path.join(context.appPath, ELECTRON_BINDING_DEV_PATH)
  return candidate !== undefined && exists(candidate) ? candidate : undefined
}
