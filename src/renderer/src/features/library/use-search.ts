import { useCallback } from 'react'
import type { SearchHit } from '../../../../shared/schemas/library'
import { call } from '../../api'
import { useAsync } from '../../use-async'
import { useDebounced } from '../../use-debounced'

const DEBOUNCE_MS = 180

/** Results as you type: one request per pause, and a reply is shown only for the query it answers. */
export function useSearch(query: string, revision: number) {
  const wanted = query.trim()
  const settled = useDebounced(wanted, DEBOUNCE_MS)
  const load = useCallback(async () => {
    if (settled === '') return { query: settled, hits: [] as SearchHit[] }
    const result = await call('library:search', { query: settled, limit: 50 })
    return { query: settled, hits: result.hits }
  }, [settled])
  const { data, fault, reload } = useAsync(load, revision)
  const isCurrent = data?.query === wanted
  return {
    hits: data?.hits ?? [],
    answered: data?.query ?? null,
    isSearching: !isCurrent && !fault,
    fault,
    reload,
  }
}
