import type { SourceSummary } from '../../../../shared/schemas/sources'
import { SOURCE_KIND_LABELS, formatDate } from '../../format'

interface SourceListProps {
  sources: SourceSummary[]
  selectedId: string | null
  onOpen: (id: string) => void
}

export function SourceList({ sources, selectedId, onOpen }: SourceListProps) {
  if (sources.length === 0) return <p className="pane__note">No sources yet.</p>
  return (
    <ul className="item-list" aria-label="Sources">
      {sources.map((source) => (
        <li key={source.id}>
          <button
            type="button"
            className="item"
            aria-current={source.id === selectedId ? 'true' : undefined}
            onClick={() => onOpen(source.id)}
          >
            <span className="item__title">{source.title}</span>
            <span className="item__meta">
              <span className="kind">{SOURCE_KIND_LABELS[source.kind]}</span>
              {source.isConfidential && <span className="badge badge--confidential">Confidential</span>}
              {source.outlet && <span>{source.outlet}</span>}
              {source.sourceDate && <span>{formatDate(source.sourceDate)}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
