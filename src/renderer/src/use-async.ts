import { useCallback, useEffect, useState } from 'react'
import type { Fault } from '../../shared/errors'
import { toFault } from './fault'

export interface AsyncState<T> {
  data: T | undefined
  fault: Fault | undefined
  isLoading: boolean
}

/**
 * Runs `load` whenever it or `key` changes and keeps the last result while reloading, so
 * lists do not flash empty after every edit. A reply that arrives after a newer request
 * started is dropped.
 */
export function useAsync<T>(load: () => Promise<T>, key: unknown): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ data: undefined, fault: undefined, isLoading: true })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let isCurrent = true
    load().then(
      (data) => isCurrent && setState({ data, fault: undefined, isLoading: false }),
      (err: unknown) => isCurrent && setState((prev) => ({ data: prev.data, fault: toFault(err), isLoading: false })),
    )
    return () => {
      isCurrent = false
    }
  }, [load, key, attempt])
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, reload }
}
