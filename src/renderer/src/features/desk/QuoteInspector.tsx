import { useCallback, useState } from 'react'
import type { Quote, QuoteStatus } from '../../../../shared/schemas/quotes'
import { call } from '../../api'
import { COMMAND_KEYS, ariaKeys, describeKeys } from '../../commands'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAsync } from '../../use-async'
import {
  QUOTE_STATUSES,
  QUOTE_STATUS_LABELS,
  QUOTE_STATUS_SYMBOLS,
  describeAudit,
  formatTime,
  quoteSnippet,
} from './quote-format'
import { SourcePanel } from './SourcePanel'

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

type SpanChange = 'extend-end' | 'shrink-end' | 'extend-start' | 'shrink-start'

interface QuoteInspectorProps {
  quote: Quote | null
  /** The words that attribute the quote, as they read now in the editor. */
  cueText: string | null
  onStatus: (status: QuoteStatus, note: string) => void
  onPickSpeaker: () => void
  onRemove: () => void
  onSpan: (how: SpanChange) => void
  onShowCue: () => void
  onLinked: (quote: Quote) => void
}

const keysOf = (name: keyof typeof COMMAND_KEYS) => COMMAND_KEYS[name].keys
const hint = (name: keyof typeof COMMAND_KEYS) =>
  keysOf(name)
    .map((k) => describeKeys(k, isMac))
    .join(' or ')

function History({ quote }: { quote: Quote }) {
  const load = useCallback(() => call('quotes:history', { id: quote.id }), [quote.id])
  // Reloaded whenever the quote changes, so a new status shows up in its history at once.
  const history = useAsync(load, quote.updatedAt)
  if (history.fault)
    return (
      <ErrorBanner
        title="Could not load the history"
        fault={history.fault}
        action={{ label: 'Try again', run: history.reload }}
      />
    )
  if (!history.data) return <p className="pane__note">Loading history…</p>
  if (history.data.length === 0) return <p className="pane__note">No changes yet.</p>
  return (
    <ol className="history" aria-label="History of this quote">
      {history.data.toReversed().map((entry, i) => (
        <li key={`${entry.at}-${i}`} className="history__entry">
          <span className="history__what">{describeAudit(entry)}</span>
          <span className="history__meta">
            {entry.actor} · <time dateTime={entry.at}>{formatTime(entry.at)}</time>
          </span>
        </li>
      ))}
    </ol>
  )
}

