import { Facet, StateEffect, StateField, type EditorState, type Range } from '@codemirror/state'
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view'
import type { QuoteStatus } from '../../../../shared/schemas/quotes'

/** What the editor needs to draw one quote; the rest of a Quote lives in React state. */
export interface QuoteMark {
  id: string
  from: number
  to: number
  status: QuoteStatus
  needsReview: boolean
  cue: { from: number; to: number } | null
}

export interface MentionMark {
  id: string
  entityId: string
  entityName: string
  from: number
  to: number
}

/** Replaces every annotation; positions must already be in the editor's current text. */
export const setAnnotations = StateEffect.define<{ quotes: QuoteMark[]; mentions: MentionMark[] }>()
/** Adds or replaces one quote (after marking, a span change or a status change). */
export const upsertQuote = StateEffect.define<QuoteMark>()
export const dropQuote = StateEffect.define<string>()
export const selectQuote = StateEffect.define<string | null>()
export const upsertMention = StateEffect.define<MentionMark>()
export const dropMention = StateEffect.define<string>()

export type QuoteEdge = 'start' | 'end'
/** Called when a drag handle of the selected quote is released over the text at `pos`. */
export const quoteHandleDrop = Facet.define<(edge: QuoteEdge, pos: number) => void>()

interface QuoteSpec {
  id: string
  status: QuoteStatus
  needsReview: boolean
}

interface Annotations {
  /** One mark per quote. Decoration sets are mapped through every edit, so marks stay on their words. */
  quotes: DecorationSet
  /** Every quote's cue (its "why"), drawn only for the selected quote. */
  cues: DecorationSet
  shownCue: DecorationSet
  mentions: DecorationSet
  selectedId: string | null
}

function quoteDecoration(spec: QuoteSpec, isSelected: boolean): Decoration {
  const classes = ['cm-quote', `cm-quote--${spec.status}`]
  if (spec.needsReview) classes.push('cm-quote--review')
  if (isSelected) classes.push('cm-quote--selected')
  return Decoration.mark({
    class: classes.join(' '),
    attributes: { 'data-quote-id': spec.id, 'data-status': spec.status },
    quote: spec,
  })
}

function mentionDecoration(mark: MentionMark): Decoration {
  return Decoration.mark({
    class: 'cm-mention',
    attributes: { 'data-entity-id': mark.entityId, 'data-mention-id': mark.id, title: mark.entityName },
    mention: mark,
  })
}

/**
 * A grip at one end of the selected quote. The pointer is tracked on the window, so the drop can
 * land anywhere in the text; the boundary moves only on release, so a cancelled drag changes nothing.
 */
class QuoteHandle extends WidgetType {
  constructor(readonly edge: QuoteEdge) {
    super()
  }

  override eq(other: QuoteHandle): boolean {
    return other.edge === this.edge
  }

  toDOM(view: EditorView): HTMLElement {
    const grip = document.createElement('span')
    grip.className = `cm-quote-handle cm-quote-handle--${this.edge}`
    grip.dataset.handle = this.edge
    grip.title = `Drag to move where the quote ${this.edge === 'start' ? 'starts' : 'ends'} (or Alt+Shift+Arrows)`
    // Alt+Shift+Arrows do the same from the keyboard, so the grip itself is not announced.
    grip.setAttribute('aria-hidden', 'true')
    grip.addEventListener('pointerdown', (down) => {
      if (down.button !== 0) return
      down.preventDefault()
      down.stopPropagation()
      grip.classList.add('cm-quote-handle--dragging')
      const win = grip.ownerDocument.defaultView ?? window
      const onUp = (up: PointerEvent) => {
        win.removeEventListener('pointerup', onUp, true)
        grip.classList.remove('cm-quote-handle--dragging')
        const pos = view.posAtCoords({ x: up.clientX, y: up.clientY })
        if (pos === null) return
        for (const drop of view.state.facet(quoteHandleDrop)) drop(this.edge, pos)
      }
      win.addEventListener('pointerup', onUp, true)
    })
    return grip
  }

  override ignoreEvent(): boolean {
    return true
  }
}

