import { QuotedeskError, type Fault } from '../../shared/errors'

/** Whatever a call threw, as a Fault the UI can show. */
export function toFault(err: unknown): Fault {
  if (err instanceof QuotedeskError) return err.toFault()
  return { code: 'internal', message: 'Something went wrong in this window; the change may not have been saved.' }
}

/** A problem to show: what the user was doing, and what the service said. */
export interface Problem {
  id: number
  title: string
  fault: Fault
}

/** The service's message for one input field, e.g. `issueFor(fault, 'url')`. */
export function issueFor(fault: Fault | null | undefined, path: string): string | undefined {
  return fault?.issues?.find((issue) => issue.path === path || issue.path.startsWith(`${path}[`))?.message
}
