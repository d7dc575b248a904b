import { z } from 'zod'
import { Timing } from '../../shared/schemas/imports'

const Timings = z.array(Timing)

/** The stored JSON column as timings; the column's CHECK keeps it valid JSON, this keeps it the right shape. */
export function parseTimings(json: string): Timing[] {
  try {
    const parsed = Timings.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

/**
 * Carries timings across an edit of the text. The edit is found as the span between the
 * common prefix and suffix: lines before it keep their offsets, lines after it shift, a line
 * the edit falls inside (a typo fixed) stretches, and a line the edit crosses loses its timing.
 *
 * @example
 *   remapTimings('Alice: Hi', 'Alice: Hello', [{ start: 0, end: 9, time: '00:00:01.000' }])
 *   // [{ start: 0, end: 12, time: '00:00:01.000' }]
 */
export function remapTimings(before: string, after: string, timings: readonly Timing[]): Timing[] {
  if (timings.length === 0 || before === after) return [...timings]
  const shorter = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  const changedEnd = before.length - suffix
  const delta = after.length - before.length
  return timings.flatMap((timing) => {
    if (timing.end <= prefix) return [timing]
    if (timing.start >= changedEnd) return [{ ...timing, start: timing.start + delta, end: timing.end + delta }]
    if (timing.start <= prefix && timing.end >= changedEnd) return [{ ...timing, end: timing.end + delta }]
    return []
  })
}
