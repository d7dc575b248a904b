// What the CLI prints comes from files people were sent: titles, names, quotes and file names.
// None of it may reach a terminal as a control: ESC starts the OSC/CSI sequences that retitle
// the window, write the clipboard (OSC 52) or clear the screen, CR overwrites a line, C1 0x9B is
// a one-byte CSI on some terminals, and the bidi controls reorder what is shown
// ("evil\u202Etxt.exe" reads "evilexe.txt"). The invisible format characters hide text or make
// two names look alike (zero-width space, word joiner, BOM, Hangul fillers, tags). ZWJ and ZWNJ
// stay: scripts and emoji need them.
const UNSAFE = String.raw`\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}`
/** Everything unsafe except the tab and newline the CLI lays its own lines out with. */
const UNSAFE_IN_OUTPUT = new RegExp(`[${UNSAFE}]`, 'gu')
/** Inside one value a newline or tab is data too: a title must not forge a second output line. */
const UNSAFE_IN_VALUE = new RegExp(`[\\t\\n${UNSAFE}]`, 'gu')

const NAMED: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' }

/** `\x1b`, `\r`, `\x85`, `<U+202E>`: visible, and never the character itself. */
function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const named = NAMED[char]
  if (named) return named
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`
}

/**
 * The last step before a terminal: every line the CLI writes passes here (see `main`), so no
 * command can forget. Keeps the CLI's own newlines and tabs.
 *
 * @example
 *   forTerminal('Imported "\x1b]0;pwned\x07"\n') // 'Imported "\\x1b]0;pwned\\x07"\n'
 */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE_IN_OUTPUT, visible)
}

/**
 * One value inside a line of output (a title, a file name, a message): also shows its own
 * newlines and tabs as `\n` and `\t`.
 *
 * @example
 *   `Imported "${inline('Budget\nquotedesk: all sources deleted')}"` // one line
 */
export function inline(value: string): string {
  return value.replace(UNSAFE_IN_VALUE, visible)
}

/**
 * One error for stderr. A message may run over several lines (a list of invalid fields); those
 * are indented, so nothing quoted inside it can pose as a line of its own.
 *
 * @example
 *   errorLine('bad.json is not valid:\n✖ at article') // 'quotedesk: bad.json is not valid:\n  ✖ at article\n'
 */
export function errorLine(message: string): string {
  return `quotedesk: ${message.replaceAll('\n', '\n  ')}\n`
}

/**
 * JSON for `--json`: JSON.stringify escapes C0 but prints DEL, C1, bidi controls and U+2028 as
 * they are, so those become `\uXXXX` too. The text round-trips exactly through JSON.parse, and
 * the output passes `forTerminal` unchanged.
 */
export function toSafeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(UNSAFE_IN_OUTPUT, (char) =>
    // An astral character (a tag) is two UTF-16 units, so two escapes.
    char
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  )
}
