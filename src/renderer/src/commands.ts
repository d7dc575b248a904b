/** Excalidraw-style registry: every keyboard shortcut is a named command with a label. */
export type CommandName =
  | 'focus-search'
  | 'new-article'
  | 'import-file'
  | 'show-articles'
  | 'show-sources'
  | 'show-entities'
  | 'show-shortcuts'
  | 'export-articles'
  | DeskCommandName

/** Commands of the open article (the desk); they do nothing while no article is open. */
export type DeskCommandName =
  | 'save-now'
  | 'undo-edit'
  | 'redo-edit'
  | 'focus-editor'
  | 'focus-quotes'
  | 'tag-entity'
  | 'next-quote'
  | 'previous-quote'
  | 'next-unverified'
  | 'mark-quote'
  | 'remove-quote'
  | 'pick-speaker'
  | 'status-unverified'
  | 'status-verified'
  | 'status-altered'
  | 'status-not_found'
  | 'status-disputed'
  | 'extend-end'
  | 'shrink-end'
  | 'extend-start'
  | 'shrink-start'

export interface Command {
  name: CommandName
  label: string
  /** Like `Mod+N` (Cmd on macOS, Ctrl elsewhere), `Alt+1` or `/`. The first one is shown to users. */
  keys: readonly string[]
  run: () => void
}

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  /** The physical key, e.g. `KeyN` or `Digit1`. */
  code?: string
}

export type CommandGroup = 'Library' | 'Article' | 'Quotes' | 'Fact-check'

/**
 * Plain keys (`J`, `1`) work outside text fields; each desk command also has an Alt chord so it
 * works while typing in the article. Alt+Shift+Arrow is taken from CodeMirror's line commands on
 * purpose: adjusting a quote's span is the more frequent job here.
 */
export const COMMAND_KEYS: Record<CommandName, { label: string; keys: readonly string[]; group: CommandGroup }> = {
  'focus-search': { label: 'Search library', keys: ['/'], group: 'Library' },
  // Chromium reserves Ctrl+N in a browser tab, so Alt+N is the one that works in `quotedesk serve`.
  'new-article': { label: 'New article', keys: ['Mod+N', 'Alt+N'], group: 'Library' },
  'import-file': { label: 'Import file…', keys: ['Mod+O'], group: 'Library' },
  'show-articles': { label: 'Show articles', keys: ['Alt+1'], group: 'Library' },
  'show-sources': { label: 'Show sources', keys: ['Alt+2'], group: 'Library' },
  'show-entities': { label: 'Show entities', keys: ['Alt+3'], group: 'Library' },
  'show-shortcuts': { label: 'Keyboard shortcuts', keys: ['?', 'Alt+/'], group: 'Library' },
  'export-articles': { label: 'Export articles…', keys: ['Mod+Shift+E', 'Alt+Shift+E'], group: 'Library' },
  'save-now': { label: 'Save the article now', keys: ['Mod+S'], group: 'Article' },
  'undo-edit': { label: 'Undo the last text or annotation change', keys: ['Mod+Z'], group: 'Article' },
  'redo-edit': { label: 'Redo the last undone change', keys: ['Mod+Y', 'Mod+Shift+Z'], group: 'Article' },
  'focus-editor': { label: 'Go to the article text', keys: ['E', 'Alt+E'], group: 'Article' },
  'focus-quotes': { label: 'Go to the quote list', keys: ['L', 'Alt+L'], group: 'Article' },
  'tag-entity': { label: 'Tag the selected text as an entity…', keys: ['Alt+T'], group: 'Article' },
  'next-quote': { label: 'Next quote', keys: ['J', 'Alt+J'], group: 'Quotes' },
  'previous-quote': { label: 'Previous quote', keys: ['K', 'Alt+K'], group: 'Quotes' },
  'next-unverified': { label: 'Next unverified quote', keys: ['U', 'Alt+U'], group: 'Quotes' },
  'mark-quote': { label: 'Mark the selected text as a quote', keys: ['Alt+Q'], group: 'Quotes' },
  'remove-quote': { label: 'Remove the quote (not a quote)', keys: ['Delete', 'Alt+Shift+Backspace'], group: 'Quotes' },
  'pick-speaker': { label: 'Choose the speaker…', keys: ['S', 'Alt+S'], group: 'Quotes' },
  'extend-end': { label: 'Quote ends one word later', keys: ['Alt+Shift+ArrowRight'], group: 'Quotes' },
  'shrink-end': { label: 'Quote ends one word earlier', keys: ['Alt+Shift+ArrowLeft'], group: 'Quotes' },
  'extend-start': { label: 'Quote starts one word earlier', keys: ['Alt+Shift+ArrowUp'], group: 'Quotes' },
  'shrink-start': { label: 'Quote starts one word later', keys: ['Alt+Shift+ArrowDown'], group: 'Quotes' },
  'status-unverified': { label: 'Mark unverified', keys: ['1', 'Alt+Shift+1'], group: 'Fact-check' },
  'status-verified': { label: 'Mark verified', keys: ['2', 'Alt+Shift+2'], group: 'Fact-check' },
  'status-altered': { label: 'Mark altered', keys: ['3', 'Alt+Shift+3'], group: 'Fact-check' },
  'status-not_found': { label: 'Mark not found', keys: ['4', 'Alt+Shift+4'], group: 'Fact-check' },
  'status-disputed': { label: 'Mark disputed', keys: ['5', 'Alt+Shift+5'], group: 'Fact-check' },
}

