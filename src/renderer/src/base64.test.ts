import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from './base64'

// The renderer project has no Node types, so the reference is the platform's btoa.
const reference = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))

describe('bytesToBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 vector %j', (text, expected) => {
    expect(bytesToBase64(new TextEncoder().encode(text))).toBe(expected)
  })

  it('encodes every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(bytesToBase64(all)).toBe(reference(all))
  })

  it('matches Node for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(reference(bytes))
      }),
      { numRuns: 500 },
    )
  })
})
