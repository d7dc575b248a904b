import { describe, expect, it } from 'vitest'
import { isAllowedNavigation, isAllowedRequest, MAX_EXTERNAL_URL_LENGTH, safeExternalUrl } from './navigation'
import { APP_ORIGIN, devRendererUrl, originOf } from './origins'

const DEV_ORIGIN = 'http://localhost:5173'

describe('isAllowedNavigation (checklist item 13, notes E2)', () => {
  it.each([
    'https://evil.example',
    'http://quotedesk',
    'app://quotedesk.evil/',
    'app://evil/',
    'app://quotedesk@evil/',
    'app://evil#@quotedesk',
    'app://quotedesk:8080/index.html',
    'app://user:pass@quotedesk/index.html',
    // Non-canonical spelling: Chromium hands us canonical lower-case URLs, so this is never ours.
    'APP://QUOTEDESK/../..',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://quotedesk/0b8e3c9a',
    'about:blank',
    'about:srcdoc',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'view-source:app://quotedesk/index.html',
    '',
    'not a url',
    ' app://quotedesk/index.html?',
    'http://localhost:5173/',
  ])('refuses %j in a built app', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(false)
  })

  it.each(['app://quotedesk/index.html#/article/1', 'app://quotedesk/', 'app://quotedesk/index.html?q=x'])(
    'allows %j',
    (url) => {
      expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(true)
    },
  )

  it('in development allows only the exact dev-server origin', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/article/1', DEV_ORIGIN)).toBe(true)
    for (const url of [
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'https://localhost:5173/',
      'http://localhost:5173.evil.example/',
      'http://localhost/',
      'app://quotedesk/index.html',
    ]) {
      expect(isAllowedNavigation(url, DEV_ORIGIN), url).toBe(false)
    }
  })

  it('never throws on hostile input', () => {
    for (const value of [null, undefined, 42, {}, '\u0000', '%', 'app://', 'http://[::1', 'a'.repeat(100_000)]) {
      expect(() => isAllowedNavigation(value as string, APP_ORIGIN)).not.toThrow()
      expect(isAllowedNavigation(value as string, APP_ORIGIN)).toBe(false)
    }
  })
})

describe('safeExternalUrl (checklist items 14–15, notes E3)', () => {
  it.each([
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox(1)',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'chrome://settings',
    'app://quotedesk/index.html',
    'mailto:desk@example.com',
    'http://example.com/',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://example.com/\nSet-Cookie: x',
    'https://example.com/\ta',
    ' https://example.com/',
    'https://example.com/ ',
    'https://exa\u0000mple.com/',
    'https://example.com/\u0085',
    `https://example.com/${'a'.repeat(10_000)}`,
    'https://',
    'https:example',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull()
  })

  it('refuses non-strings and a URL just over the cap', () => {
    for (const value of [null, undefined, 1, {}, ['https://example.com']]) expect(safeExternalUrl(value)).toBeNull()
    const base = 'https://example.com/'
    expect(safeExternalUrl(base + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - base.length))?.href).toHaveLength(
      MAX_EXTERNAL_URL_LENGTH,
    )
    expect(safeExternalUrl(base + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - base.length + 1))).toBeNull()
  })

  it('normalises an allowed link', () => {
    expect(safeExternalUrl('HTTPS://Example.COM/a')?.href).toBe('https://example.com/a')
    expect(safeExternalUrl('https://www.example.org/news?id=1#top')?.href).toBe('https://www.example.org/news?id=1#top')
  })

  it('shows punycode for look-alike hosts rather than passing Unicode on', () => {
    expect(safeExternalUrl('https://аpple.com/')?.hostname).toBe('xn--pple-43d.com')
  })
})

describe('isAllowedRequest (checklist item 1)', () => {
  it.each([
    'app://quotedesk/index.html',
    'app://quotedesk/assets/index-abc.js',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://quotedesk/5c1e0f4e',
  ])('allows %j', (url) => {
    expect(isAllowedRequest(url)).toBe(true)
  })

  it.each([
    'https://fonts.googleapis.com/css',
    'http://example.com/',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'wss://example.com/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'app://evil/x.js',
    'app://quotedesk.evil/x.js',
    'app://user@quotedesk/x.js',
    'chrome-extension://abc/x.js',
    '',
    'garbage',
  ])('blocks %j in a built app', (url) => {
    expect(isAllowedRequest(url)).toBe(false)
  })

  it('allows the exact dev-server origin and its HMR socket only in development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', DEV_ORIGIN)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', DEV_ORIGIN)).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', DEV_ORIGIN)).toBe(false)
    expect(isAllowedRequest('ws://localhost:5174/', DEV_ORIGIN)).toBe(false)
    expect(isAllowedRequest('https://localhost:5173/', DEV_ORIGIN)).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:5173/', DEV_ORIGIN)).toBe(false)
  })
})

describe('origins', () => {
  it('builds the app origin by hand, since Node reports null for custom schemes', () => {
    expect(new URL('app://quotedesk/x').origin).toBe('null')
    expect(originOf('app://quotedesk/index.html#/a')).toBe(APP_ORIGIN)
    expect(originOf('http://localhost:5173/x')).toBe(DEV_ORIGIN)
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('file:///x')).toBeNull()
    expect(originOf('https://u:p@example.com/')).toBeNull()
  })

  it('honours ELECTRON_RENDERER_URL only unpackaged and only on loopback', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)?.origin).toBe(DEV_ORIGIN)
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false)?.origin).toBe(
      'http://127.0.0.1:5173',
    )
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'https://evil.example' }, true)).toBeNull()
    expect(devRendererUrl({}, false)).toBeNull()
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: '' }, false)).toBeNull()
    for (const bad of [
      'https://evil.example',
      'http://evil.example:5173',
      'file:///tmp/x.html',
      'http://u:p@localhost:1/',
      'x',
    ]) {
      expect(() => devRendererUrl({ ELECTRON_RENDERER_URL: bad }, false), bad).toThrow(/ELECTRON_RENDERER_URL/)
    }
  })
})
