import fs from 'node:fs'
import path from 'node:path'
import { openLibrary } from '../../../src/main/db/connection'
import { startHost, type RunningHost } from '../../../src/main/host/host'
import { SESSION_PATH } from '../../../src/shared/session'
import type { AttackOutcome } from '../attacks'

/** The real host on 127.0.0.1, a free port and a library of its own, for one attack. */
export async function withHost(
  workDir: string,
  run: (host: RunningHost) => Promise<AttackOutcome>,
): Promise<AttackOutcome> {
  const rendererDir = path.join(workDir, 'renderer')
  fs.mkdirSync(rendererDir)
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Quotedesk</title>')
  const library = await openLibrary(path.join(workDir, 'library.quotedesk'))
  const host = await startHost({ library, rendererDir })
  try {
    return await run(host)
  } finally {
    await host.close()
    await library.close()
  }
}

/**
 * Trades a launch address's one-time code for the session token, as the page does (from the
 * host's own origin, `base` being `http://127.0.0.1:PORT/`); null when the host refuses it.
 */
export async function redeemLaunchCode(base: string, code: string): Promise<string | null> {
  const response = await fetch(new URL(SESSION_PATH, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base.replace(/\/$/u, '') },
    body: JSON.stringify({ code }),
  })
  const reply = (await response.json()) as { ok: boolean; value?: { token?: unknown } }
  return reply.ok && typeof reply.value?.token === 'string' ? reply.value.token : null
}
