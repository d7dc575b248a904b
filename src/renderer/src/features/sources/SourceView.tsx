import { useCallback, useState } from 'react'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { Prose } from '../../components/Prose'
import { MAIN_HEADING_ID } from '../../focus'
import { SOURCE_KIND_LABELS, formatDate } from '../../format'
import { useReport } from '../../report'
import { useAsync } from '../../use-async'

interface SourceViewProps {
  id: string
  revision: number
  onDeleted: () => void
}

export function SourceView({ id, revision, onDeleted }: SourceViewProps) {
  const report = useReport()
  const load = useCallback(() => call('sources:get', { id }), [id])
  const { data: source, fault } = useAsync(load, revision)
  const [isConfirming, setConfirming] = useState(false)

  if (!source || source.id !== id) {
    if (fault) return <EmptyState title="This source could not be opened">{fault.message}</EmptyState>
    return (
      <p className="pane__note" role="status">
        Opening source…
      </p>
    )
  }

  const remove = async () => {
    try {
      await call('sources:delete', { id })
      setConfirming(false)
      onDeleted()
    } catch (err) {
      setConfirming(false)
      report(`Could not delete the source “${source.title}”`, err)
    }
  }

  return (
    <article className="doc" aria-labelledby={MAIN_HEADING_ID}>
      <header className="doc__header">
        <h2 id={MAIN_HEADING_ID} tabIndex={-1} className="doc__title">
          {source.title}
        </h2>
        <div className="doc__meta">
          <span className="kind">{SOURCE_KIND_LABELS[source.kind]}</span>
          {source.isConfidential && <span className="badge badge--confidential">Confidential</span>}
          {source.outlet && <span>{source.outlet}</span>}
          {source.sourceDate && <time dateTime={source.sourceDate}>{formatDate(source.sourceDate)}</time>}
          <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </div>
        {/* Shown as text, not a link: the app never navigates away from itself. */}
        {source.url && <p className="doc__url">{source.url}</p>}
      </header>
      {source.notes && <p className="doc__notes">{source.notes}</p>}
      <Prose text={source.body} />
      {isConfirming && (
        <ConfirmDialog
          title="Delete this source?"
          message={`“${source.title}” will be removed from the library. Quotes checked against it lose that link.`}
          confirmLabel="Delete source"
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        />
      )}
    </article>
  )
}
