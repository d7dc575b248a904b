import fs from 'node:fs/promises'
import path from 'node:path'
import { contentTypeFor } from '../content-types'

export type StaticTarget = { kind: 'file'; file: string } | { kind: 'not-found' } | { kind: 'bad-request' }

/** Safe against inherited keys: a file named `x.constructor` is opaque bytes, not Object's constructor. */
export function contentTypeOf(file: string): string {
  return contentTypeFor(file)
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
