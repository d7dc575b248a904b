import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Autosaver, type SaveState } from './autosave'

function setup(save: (body: string) => Promise<void>) {
  let text = 'a'
  const states: SaveState['kind'][] = []
  const saver = new Autosaver({
    save,
    read: () => text,
    onState: (state) => states.push(state.kind),
    savedBody: 'a',
    debounceMs: 600,
    maxWaitMs: 1000,
  })
  return {
    saver,
    states,
    type: (next: string) => {
      text = next
      saver.changed()
    },
  }
}

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('says "saved" only after the reply, one debounce after the last edit', async () => {
    let reply: () => void = () => {}
    const save = vi.fn((_body: string) => new Promise<void>((resolve) => (reply = resolve)))
    const { saver, states, type } = setup(save)
    type('ab')
    expect(states.at(-1)).toBe('saving')
    await vi.advanceTimersByTimeAsync(599)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledWith('ab')
    expect(states.at(-1)).toBe('saving')
    reply()
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)).toBe('saved')
    expect(saver.isDirty).toBe(false)
  })

  it('saves at least once a second while typing without a pause', async () => {
    const save = vi.fn(async () => {})
    const { type } = setup(save)
    for (let i = 0; i < 10; i++) {
      type(`a${'b'.repeat(i + 1)}`)
      await vi.advanceTimersByTimeAsync(200)
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(1)
  })

  it('retries a failed save with backoff and never claims success meanwhile', async () => {
    let fail = true
    const save = vi.fn(async () => {
      if (fail) throw new Error('disk full')
    })
    const { states, type } = setup(save)
    type('ab')
    await vi.advanceTimersByTimeAsync(600)
    expect(states.at(-1)).toBe('failed')
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).toHaveBeenCalledTimes(2)
    expect(states.filter((s) => s === 'saved')).toEqual([])
    fail = false
    await vi.advanceTimersByTimeAsync(2000)
    expect(states.at(-1)).toBe('saved')
  })

  it('saves again what was typed while a save was in flight', async () => {
    const replies: (() => void)[] = []
    const save = vi.fn((_body: string) => new Promise<void>((resolve) => replies.push(resolve)))
    const { states, type } = setup(save)
    type('ab')
    await vi.advanceTimersByTimeAsync(600)
    type('abc')
    replies.shift()?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)).toBe('saving')
    await vi.advanceTimersByTimeAsync(600)
    expect(save).toHaveBeenLastCalledWith('abc')
    replies.shift()?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(states.at(-1)).toBe('saved')
  })

  it('flush saves at once and resolves when stored', async () => {
    const save = vi.fn(async () => {})
    const { saver, type } = setup(save)
    type('ab')
    await saver.flush()
    expect(save).toHaveBeenCalledWith('ab')
    expect(saver.isDirty).toBe(false)
  })
})
