import { describe, expect, it } from 'vitest'
import { IN_FLIGHT_SLACK_MS, clearDraft, draftToReplay, readDraft, writeDraft, type DraftStore } from './draft-journal'

function memoryStore(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  }
}

describe('draft journal', () => {
  it('round-trips a draft and clears it', () => {
    const store = memoryStore()
    expect(writeDraft(store, 'a1', { body: 'typed', editedAt: 5 })).toBe(true)
    expect(readDraft(store, 'a1')).toEqual({ body: 'typed', editedAt: 5 })
    clearDraft(store, 'a1')
    expect(readDraft(store, 'a1')).toBeNull()
  })

  it('ignores garbage and survives a full or refusing storage', () => {
    const store = memoryStore()
    store.data.set('quotedesk:draft:a1', '{not json')
    expect(readDraft(store, 'a1')).toBeNull()
    store.data.set('quotedesk:draft:a1', JSON.stringify({ body: 3 }))
    expect(readDraft(store, 'a1')).toBeNull()
    const full: DraftStore = {
      ...store,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(writeDraft(full, 'a1', { body: 'x', editedAt: 1 })).toBe(false)
    expect(writeDraft(null, 'a1', { body: 'x', editedAt: 1 })).toBe(false)
  })

  it.each([
    ['no draft', null, 'stored', 0, null],
    ['same text', { body: 'stored', editedAt: 0 }, 'stored', 0, null],
    ['newer draft', { body: 'typed', editedAt: 10_000 }, 'stored', 5_000, 'typed'],
    [
      'a save that landed just after the last keystroke',
      { body: 'typed', editedAt: 10_000 },
      'stored',
      12_000,
      'typed',
    ],
    [
      'stored body changed long after the draft',
      { body: 'typed', editedAt: 0 },
      'stored',
      IN_FLIGHT_SLACK_MS + 1,
      null,
    ],
  ] as const)('%s', (_name, draft, body, storedAtMs, expected) => {
    expect(draftToReplay(draft, { body, updatedAt: new Date(storedAtMs).toISOString() })).toBe(expected)
  })
})
