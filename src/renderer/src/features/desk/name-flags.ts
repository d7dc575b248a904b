import type { NameFlag } from '../../../../shared/schemas/checks'

/**
 * Where a flagged name stands in the editor now. Flags are computed on the saved text, and the
 * journalist may have typed since: take the occurrence nearest the flagged place, or none.
 */
export function placeFlag(
  doc: string,
  flag: Pick<NameFlag, 'start' | 'end' | 'text'>,
): { from: number; to: number } | null {
  if (doc.slice(flag.start, flag.end) === flag.text) return { from: flag.start, to: flag.end }
  let best: number | null = null
  for (let at = doc.indexOf(flag.text); at >= 0; at = doc.indexOf(flag.text, at + 1)) {
    const isWord = !/[\p{L}\p{N}]/u.test(doc[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(doc[at + flag.text.length] ?? '')
    if (isWord && (best === null || Math.abs(at - flag.start) < Math.abs(best - flag.start))) best = at
  }
  return best === null ? null : { from: best, to: best + flag.text.length }
}
