import path from 'node:path'

// One table for both ways the renderer is served: the app:// protocol and the browser host.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
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
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

export const FALLBACK_CONTENT_TYPE = 'application/octet-stream'

/** Module scripts need an exact JavaScript type; anything unknown is served as opaque bytes. */
export function contentTypeFor(file: string): string {
  const ext = path.extname(file).toLowerCase()
  return Object.hasOwn(CONTENT_TYPES, ext) ? (CONTENT_TYPES[ext] ?? FALLBACK_CONTENT_TYPE) : FALLBACK_CONTENT_TYPE
}
