import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowMode {
  /** An unpackaged app started by `electron-vite dev`: the only time DevTools open. */
  isDev: boolean
}

export const PRODUCTION: WindowMode = Object.freeze({ isDev: false })

type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W

/**
 * Creates the main window. The options stay one literal inside `new BrowserWindow(…)` because
 * Electronegativity matches that exact shape and cannot follow a variable (reliability-notes E1);
 * the constructor is a parameter so this module imports only types from electron (F7).
 */
export function createMainWindow<W>(
  BrowserWindow: WindowConstructor<W>,
  preloadPath: string,
  mode: WindowMode = PRODUCTION,
): W {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Quotedesk',
    // Shown on ready-to-show, so a slow first paint never flashes an empty window.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would otherwise open links in new windows without a click handler seeing it.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      // Quotations are verbatim: squiggles invite "fixing" a speaker's words, and Chromium's
      // Hunspell dictionaries are downloaded from Google, which the request filter blocks anyway.
      spellcheck: false,
      safeDialogs: true,
      enableWebSQL: false,
      devTools: mode.isDev,
    },
  })
}

/** The options Electron receives, captured through the same literal so tests cannot drift from it. */
export function mainWindowOptions(preloadPath: string, mode: WindowMode = PRODUCTION): BrowserWindowConstructorOptions {
  class Capture {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  return createMainWindow(Capture, preloadPath, mode).options
}
