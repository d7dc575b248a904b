/** Debian's Chromium: Playwright's own browser download is not used, so CI needs no extra fetch. */
export const CHROMIUM_PATH = process.env.QUOTEDESK_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  // CI containers run as root, where Chromium's sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Nothing but the test may talk to the network: no updates, sync or prefetch.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * For tests that must reach our server from a hostile origin. Chromium's own Private/Local
 * Network Access already blocks those requests, so without these flags an attack test passes
 * even against a server with no defence (notes §0 F10, §4.2).
 */
export const HOSTILE_ORIGIN_ARGS = [
  ...CHROMIUM_ARGS,
  '--host-resolver-rules=MAP evil.test 127.0.0.1',
  '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights',
]
