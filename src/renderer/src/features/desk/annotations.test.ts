import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import {
  annotationField,
  dropQuote,
  placeOf,
  quoteAt,
  selectQuote,
  setAnnotations,
  shownCue,
  upsertQuote,
} from './annotations'

const doc = 'Intro. “We won,” the coach said. End.'
const start = doc.indexOf('“')
const end = doc.indexOf('”') + 1
const cue = { from: doc.indexOf('the coach said'), to: doc.indexOf('the coach said') + 'the coach said'.length }

function withQuote() {
  const state = EditorState.create({ doc, extensions: [annotationField] })
  return state.update({
    effects: setAnnotations.of({
      quotes: [{ id: 'q1', from: start, to: end, status: 'unverified', needsReview: false, cue }],
      mentions: [],
    }),
  }).state
}

describe('annotationField', () => {
  it('keeps a quote on its words when text is typed before, inside and after it', () => {
    let state = withQuote()
    state = state.update({ changes: { from: 0, insert: 'BREAKING ' } }).state
    expect(state.sliceDoc(placeOf(state, 'q1')?.from, placeOf(state, 'q1')?.to)).toBe('“We won,”')
    const inside = (placeOf(state, 'q1')?.from ?? 0) + 4
    state = state.update({ changes: { from: inside, insert: 'really ' } }).state
    expect(state.sliceDoc(placeOf(state, 'q1')?.from, placeOf(state, 'q1')?.to)).toBe('“We really won,”')
    state = state.update({ changes: { from: state.doc.length, insert: ' More.' } }).state
    expect(state.sliceDoc(placeOf(state, 'q1')?.from, placeOf(state, 'q1')?.to)).toBe('“We really won,”')
  })

  it('shows the cue of the selected quote only, mapped through edits', () => {
    let state = withQuote()
    expect(shownCue(state)).toBeNull()
    state = state.update({ effects: selectQuote.of('q1') }).state
    state = state.update({ changes: { from: 0, insert: 'X' } }).state
    const shown = shownCue(state)
    expect(shown && state.sliceDoc(shown.from, shown.to)).toBe('the coach said')
  })

  it('finds the quote under the cursor, replaces and drops quotes', () => {
    let state = withQuote()
    expect(quoteAt(state, start + 2)?.id).toBe('q1')
    expect(quoteAt(state, 1)).toBeNull()
    state = state.update({
      effects: upsertQuote.of({
        id: 'q1',
        from: start,
        to: end - 1,
        status: 'verified',
        needsReview: false,
        cue: null,
      }),
    }).state
    expect(placeOf(state, 'q1')).toEqual({ id: 'q1', from: start, to: end - 1 })
    state = state.update({ effects: dropQuote.of('q1') }).state
    expect(placeOf(state, 'q1')).toBeNull()
  })
})
