import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readConfig, runGate } from '../../scripts/electronegativity'
import { makeTempDir } from '../helpers/db'

// The real gate (`npm run scan`) runs on src/; this proves that the same gate fails when it should.
describe('the Electronegativity gate', () => {
  it('fails on an insecure window (the control) and on a stale allowlist entry', async () => {
    const dir = makeTempDir('quotedesk-scan-control-')
    fs.writeFileSync(
      path.join(dir, 'main.js'),
      `const { BrowserWindow } = require('electron')
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } })
`,
    )
    const result = await runGate({ input: dir, config: readConfig() })
    expect(result.passed).toBe(false)
    expect(result.bySeverity.HIGH?.unjustified).toBeGreaterThan(0)
    expect(result.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK']),
    )
    // nodeIntegration: true goes unreported beside sandbox: false (the scanner's known hole, notes
    // E11), which is why src/main/window/options.test.ts asserts every option itself.
    // None of the real allowlist applies to this file, so every entry is reported as stale.
    expect(result.staleAllowEntries).toHaveLength(readConfig().allow.length)
  }, 60_000)
})
