#!/usr/bin/env node
// npm start: the desktop app when Electron is installed, else the browser host via the CLI.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

/** The Electron executable, or null. Never `require('electron')`: it tries to download a missing binary. */
function electronBinary() {
  let dir
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

function newestChange(target) {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, entry)))
  return newest
}

/** Builds when an output is missing or any source is newer than the oldest output. */
function buildIfNeeded() {
  const outputs = ['out/main/index.js', 'out/main/cli.js', 'out/renderer/index.html'].map((p) => path.join(root, p))
  const sources = ['src', 'electron.vite.config.ts', 'package.json'].map((p) => path.join(root, p))
  const isMissing = outputs.some((file) => !fs.existsSync(file))
  if (!isMissing && Math.max(...sources.map(newestChange)) <= Math.min(...outputs.map(newestChange))) return
  process.stderr.write('Building Quotedesk (electron-vite build)…\n')
  const bin = path.join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  )
  // Build chatter goes to stderr so stdout carries only the address line.
  const result = spawnSync(bin, ['build'], {
    cwd: root,
    stdio: ['inherit', 2, 'inherit'],
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) {
    process.stderr.write('quotedesk: the build failed; see the messages above\n')
    process.exit(result.status ?? 1)
  }
}

/** Passes Ctrl-C and kill to the child and leaves with its exit code, so npm sees the real outcome. */
function follow(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

buildIfNeeded()
const electron = electronBinary()
if (electron) {
  follow(spawn(electron, ['.', ...args], { cwd: root, stdio: 'inherit' }))
} else {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'quotedesk.js'), 'serve', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  follow(child)
  let isFirst = true
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`)
    if (isFirst && line.startsWith('Quotedesk is running at ')) {
      process.stdout.write(
        'The desktop window is not available because the Electron binary is not installed here (`npm ci` without ELECTRON_SKIP_BINARY_DOWNLOAD installs it), so open the address above in your browser.\n',
      )
    }
    isFirst = false
  })
}