export const COMMAND_NAMES = Object.keys(COMMAND_KEYS) as CommandName[]

const DESK_COMMANDS = new Set<string>(COMMAND_NAMES.filter((name) => COMMAND_KEYS[name].group !== 'Library'))

export function isDeskCommand(name: CommandName): name is DeskCommandName {
  return DESK_COMMANDS.has(name)
}

export function matchesKey(event: KeyLike, spec: string, isMac: boolean): boolean {
  const parts = spec.split('+')
  const key = parts.pop()
  if (!key) return false
  const mods = new Set(parts)
  const wantsMod = mods.has('Mod')
  const isLetterOrDigit = /^[a-z0-9]$/i.test(key)
  const isPunctuation = key.length === 1 && !isLetterOrDigit
  // Option+1 types "¡" on a Mac keyboard, so letters and digits also match by physical key.
  const physical = /^[0-9]$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`
  const isSameKey = event.key.toLowerCase() === key.toLowerCase() || (isLetterOrDigit && event.code === physical)
  if (!isSameKey) return false
  if (event.ctrlKey !== (wantsMod && !isMac)) return false
  if (event.metaKey !== (wantsMod && isMac)) return false
  if (event.altKey !== mods.has('Alt')) return false
  // Punctuation like `/` or `?` needs Shift on some layouts; letters and named keys must match exactly.
  if (!isPunctuation && event.shiftKey !== mods.has('Shift')) return false
  return true
}

/** Keys without Ctrl/Cmd/Alt would eat typed text, so they only fire outside text fields. */
export function findCommand(
  commands: readonly Command[],
  event: KeyLike,
  options: { isMac: boolean; isTyping: boolean },
): Command | undefined {
  return commands.find((command) =>
    command.keys.some((spec) => {
      const isPlain = !spec.includes('Mod+') && !spec.includes('Alt+')
      if (isPlain && options.isTyping) return false
      return matchesKey(event, spec, options.isMac)
    }),
  )
}

/** How a shortcut reads in a tooltip: `Ctrl+N` or `⌘N`. */
export function describeKeys(spec: string, isMac: boolean): string {
  const named = spec
    .replace('ArrowRight', '→')
    .replace('ArrowLeft', '←')
    .replace('ArrowUp', '↑')
    .replace('ArrowDown', '↓')
  return isMac
    ? named.replace('Mod+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧').replace('Backspace', '⌫')
    : named.replace('Mod+', 'Ctrl+')
}

/** The `aria-keyshortcuts` spelling: `Control+N Alt+N`. */
export function ariaKeys(keys: readonly string[], isMac: boolean): string {
  return keys.map((spec) => spec.replace('Mod+', isMac ? 'Meta+' : 'Control+')).join(' ')
}

/**
 * Whether a key event comes from a text field. The article editor sits in a shadow root, where
 * `event.target` is retargeted to its host, so the real origin is the first node of the composed path.
 */
export function isTypingIn(event: Pick<Event, 'composedPath' | 'target'>): boolean {
  const origin = event.composedPath()[0] ?? event.target
  if (!(origin instanceof HTMLElement)) return false
  return origin.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(origin.tagName)
}
