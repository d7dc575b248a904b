import { EditorView } from '@codemirror/view'

const STATUS_STYLES = {
  unverified: 'dotted',
  verified: 'solid',
  altered: 'wavy',
  not_found: 'double',
  disputed: 'dashed',
} as const

const statusRules = Object.fromEntries(
  Object.entries(STATUS_STYLES).map(([status, style]) => [
    `.cm-quote--${status}`,
    {
      background: `var(--q-${status}-bg)`,
      textDecorationStyle: style,
      textDecorationColor: `var(--q-${status}-line)`,
      ...(status === 'not_found' ? { textDecorationThickness: '3px' } : {}),
    },
  ]),
)

/**
 * The editor's look. It lives in the editor's shadow root (see DeskEditor), so it is a CodeMirror
 * theme rather than styles.css; colours come from the page's custom properties, which inherit
 * into the shadow root and follow the light and dark schemes.
 */
export const editorTheme = EditorView.theme({
  '&': { height: '100%', background: 'var(--surface)', color: 'var(--text)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
  '.cm-scroller': { fontFamily: 'var(--font-reading)', fontSize: '1.0625rem', lineHeight: '1.7' },
  '.cm-content': { maxWidth: '46rem', padding: '1rem 1.5rem 4rem', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0' },
  '.cm-quote': {
    borderRadius: '2px',
    textDecorationLine: 'underline',
    textDecorationThickness: '2px',
    textUnderlineOffset: '0.22em',
    textDecorationSkipInk: 'none',
    cursor: 'pointer',
  },
  ...statusRules,
  '.cm-quote--selected': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  // Entity mentions: a thin rule below the text, distinct from the quotes' underline styles.
  '.cm-mention': { boxShadow: 'inset 0 -1px 0 var(--mention-line)' },
  '.cm-quote-handle': {
    display: 'inline-block',
    position: 'relative',
    width: '0',
    height: '1.2em',
    verticalAlign: 'text-bottom',
    cursor: 'ew-resize',
    touchAction: 'none',
  },
  // A wider hit area than what is drawn, centred on the boundary, so it adds no width to the line.
  '.cm-quote-handle::before': {
    content: '""',
    position: 'absolute',
    top: '-0.15em',
    bottom: '-0.15em',
    left: '-5px',
    width: '10px',
    borderRadius: '3px',
    background: 'var(--focus)',
    opacity: '0.75',
  },
  '.cm-quote-handle--dragging::before': { opacity: '1' },
  '.cm-cue--shown': { background: 'var(--cue-bg)', color: 'var(--cue-text)', outline: '1px dashed var(--cue-text)' },
  '@media (forced-colors: active)': {
    '.cm-quote': { textDecorationColor: 'CanvasText' },
    '.cm-quote--selected': { outline: '2px solid Highlight' },
  },
  '@media (max-width: 48rem)': {
    '.cm-content': { padding: '0.75rem 0.75rem 3rem' },
  },
})
