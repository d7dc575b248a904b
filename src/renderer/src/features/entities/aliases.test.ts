import { describe, expect, it } from 'vitest'
import { parseAliases } from './aliases'

describe('parseAliases', () => {
  it('one per line, trimmed, blanks and case-insensitive repeats dropped', () => {
    expect(parseAliases(' Oseman, Alice \n\nAlice\nalice\r\nA. Oseman')).toEqual([
      'Oseman, Alice',
      'Alice',
      'A. Oseman',
    ])
  })

  it('nothing typed: no aliases', () => {
    expect(parseAliases('')).toEqual([])
  })
})
