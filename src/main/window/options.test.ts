import { describe, expect, it } from 'vitest'
import { createMainWindow, mainWindowOptions } from './options'

const PRELOAD = '/app/out/preload/index.cjs'

describe('mainWindowOptions', () => {
  it('is exactly the reviewed object: any new or changed option must update this test', () => {
    expect(mainWindowOptions(PRELOAD)).toStrictEqual({
      width: 1280,
      height: 820,
      minWidth: 800,
      minHeight: 560,
      title: 'Quotedesk',
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: PRELOAD,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
        enableWebSQL: false,
        devTools: false,
      },
    })
  })

  it('opens DevTools only in development', () => {
    expect(mainWindowOptions(PRELOAD, { isDev: true }).webPreferences?.devTools).toBe(true)
    expect(mainWindowOptions(PRELOAD).webPreferences?.devTools).toBe(false)
  })

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s explicitly in both modes (checklist items 2–11)', (key, value) => {
    for (const isDev of [false, true]) {
      const prefs = mainWindowOptions(PRELOAD, { isDev }).webPreferences ?? {}
      expect(Object.hasOwn(prefs, key)).toBe(true)
      expect(prefs[key]).toBe(value)
    }
  })

  it('never enables Blink features and disables Auxclick (checklist item 10)', () => {
    const prefs = mainWindowOptions(PRELOAD).webPreferences ?? {}
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
  })

  it('passes the same literal to the BrowserWindow constructor it is given', () => {
    const seen: unknown[] = []
    class FakeWindow {
      constructor(options: unknown) {
        seen.push(options)
      }
    }
    const win = createMainWindow(FakeWindow, PRELOAD)
    expect(win).toBeInstanceOf(FakeWindow)
    expect(seen).toStrictEqual([mainWindowOptions(PRELOAD)])
  })
})
