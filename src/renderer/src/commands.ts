/** Excalidraw-style registry: every keyboard shortcut is a named command with a label. */
export type CommandName =
  'focus-search' | 'new-article' | 'import-file' | 'show-articles' | 'show-sources' | 'show-entities'

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

export const COMMAND_KEYS: Record<CommandName, { label: string; keys: readonly string[] }> = {
  'focus-search': { label: 'Search library', keys: ['/'] },
  // Chromium reserves Ctrl+N in a browser tab, so Alt+N is the one that works in `quotedesk serve`.
  'new-article': { label: 'New article', keys: ['Mod+N', 'Alt+N'] },
  'import-file': { label: 'Import file…', keys: ['Mod+O'] },
  'show-articles': { label: 'Show articles', keys: ['Alt+1'] },
  'show-sources': { label: 'Show sources', keys: ['Alt+2'] },
  'show-entities': { label: 'Show entities', keys: ['Alt+3'] },
}

export function matchesKey(event: KeyLike, spec: string, isMac: boolean): boolean {
  const parts = spec.split('+')
  const key = parts.pop()
  if (!key) return false
  const mods = new Set(parts)
  const wantsMod = mods.has('Mod')
  const isLetterOrDigit = /^[a-z0-9]$/i.test(key)
  const eventKey = event.key.length === 1 ? event.key.toLowerCase() : event.key
  // Option+1 types "¡" on a Mac keyboard, so letters and digits also match by physical key.
  const physical = /^[0-9]$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`
  const isSameKey = eventKey === key.toLowerCase() || (isLetterOrDigit && event.code === physical)
  if (!isSameKey) return false
  if (event.ctrlKey !== (wantsMod && !isMac)) return false
  if (event.metaKey !== (wantsMod && isMac)) return false
  if (event.altKey !== mods.has('Alt')) return false
  // Punctuation like `/` or `?` needs Shift on some layouts; letters must match exactly.
  if (isLetterOrDigit && event.shiftKey !== mods.has('Shift')) return false
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
  return isMac ? spec.replace('Mod+', '⌘').replace('Alt+', '⌥') : spec.replace('Mod+', 'Ctrl+')
}

/** The `aria-keyshortcuts` spelling: `Control+N Alt+N`. */
export function ariaKeys(keys: readonly string[], isMac: boolean): string {
  return keys.map((spec) => spec.replace('Mod+', isMac ? 'Meta+' : 'Control+')).join(' ')
}
