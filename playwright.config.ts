import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/chromium'

// Run `node scripts/ensure-chromium.js && npm run build` first (npm run test:e2e does both).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // Two shared cores: one worker keeps timings honest; CI may afford two.
  workers: process.env.CI ? 2 : 1,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium' }],
})
