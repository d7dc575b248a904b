import { describe, expect, it } from 'vitest'
import { adjustSpan, trimSpan } from './quote-format'

const text = 'He said “we will win the cup” today.'
const quote = { from: text.indexOf('“'), to: text.indexOf('”') + 1 }

describe('adjustSpan', () => {
  it('moves the end and the start by one word', () => {
    expect(text.slice(...Object.values(adjustSpan(text, quote, 'extend-end') ?? quote))).toBe(
      '“we will win the cup” today.',
    )
    expect(text.slice(...Object.values(adjustSpan(text, quote, 'shrink-end') ?? quote))).toBe('“we will win the')
    expect(text.slice(...Object.values(adjustSpan(text, quote, 'extend-start') ?? quote))).toBe(
      'said “we will win the cup”',
    )
    expect(text.slice(...Object.values(adjustSpan(text, quote, 'shrink-start') ?? quote))).toBe('will win the cup”')
  })

  it('never empties a quote or runs past the text', () => {
    expect(adjustSpan('“one”', { from: 0, to: 5 }, 'shrink-end')).toBeNull()
    expect(adjustSpan('“one”', { from: 0, to: 5 }, 'extend-end')).toBeNull()
    expect(adjustSpan('“one”', { from: 0, to: 5 }, 'extend-start')).toBeNull()
  })
})

describe('trimSpan', () => {
  it('drops spaces and line breaks around a selection', () => {
    expect(trimSpan('a \n“b” \n', 1, 8)).toEqual({ from: 3, to: 6 })
  })
})
