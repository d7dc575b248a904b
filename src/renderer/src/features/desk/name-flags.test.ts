import { describe, expect, it } from 'vitest'
import { placeFlag } from './name-flags'

describe('placeFlag', () => {
  it('finds the flagged name where it was', () => {
    expect(placeFlag('The Solitare author', { start: 4, end: 12, text: 'Solitare' })).toEqual({ from: 4, to: 12 })
  })

  it('follows the name when text was typed before it', () => {
    expect(placeFlag('Hi. The Solitare author', { start: 4, end: 12, text: 'Solitare' })).toEqual({ from: 8, to: 16 })
  })

  it('takes the nearest whole-word occurrence and ignores the name inside a longer word', () => {
    const doc = 'Priestlyish. Priestly spoke. Later Priestly left.'
    expect(placeFlag(doc, { start: 30, end: 38, text: 'Priestly' })).toEqual({ from: 35, to: 43 })
  })

  it('gives up when the name is gone', () => {
    expect(placeFlag('Nothing here', { start: 0, end: 8, text: 'Solitare' })).toBeNull()
  })
})
