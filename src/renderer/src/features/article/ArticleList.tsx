import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef } from 'react'
import type { ArticleSummary } from '../../../../shared/schemas/articles'
import { StatusBadge } from '../../components/StatusBadge'
import { formatCount, formatDate } from '../../format'

interface ArticleListProps {
  articles: ArticleSummary[]
  selectedId: string | null
  onOpen: (id: string) => void
}

/** Newest first by when the article entered the library, so a status change does not reshuffle the list. */
export function sortNewestFirst(articles: ArticleSummary[]): ArticleSummary[] {
  return articles.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))
}

const ROW_ESTIMATE = 68

/** Only the rows in view are in the DOM, so a library of thousands of articles scrolls smoothly. */
export function ArticleList({ articles, selectedId, onOpen }: ArticleListProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const sorted = useMemo(() => sortNewestFirst(articles), [articles])
  // The compiler cannot memoise around TanStack Virtual; this component re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    getItemKey: (index) => sorted[index]?.id ?? index,
  })
  if (articles.length === 0) return <p className="pane__note">No articles yet.</p>
  return (
    <div ref={scrollRef} className="scroll-list">
      {/* Sized and placed through element.style: the CSP forbids style attributes in markup. */}
      <ul
        className="item-list item-list--virtual"
        aria-label="Articles"
        ref={(el) => void (el && (el.style.height = `${virtualizer.getTotalSize()}px`))}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const article = sorted[row.index]
          if (!article) return null
          return (
            <li
              key={article.id}
              data-index={row.index}
              aria-posinset={row.index + 1}
              aria-setsize={sorted.length}
              ref={(el) => {
                if (!el) return
                el.style.transform = `translateY(${row.start}px)`
                virtualizer.measureElement(el)
              }}
            >
              <button
                type="button"
                className="item"
                aria-current={article.id === selectedId ? 'true' : undefined}
                onClick={() => onOpen(article.id)}
              >
                <span className="item__title">{article.title}</span>
                <span className="item__meta">
                  <StatusBadge status={article.status} />
                  <span>{formatDate(article.publishedOn ?? article.createdAt)}</span>
                  <span>{formatCount(article.wordCount, 'word', 'words')}</span>
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