const startHandle = Decoration.widget({ widget: new QuoteHandle('start'), side: -1 })
const endHandle = Decoration.widget({ widget: new QuoteHandle('end'), side: 1 })

function handlesOf(value: Annotations): DecorationSet {
  if (!value.selectedId) return Decoration.none
  for (let cursor = value.quotes.iter(); cursor.value; cursor.next()) {
    if ((cursor.value.spec.quote as QuoteSpec).id === value.selectedId)
      return Decoration.set([startHandle.range(cursor.from), endHandle.range(cursor.to)])
  }
  return Decoration.none
}

const cueDecoration = (id: string) =>
  Decoration.mark({ class: 'cm-cue', attributes: { 'data-cue-of': id }, quoteId: id })
const shownCueDecoration = Decoration.mark({ class: 'cm-cue cm-cue--shown', attributes: { 'data-cue': 'true' } })

function clampRange(from: number, to: number, length: number): [number, number] | null {
  const a = Math.max(0, Math.min(from, length))
  const b = Math.max(0, Math.min(to, length))
  return b > a ? [a, b] : null
}

function quoteRanges(marks: readonly QuoteMark[], length: number, selectedId: string | null) {
  const quotes: Range<Decoration>[] = []
  const cues: Range<Decoration>[] = []
  for (const mark of marks) {
    const span = clampRange(mark.from, mark.to, length)
    if (!span) continue
    quotes.push(quoteDecoration(mark, mark.id === selectedId).range(span[0], span[1]))
    const cue = mark.cue && clampRange(mark.cue.from, mark.cue.to, length)
    if (cue) cues.push(cueDecoration(mark.id).range(cue[0], cue[1]))
  }
  return { quotes, cues }
}

function shownCueOf(cues: DecorationSet, selectedId: string | null): DecorationSet {
  if (!selectedId) return Decoration.none
  const found: Range<Decoration>[] = []
  for (let cursor = cues.iter(); cursor.value; cursor.next()) {
    if (cursor.value.spec.quoteId === selectedId) found.push(shownCueDecoration.range(cursor.from, cursor.to))
  }
  return Decoration.set(found, true)
}

/** Redraws the quotes whose selected state changed; the others keep their (mapped) ranges. */
function reselect(quotes: DecorationSet, before: string | null, after: string | null): DecorationSet {
  if (before === after) return quotes
  const add: Range<Decoration>[] = []
  for (let cursor = quotes.iter(); cursor.value; cursor.next()) {
    const spec = cursor.value.spec.quote as QuoteSpec
    if (spec.id === before || spec.id === after)
      add.push(quoteDecoration(spec, spec.id === after).range(cursor.from, cursor.to))
  }
  return quotes.update({
    filter: (_from, _to, value) => {
      const id = (value.spec.quote as QuoteSpec).id
      return id !== before && id !== after
    },
    add,
    sort: true,
  })
}

