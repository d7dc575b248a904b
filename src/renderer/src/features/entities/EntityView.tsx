import { useCallback, useId, useState, type FormEvent } from 'react'
import type { Fault } from '../../../../shared/errors'
import type { Entity } from '../../../../shared/schemas/entities'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBanner } from '../../components/ErrorBanner'
import { issueFor, toFault } from '../../fault'
import { MAIN_HEADING_ID } from '../../focus'
import { ENTITY_KIND_LABELS } from '../../format'
import { useReport } from '../../report'
import { useAsync } from '../../use-async'
import { parseAliases } from './aliases'
import { MergeDialog } from './MergeDialog'

interface EntityViewProps {
  id: string
  revision: number
  onDeleted: () => void
  /** After an edit, so lists elsewhere reload. */
  onChanged?: () => void
  /** After a merge: the entity kept, which this view should give way to. */
  onMerged?: (kept: Entity) => void
  onOpenArticle?: (articleId: string) => void
}

const noop = () => {}

export function EntityView({
  id,
  revision,
  onDeleted,
  onChanged = noop,
  onMerged = noop,
  onOpenArticle = noop,
}: EntityViewProps) {
  const report = useReport()
  const load = useCallback(() => call('entities:get', { id }), [id])
  const { data: entity, fault, reload } = useAsync(load, revision)
  const loadQuotes = useCallback(() => call('entities:quotes', { id }), [id])
  const quotes = useAsync(loadQuotes, revision)
  const [isConfirming, setConfirming] = useState(false)
  const [isMerging, setMerging] = useState(false)
  const [aliasDraft, setAliasDraft] = useState<string | null>(null)
  const [aliasFault, setAliasFault] = useState<Fault | null>(null)
  const [isSaving, setSaving] = useState(false)
  const aliasFieldId = useId()
  const quotesHeadingId = useId()

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

  const saveAliases = async (event: FormEvent) => {
    event.preventDefault()
    if (aliasDraft === null) return
    setSaving(true)
    setAliasFault(null)
    try {
      await call('entities:update', { id, aliases: parseAliases(aliasDraft) })
      setAliasDraft(null)
      reload()
      onChanged()
    } catch (err) {
      setAliasFault(toFault(err))
    } finally {
      setSaving(false)
    }
  }

  const aliasError = issueFor(aliasFault, 'aliases')

  return (
    <article className="doc" aria-labelledby={MAIN_HEADING_ID}>
      <header className="doc__header">
        <h2 id={MAIN_HEADING_ID} tabIndex={-1} className="doc__title">
          {entity.name}
        </h2>
        <div className="doc__meta">
          <span className="kind">{ENTITY_KIND_LABELS[entity.kind]}</span>
          <button type="button" className="button button--small entity-merge" onClick={() => setMerging(true)}>
            Merge into…
          </button>
          <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </div>
      </header>
      <h3 className="doc__subheading">Also known as</h3>
      {aliasDraft === null ? (
        <div className="aliases">
          {entity.aliases.length === 0 ? (
            <p className="muted">No aliases.</p>
          ) : (
            <ul className="chips" aria-label="Aliases">
              {entity.aliases.map((alias) => (
                <li key={alias} className="chip">
                  {alias}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setAliasDraft(entity.aliases.join('\n'))}
          >
            Edit aliases
          </button>
        </div>
      ) : (
        <form className="aliases-form" onSubmit={saveAliases} noValidate>
          {aliasFault && !aliasError && (
            <ErrorBanner title="The aliases were not saved" fault={aliasFault} onDismiss={() => setAliasFault(null)} />
          )}
          <div className="field">
            <label htmlFor={aliasFieldId} className="field__label">
              Aliases, one per line
            </label>
            <textarea
              id={aliasFieldId}
              rows={Math.max(3, aliasDraft.split('\n').length + 1)}
              value={aliasDraft}
              aria-invalid={aliasError ? true : undefined}
              aria-describedby={aliasError ? `${aliasFieldId}-error` : undefined}
              onChange={(event) => setAliasDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault()
                  setAliasDraft(null)
                  setAliasFault(null)
                }
              }}
              // The user asked to edit: the field they asked for gets the caret.
              autoFocus
            />
            {aliasError && (
              <span id={`${aliasFieldId}-error`} className="field__error" role="alert">
                {aliasError}
              </span>
            )}
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setAliasDraft(null)
                setAliasFault(null)
              }}
            >
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={isSaving}>
              {isSaving ? 'Saving…' : 'Save aliases'}
            </button>
          </div>
        </form>
      )}
      {entity.notes && <p className="doc__notes">{entity.notes}</p>}
      <section className="entity-quotes" aria-labelledby={quotesHeadingId}>
        <h3 id={quotesHeadingId} className="doc__subheading">
          Quotes{quotes.data ? ` (${quotes.data.length})` : ''}
        </h3>
        {quotes.fault && (
          <ErrorBanner
            title="Could not list the quotes"
            fault={quotes.fault}
            action={{ label: 'Try again', run: quotes.reload }}
          />
        )}
        {quotes.data?.length === 0 && <p className="muted">No quote is attributed to {entity.name} yet.</p>}
        {quotes.data && quotes.data.length > 0 && (
          <ul className="entity-quotes__list" aria-label={`Quotes of ${entity.name}`}>
            {quotes.data.map((quote) => (
              <li key={quote.id} className="entity-quote">
                <p className="entity-quote__text">{quote.text}</p>
                <button
                  type="button"
                  className="button button--small button--quiet entity-quote__article"
                  onClick={() => onOpenArticle(quote.articleId)}
                >
                  In “{quote.articleTitle}”
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {isMerging && (
        <MergeDialog
          entity={entity}
          quoteCount={quotes.data?.length ?? 0}
          onMerged={(kept) => {
            setMerging(false)
            onMerged(kept)
          }}
          onClose={() => setMerging(false)}
        />
      )}
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
