import { useCallback, useState } from 'react'
import { ArticleStatus, type Article } from '../../../../shared/schemas/articles'
import { call } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { MAIN_HEADING_ID } from '../../focus'
import { STATUS_LABELS, formatCount, formatDate } from '../../format'
import { useReport } from '../../report'
import { useAsync } from '../../use-async'
import { Desk } from '../desk/Desk'

interface ArticleViewProps {
  id: string
  /** From the library list: the service counts words, the article itself does not carry the count. */
  wordCount: number | undefined
  onChanged: () => void
  onDeleted: () => void
}

/** The article and its annotations, loaded together so highlights never refer to another text. */
async function loadDesk(id: string) {
  const [article, annotations] = await Promise.all([call('articles:get', { id }), call('quotes:annotations', { id })])
  return { article, annotations }
}

export function ArticleView({ id, wordCount, onChanged, onDeleted }: ArticleViewProps) {
  const report = useReport()
  const load = useCallback(() => loadDesk(id), [id])
  // Loaded once per article: the editor owns the text from then on, and autosave keeps the library in step.
  const { data: loaded, fault } = useAsync(load, id)
  const data = loaded?.article
  // The article as last saved here (title, status) wins over the loaded one.
  const [saved, setSaved] = useState<Article | null>(null)
  const [isConfirming, setConfirming] = useState(false)
  const article = saved?.id === id && saved.updatedAt >= (data?.updatedAt ?? '') ? saved : data

  if (fault?.code === 'not_found') {
    return <EmptyState title="Article not found">This article is no longer in the library.</EmptyState>
  }
  if (!article || !loaded || article.id !== id) {
    if (fault) return <EmptyState title="This article could not be opened">{fault.message}</EmptyState>
    return (
      <p className="pane__note" role="status">
        Opening article…
      </p>
    )
  }

  const changeStatus = async (status: ArticleStatus) => {
    try {
      const updated = await call('articles:update', { id, status })
      setSaved((before) => ({ ...updated, body: before?.body ?? updated.body }))
      onChanged()
    } catch (err) {
      report(`Could not change the status of “${article.title}”`, err)
    }
  }

  const remove = async () => {
    try {
      await call('articles:delete', { id })
      setConfirming(false)
      onDeleted()
    } catch (err) {
      setConfirming(false)
      report(`Could not delete “${article.title}”`, err)
    }
  }

  return (
    <article className="doc doc--desk" aria-labelledby={MAIN_HEADING_ID}>
      <header className="doc__header">
        <h2 id={MAIN_HEADING_ID} tabIndex={-1} className="doc__title">
          {article.title}
        </h2>
        <div className="doc__meta">
          <span>
            {article.publishedOn ? 'Published ' : 'Added '}
            <time dateTime={article.publishedOn ?? article.createdAt}>
              {formatDate(article.publishedOn ?? article.createdAt)}
            </time>
          </span>
          {wordCount !== undefined && <span>{formatCount(wordCount, 'word', 'words')}</span>}
          <label className="inline-field">
            <span>Status</span>
            <select
              value={article.status}
              onChange={(event) => void changeStatus(ArticleStatus.parse(event.target.value))}
            >
              {ArticleStatus.options.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </div>
      </header>
      <Desk article={loaded.article} annotations={loaded.annotations} onChanged={onChanged} />
      {isConfirming && (
        <ConfirmDialog
          title="Delete this article?"
          message={`“${article.title}” will be removed from the library, with its quotes. This cannot be undone.`}
          confirmLabel="Delete article"
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        />
      )}
    </article>
  )
}
