/**
 * Names Windows refuses for a file whatever its extension: it reads the name up to the first dot
 * and drops trailing spaces, so "CON.md", "CON .txt" and "con¹ . x" are all still the device.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$) *(?:\..*)?$/i

/** Bytes, not characters: most filesystems cap a name at 255 bytes; the rest leaves room for " (999)" and the extension. */
const MAX_STEM_BYTES = 120

function capBytes(value: string, max: number): string {
  let out = ''
  let bytes = 0
  // for…of walks code points, so a cut never splits a surrogate pair.
  for (const ch of value) {
    const size = Buffer.byteLength(ch)
    if (bytes + size > max) break
    out += ch
    bytes += size
  }
  return out
}

/**
 * A file name made from a title that is safe on Windows, macOS and Linux: no folders, no control
 * or reserved characters, no reserved device names, no leading dot or dash, length-capped.
 *
 * @example
 *   safeFileName('Budget: 2025/26 plan', 'md') // 'Budget - 2025-26 plan.md'
 */
export function safeFileName(title: string, extension: string, fallback = 'article'): string {
  let stem = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[/\\]/g, '-')
    .replace(/:/g, ' -')
    .replace(/[<>"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  stem = capBytes(stem, MAX_STEM_BYTES)
    // Windows drops trailing dots and spaces; leading dots hide files and leading dashes look like options.
    .replace(/^[.\-\s]+|[.\s]+$/g, '')
  if (stem === '') stem = fallback
  if (RESERVED.test(stem)) stem = `_${stem}`
  return `${stem}.${extension}`
}

/** The names a file may take, in order: "Title.md", then "Title (2).md", "Title (3).md" … */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const ext = dot > 0 ? name.slice(dot) : ''
  return `${stem} (${n})${ext}`
}

/** A name as a case-insensitive filesystem compares it ("Title.md" and "title.md" are one file on macOS and Windows). */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en')
}
