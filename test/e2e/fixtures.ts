import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { test as base } from '@playwright/test'
import { openLibrary, type Library } from '../../src/main/db/connection'
import { startHost, type RunningHost } from '../../src/main/host/host'
import { createHandlers } from '../../src/main/services'
import type { Handlers } from '../../src/shared/contract'

export { expect } from '@playwright/test'

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer')

export interface Quotedesk {
  /** The real browser host, started in this process on a free 127.0.0.1 port. */
  host: RunningHost
  /** The test's own library file (in the test's output folder, so it is kept when a test fails). */
  library: Library
  /** Seed or inspect the library directly, e.g. `await quotedesk.handlers['articles:list']({})`. */
  handlers: Handlers
  /** One line per request: `POST /api/articles:create 403`. Never the token. */
  logs: string[]
}

/**
 * Every e2e test gets a fresh library and the real host serving the built renderer
 * (`npm run build` first). Use `appUrl` to open the app signed in. It carries a one-time code, so it
 * signs in one page: going to it again in that page keeps its session, while a second page or
 * context needs `quotedesk.host.launchUrl` read afresh.
 *
 * @example
 *   import { expect, test } from './fixtures'
 *   test('lists an article', async ({ page, appUrl, quotedesk }) => {
 *     await quotedesk.handlers['articles:create']({ body: '“Hi,” she said.' })
 *     await page.goto(appUrl)
 *     await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
 *   })
 */
export const test = base.extend<{ quotedesk: Quotedesk; appUrl: string }>({
  // Playwright reads fixture dependencies from the destructuring pattern, so it must be `{}`.
  // eslint-disable-next-line no-empty-pattern
  quotedesk: async ({}, use, testInfo) => {
    const library = await openLibrary(testInfo.outputPath('library.quotedesk'))
    const handlers = createHandlers(library, () => 'e2e')
    const logs: string[] = []
    const host = await startHost({ handlers, rendererDir: RENDERER_DIR, log: (line) => logs.push(line) })
    try {
      await use({ host, library, handlers, logs })
    } finally {
      await host.close()
      await library.close()
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host-log', { body: logs.join('\n') })
    }
  },
  appUrl: async ({ quotedesk }, use) => {
    await use(quotedesk.host.launchUrl)
  },
})

/**
 * The Electron executable, or null when `npm ci` skipped it (ELECTRON_SKIP_BINARY_DOWNLOAD)
 * or it failed to download. Never `require('electron')`: that tries to download it.
 */
export function electronBinary(): string | null {
  let dir: string
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = path.join(dir, 'path.txt')
  const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override ? path.join(override, name ?? 'electron') : name ? path.join(dir, 'dist', name) : null
  return binary && fs.existsSync(binary) ? binary : null
}
