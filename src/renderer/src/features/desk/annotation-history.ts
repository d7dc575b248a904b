import { invertedEffects } from '@codemirror/commands'
import { StateEffect, type ChangeDesc, type Extension } from '@codemirror/state'
import type { QuoteStatus } from '../../../../shared/schemas/quotes'

export interface Span {
  from: number
  to: number
}

/** Enough of a quote to create it again: its words, speaker, check and source. */
export interface QuoteSnapshot extends Span {
  id: string
  speakerEntityId: string | null
  status: QuoteStatus
  note: string
  sourceId: string | null
}

export interface MentionSnapshot extends Span {
  id: string
  entityId: string
}

export interface Check {
  status: QuoteStatus
  note: string
}

/** One annotation change as the undo history keeps it; positions are in the editor's text. */
export type AnnotationOp =
  | { kind: 'mark-quote'; quote: QuoteSnapshot }
  | { kind: 'remove-quote'; quote: QuoteSnapshot }
  | { kind: 'span'; id: string; before: Span; after: Span }
  | { kind: 'speaker'; id: string; before: string | null; after: string | null }
  | { kind: 'status'; id: string; before: Check; after: Check }
  | { kind: 'source'; id: string; before: string | null; after: string | null }
  | { kind: 'tag'; mention: MentionSnapshot }
  | { kind: 'untag'; mention: MentionSnapshot }

/** The change that takes an annotation change back. */
export function invertOp(op: AnnotationOp): AnnotationOp {
  switch (op.kind) {
    case 'mark-quote':
      return { kind: 'remove-quote', quote: op.quote }
    case 'remove-quote':
      return { kind: 'mark-quote', quote: op.quote }
    case 'span':
      return { ...op, before: op.after, after: op.before }
    case 'speaker':
      return { ...op, before: op.after, after: op.before }
    case 'status':
      return { ...op, before: op.after, after: op.before }
    case 'source':
      return { ...op, before: op.after, after: op.before }
    case 'tag':
      return { kind: 'untag', mention: op.mention }
    case 'untag':
      return { kind: 'tag', mention: op.mention }
  }
}

function mapSpan<T extends Span>(span: T, changes: ChangeDesc): T {
  return { ...span, from: changes.mapPos(span.from, 1), to: changes.mapPos(span.to, -1) }
}

/** Moves an annotation change's positions through later text edits. */
export function mapOp(op: AnnotationOp, changes: ChangeDesc): AnnotationOp {
  switch (op.kind) {
    case 'mark-quote':
    case 'remove-quote':
      return { ...op, quote: mapSpan(op.quote, changes) }
    case 'span':
      return { ...op, before: mapSpan(op.before, changes), after: mapSpan(op.after, changes) }
    case 'tag':
    case 'untag':
      return { ...op, mention: mapSpan(op.mention, changes) }
    case 'speaker':
    case 'status':
    case 'source':
      return op
  }
}

/** Follows the ids a quote or mention had before undo and redo created it again. */
export function resolveId(aliases: ReadonlyMap<string, string>, id: string): string {
  let at = id
  for (let hops = 0; hops < 1000; hops++) {
    const next = aliases.get(at)
    if (next === undefined) return at
    at = next
  }
  return at
}

/** Carried by an empty-change transaction, so the editor's history keeps annotation changes among text edits. */
export const annotationOp = StateEffect.define<AnnotationOp>({ map: mapOp })

/** The history undoes an annotation change by applying its inverse. */
export const annotationHistory: Extension = invertedEffects.of((tr) =>
  tr.effects.flatMap((effect) => (effect.is(annotationOp) ? [annotationOp.of(invertOp(effect.value))] : [])),
)
