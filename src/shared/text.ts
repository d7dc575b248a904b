import { z } from 'zod'

/**
 * Text as it may be stored. SQLite would silently turn a lone surrogate into U+FFFD and
 * stop `length()` at a NUL byte, so both are refused at the boundary instead.
 */
export function textProblem(value: string): string | null {
  if (!value.isWellFormed()) return 'contains a lone surrogate (broken Unicode)'
  if (value.includes('\u0000')) return 'contains a NUL byte'
  return null
}

export function safeText(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max.toLocaleString('en')} characters`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
}

/** Repairs text read from a file: lone surrogates become U+FFFD and NUL bytes are dropped. */
export function repairText(value: string): { text: string; repairs: string[] } {
  const repairs: string[] = []
  let text = value
  if (!text.isWellFormed()) {
    text = text.toWellFormed()
    repairs.push('replaced lone surrogates with U+FFFD')
  }
  if (text.includes('\u0000')) {
    text = text.replaceAll('\u0000', '')
    repairs.push('removed NUL bytes')
  }
  return { text, repairs }
}

export const LIMITS = {
  title: 500,
  name: 300,
  note: 20_000,
  url: 2_000,
  /** As many characters as the 50 MB import limit allows (a 50 MB file of ASCII), so every importable file fits. */
  body: 50 * 1024 * 1024,
  query: 500,
} as const

export const IsoDate = z.iso.date({ message: 'must be a date like 2025-04-28' })
export const Id = z.uuid({ message: 'must be a Quotedesk id (UUID)' })
