import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, paragraphs } from './format'

describe('formatDate', () => {
  it('shows a calendar date without shifting it', () => {
    expect(formatDate('2025-04-28')).toBe('28 Apr 2025')
    expect(formatDate('2025-01-01')).toBe('1 Jan 2025')
  })

  it('leaves something unreadable as it is', () => {
    expect(formatDate('someday')).toBe('someday')
  })
})

describe('formatCount', () => {
  it('pluralises and groups', () => {
    expect(formatCount(1, 'word', 'words')).toBe('1 word')
    expect(formatCount(12345, 'word', 'words')).toBe('12,345 words')
  })
})

describe('paragraphs', () => {
  it('splits at blank lines and keeps inner whitespace', () => {
    expect(paragraphs('One\n\nTwo  lines\n  indented\n \n\n\nThree')).toEqual([
      'One',
      'Two  lines\n  indented',
      'Three',
    ])
  })

  it('handles CRLF and empty text', () => {
    expect(paragraphs('a\r\n\r\nb')).toEqual(['a', 'b'])
    expect(paragraphs('')).toEqual([])
    expect(paragraphs('\n\n  \n')).toEqual([])
  })
})
