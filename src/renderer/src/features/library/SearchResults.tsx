import type { SearchHit } from '../../../../shared/schemas/library'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Marked } from '../../components/Marked'
import type { Fault } from '../../../../shared/errors'

const KIND_LABELS: Record<SearchHit['kind'], string> = { article: 'Article', quote: 'Quote', source: 'Source' }

interface SearchResultsProps {
  hits: SearchHit[]
  answered: string | null
  isSearching: boolean
  fault: Fault | undefined
  onRetry: () => void
  onOpen: (hit: SearchHit) => void
}

export function SearchResults({ hits, answered, isSearching, fault, onRetry, onOpen }: SearchResultsProps) {
  let status = ''
  if (isSearching) status = 'Searching…'
  else if (answered !== null && answered !== '')
    status =
      hits.length === 0
        ? `Nothing matches “${answered}”.`
        : `${hits.length === 1 ? '1 result' : `${hits.length} results`} for “${answered}”`
  return (
    <section className="results" aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="pane__heading">
        Search results
      </h2>
      {/* Always rendered, so screen readers announce each new count. */}
      <p className="pane__note" role="status">
        {status}
      </p>
      {fault && <ErrorBanner title="Search failed" fault={fault} action={{ label: 'Try again', run: onRetry }} />}
      {hits.length > 0 && (
        <ul className="item-list" aria-label="Search results" aria-busy={isSearching}>
          {hits.map((hit) => (
            <li key={`${hit.kind}:${hit.id}`}>
              <button type="button" className="item" onClick={() => onOpen(hit)}>
                <span className="item__meta">
                  <span className={`kind kind--${hit.kind}`}>{KIND_LABELS[hit.kind]}</span>
                  <span className="item__title item__title--inline">{hit.title}</span>
                </span>
                <span className="item__snippet">
                  <Marked snippet={hit.snippet} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
