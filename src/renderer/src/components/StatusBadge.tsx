import type { ArticleStatus } from '../../../shared/schemas/articles'
import { STATUS_LABELS } from '../format'

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`badge badge--${status}`}>{STATUS_LABELS[status]}</span>
}
