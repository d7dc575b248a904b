import type { Entity } from '../../../../shared/schemas/entities'
import { ENTITY_KIND_LABELS } from '../../format'

interface EntityListProps {
  entities: Entity[]
  selectedId: string | null
  onOpen: (id: string) => void
}

export function EntityList({ entities, selectedId, onOpen }: EntityListProps) {
  if (entities.length === 0) return <p className="pane__note">No entities yet.</p>
  return (
    <ul className="item-list" aria-label="Entities">
      {entities.map((entity) => (
        <li key={entity.id}>
          <button
            type="button"
            className="item"
            aria-current={entity.id === selectedId ? 'true' : undefined}
            onClick={() => onOpen(entity.id)}
          >
            <span className="item__title">{entity.name}</span>
            <span className="item__meta">
              <span className="kind">{ENTITY_KIND_LABELS[entity.kind]}</span>
              {entity.aliases.length > 0 && <span className="item__aliases">also {entity.aliases.join(', ')}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
