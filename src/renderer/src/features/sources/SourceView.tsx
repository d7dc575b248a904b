import { useCallback, useState } from 'react'
import type { SourceCitation } from '../../../../shared/schemas/sources'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { MAIN_HEADING_ID } from '../../focus'
import { SOURCE_KIND_LABELS, formatDate } from '../../format'
import { useReport } from '../../report'
import { useAsync } from '../../use-async'
import { CitedText, markId, shortTime } from './CitedText'
import { forgetNotices, peekNotices } from './import-notices'

interface SourceViewProps {
  id: string
  revision: number
  onDeleted: () => void
  /** Opens the article a cited quote belongs to. */
  onOpenArticle?: (articleId: string) => void
}

const VERDICT_LABELS: Record<NonNullable<SourceCitation['verdict']>, string> = {
  exact: 'exact',
  altered: 'altered',
  elided: 'elided',
  bracketed: 'bracketed',
  partial: 'partial',
  not_found: 'not found',
}

const STATUS_LABELS: Record<SourceCitation['status'], string> = {
  unverified: 'Unverified',
  verified: 'Verified',
  altered: 'Altered',
  not_found: 'Not found',
  disputed: 'Disputed',
}

function showMark(index: number) {
  const mark = document.getElementById(markId(index))
  mark?.scrollIntoView({ block: 'center' })
  mark?.focus()
}

export function SourceView({ id, revision, onDeleted, onOpenArticle = () => {} }: SourceViewProps) {
  const report = useReport()
  const load = useCallback(() => call('sources:get', { id }), [id])
  const { data: source, fault } = useAsync(load, revision)
  const loadCitations = useCallback(() => call('sources:citations', { id }), [id])
  const citations = useAsync(loadCitations, revision)
  const [isConfirming, setConfirming] = useState(false)
  const [notices, setNotices] = useState(() => peekNotices(id))

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
      {notices.length > 0 && (
        <div className="notice" role="status">
          <p className="notice__title">The import repaired this file:</p>
          <ul className="notice__list">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              forgetNotices(id)
              setNotices([])
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {citations.fault && (
        <ErrorBanner
          title="Could not find where quotes cite this source"
          fault={citations.fault}
          action={{ label: 'Try again', run: citations.reload }}
        />
      )}
      <CitedText
        body={source.body}
        timings={source.timings}
        citations={citations.data ?? []}
        onOpenArticle={onOpenArticle}
      />
      <section className="citations" aria-labelledby={`${MAIN_HEADING_ID}-citations`}>
        <h3 id={`${MAIN_HEADING_ID}-citations`} className="doc__subheading">
          Quoted in articles{citations.data ? ` (${citations.data.length})` : ''}
        </h3>
        {citations.data?.length === 0 && <p className="muted">No quote is linked to this source yet.</p>}
        {citations.data && citations.data.length > 0 && (
          <ol className="citations__list">
            {citations.data.map((citation, index) => (
              <li key={citation.quoteId} className="citation">
                <span className="citation__number" aria-hidden="true">
                  {index + 1}
                </span>
                <div className="citation__body">
                  <p className="citation__text">{citation.text}</p>
                  <p className="citation__meta">
                    {citation.speakerName && <span>{citation.speakerName}</span>}
                    <span className="kind">{STATUS_LABELS[citation.status]}</span>
                    {citation.verdict && <span>Check: {VERDICT_LABELS[citation.verdict]}</span>}
                    {citation.match?.timestamp && <span>at {shortTime(citation.match.timestamp)}</span>}
                    {!citation.match && <span className="citation__missing">Not found in this source</span>}
                  </p>
                  <div className="citation__actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => onOpenArticle(citation.articleId)}
                    >
                      Open “{citation.articleTitle}”
                    </button>
                    {citation.match && (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        aria-label={`Show quote ${index + 1} in the source`}
                        onClick={() => showMark(index)}
                      >
                        Show in source
                      </button>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
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
