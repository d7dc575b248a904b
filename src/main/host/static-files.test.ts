import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { contentTypeOf, resolveStatic } from './static-files'

let root: string
let outside: string

beforeEach(() => {
  const dir = makeTempDir('quotedesk-static-')
  root = path.join(dir, 'renderer')
  outside = path.join(dir, 'secret.txt')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>')
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), '')
  fs.writeFileSync(path.join(root, '.env'), 'SECRET=1')
  fs.writeFileSync(outside, 'secret')
  fs.symlinkSync(outside, path.join(root, 'assets', 'leak.js'))
  fs.symlinkSync(path.dirname(outside), path.join(root, 'up'))
})

describe('resolveStatic', () => {
  it.each([
    ['/', 'index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['/library/42', 'index.html'],
    ['/assets', 'index.html'],
  ])('%s → %s', async (request, file) => {
    expect(await resolveStatic(root, request)).toEqual({ kind: 'file', file: path.join(fs.realpathSync(root), file) })
  })

  it.each([
    ['/../secret.txt', 'not-found'],
    ['/%2e%2e/secret.txt', 'not-found'],
    ['/..%2fsecret.txt', 'not-found'],
    ['/.env', 'not-found'],
    ['/assets/leak.js', 'not-found'],
    ['/up/secret.txt', 'not-found'],
    ['/missing.css', 'not-found'],
    ['/%5c..%5csecret.txt', 'bad-request'],
    ['/a\\b', 'bad-request'],
    ['/a%00.js', 'bad-request'],
    ['/%E0%A4%A', 'bad-request'],
    ['//evil.example/x', 'bad-request'],
    ['relative', 'bad-request'],
    ['http://evil.example/', 'bad-request'],
  ])('refuses %s (%s)', async (request, kind) => {
    expect(await resolveStatic(root, request)).toEqual({ kind })
  })

  it('does not fall back to index.html when the renderer is not built', async () => {
    fs.rmSync(path.join(root, 'index.html'))
    expect(await resolveStatic(root, '/')).toEqual({ kind: 'not-found' })
    expect(await resolveStatic(root, '/library')).toEqual({ kind: 'not-found' })
  })

  it('names content types, defaulting to a download type', () => {
    expect(contentTypeOf('a/b.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('x.woff2')).toBe('font/woff2')
    // Inherited keys are not content types: a file named x.constructor is opaque bytes.
    expect(contentTypeOf('x.constructor')).toBe('application/octet-stream')
    expect(contentTypeOf('x.__proto__')).toBe('application/octet-stream')
    expect(contentTypeOf('x.exe')).toBe('application/octet-stream')
  })
})
