/**
 * The renderer's Content-Security-Policy. Scripts and styles come only from the app itself;
 * nothing may be framed, posted or fetched elsewhere. `frame-ancestors` works only as a
 * header, so hosts send this policy as a header and the built HTML carries it as a meta tag.
 */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // React and the editor set element.style properties from script, which CSP treats as inline style attributes.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
] as const

export const CSP_META = CSP_DIRECTIVES.join('; ')
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ')