export const annotationField = StateField.define<Annotations>({
  create: () => ({
    quotes: Decoration.none,
    cues: Decoration.none,
    shownCue: Decoration.none,
    mentions: Decoration.none,
    selectedId: null,
  }),
  update(value, tr) {
    let { quotes, cues, shownCue, mentions, selectedId } = value
    if (!tr.changes.empty) {
      quotes = quotes.map(tr.changes)
      cues = cues.map(tr.changes)
      shownCue = shownCue.map(tr.changes)
      mentions = mentions.map(tr.changes)
    }
    const length = tr.newDoc.length
    let isCueStale = false
    for (const effect of tr.effects) {
      if (effect.is(setAnnotations)) {
        const built = quoteRanges(effect.value.quotes, length, selectedId)
        quotes = Decoration.set(built.quotes, true)
        cues = Decoration.set(built.cues, true)
        const marks: Range<Decoration>[] = []
        for (const mention of effect.value.mentions) {
          const span = clampRange(mention.from, mention.to, length)
          if (!span) continue
          marks.push(mentionDecoration(mention).range(span[0], span[1]))
        }
        mentions = Decoration.set(marks, true)
        isCueStale = true
      } else if (effect.is(upsertMention) || effect.is(dropMention)) {
        const id = effect.is(upsertMention) ? effect.value.id : effect.value
        const span = effect.is(upsertMention) ? clampRange(effect.value.from, effect.value.to, length) : null
        mentions = mentions.update({
          filter: (_from, _to, deco) => (deco.spec.mention as MentionMark).id !== id,
          add: effect.is(upsertMention) && span ? [mentionDecoration(effect.value).range(span[0], span[1])] : [],
          sort: true,
        })
      } else if (effect.is(upsertQuote) || effect.is(dropQuote)) {
        const id = effect.is(upsertQuote) ? effect.value.id : effect.value
        const built = effect.is(upsertQuote) ? quoteRanges([effect.value], length, selectedId) : null
        quotes = quotes.update({
          filter: (_from, _to, deco) => (deco.spec.quote as QuoteSpec).id !== id,
          add: built?.quotes ?? [],
        })
        cues = cues.update({ filter: (_from, _to, deco) => deco.spec.quoteId !== id, add: built?.cues ?? [] })
        isCueStale = true
      } else if (effect.is(selectQuote)) {
        quotes = reselect(quotes, selectedId, effect.value)
        selectedId = effect.value
        isCueStale = true
      }
    }
    if (isCueStale) shownCue = shownCueOf(cues, selectedId)
    return { quotes, cues, shownCue, mentions, selectedId }
  },
  provide: (field) => [
    EditorView.decorations.from(field, (value) => value.mentions),
    EditorView.decorations.from(field, (value) => value.quotes),
    EditorView.decorations.from(field, (value) => value.shownCue),
    EditorView.decorations.from(field, handlesOf),
  ],
})

export interface PlacedQuote {
  id: string
  from: number
  to: number
}

/** Every quote at its current place in the text, in text order. */
export function placedQuotes(state: EditorState): PlacedQuote[] {
  const out: PlacedQuote[] = []
  const { quotes } = state.field(annotationField)
  for (let cursor = quotes.iter(); cursor.value; cursor.next()) {
    out.push({ id: (cursor.value.spec.quote as QuoteSpec).id, from: cursor.from, to: cursor.to })
  }
  return out
}

export function placeOf(state: EditorState, id: string): PlacedQuote | null {
  return placedQuotes(state).find((quote) => quote.id === id) ?? null
}

/** The innermost quote containing `pos` (the shortest, when quotes nest). */
export function quoteAt(state: EditorState, pos: number): PlacedQuote | null {
  let best: PlacedQuote | null = null
  for (const quote of placedQuotes(state)) {
    if (pos < quote.from || pos > quote.to) continue
    if (!best || quote.to - quote.from < best.to - best.from) best = quote
  }
  return best
}

/** The shown cue's current place, if the selected quote has one. */
export function shownCue(state: EditorState): { from: number; to: number } | null {
  const cursor = state.field(annotationField).shownCue.iter()
  return cursor.value ? { from: cursor.from, to: cursor.to } : null
}

export interface PlacedMention {
  id: string
  entityId: string
  entityName: string
  from: number
  to: number
}

/** Every entity mention at its current place in the text, in text order. */
export function placedMentions(state: EditorState): PlacedMention[] {
  const out: PlacedMention[] = []
  const { mentions } = state.field(annotationField)
  for (let cursor = mentions.iter(); cursor.value; cursor.next()) {
    const mark = cursor.value.spec.mention as MentionMark
    out.push({ id: mark.id, entityId: mark.entityId, entityName: mark.entityName, from: cursor.from, to: cursor.to })
  }
  return out
}

/** The entity mention at `pos` (or touching it), if any. */
export function mentionAt(state: EditorState, pos: number): PlacedMention | null {
  const { mentions } = state.field(annotationField)
  for (let cursor = mentions.iter(); cursor.value; cursor.next()) {
    if (pos < cursor.from || pos > cursor.to) continue
    const mark = cursor.value.spec.mention as MentionMark
    return { id: mark.id, entityId: mark.entityId, entityName: mark.entityName, from: cursor.from, to: cursor.to }
  }
  return null
}
