import { createContext, use } from 'react'

/** Shows a failed call to the user: what they were doing, and whatever the call threw. */
export type Report = (title: string, err: unknown) => void

export const ReportContext = createContext<Report>(() => {})

export function useReport(): Report {
  return use(ReportContext)
}
