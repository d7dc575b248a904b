import fs from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from './origins'
import { ALLOWED_PERMISSIONS, decidePermission, decidePermissionCheck, type Permission } from './permissions'

// Copied from electron.d.ts 45.3.4 (setPermissionRequestHandler / setPermissionCheckHandler).
const ALL_PERMISSIONS = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown',
] as const satisfies readonly Permission[]

// Compile-time half of the drift check: a permission added to Electron's union breaks typecheck here.
type Missing = Exclude<Permission, (typeof ALL_PERMISSIONS)[number]>
const exhaustive: [Missing] extends [never] ? true : Missing = true

const ALLOWED: readonly Permission[] = ['clipboard-sanitized-write']

function unionsInElectronTypes(): string[][] {
  const dts = fs.readFileSync(createRequire(import.meta.url).resolve('electron/electron.d.ts'), 'utf8')
  const unions: string[][] = []
  for (const method of ['setPermissionRequestHandler(handler', 'setPermissionCheckHandler(handler']) {
    const line = dts.split('\n').find((l) => l.trimStart().startsWith(method))
    const union = line?.match(/permission: ((?:'[^']+'(?: \| )?)+)/)?.[1]
    expect(union, method).toBeDefined()
    unions.push([...(union ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1] ?? ''))
  }
  return unions
}

describe('permissions (checklist item 5, notes E4)', () => {
  it('covers the whole union in the installed electron.d.ts (runtime half of the drift check)', () => {
    expect(exhaustive).toBe(true)
    for (const union of unionsInElectronTypes()) expect([...union].sort()).toStrictEqual([...ALL_PERMISSIONS].sort())
  })

  it('the allowlist is exactly clipboard-sanitized-write', () => {
    expect([...ALLOWED_PERMISSIONS]).toStrictEqual(ALLOWED)
  })

  it.each(ALL_PERMISSIONS)('%s: request and check answer the allowlist for the app origin', (permission) => {
    const expected = ALLOWED.includes(permission)
    expect(decidePermission(permission, 'app://quotedesk/index.html', APP_ORIGIN)).toBe(expected)
    expect(decidePermissionCheck(permission, APP_ORIGIN, APP_ORIGIN)).toBe(expected)
  })

  it.each(ALL_PERMISSIONS)('%s: denied to any other origin', (permission) => {
    for (const url of ['https://evil.example/', 'app://evil/', 'about:blank', '', 'file:///x', 'null']) {
      expect(decidePermission(permission, url, APP_ORIGIN), url).toBe(false)
      expect(decidePermissionCheck(permission, url, APP_ORIGIN), url).toBe(false)
    }
  })

  it('denies names outside the union and inherited keys', () => {
    for (const name of [
      'camera',
      'microphone',
      '__proto__',
      'constructor',
      'toString',
      '',
      'CLIPBOARD-SANITIZED-WRITE',
    ]) {
      expect(decidePermission(name, 'app://quotedesk/index.html', APP_ORIGIN), name).toBe(false)
    }
  })
})