export function QuoteInspector({
  quote,
  cueText,
  onStatus,
  onPickSpeaker,
  onRemove,
  onSpan,
  onShowCue,
  onLinked,
}: QuoteInspectorProps) {
  // The inspector is keyed by quote id, so the note starts from each quote's own.
  const [note, setNote] = useState(quote?.note ?? '')

  if (!quote) {
    return (
      <section className="inspector" aria-labelledby="inspector-heading">
        <h3 id="inspector-heading" className="inspector__title">
          Inspector
        </h3>
        <p className="pane__note">
          Select a quote in the text or the list, or press{' '}
          <kbd>{describeKeys(keysOf('next-quote')[0] ?? '', isMac)}</kbd> for the next one.
        </p>
      </section>
    )
  }

  const confidence = Math.round(quote.confidence * 100)
  return (
    <section className="inspector" aria-labelledby="inspector-heading">
      <h3 id="inspector-heading" className="inspector__title">
        Inspector
      </h3>
      {quote.anchor === 'lost' && (
        <p className="alert alert--inline" role="note">
          Could not find these words any more: the article changed and this quote’s text is no longer in it. Its
          decisions are kept below.
        </p>
      )}
      <blockquote className="inspector__quote">{quoteSnippet(quote.text, 600)}</blockquote>
      <ul className="inspector__flags" aria-label="About this quote">
        <li className={`flag flag--${quote.status}`}>
          <span aria-hidden="true">{QUOTE_STATUS_SYMBOLS[quote.status]} </span>
          {QUOTE_STATUS_LABELS[quote.status]}
        </li>
        {quote.isPartial && <li className="flag">Partial quote</li>}
        {quote.needsReview && <li className="flag flag--review">Needs review</li>}
        {quote.kind === 'block' && <li className="flag">Block quote</li>}
        {quote.origin === 'user' && <li className="flag">Marked by hand</li>}
      </ul>

      <div className="inspector__section">
        <h4 className="inspector__subheading">Speaker</h4>
        <p className="inspector__speaker">
          <strong>{quote.speaker?.name ?? 'No speaker found'}</strong>{' '}
          <span className="muted">
            {quote.speakerConfirmed ? '(confirmed)' : quote.speaker ? '(suggested by the analysis)' : ''}
          </span>
        </p>
        <button
          type="button"
          className="button button--small"
          onClick={onPickSpeaker}
          aria-keyshortcuts={ariaKeys(keysOf('pick-speaker'), isMac)}
          title={`Choose the speaker (${hint('pick-speaker')})`}
        >
          {quote.speakerConfirmed ? 'Change speaker…' : 'Choose speaker…'}
        </button>
        {!quote.speakerConfirmed && (
          <div className="inspector__why">
            <p>
              <span className="muted">Confidence</span> <strong>{confidence}%</strong>
              <meter className="inspector__meter" min={0} max={100} value={confidence} aria-label="Confidence" />
            </p>
            {cueText ? (
              <p>
                <span className="muted">Why:</span> “<mark className="cue-text">{cueText}</mark>”{' '}
                <button type="button" className="link-button" onClick={onShowCue}>
                  Show in text
                </button>
              </p>
            ) : (
              <p className="muted">No attribution words found near this quote.</p>
            )}
          </div>
        )}
      </div>

      <div className="inspector__section">
        <h4 className="inspector__subheading" id="check-heading">
          Fact-check
        </h4>
        <div className="status-buttons" role="group" aria-labelledby="check-heading">
          {QUOTE_STATUSES.map((status) => {
            const name = `status-${status}` as const
            return (
              <button
                key={status}
                type="button"
                className={`button button--small status-button status-button--${status}`}
                aria-pressed={quote.status === status}
                aria-keyshortcuts={ariaKeys(keysOf(name), isMac)}
                title={`${QUOTE_STATUS_LABELS[status]} (${hint(name)})`}
                onClick={() => onStatus(status, note)}
              >
                <span aria-hidden="true">{QUOTE_STATUS_SYMBOLS[status]}</span> {QUOTE_STATUS_LABELS[status]}
              </button>
            )
          })}
        </div>
        <label className="field">
          <span className="field__label">Note</span>
          <textarea
            id="quote-note"
            rows={2}
            value={note}
            maxLength={10_000}
            onChange={(event) => setNote(event.target.value)}
            aria-describedby="quote-note-hint"
          />
          <span id="quote-note-hint" className="field__hint">
            Saved with the next status you set (Alt+Shift+1…5 from here).
          </span>
        </label>
        <p className="inspector__checked">
          {quote.checkedAt ? (
            <>
              Checked by <strong>{quote.checkedBy ?? 'someone'}</strong> on{' '}
              <time dateTime={quote.checkedAt}>{formatTime(quote.checkedAt)}</time>
            </>
          ) : (
            <span className="muted">Not checked yet.</span>
          )}
        </p>
      </div>

      <SourcePanel quote={quote} onLinked={onLinked} onStatus={(status) => onStatus(status, note)} />

      <div className="inspector__section">
        <h4 className="inspector__subheading">Quoted words</h4>
        <div className="inspector__span-buttons" role="group" aria-label="Adjust the quoted words">
          {(
            [
              ['extend-start', 'Start earlier'],
              ['shrink-start', 'Start later'],
              ['shrink-end', 'End earlier'],
              ['extend-end', 'End later'],
            ] as const
          ).map(([how, label]) => (
            <button
              key={how}
              type="button"
              className="button button--small"
              disabled={quote.anchor === 'lost'}
              aria-keyshortcuts={ariaKeys(keysOf(how), isMac)}
              title={`${COMMAND_KEYS[how].label} (${hint(how)})`}
              onClick={() => onSpan(how)}
            >
              {label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button--small button--danger-quiet"
          onClick={onRemove}
          aria-keyshortcuts={ariaKeys(keysOf('remove-quote'), isMac)}
          title={`Not a quote (${hint('remove-quote')})`}
        >
          Remove quote
        </button>
      </div>

      <div className="inspector__section">
        <h4 className="inspector__subheading">History</h4>
        <History quote={quote} />
      </div>
    </section>
  )
}
