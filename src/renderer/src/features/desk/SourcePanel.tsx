import { useCallback, useState } from 'react'
import type { QuoteCheck, SourceSuggestion, Verdict } from '../../../../shared/schemas/checks'
import type { Quote, QuoteStatus } from '../../../../shared/schemas/quotes'
import { call } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { toFault } from '../../fault'
import { SOURCE_KIND_LABELS, formatDate } from '../../format'
import { useAsync } from '../../use-async'
import { QUOTE_STATUS_LABELS } from './quote-format'

const VERDICT_LABELS: Record<Verdict, string> = {
  exact: 'Exact match',
  altered: 'Altered',
  elided: 'Words left out (elided)',
  bracketed: 'Bracketed change',
  partial: 'Partly found',
  not_found: 'Not found in the source',
}

/** The status a verdict suggests; the editor still decides by pressing the button. */
const VERDICT_STATUS: Record<Verdict, QuoteStatus> = {
  exact: 'verified',
  elided: 'verified',
  bracketed: 'verified',
  altered: 'altered',
  partial: 'altered',
  not_found: 'not_found',
}

interface SourcePanelProps {
  quote: Quote
  onLinked: (quote: Quote) => void
  onStatus: (status: QuoteStatus) => void
}

function CheckResult({ check, onStatus }: { check: QuoteCheck; onStatus: (status: QuoteStatus) => void }) {
  const suggested = VERDICT_STATUS[check.verdict]
  return (
    <div className="check-result" aria-live="polite">
      <p>
        <strong className={`verdict verdict--${check.verdict}`}>{VERDICT_LABELS[check.verdict]}</strong>{' '}
        <span className="muted">
          {Math.round(check.score * 100)}% alike
          {check.timestamp ? ` · at ${check.timestamp}` : ''}
          {check.occurrences > 1 ? ` · ${check.occurrences} passages match as well` : ''}
        </span>
      </p>
      {check.passage && (
        <blockquote className="check-result__passage" aria-label="Passage in the source">
          <span className="muted">{check.passage.before}</span>
          <mark>{check.passage.text}</mark>
          <span className="muted">{check.passage.after}</span>
        </blockquote>
      )}
      {check.diff.some((chunk) => chunk.op !== 'equal') && (
        <p
          className="check-result__diff"
          aria-label="Differences: struck through is in the source only, underlined in the article only"
        >
          {check.diff.map((chunk, i) =>
            chunk.op === 'equal' ? (
              <span key={i}>{chunk.text}</span>
            ) : chunk.op === 'delete' ? (
              <del key={i}>{chunk.text}</del>
            ) : (
              <ins key={i}>{chunk.text}</ins>
            ),
          )}
        </p>
      )}
      {check.brackets.length > 0 && (
        <ul className="check-result__brackets" aria-label="Bracketed changes">
          {check.brackets.map((b, i) => (
            <li key={i}>
              “{b.text}” stands for “{b.replaces}”
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--small" onClick={() => onStatus(suggested)}>
        Mark {QUOTE_STATUS_LABELS[suggested].toLowerCase()}
      </button>
    </div>
  )
}

/** The quote's source: link one (or take the suggestion), then check the quote against its text. */
export function SourcePanel({ quote, onLinked, onStatus }: SourcePanelProps) {
  const sourceId = quote.sourceId
  const loadSource = useCallback(async () => (sourceId ? call('sources:get', { id: sourceId }) : null), [sourceId])
  const source = useAsync(loadSource, sourceId)
  const loadSources = useCallback(() => call('sources:list', { limit: 500 }), [])
  const sources = useAsync(loadSources, sourceId)
  const [choice, setChoice] = useState('')
  const [suggestion, setSuggestion] = useState<SourceSuggestion | undefined>(undefined)
  const [check, setCheck] = useState<QuoteCheck | null>(null)
  const [isBusy, setBusy] = useState(false)
  const [problem, setProblem] = useState<{ title: string; err: unknown } | null>(null)

  const run = async (title: string, action: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await action()
    } catch (err) {
      setProblem({ title, err })
    } finally {
      setBusy(false)
    }
  }
  const link = (id: string | null) =>
    run('Could not link the source', async () => {
      onLinked(await call('quotes:link-source', { id: quote.id, sourceId: id }))
      setCheck(null)
      setSuggestion(undefined)
    })

  return (
    <div className="inspector__section">
      <h4 className="inspector__subheading">Source</h4>
      {problem && <ErrorBanner title={problem.title} fault={toFault(problem.err)} onDismiss={() => setProblem(null)} />}
      {sourceId && source.data && (
        <p>
          <strong>{source.data.title}</strong>{' '}
          <span className="muted">
            {SOURCE_KIND_LABELS[source.data.kind]}
            {source.data.sourceDate ? `, ${formatDate(source.data.sourceDate)}` : ''}
          </span>
        </p>
      )}
      {sourceId && source.fault && (
        <p className="muted">The linked source could not be loaded: {source.fault.message}</p>
      )}
      {sourceId ? (
        <div className="inspector__row">
          <button
            type="button"
            className="button button--small button--primary"
            disabled={isBusy}
            onClick={() =>
              void run('Could not check the quote', async () => setCheck(await call('quotes:check', { id: quote.id })))
            }
          >
            Check against source
          </button>
          <button type="button" className="button button--small" disabled={isBusy} onClick={() => void link(null)}>
            Unlink
          </button>
        </div>
      ) : (
        <>
          <p className="muted">No source linked to this quote yet.</p>
          <div className="inspector__row">
            <label className="inline-field">
              <span className="visually-hidden">Source to link</span>
              <select value={choice} onChange={(event) => setChoice(event.target.value)} aria-label="Source to link">
                <option value="">Choose a source…</option>
                {(sources.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button--small"
              disabled={isBusy || choice === ''}
              onClick={() => void link(choice)}
            >
              Link
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={isBusy}
              onClick={() =>
                void run('Could not look for a source', async () =>
                  setSuggestion(await call('quotes:suggest-source', { id: quote.id })),
                )
              }
            >
              Suggest a source
            </button>
          </div>
          {suggestion === null && <p className="muted">No source in the library matches this quote.</p>}
          {suggestion && (
            <p className="check-result__suggestion">
              Best match: <strong>{suggestion.title}</strong>{' '}
              <span className="muted">
                ({Math.round(suggestion.score * 100)}%, {VERDICT_LABELS[suggestion.verdict].toLowerCase()})
              </span>{' '}
              <button type="button" className="button button--small" onClick={() => void link(suggestion.sourceId)}>
                Link this source
              </button>
            </p>
          )}
        </>
      )}
      {check && <CheckResult check={check} onStatus={onStatus} />}
    </div>
  )
}
