const TITLE_MAX = 200

/** The first line of text that has words in it, cut at a sentence end or a word boundary. */
export function deriveTitle(body: string): string {
  const line =
    body
      .split('\n')
      .map((l) =>
        stripLeadingDate(l)
          .replace(/^#+\s*/, '')
          .trim(),
      )
      .find((l) => /\p{L}/u.test(l)) ?? ''
  if (line === '') return 'Untitled article'
  // Only the head can become the title; on a 10 MB one-line file the lazy scan overflowed V8's regexp stack.
  const sentence = /^(.{20,}?[.!?])(?:\s|$)/u.exec(line.slice(0, TITLE_MAX * 5))?.[1] ?? line
  if (sentence.length <= TITLE_MAX) return sentence
  const cut = sentence.slice(0, TITLE_MAX)
  const space = cut.lastIndexOf(' ')
  return `${space > TITLE_MAX / 2 ? cut.slice(0, space) : cut}…`
}

// Pages saved from a CMS often start with a metadata token such as "date 2025-04-28" or "Date: 2025-04-28".
const LEADING_DATE = /^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b\s*/i

function stripLeadingDate(line: string): string {
  return line.replace(LEADING_DATE, '')
}

/** A publication date written at the very top of a draft, if it is a real calendar date. */
export function detectLeadingDate(body: string): string | null {
  const match = LEADING_DATE.exec(body)
  const date = match?.[1]
  if (!date) return null
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null
}

export function countWords(body: string): number {
  let count = 0
  let inWord = false
  for (const ch of body) {
    const isWordChar = /[\p{L}\p{N}]/u.test(ch)
    if (isWordChar && !inWord) count++
    inWord = isWordChar || (inWord && (ch === '’' || ch === "'" || ch === '-'))
  }
  return count
}
