import { z } from 'zod'

/** Every failure that crosses a process boundary is one of these codes. */
export const FaultCode = z.enum([
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_channel',
  'forbidden',
  'unauthorized',
  'too_large',
  'unsupported_file',
  'internal',
])
export type FaultCode = z.infer<typeof FaultCode>

export const FaultIssue = z.object({ path: z.string(), message: z.string() })
export type FaultIssue = z.infer<typeof FaultIssue>

export const Fault = z.object({
  code: FaultCode,
  message: z.string(),
  issues: z.array(FaultIssue).optional(),
})
export type Fault = z.infer<typeof Fault>

export type Reply<T> = { ok: true; value: T } | { ok: false; error: Fault }

/** Thrown by services for expected failures; the dispatcher turns it into a Fault. */
export class QuotedeskError extends Error {
  readonly code: FaultCode
  readonly issues: FaultIssue[] | undefined

  constructor(code: FaultCode, message: string, issues?: FaultIssue[]) {
    super(message)
    this.name = 'QuotedeskError'
    this.code = code
    this.issues = issues
  }

  toFault(): Fault {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message }
  }

  static fromFault(fault: Fault): QuotedeskError {
    return new QuotedeskError(fault.code, fault.message, fault.issues)
  }
}

/** Formats a zod path the way users read it: `quotes[0].text`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out === '' ? '(input)' : out
}

export function invalidInput(error: z.ZodError): Fault {
  const issues = error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
  const first = issues[0]
  const message = first ? `Invalid input at ${first.path}: ${first.message}` : 'Invalid input'
  return { code: 'invalid_input', message, issues }
}
