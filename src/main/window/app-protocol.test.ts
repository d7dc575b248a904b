import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { contentTypeFor, FALLBACK_CONTENT_TYPE, resolveAppAsset, serveAppAsset } from './app-protocol'

const CSP = "default-src 'none'; frame-ancestors 'none'"

let base: string
let root: string

beforeEach(() => {
  base = makeTempDir('quotedesk-protocol-')
  root = path.join(base, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Quotedesk</title>')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  fs.writeFileSync(path.join(root, 'assets', 'a b.css'), 'body{}')
  fs.writeFileSync(path.join(base, 'secret.txt'), 'library password')
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'sibling with a shared prefix')
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'))
  fs.symlinkSync(base, path.join(root, 'up'))
})

describe('resolveAppAsset (checklist item 18, notes E5)', () => {
  it('serves files inside the root', async () => {
    const realRoot = fs.realpathSync(root)
    expect(await resolveAppAsset('app://quotedesk/index.html', root)).toBe(path.join(realRoot, 'index.html'))
    expect(await resolveAppAsset('app://quotedesk/', root)).toBe(path.join(realRoot, 'index.html'))
    expect(await resolveAppAsset('app://quotedesk/index.html?x=1#/article/1', root)).toBe(
      path.join(realRoot, 'index.html'),
    )
    expect(await resolveAppAsset('app://quotedesk/assets/index-abc.js', root)).toBe(
      path.join(realRoot, 'assets', 'index-abc.js'),
    )
    expect(await resolveAppAsset('app://quotedesk/assets/a%20b.css', root)).toBe(
      path.join(realRoot, 'assets', 'a b.css'),
    )
  })

  it.each([
    'app://quotedesk/../../etc/passwd',
    'app://quotedesk/../secret.txt',
    'app://quotedesk/%2e%2e/secret.txt',
    'app://quotedesk/.%2e/secret.txt',
    'app://quotedesk/assets/..%2f..%2fsecret.txt',
    'app://quotedesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://quotedesk/%5c..%5csecret.txt',
    'app://quotedesk/assets%5c..%5c..%5csecret.txt',
    'app://quotedesk//etc/passwd',
    'app://quotedesk/index.html%00.js',
    'app://quotedesk/index.html%0a',
    'app://quotedesk/C:/Windows/win.ini',
    'app://quotedesk/index.html:stream',
    'app://quotedesk/%E0%A4%A',
    'app://quotedesk/assets/link.txt',
    'app://quotedesk/up/secret.txt',
    'app://quotedesk/up/renderer-evil.txt',
    'app://quotedesk/assets',
    'app://quotedesk/missing.js',
    'app://evil/index.html',
    'app://quotedesk.evil/index.html',
    'app://user:pw@quotedesk/index.html',
    'file:///etc/passwd',
    'https://quotedesk/index.html',
    '',
    'not a url',
  ])('refuses %j', async (url) => {
    expect(await resolveAppAsset(url, root)).toBeNull()
  })

  it('refuses everything when the root itself is missing', async () => {
    expect(await resolveAppAsset('app://quotedesk/index.html', path.join(base, 'nope'))).toBeNull()
  })
})

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.exe', FALLBACK_CONTENT_TYPE],
    ['noext', FALLBACK_CONTENT_TYPE],
    ['a.constructor', FALLBACK_CONTENT_TYPE],
    ['a.__proto__', FALLBACK_CONTENT_TYPE],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type)
  })
})

describe('serveAppAsset', () => {
  it('serves a module script with its exact type, the CSP header and nosniff', async () => {
    const res = await serveAppAsset(new Request('app://quotedesk/assets/index-abc.js'), root, { csp: CSP })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CSP)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toBe('console.log(1)')
  })

  it('answers 404 for traversal, with no body from outside the root', async () => {
    const res = await serveAppAsset(new Request('app://quotedesk/assets/link.txt'), root, { csp: CSP })
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('password')
  })

  it('answers 405 to anything but GET and HEAD', async () => {
    const res = await serveAppAsset(new Request('app://quotedesk/index.html', { method: 'POST', body: 'x' }), root, {
      csp: CSP,
    })
    expect(res.status).toBe(405)
    const head = await serveAppAsset(new Request('app://quotedesk/index.html', { method: 'HEAD' }), root, { csp: CSP })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
