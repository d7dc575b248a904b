import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ELECTRON_BINDING_DEV_PATH, ELECTRON_BINDING_RESOURCE_PATH } from '../native'

interface BuilderConfig {
  asar?: unknown
  npmRebuild?: unknown
  files?: string[]
  extraResources?: { from: string; to: string }[]
  electronFuses?: Record<string, unknown>
}

const config = JSON.parse(fs.readFileSync(path.resolve('electron-builder.json'), 'utf8')) as BuilderConfig
const toPosix = (p: string) => p.split(path.sep).join('/')

describe('electron-builder.json (checklist items 18–19, notes E10)', () => {
  it('flips exactly the reviewed fuses', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packs the app into an asar, which onlyLoadAppFromAsar and integrity validation rely on', () => {
    expect(config.asar).toBe(true)
  })

  it('never rebuilds node_modules in place: that would swap the Node build of better-sqlite3 for Electron’s', () => {
    expect(config.npmRebuild).toBe(false)
  })

  it('ships the Electron build of better-sqlite3 where src/main/native.ts looks for it, and not the Node build', () => {
    expect(config.extraResources).toContainEqual({
      from: toPosix(ELECTRON_BINDING_DEV_PATH),
      to: toPosix(ELECTRON_BINDING_RESOURCE_PATH),
    })
    expect(config.files).toContain('!**/node_modules/better-sqlite3/build/**')
  })
})
