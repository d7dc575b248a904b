const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const CODES = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0))
const PAD = '='.charCodeAt(0)

/**
 * Standard base64 with padding. Written out rather than `btoa(String.fromCharCode(...))`
 * because a 50 MB import would blow the call stack or build a 50 MB binary string first.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4)
  let o = 0
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out[o++] = CODES[n >> 18]!
    out[o++] = CODES[(n >> 12) & 63]!
    out[o++] = CODES[(n >> 6) & 63]!
    out[o++] = CODES[n & 63]!
  }
  const left = bytes.length - i
  if (left > 0) {
    const n = (bytes[i]! << 16) | (left === 2 ? bytes[i + 1]! << 8 : 0)
    out[o++] = CODES[n >> 18]!
    out[o++] = CODES[(n >> 12) & 63]!
    out[o++] = left === 2 ? CODES[(n >> 6) & 63]! : PAD
    out[o++] = PAD
  }
  return new TextDecoder().decode(out)
}
