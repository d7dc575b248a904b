import { describe, expect, it } from 'vitest'
import { createLaunchCodes } from './launch-code'

describe('createLaunchCodes', () => {
  it('redeems the live code once, then offers a new one', () => {
    const codes = createLaunchCodes()
    const first = codes.current()
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(codes.redeem(first)).toBe(true)
    expect(codes.redeem(first)).toBe(false)
    expect(codes.current()).not.toBe(first)
    expect(codes.redeem(codes.current())).toBe(true)
  })

  it.each([undefined, null, 42, '', 'x'.repeat(43), ['a']])('refuses %j and keeps the live code', (given) => {
    const codes = createLaunchCodes()
    const live = codes.current()
    expect(codes.redeem(given)).toBe(false)
    expect(codes.current()).toBe(live)
  })
})
