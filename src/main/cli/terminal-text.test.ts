import { describe, expect, it } from 'vitest'
import { errorLine, forTerminal, inline, toSafeJson } from './terminal-text'

describe('forTerminal', () => {
  it.each([
    ['OSC window title', 'a\x1b]0;pwned\x07b', 'a\\x1b]0;pwned\\x07b'],
    ['CSI clear screen', '\x1b[2J\x1b[H', '\\x1b[2J\\x1b[H'],
    ['carriage return', 'ok\rFAKE', 'ok\\rFAKE'],
    ['DEL and backspace', 'a\x7f\x08b', 'a\\x7f\\x08b'],
    ['C1 one-byte CSI and NEL', '\u009b2J\u0085', '\\x9b2J\\x85'],
    ['right-to-left override', 'evil\u202Etxt.exe', 'evil<U+202E>txt.exe'],
    ['bidi isolates and marks', '\u2066a\u2069\u200e\u200f\u061c', '<U+2066>a<U+2069><U+200E><U+200F><U+061C>'],
    ['zero-width space, word joiner, BOM', 'a\u200bb\u2060c\ufeff', 'a<U+200B>b<U+2060>c<U+FEFF>'],
    ['line and paragraph separators', 'a\u2028b\u2029', 'a<U+2028>b<U+2029>'],
    ['Hangul filler', 'a\u3164b', 'a<U+3164>b'],
    ['a tag character (hidden ASCII)', 'a\u{E0041}', 'a<U+E0041>'],
    ['the CLI’s own newline and tab', 'ID\tTITLE\nrow\n', 'ID\tTITLE\nrow\n'],
    ['ordinary text, emoji with ZWJ, accents, CJK', 'Café 👩‍💻 東京 “quoted”', 'Café 👩‍💻 東京 “quoted”'],
  ])('%s', (_name, input, shown) => {
    expect(forTerminal(input)).toBe(shown)
  })
})

describe('inline', () => {
  it('shows a value’s own newline and tab, so it cannot forge a line', () => {
    expect(inline('Budget\nquotedesk: done\tok')).toBe('Budget\\nquotedesk: done\\tok')
  })

  it('escapes what forTerminal escapes', () => {
    expect(inline('\x1b[2J\u202E')).toBe('\\x1b[2J<U+202E>')
  })
})

describe('errorLine', () => {
  it('indents a message’s continuation lines, so a quoted newline cannot start a line of its own', () => {
    expect(errorLine('a.\nquotedesk: all good')).toBe('quotedesk: a.\n  quotedesk: all good\n')
    expect(errorLine('one line')).toBe('quotedesk: one line\n')
  })
})

describe('toSafeJson', () => {
  const value = { title: 'Report \u202Efdp.exe \u0085 \x7f next\u2028line \u{E0041} \x1b', n: 1 }

  it('escapes DEL, C1, bidi, separators and tags as \\u, and round-trips', () => {
    const json = toSafeJson(value)
    expect(json).toBe('{"title":"Report \\u202efdp.exe \\u0085 \\u007f next\\u2028line \\udb40\\udc41 \\u001b","n":1}')
    expect(JSON.parse(json)).toEqual(value)
    expect(forTerminal(json)).toBe(json)
  })

  it('keeps indentation', () => {
    expect(toSafeJson([1], 2)).toBe('[\n  1\n]')
  })
})
