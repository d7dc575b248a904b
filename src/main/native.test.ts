import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../test/helpers/db'
import {
  ELECTRON_BINDING_DEV_PATH,
  ELECTRON_BINDING_RESOURCE_PATH,
  resolveElectronSqliteBinding,
  type NativeBindingContext,
} from './native'

const base: NativeBindingContext = {
  electronVersion: '45.3.4',
  isPackaged: false,
  resourcesPath: '/opt/Quotedesk/resources',
  appPath: '/home/ed/quotedesk',
  exists: () => true,
}

describe('resolveElectronSqliteBinding', () => {
  it('unpackaged Electron uses build/native/electron under the app folder', () => {
    expect(resolveElectronSqliteBinding(base)).toBe(path.join('/home/ed/quotedesk', ELECTRON_BINDING_DEV_PATH))
    expect(ELECTRON_BINDING_DEV_PATH).toBe(path.join('build', 'native', 'electron', 'better_sqlite3.node'))
  })

  it('a packaged app uses its resources folder only', () => {
    const seen: string[] = []
    const packaged = { ...base, isPackaged: true, exists: (f: string) => (seen.push(f), true) }
    expect(resolveElectronSqliteBinding(packaged)).toBe(
      path.join('/opt/Quotedesk/resources', ELECTRON_BINDING_RESOURCE_PATH),
    )
    expect(seen).toStrictEqual([path.join('/opt/Quotedesk/resources', 'native', 'better_sqlite3.node')])
  })

  it('plain Node never gets the Electron build, even when the file exists', () => {
    expect(resolveElectronSqliteBinding({ ...base, electronVersion: undefined })).toBeUndefined()
    expect(resolveElectronSqliteBinding({ ...base, electronVersion: '' })).toBeUndefined()
    expect(resolveElectronSqliteBinding({ ...base, electronVersion: undefined, isPackaged: true })).toBeUndefined()
  })

  it('answers undefined when the file is missing, so the caller can say how to build it', () => {
    expect(resolveElectronSqliteBinding({ ...base, exists: () => false })).toBeUndefined()
    expect(resolveElectronSqliteBinding({ ...base, isPackaged: true, resourcesPath: undefined })).toBeUndefined()
  })

  it('checks the real file system by default: a directory of that name is not a binding', () => {
    const dir = makeTempDir()
    const target = path.join(dir, ELECTRON_BINDING_DEV_PATH)
    const context = { ...base, appPath: dir, exists: undefined }
    expect(resolveElectronSqliteBinding(context)).toBeUndefined()
    fs.mkdirSync(target, { recursive: true })
    expect(resolveElectronSqliteBinding(context)).toBeUndefined()
    fs.rmdirSync(target)
    fs.writeFileSync(target, 'not really a binary')
    expect(resolveElectronSqliteBinding(context)).toBe(target)
  })

  it('the Node build in node_modules is still the one Node loads (the two builds live apart)', async () => {
    const { default: Database } = await import('better-sqlite3')
    const db = new Database(':memory:')
    expect(db.prepare('select 1 as one').get()).toStrictEqual({ one: 1 })
    db.close()
  })
})
