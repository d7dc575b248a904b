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

export function ArticleList({ articles, selectedId, onOpen }: ArticleListProps) {
  if (articles.length === 0) return <p className="pane__note">No articles yet.</p>
  return (
    <ul className="item-list" aria-label="Articles">
      {sortNewestFirst(articles).map((article) => (
        <li key={article.id}>
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
      ))}
    </ul>
  )
}
