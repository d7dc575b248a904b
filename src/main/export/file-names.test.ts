import { describe, expect, it } from 'vitest'
import { nameKey, numberedName, safeFileName } from './file-names'

describe('safeFileName', () => {
  it.each([
    ['Harbour plan wins the vote', 'Harbour plan wins the vote.md'],
    ['Budget: 2025/26 plan', 'Budget - 2025-26 plan.md'],
    ['../../etc/passwd', 'etc-passwd.md'],
    ['C:\\Windows\\system32', 'C --Windows-system32.md'],
    ['CON', '_CON.md'],
    ['nul.txt', '_nul.txt.md'],
    ['com1', '_com1.md'],
    ['CON .txt', '_CON .txt.md'],
    ['con  . .txt', '_con . .txt.md'],
    ['Aux. notes', '_Aux. notes.md'],
    ['NUL .', '_NUL.md'],
    ['lpt¹ .md', '_lpt¹ .md.md'],
    ['COM³', '_COM³.md'],
    ['prn\t.log', '_prn .log.md'],
    ['CONSOLE .txt', 'CONSOLE .txt.md'],
    ['CON x.txt', 'CON x.txt.md'],
    ['.hidden', 'hidden.md'],
    ['--help', 'help.md'],
    ['trailing dots...', 'trailing dots.md'],
    ['a<b>c:"d"|e?f*g', 'abc -defg.md'],
    ['tab\tand\nnewline', 'tab and newline.md'],
    ['bidi \u202e override', 'bidi override.md'],
    ['', 'article.md'],
    ['   ', 'article.md'],
    ['/', 'article.md'],
  ])('%j → %j', (title, expected) => {
    expect(safeFileName(title, 'md')).toBe(expected)
  })

  it('caps the length in bytes without splitting a character', () => {
    const name = safeFileName('😀'.repeat(200), 'json')
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(130)
    expect(name.isWellFormed()).toBe(true)
    expect(name.endsWith('.json')).toBe(true)
  })

  it('never yields a path separator or a reserved name, whatever the title', () => {
    const titles = ['a/b', 'a\\b', '..', '.', 'aux.md', 'LPT9', '\u0000x', 'x\u0000', 'CON .txt', 'nul  ..x', 'Com2 ']
    for (const title of titles) {
      const name = safeFileName(title, 'md')
      expect(name).not.toMatch(/[/\\]/)
      expect(name.includes(String.fromCharCode(0))).toBe(false)
      // Windows reads the device name up to the first dot, without trailing spaces.
      expect(name.split('.')[0]?.trimEnd()).not.toMatch(/^(con|prn|aux|nul|com[\d¹²³]|lpt[\d¹²³])$/i)
    }
  })
})

describe('numberedName and nameKey', () => {
  it('numbers a name before its extension and compares names case-insensitively', () => {
    expect([1, 2, 3].map((n) => numberedName('Same - title.md', n))).toEqual([
      'Same - title.md',
      'Same - title (2).md',
      'Same - title (3).md',
    ])
    expect(numberedName('noextension', 2)).toBe('noextension (2)')
    expect(nameKey('Title.MD')).toBe(nameKey('title.md'))
    expect(nameKey('Cafe\u0301.md')).toBe(nameKey('CAFÉ.md'))
  })
})
