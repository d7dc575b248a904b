// Small helpers the entity modules share: tests of one token read in place, and growing a typed array.
import { CAP, type Tokens, WORD } from './tokens'

/** A copy of `a` with room for `size` entries. */
export function grown<A extends Int32Array | Uint8Array>(a: A, size: number): A {
  const b = new (a.constructor as new (size: number) => A)(size)
  b.set(a)
  return b
}

export function wordAt(text: string, t: Tokens, k: number): string {
  return text.slice(t.start[k], t.end[k])
}

/** Token k is written exactly w (compared in place, without slicing). */
export function isWritten(text: string, t: Tokens, k: number, w: string): boolean {
  return t.end[k]! - t.start[k]! === w.length && text.startsWith(w, t.start[k]!)
}

/** Token k is written "as" (compared in place, without slicing). */
export function isAs(text: string, t: Tokens, k: number): boolean {
  const s = t.start[k]!
  return t.end[k]! - s === 2 && text.charCodeAt(s) === 97 && text.charCodeAt(s + 1) === 115
}

export function isWord(t: Tokens, k: number): boolean {
  return k >= 0 && k < t.count && (t.flags[k]! & WORD) !== 0
}

export function isCap(t: Tokens, k: number): boolean {
  return isWord(t, k) && (t.flags[k]! & CAP) !== 0
}

/** Tokens k and k+1 are separated by exactly one space (not a line break or punctuation). */
export function spaced(text: string, t: Tokens, k: number): boolean {
  const gap = t.start[k + 1]! - t.end[k]!
  if (gap !== 1) return false
  const c = text.charCodeAt(t.end[k]!)
  return c === 32 || c === 0xa0
}

export function isPunct(text: string, t: Tokens, k: number, ch: string): boolean {
  return k >= 0 && k < t.count && !(t.flags[k]! & WORD) && text[t.start[k]!] === ch
}
