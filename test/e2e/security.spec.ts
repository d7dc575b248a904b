import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CHROMIUM_PATH, HOSTILE_ORIGIN_ARGS } from './chromium'
import { expect, test } from './fixtures'

/**
 * A real attacker server on another port. page.route is not used here: while Playwright
 * intercepts requests, Chromium skips real CORS preflights, which would hide what we test.
 */
async function startAttacker(html: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}

// Without these flags Chromium itself blocks every request below, which would prove nothing
// about our server (notes §0 F10). Worker-scoped, so only this file's browser gets them.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: HOSTILE_ORIGIN_ARGS } })

test('DNS rebinding: a page at evil.test resolving to 127.0.0.1 is refused by the Host check', async ({
  page,
  quotedesk,
}, testInfo) => {
  const { host } = quotedesk
  const evil = `http://evil.test:${host.port}/`
  // Only the attacker's document is faked; every later request really reaches our host,
  // same-origin from the page's point of view, which is exactly what rebinding achieves.
  await page.route(evil, (route) => route.fulfill({ contentType: 'text/html', body: '<p>attacker</p>' }))
  await page.goto(evil)

  // Even holding the real token, the rebound page gets 403: the Host check stands on its own.
  const attempt = await page.evaluate(
    async ({ token }) => {
      const response = await fetch('/api/articles:create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Quotedesk-Token': token },
        body: JSON.stringify({ body: 'Planted by a rebinding attack.' }),
      })
      return { status: response.status, body: await response.text() }
    },
    { token: host.token },
  )
  expect(attempt.status).toBe(403)
  expect(JSON.parse(attempt.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'forbidden host' } })

  const page403 = await page.goto(`${evil}index.html`)
  expect(page403?.status()).toBe(403)
  await page.screenshot({ path: testInfo.outputPath('rebinding-refused.png') })

  expect(quotedesk.logs).toContain('POST /api/articles:create 403')
  expect(await quotedesk.handlers['articles:list']({})).toEqual([])

  // Control: the same browser, flags and token succeed from the real origin, so the 403 above
  // came from the Host check and not from the browser or a bad token.
  await page.goto(host.url)
  const control = await page.evaluate(async (token) => {
    const response = await fetch('/api/articles:create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Quotedesk-Token': token },
      body: JSON.stringify({ body: 'Written by the real page.' }),
    })
    return response.status
  }, host.token)
  expect(control).toBe(200)
  expect(await quotedesk.handlers['articles:list']({})).toHaveLength(1)
})

test('a cross-site page cannot create an article by fetch, preflight or form post', async ({ page, quotedesk }) => {
  const { host } = quotedesk
  const target = `${host.url}api/articles:create`
  const form = `<form method="post" action="${target}" enctype="text/plain">
      <input name='{"body":"csrf via form","x":"' value='"}'></form>`
  const attacker = await startAttacker(form)
  try {
    await page.goto(`http://evil.test:${attacker.port}/`)

    const attempts = await page.evaluate(async (url) => {
      const outcome = (request: Promise<Response>) =>
        request.then(
          (response) => response.type,
          (err: Error) => err.name,
        )
      return {
        // A "simple" request: no preflight. The page could never read the answer (opaque), and
        // the host's Cross-Origin-Resource-Policy makes Chromium drop even the opaque response.
        simple: await outcome(fetch(url, { method: 'POST', mode: 'no-cors', body: '{"body":"csrf via no-cors"}' })),
        // Custom headers force a preflight, which the host never approves.
        preflighted: await outcome(
          fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Quotedesk-Token': 'guess' },
            body: '{"body":"csrf via cors"}',
          }),
        ),
      }
    }, target)
    expect(attempts).toEqual({ simple: 'TypeError', preflighted: 'TypeError' })

    const [navigation] = await Promise.all([
      page.waitForEvent('response', (response) => response.url() === target),
      page.evaluate(() => document.forms[0]?.submit()),
    ])
    expect(navigation.status()).toBe(403)

    // Every attempt reached the host and was refused before routing; nothing was stored.
    expect(quotedesk.logs.filter((line) => line.startsWith('POST /api/articles:create'))).toEqual([
      'POST /api/articles:create 403',
      'POST /api/articles:create 403',
    ])
    expect(quotedesk.logs).toContain('OPTIONS /api/articles:create 403')
    expect(await quotedesk.handlers['articles:list']({})).toEqual([])
  } finally {
    await attacker.close()
  }
})
