import { randomBytes } from 'node:crypto'
import { tokenMatches } from './guards'

export interface LaunchCodes {
  /** The one code that works now; it goes in the printed address, never the session token. */
  current(): string
  /** True once for the current code, which is then replaced: a used address opens nothing again. */
  redeem(given: unknown): boolean
}

/**
 * One live one-time code at a time (finding 11). The browser records the printed address in its
 * history before the page runs, so what the address carries must be dead once the page used it.
 * Codes do not expire by time: only the terminal shows the live one, and the host's exit ends it.
 *
 * @example
 *   const codes = createLaunchCodes()
 *   const code = codes.current()
 *   codes.redeem(code) // true
 *   codes.redeem(code) // false
 */
export function createLaunchCodes(): LaunchCodes {
  const mint = () => randomBytes(32).toString('base64url')
  let live = mint()
  return {
    current: () => live,
    redeem(given) {
      if (typeof given !== 'string' || !tokenMatches(given, live)) return false
      live = mint()
      return true
    },
  }
}
