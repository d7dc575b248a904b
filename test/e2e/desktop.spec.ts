import fs from 'node:fs'
import path from 'node:path'
import { _electron as electron } from '@playwright/test'
import { electronBinary, expect, test } from './fixtures'

const binary = electronBinary()
const MAIN = path.resolve(import.meta.dirname, '../../out/main/index.js')

test.skip(
  binary === null,
  'Electron binary not installed (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD or offline); run `npm ci` without it to test the desktop window',
)

// Playwright reads fixture dependencies from the destructuring pattern, so it must be `{}`.
// eslint-disable-next-line no-empty-pattern
test('the desktop window opens on a scratch library', async ({}, testInfo) => {
  expect(fs.existsSync(MAIN), 'run `npm run build` first').toBe(true)
  const app = await electron.launch({
    executablePath: binary ?? '',
    // Chromium refuses to start its sandbox as root (CI containers); a desktop user is never root.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN],
    // QUOTEDESK_DB wins over userData, so the test never touches a real library.
    env: { ...process.env, QUOTEDESK_DB: testInfo.outputPath('library.quotedesk') },
  })
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle(/Quotedesk/)
    expect(await window.evaluate(() => typeof (window as unknown as { quotedesk?: unknown }).quotedesk)).toBe('object')
    await window.screenshot({ path: testInfo.outputPath('desktop.png') })
  } finally {
    await app.close()
  }
})
