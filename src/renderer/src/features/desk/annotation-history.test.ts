import { ChangeSet } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { invertOp, mapOp, resolveId, type AnnotationOp } from './annotation-history'

const quote = {
  id: 'q1',
  from: 4,
  to: 10,
  speakerEntityId: 'e1',
  status: 'verified' as const,
  note: 'On tape',
  sourceId: 's1',
}
const mention = { id: 'm1', entityId: 'e2', from: 20, to: 25 }

describe('invertOp', () => {
  it('pairs marking and removing a quote, keeping its span, speaker and check', () => {
    expect(invertOp({ kind: 'mark-quote', quote })).toEqual({ kind: 'remove-quote', quote })
    expect(invertOp({ kind: 'remove-quote', quote })).toEqual({ kind: 'mark-quote', quote })
  })

  it('swaps before and after for span, speaker and status', () => {
    const span: AnnotationOp = { kind: 'span', id: 'q1', before: { from: 1, to: 5 }, after: { from: 1, to: 9 } }
    expect(invertOp(span)).toEqual({ kind: 'span', id: 'q1', before: { from: 1, to: 9 }, after: { from: 1, to: 5 } })
    expect(invertOp({ kind: 'speaker', id: 'q1', before: null, after: 'e1' })).toEqual({
      kind: 'speaker',
      id: 'q1',
      before: 'e1',
      after: null,
    })
    const before = { status: 'unverified' as const, note: '' }
    const after = { status: 'verified' as const, note: 'On tape' }
    expect(invertOp({ kind: 'status', id: 'q1', before, after })).toEqual({
      kind: 'status',
      id: 'q1',
      before: after,
      after: before,
    })
  })

  it('swaps the linked source, so undo unlinks a new link and relinks a removed one', () => {
    expect(invertOp({ kind: 'source', id: 'q1', before: null, after: 's1' })).toEqual({
      kind: 'source',
      id: 'q1',
      before: 's1',
      after: null,
    })
    expect(invertOp({ kind: 'source', id: 'q1', before: 's1', after: 's2' })).toEqual({
      kind: 'source',
      id: 'q1',
      before: 's2',
      after: 's1',
    })
  })

  it('pairs tagging and removing a tag', () => {
    expect(invertOp({ kind: 'tag', mention })).toEqual({ kind: 'untag', mention })
    expect(invertOp({ kind: 'untag', mention })).toEqual({ kind: 'tag', mention })
  })

  it('is its own inverse', () => {
    const op: AnnotationOp = { kind: 'status', id: 'q1', before: { status: 'altered', note: 'x' }, after: quote }
    expect(invertOp(invertOp(op))).toEqual(op)
  })
})

describe('mapOp', () => {
  const typed = ChangeSet.of({ from: 0, insert: 'NEW ' }, 40).desc

  it('moves spans through text typed before them', () => {
    expect(mapOp({ kind: 'remove-quote', quote }, typed)).toEqual({
      kind: 'remove-quote',
      quote: { ...quote, from: 8, to: 14 },
    })
    expect(mapOp({ kind: 'tag', mention }, typed)).toEqual({ kind: 'tag', mention: { ...mention, from: 24, to: 29 } })
    expect(mapOp({ kind: 'span', id: 'q1', before: { from: 1, to: 5 }, after: { from: 1, to: 9 } }, typed)).toEqual({
      kind: 'span',
      id: 'q1',
      before: { from: 5, to: 9 },
      after: { from: 5, to: 13 },
    })
  })

  it('leaves changes without positions alone', () => {
    const op: AnnotationOp = { kind: 'speaker', id: 'q1', before: null, after: 'e1' }
    expect(mapOp(op, typed)).toBe(op)
    const link: AnnotationOp = { kind: 'source', id: 'q1', before: null, after: 's1' }
    expect(mapOp(link, typed)).toBe(link)
  })
})

describe('resolveId', () => {
  it('follows the ids given by each re-creation', () => {
    const aliases = new Map([
      ['a', 'b'],
      ['b', 'c'],
    ])
    expect(resolveId(aliases, 'a')).toBe('c')
    expect(resolveId(aliases, 'x')).toBe('x')
  })
})
