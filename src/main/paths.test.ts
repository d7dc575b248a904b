import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIBRARY_FILE_NAME, resolveLibraryPath } from './paths'

describe('resolveLibraryPath', () => {
  const cwd = '/home/ed/work'
  const env = { QUOTEDESK_DB: '/srv/desk.quotedesk' }

  it.each([
    [
      '--db wins over everything',
      { db: 'mine.quotedesk', env, userDataDir: '/ud', cwd },
      '/home/ed/work/mine.quotedesk',
    ],
    ['absolute --db is kept', { db: '/tmp/a.quotedesk', env, cwd }, '/tmp/a.quotedesk'],
    ['QUOTEDESK_DB wins over userData', { env, userDataDir: '/ud', cwd }, '/srv/desk.quotedesk'],
    [
      'relative QUOTEDESK_DB is taken from cwd',
      { env: { QUOTEDESK_DB: 'x.quotedesk' }, cwd },
      '/home/ed/work/x.quotedesk',
    ],
    [
      'blank --db and env are ignored',
      { db: ' ', env: { QUOTEDESK_DB: '' }, userDataDir: '/ud', cwd },
      `/ud/${LIBRARY_FILE_NAME}`,
    ],
    ['userData when nothing else is given', { env: {}, userDataDir: '/ud', cwd }, `/ud/${LIBRARY_FILE_NAME}`],
  ])('%s', (_name, options, expected) => {
    expect(resolveLibraryPath(options)).toBe(expected)
  })

  it('falls back to the platform data folder without a suffix', () => {
    const file = resolveLibraryPath({ env: {}, cwd })
    expect(path.isAbsolute(file)).toBe(true)
    expect(path.basename(file)).toBe(LIBRARY_FILE_NAME)
    expect(path.basename(path.dirname(file))).toBe('quotedesk')
  })
})
