import { describe, expect, it } from 'vitest'
import { ariaKeys, describeKeys, findCommand, matchesKey, type Command, type KeyLike } from './commands'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})

describe('matchesKey', () => {
  it.each([
    ['Mod+N', key('n', { ctrlKey: true }), false, true],
    ['Mod+N', key('N', { ctrlKey: true }), false, true],
    ['Mod+N', key('n', { metaKey: true }), true, true],
    ['Mod+N', key('n', { metaKey: true }), false, false],
    ['Mod+N', key('n', { ctrlKey: true, shiftKey: true }), false, false],
    ['Mod+N', key('n'), false, false],
    ['Alt+N', key('n', { altKey: true }), false, true],
    ['Alt+1', key('1', { altKey: true }), false, true],
    ['Alt+1', key('¡', { altKey: true, code: 'Digit1' }), true, true],
    ['Alt+N', key('˜', { altKey: true, code: 'KeyN' }), true, true],
    ['/', key('/'), false, true],
    ['/', key('/', { shiftKey: true }), false, true],
    ['/', key('/', { ctrlKey: true }), false, false],
    ['/', key('7'), false, false],
    ['Alt+Shift+ArrowRight', key('ArrowRight', { altKey: true, shiftKey: true }), false, true],
    ['Alt+Shift+ArrowRight', key('ArrowRight', { altKey: true }), false, false],
    ['Alt+Shift+2', key('@', { altKey: true, shiftKey: true, code: 'Digit2' }), false, true],
    ['2', key('2'), false, true],
    ['?', key('?', { shiftKey: true }), false, true],
    ['Delete', key('Delete'), false, true],
  ])('%s vs %j (mac=%s) → %s', (spec, event, isMac, expected) => {
    expect(matchesKey(event, spec, isMac)).toBe(expected)
  })
})

describe('findCommand', () => {
  const ran: string[] = []
  const commands: Command[] = [
    { name: 'focus-search', label: 'Search', keys: ['/'], run: () => ran.push('search') },
    { name: 'new-article', label: 'New', keys: ['Mod+N', 'Alt+N'], run: () => ran.push('new') },
  ]

  it('finds by any of its keys', () => {
    expect(findCommand(commands, key('n', { altKey: true }), { isMac: false, isTyping: false })?.name).toBe(
      'new-article',
    )
  })

  it('plain keys do not fire while typing; modified ones do', () => {
    expect(findCommand(commands, key('/'), { isMac: false, isTyping: true })).toBeUndefined()
    expect(findCommand(commands, key('/'), { isMac: false, isTyping: false })?.name).toBe('focus-search')
    expect(findCommand(commands, key('n', { ctrlKey: true }), { isMac: false, isTyping: true })?.name).toBe(
      'new-article',
    )
  })
})

describe('describeKeys / ariaKeys', () => {
  it('spells shortcuts per platform', () => {
    expect(describeKeys('Mod+N', false)).toBe('Ctrl+N')
    expect(describeKeys('Mod+N', true)).toBe('⌘N')
    expect(ariaKeys(['Mod+N', 'Alt+N'], false)).toBe('Control+N Alt+N')
  })
})
