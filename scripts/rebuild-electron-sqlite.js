#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into build/native/electron/better_sqlite3.node.
//
// Why a separate copy: node_modules/better-sqlite3/build holds the Node build that `npm test`,
// the CLI and the browser host load. Rebuilding it in place for Electron (what electron-rebuild
// and electron-builder's npmRebuild do) would break all of those on the same machine.
// src/main/native.ts passes this file to better-sqlite3 as `nativeBinding` inside Electron only.
//
// Usage: node scripts/rebuild-electron-sqlite.js [--arch x64|arm64|ia32]
// Needs network access to github.com (prebuilt binary) or, as a fallback, to
// electronjs.org/headers plus a C++ toolchain (python3, make, a C++20 compiler).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(root, 'package.json'))
const outDir = path.join(root, 'build', 'native', 'electron')
const outFile = path.join(outDir, 'better_sqlite3.node')

class BuildError extends Error {}

// Thrown rather than process.exit, so the `finally` below still removes the temporary copy.
function fail(message) {
  throw new BuildError(message)
}

function argValue(name) {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

const electronVersion = readJson(require.resolve('electron/package.json')).version
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version
const arch = argValue('--arch') ?? process.env.npm_config_arch ?? process.arch
const platform = process.platform
const createRequireFromSqlite = createRequire(path.join(sqliteDir, 'package.json'))

/** npm's own node-gyp: npm exports its path to scripts; otherwise look beside the node binary. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]
  return candidates.find((file) => file && fs.existsSync(file))
}

/**
 * The child's environment. `nodedir` (set in some npmrc files) and the npm_config_* target
 * variables would make node-gyp compile against Node's headers instead of Electron's.
 */
function childEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key)) delete env[key]
  }
  return env
}

function run(label, command, args, cwd, timeoutMs) {
  console.log(`\n> ${label}: ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { cwd, env: childEnv(), stdio: 'inherit', timeout: timeoutMs })
  if (result.error) return `${label} could not run: ${result.error.message}`
  if (result.status !== 0) return `${label} exited with ${result.status ?? result.signal}`
  return null
}

function main() {
  console.log(
    `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}); ` +
      `node_modules/better-sqlite3 keeps its Node build.`,
  )
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-electron-sqlite-'))
  const copy = path.join(work, 'better-sqlite3')
  try {
    // Everything but the Node build, so nothing compiled for Node can end up in the output.
    fs.cpSync(sqliteDir, copy, {
      recursive: true,
      filter: (src) => path.relative(sqliteDir, src).split(path.sep)[0] !== 'build',
    })

    const failures = []
    const prebuildInstall = createRequireFromSqlite.resolve('prebuild-install/bin.js')
    const prebuilt = run(
      'prebuilt download',
      process.execPath,
      [
        prebuildInstall,
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        arch,
        '--platform',
        platform,
        '--verbose',
      ],
      copy,
      5 * 60_000,
    )
    if (prebuilt) failures.push(prebuilt)

    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node')
    if (prebuilt) {
      const nodeGyp = findNodeGyp()
      if (!nodeGyp) {
        failures.push('compiling: node-gyp not found (run this through `npm run rebuild:electron`)')
      } else {
        const compiled = run(
          'compile from source',
          process.execPath,
          [
            nodeGyp,
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${electronVersion}`,
            `--arch=${arch}`,
            '--dist-url=https://electronjs.org/headers',
          ],
          copy,
          30 * 60_000,
        )
        if (compiled) failures.push(compiled)
      }
    }

    if (!fs.existsSync(built)) {
      fail(
        `could not build better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}).\n` +
          failures.map((f) => `  - ${f}`).join('\n') +
          '\nThe prebuilt binary comes from github.com/WiseLibs/better-sqlite3/releases; compiling needs\n' +
          'electronjs.org/headers plus python3, make and a C++20 compiler. Fix network access or the\n' +
          'toolchain and run `npm run rebuild:electron` again. Nothing was changed: node_modules keeps\n' +
          'its Node build and build/native/electron was left as it was.',
      )
    }

    fs.mkdirSync(outDir, { recursive: true })
    // Copy then rename, so an interrupted run never leaves a truncated binding for the app to load.
    const partial = `${outFile}.${process.pid}.partial`
    fs.copyFileSync(built, partial)
    fs.renameSync(partial, outFile)
    fs.writeFileSync(
      path.join(outDir, 'better_sqlite3.json'),
      `${JSON.stringify({ betterSqlite3: sqliteVersion, electron: electronVersion, platform, arch }, null, 2)}\n`,
    )
    console.log(`\nWrote ${path.relative(root, outFile)} for Electron ${electronVersion} (${platform}-${arch}).`)
    verifyWithElectron()
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

/** Loads the result inside Electron when its binary is installed; skipped (not failed) otherwise. */
function verifyWithElectron() {
  let electronBinary
  try {
    electronBinary = require('electron')
  } catch {
    console.log('Electron binary not installed here: skipped the load check.')
    return
  }
  const check =
    `const D=require('better-sqlite3');const d=new D(':memory:',{nativeBinding:${JSON.stringify(outFile)}});` +
    `console.log('loads in Electron: sqlite', d.prepare('select sqlite_version() v').get().v)`
  const result = spawnSync(electronBinary, ['-e', check], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'inherit',
    timeout: 60_000,
  })
  if (result.status !== 0) fail(`the built binding did not load in Electron ${electronVersion}.`)
}

try {
  main()
} catch (err) {
  console.error(`\nrebuild-electron-sqlite: ${err instanceof BuildError ? err.message : (err?.stack ?? err)}\n`)
  process.exitCode = 1
}
