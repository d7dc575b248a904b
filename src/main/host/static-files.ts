import fs from 'node:fs/promises'
import path from 'node:path'

export type StaticTarget = { kind: 'file'; file: string } | { kind: 'not-found' } | { kind: 'bad-request' }

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

async function regularFileInside(root: string, candidate: string): Promise<string | null> {
  try {
    // realpath on both sides: a symlink inside the folder must not lead out of it.
    const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(candidate)])
    if (!isInside(realRoot, real)) return null
    return (await fs.stat(real)).isFile() ? real : null
  } catch {
    return null
  }
}

/**
 * Maps a request path to a file under `root`, refusing traversal in every spelling (`..`,
 * `%2e%2e`, `%2f`, backslashes, NUL) and symlinks that lead out. There is no directory
 * listing; extension-less paths fall back to index.html so client-side routes reload.
 */
export async function resolveStatic(root: string, rawPath: string): Promise<StaticTarget> {
  // `//host/x` is how open redirects and protocol-relative URLs start; a built renderer never asks for it.
  if (!rawPath.startsWith('/') || rawPath.startsWith('//') || rawPath.includes('\\')) return { kind: 'bad-request' }
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return { kind: 'bad-request' }
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (decoded.includes('\\') || /[\u0000-\u001f\u007f]/.test(decoded)) return { kind: 'bad-request' }
  const segments = decoded.split('/').filter((segment) => segment !== '')
  // Dot segments and hidden files are never part of a built renderer.
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'not-found' }

  const base = path.resolve(root)
  const candidate = path.resolve(base, ...segments)
  if (!isInside(base, candidate)) return { kind: 'not-found' }

  const file = await regularFileInside(base, segments.length === 0 ? path.join(base, 'index.html') : candidate)
  if (file) return { kind: 'file', file }
  if (path.extname(candidate) === '') {
    const index = await regularFileInside(base, path.join(base, 'index.html'))
    if (index) return { kind: 'file', file: index }
  }
  return { kind: 'not-found' }
}
