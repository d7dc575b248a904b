import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from './main'

// This entry is built to out/main/cli.js, so the renderer is at out/renderer. Shared chunks
// live elsewhere, which is why the path is computed here and not in the serve command.
const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer')

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progressStream: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  rendererDir,
})
