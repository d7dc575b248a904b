#!/usr/bin/env node
import fs from 'node:fs'

// The CLI is TypeScript, bundled by electron-vite; this launcher only finds the bundle.
const cli = new URL('../out/main/cli.js', import.meta.url)
if (fs.existsSync(cli)) {
  await import(cli.href)
} else {
  process.stderr.write('quotedesk: the command line is not built yet; run `npm run build` first\n')
  process.exitCode = 1
}
