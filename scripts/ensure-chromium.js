#!/usr/bin/env node
// Runs before Playwright: the e2e tests use the system Chromium, not a Playwright download.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const chromium = process.env.QUOTEDESK_CHROMIUM ?? '/usr/bin/chromium'

function run(command, args) {
  process.stderr.write(`$ ${command} ${args.join(' ')}\n`)
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    // CI has no terminal: apt must never stop to ask a question.
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.status === 0
}

if (fs.existsSync(chromium)) {
  process.stdout.write(`Chromium found at ${chromium}\n`)
} else {
  const isRoot = process.getuid?.() === 0
  const isDebian = fs.existsSync('/etc/debian_version')
  if (isRoot && isDebian && chromium === '/usr/bin/chromium') {
    // Wait for another apt run (e.g. unattended upgrades) instead of failing on its lock.
    const lock = ['-o', 'DPkg::Lock::Timeout=600']
    const isInstalled = run('apt-get', [...lock, 'update']) && run('apt-get', [...lock, 'install', '-y', 'chromium'])
    if (!isInstalled || !fs.existsSync(chromium)) {
      process.stderr.write(`ensure-chromium: apt-get could not install Chromium at ${chromium}\n`)
      process.exit(1)
    }
    process.stdout.write(`Chromium installed at ${chromium}\n`)
  } else {
    process.stderr.write(
      [
        `ensure-chromium: no Chromium at ${chromium}. The e2e tests need one:`,
        '  Debian/Ubuntu: sudo apt-get install -y chromium',
        '  elsewhere: install Chrome or Chromium and set QUOTEDESK_CHROMIUM=/path/to/the/executable',
        '',
      ].join('\n'),
    )
    process.exit(1)
  }
}
