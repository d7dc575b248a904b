import { useCallback, useState } from 'react'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { MAIN_HEADING_ID } from '../../focus'
import { ENTITY_KIND_LABELS } from '../../format'
import { useReport } from '../../report'
import { useAsync } from '../../use-async'

interface EntityViewProps {
  id: string
  revision: number
  onDeleted: () => void
}

export function EntityView({ id, revision, onDeleted }: EntityViewProps) {
  const report = useReport()
  const load = useCallback(() => call('entities:get', { id }), [id])
  const { data: entity, fault } = useAsync(load, revision)
  const [isConfirming, setConfirming] = useState(false)

  if (!entity || entity.id !== id) {
    if (fault) return <EmptyState title="This entity could not be opened">{fault.message}</EmptyState>
    return (
      <p className="pane__note" role="status">
        Opening entity…
      </p>
    )
  }

  const remove = async () => {
    try {
      await call('entities:delete', { id })
      setConfirming(false)
      onDeleted()
    } catch (err) {
      setConfirming(false)
      report(`Could not delete “${entity.name}”`, err)
    }
  }

  return (
    <article className="doc" aria-labelledby={MAIN_HEADING_ID}>
      <header className="doc__header">
        <h2 id={MAIN_HEADING_ID} tabIndex={-1} className="doc__title">
          {entity.name}
        </h2>
        <div className="doc__meta">
          <span className="kind">{ENTITY_KIND_LABELS[entity.kind]}</span>
          <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </div>
      </header>
      <h3 className="doc__subheading">Also known as</h3>
      {entity.aliases.length === 0 ? (
        <p className="muted">No aliases.</p>
      ) : (
        <ul className="chips">
          {entity.aliases.map((alias) => (
            <li key={alias} className="chip">
              {alias}
            </li>
          ))}
        </ul>
      )}
      {entity.notes && <p className="doc__notes">{entity.notes}</p>}
      {isConfirming && (
        <ConfirmDialog
          title="Delete this entity?"
          message={`“${entity.name}” will be removed. Quotes attributed to them keep their text but lose the speaker.`}
          confirmLabel="Delete entity"
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        />
      )}
    </article>
  )
}
