import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'
import type { Quote } from '../../../../shared/schemas/quotes'
import {
  FILTER_LABELS,
  QUOTE_STATUS_LABELS,
  QUOTE_STATUS_SYMBOLS,
  quoteSnippet,
  type QuoteFilter,
} from './quote-format'

interface QuoteListProps {
  quotes: Quote[]
  total: number
  lostCount: number
  filter: QuoteFilter
  onFilter: (filter: QuoteFilter) => void
  selectedId: string | null
  onSelect: (id: string) => void
  onNextUnverified: () => void
  listRef: RefObject<HTMLDivElement | null>
}

const ROW_ESTIMATE = 64
const optionId = (id: string) => `quote-option-${id}`

/**
 * Every quote of the article as a listbox. Only the rows in view are in the DOM (an article can
 * carry thousands), so the list keeps focus itself and points at the selected row with
 * aria-activedescendant.
 */
export function QuoteList(props: QuoteListProps) {
  const { quotes, selectedId, onSelect, listRef } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  // The compiler cannot memoise around TanStack Virtual; this component re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: quotes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  })
  const selectedIndex = selectedId ? quotes.findIndex((quote) => quote.id === selectedId) : -1

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (quotes.length === 0) return
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }
    let next: number | null = null
    if (event.key in moves) next = Math.max(0, Math.min(quotes.length - 1, selectedIndex + (moves[event.key] ?? 0)))
    if (event.key === 'Home') next = 0
    if (event.key === 'End') next = quotes.length - 1
    if (next === null) return
    event.preventDefault()
    const quote = quotes[next]
    if (quote) onSelect(quote.id)
  }

  const filters: QuoteFilter[] = ['all', 'unverified', 'verified', 'altered', 'not_found', 'disputed', 'needs-review']
  if (props.lostCount > 0) filters.push('lost')

  return (
    <section className="quotes" aria-labelledby="quotes-heading">
      <div className="quotes__header">
        <h3 id="quotes-heading" className="quotes__title">
          Quotes <span className="tabs__count">{props.total}</span>
        </h3>
        <label className="inline-field">
          <span className="visually-hidden">Show</span>
          <select
            aria-label="Filter quotes"
            value={props.filter}
            onChange={(event) => props.onFilter(event.target.value as QuoteFilter)}
          >
            {filters.map((filter) => (
              <option key={filter} value={filter}>
                {FILTER_LABELS[filter]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--small" onClick={props.onNextUnverified}>
          Next unverified
        </button>
      </div>
      {props.lostCount > 0 && (
        <p className="quotes__lost" role="note">
          {props.lostCount === 1 ? '1 quote' : `${props.lostCount} quotes`}: could not find these words any more.{' '}
          <button type="button" className="link-button" onClick={() => props.onFilter('lost')}>
            Show {props.lostCount === 1 ? 'it' : 'them'}
          </button>
        </p>
      )}
      <div ref={scrollRef} className="quotes__scroll">
        <div
          ref={listRef}
          role="listbox"
          tabIndex={0}
          aria-label="Quotes in this article"
          aria-activedescendant={selectedIndex >= 0 && selectedId ? optionId(selectedId) : undefined}
          className="quotes__list"
          onKeyDown={onKeyDown}
        >
          {/* Sized and placed through element.style: the CSP forbids style attributes in markup. */}
          <div
            className="quotes__sizer"
            ref={(el) => void (el && (el.style.height = `${virtualizer.getTotalSize()}px`))}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const quote = quotes[row.index]
              if (!quote) return null
              const isSelected = quote.id === selectedId
              return (
                <div
                  key={quote.id}
                  id={optionId(quote.id)}
                  role="option"
                  aria-selected={isSelected}
                  aria-posinset={row.index + 1}
                  aria-setsize={quotes.length}
                  data-index={row.index}
                  data-list-quote-id={quote.id}
                  ref={(el) => {
                    if (!el) return
                    el.style.transform = `translateY(${row.start}px)`
                    virtualizer.measureElement(el)
                  }}
                  className={`quote-row quote-row--${quote.status}${isSelected ? ' quote-row--selected' : ''}`}
                  onClick={() => onSelect(quote.id)}
                >
                  <span className="quote-row__status">
                    <span aria-hidden="true" className="quote-row__symbol">
                      {QUOTE_STATUS_SYMBOLS[quote.status]}
                    </span>
                    {QUOTE_STATUS_LABELS[quote.status]}
                    {quote.needsReview && <span className="flag">Needs review</span>}
                    {quote.anchor === 'lost' && <span className="flag flag--problem">Words not found</span>}
                  </span>
                  <span className="quote-row__text">{quoteSnippet(quote.text)}</span>
                  <span className="quote-row__speaker">{quote.speaker?.name ?? 'No speaker'}</span>
                </div>
              )
            })}
          </div>
        </div>
        {quotes.length === 0 && (
          <p className="pane__note">
            {props.total === 0 ? 'No quotes found in this article yet.' : 'No quotes match.'}
          </p>
        )}
      </div>
    </section>
  )
}
