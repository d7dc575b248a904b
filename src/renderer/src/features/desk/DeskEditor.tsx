import { history, historyKeymap, defaultKeymap } from '@codemirror/commands'
import { EditorState, Prec, type Extension } from '@codemirror/state'
import { EditorView, keymap, type ViewUpdate } from '@codemirror/view'
import { useEffect, useRef } from 'react'
import { annotationHistory, annotationOp, type AnnotationOp } from './annotation-history'
import { annotationField, quoteHandleDrop, type QuoteEdge } from './annotations'
import { editorTheme } from './editor-theme'

/** What the desk hears from the editor; read through a ref, so the editor is built only once. */
export interface EditorEvents {
  /** Every transaction that changed the text. */
  onChange: (update: ViewUpdate) => void
  /** The cursor moved by the user (click, arrows) to a new place. */
  onCursor: (pos: number) => void
  /** Alt+Shift+Arrow and friends: true when the desk handled the key. */
  onKey: (key: string) => boolean
  /** A drag handle of the selected quote was released over the text. */
  onHandleDrop: (edge: QuoteEdge, pos: number) => void
  /** Undo or redo reached an annotation change: `op` is what to apply now. */
  onHistoryOp: (op: AnnotationOp) => void
}

interface DeskEditorProps {
  initialDoc: string
  events: { current: EditorEvents }
  onView: (view: EditorView | null) => void
}

/** Keys the desk takes before CodeMirror's defaults (which would copy or move lines). */
const DESK_KEYS = ['Alt-Shift-ArrowRight', 'Alt-Shift-ArrowLeft', 'Alt-Shift-ArrowUp', 'Alt-Shift-ArrowDown']

export function deskExtensions(events: { current: EditorEvents }): Extension[] {
  return [
    history(),
    annotationHistory,
    Prec.highest(keymap.of(DESK_KEYS.map((key) => ({ key, run: () => events.current.onKey(key) })))),
    keymap.of([...historyKeymap, ...defaultKeymap]),
    EditorView.lineWrapping,
    editorTheme,
    annotationField,
    quoteHandleDrop.of((edge, pos) => events.current.onHandleDrop(edge, pos)),
    EditorView.contentAttributes.of({ 'aria-label': 'Article body', spellcheck: 'true' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) events.current.onChange(update)
      for (const tr of update.transactions) {
        if (!tr.isUserEvent('undo') && !tr.isUserEvent('redo')) continue
        for (const effect of tr.effects) if (effect.is(annotationOp)) events.current.onHistoryOp(effect.value)
      }
      const isUserMove = update.transactions.some((tr) => tr.isUserEvent('select'))
      if (update.selectionSet && isUserMove) events.current.onCursor(update.state.selection.main.head)
    }),
  ]
}

/**
 * The article body on CodeMirror 6: the React tree never re-renders its content.
 *
 * The editor lives in a shadow root because CodeMirror injects its styles with a <style> element
 * in a document, which our CSP (style-src 'self') refuses; in a shadow root it uses constructed
 * stylesheets (adoptedStyleSheets), which the CSP allows.
 */
export function DeskEditor({ initialDoc, events, onView }: DeskEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  // Built once per mount: the article's key remounts the desk for another article.
  const initial = useRef(initialDoc)
  useEffect(() => {
    const element = host.current
    if (!element) return
    // StrictMode mounts twice, and a shadow root cannot be attached twice. Focus delegates to the
    // text, so a dialog opened from the editor hands focus back to it.
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open', delegatesFocus: true })
    const view = new EditorView({
      parent: root,
      root,
      state: EditorState.create({ doc: initial.current, extensions: deskExtensions(events) }),
    })
    onView(view)
    return () => {
      onView(null)
      view.destroy()
    }
  }, [events, onView])
  return <div ref={host} className="desk__editor" />
}
