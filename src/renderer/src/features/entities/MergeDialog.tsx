import { useId, useState } from 'react'
import type { Fault } from '../../../../shared/errors'
import type { Entity } from '../../../../shared/schemas/entities'
import { call } from '../../api'
import { Dialog } from '../../components/Dialog'
import { ErrorBanner } from '../../components/ErrorBanner'
import { toFault } from '../../fault'
import { ENTITY_KIND_LABELS, formatCount } from '../../format'
import { useAsync } from '../../use-async'

interface MergeDialogProps {
  entity: Entity
  quoteCount: number
  onMerged: (kept: Entity) => void
  onClose: () => void
}

const listEntities = () => call('entities:list', {})

/** Folds this entity into another: pick the one to keep, read what will happen, then confirm. */
export function MergeDialog({ entity, quoteCount, onMerged, onClose }: MergeDialogProps) {
  const { data: entities, fault: loadFault } = useAsync(listEntities, entity.id)
  const [keepId, setKeepId] = useState('')
  const [fault, setFault] = useState<Fault | null>(null)
  const [isBusy, setBusy] = useState(false)
  const selectId = useId()
  const summaryId = useId()

  // The same kind first: a duplicate is nearly always another spelling of the same person.
  const others = (entities ?? [])
    .filter((other) => other.id !== entity.id)
    .sort((a, b) => Number(b.kind === entity.kind) - Number(a.kind === entity.kind) || a.name.localeCompare(b.name))
  const kept = others.find((other) => other.id === keepId)

  const merge = async () => {
    if (!kept) return
    setBusy(true)
    setFault(null)
    try {
      onMerged(await call('entities:merge', { keepId: kept.id, mergeId: entity.id }))
    } catch (err) {
      setFault(toFault(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={`Merge “${entity.name}” into…`} onClose={onClose} describedBy={summaryId}>
      {loadFault && <ErrorBanner title="Could not list the entities" fault={loadFault} />}
      {fault && <ErrorBanner title="The entities were not merged" fault={fault} onDismiss={() => setFault(null)} />}
      <div className="field">
        <label htmlFor={selectId} className="field__label">
          Merge into
        </label>
        <select
          id={selectId}
          value={keepId}
          onChange={(event) => setKeepId(event.target.value)}
          disabled={!entities}
          data-autofocus
        >
          <option value="">Choose the entity to keep…</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name} ({ENTITY_KIND_LABELS[other.kind]})
            </option>
          ))}
        </select>
      </div>
      <p id={summaryId} className="merge__summary" aria-live="polite">
        {kept
          ? `“${entity.name}” and its aliases become aliases of “${kept.name}”; its ${formatCount(quoteCount, 'quote', 'quotes')}, mentions and roles move to “${kept.name}”, and “${entity.name}” is deleted.`
          : 'Choose the entity that stays. This one is deleted after everything moves to it.'}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={() => void merge()} disabled={!kept || isBusy}>
          {kept ? `Merge into “${kept.name}”` : 'Merge'}
        </button>
      </div>
    </Dialog>
  )
}
