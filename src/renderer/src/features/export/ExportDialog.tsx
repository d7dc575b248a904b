import { useId, useState, type FormEvent } from 'react'
import type { Fault } from '../../../../shared/errors'
import type { ArticleSummary } from '../../../../shared/schemas/articles'
import type { ExportFormat } from '../../../../shared/schemas/export'
import { call, connection } from '../../api'
import { Dialog } from '../../components/Dialog'
import { ErrorBanner } from '../../components/ErrorBanner'
import { toFault } from '../../fault'
import { formatCount } from '../../format'
import { downloadText } from './download'

interface ExportDialogProps {
  articles: readonly ArticleSummary[]
  /** The article open in the desk, offered first. */
  openArticleId: string | null
  onClose: () => void
}

type Scope = 'open' | 'chosen' | 'all'

/** What happened to one article's export, in words. */
interface Outcome {
  articleId: string
  title: string
  fileName: string | null
  state: 'saved' | 'downloaded' | 'cancelled'
  isRedacted: boolean
}

const FORMAT_LABELS: Record<ExportFormat, string> = { md: 'Markdown (.md)', json: 'Quotedesk JSON (.json)' }

function describe(outcome: Outcome): string {
  const what =
    outcome.state === 'cancelled'
      ? `“${outcome.title}”: not saved (cancelled)`
      : `“${outcome.title}”: ${outcome.state === 'saved' ? 'saved as' : 'downloaded as'} ${outcome.fileName ?? ''}`
  return outcome.isRedacted && outcome.state !== 'cancelled' ? `${what}, confidential sources redacted` : what
}

/**
 * Exports articles as Markdown or Quotedesk JSON. The desktop app asks where to save each one
 * (native dialog, through main); the browser host downloads them. Confidential sources are left
 * out unless the user ticks the box, and every result says whether it was redacted.
 */
export function ExportDialog({ articles, openArticleId, onClose }: ExportDialogProps) {
  const openArticle = articles.find((article) => article.id === openArticleId)
  const [format, setFormat] = useState<ExportFormat>('md')
  const [scope, setScope] = useState<Scope>(openArticle ? 'open' : articles.length === 1 ? 'all' : 'chosen')
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(openArticle ? [openArticle.id] : []))
  const [includeConfidential, setIncludeConfidential] = useState(false)
  const [outcomes, setOutcomes] = useState<Outcome[]>([])
  const [failure, setFailure] = useState<{ title: string; fault: Fault } | null>(null)
  const [progress, setProgress] = useState<string | null>(null)
  const warningId = useId()
  const isDesktop = connection.mode === 'desktop'

  const selected =
    scope === 'open'
      ? openArticle
        ? [openArticle]
        : []
      : scope === 'all'
        ? articles
        : articles.filter((article) => chosen.has(article.id))

  const toggle = (id: string, isOn: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous)
      if (isOn) next.add(id)
      else next.delete(id)
      return next
    })

  const run = async (event: FormEvent) => {
    event.preventDefault()
    if (selected.length === 0) return
    setFailure(null)
    setOutcomes([])
    const done: Outcome[] = []
    for (const article of selected) {
      setProgress(`Exporting “${article.title}”…`)
      const request = { articleId: article.id, format, includeConfidential }
      try {
        if (isDesktop) {
          const saved = await call('export:save', request)
          done.push({
            articleId: article.id,
            title: article.title,
            fileName: saved.fileName,
            state: saved.saved ? 'saved' : 'cancelled',
            isRedacted: saved.redacted,
          })
        } else {
          const file = await call('export:article', request)
          downloadText(file.fileName, file.content, file.mediaType)
          done.push({
            articleId: article.id,
            title: article.title,
            fileName: file.fileName,
            state: 'downloaded',
            isRedacted: file.redacted,
          })
        }
        setOutcomes([...done])
      } catch (err) {
        // Stop at the first failure: the rest would likely fail the same way, and the user should see why.
        setFailure({ title: `Could not export “${article.title}”`, fault: toFault(err) })
        break
      }
    }
    setProgress(null)
  }

  return (
    <Dialog title="Export articles" onClose={onClose} size="large">
      <form className="export" onSubmit={(event) => void run(event)} noValidate>
        <fieldset className="export__group">
          <legend>Format</legend>
          {(['md', 'json'] as const).map((value) => (
            <label key={value} className="check">
              <input
                type="radio"
                name="export-format"
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
                data-autofocus={value === format ? true : undefined}
              />
              <span>{FORMAT_LABELS[value]}</span>
            </label>
          ))}
        </fieldset>

        <fieldset className="export__group">
          <legend>Articles</legend>
          <label className="check">
            <input
              type="radio"
              name="export-scope"
              checked={scope === 'open'}
              disabled={!openArticle}
              onChange={() => setScope('open')}
            />
            <span>{openArticle ? `The open article, “${openArticle.title}”` : 'The open article (none is open)'}</span>
          </label>
          <label className="check">
            <input type="radio" name="export-scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} />
            <span>Choose articles</span>
          </label>
          <label className="check">
            <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            <span>All articles ({articles.length})</span>
          </label>
          {scope === 'chosen' && (
            <ul className="export__articles" aria-label="Articles to export">
              {articles.map((article) => (
                <li key={article.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={chosen.has(article.id)}
                      onChange={(event) => toggle(article.id, event.target.checked)}
                    />
                    <span>{article.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <fieldset className="export__group">
          <legend>Confidential sources</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={includeConfidential}
              aria-describedby={includeConfidential ? warningId : undefined}
              onChange={(event) => setIncludeConfidential(event.target.checked)}
            />
            <span>Include confidential sources</span>
          </label>
          {includeConfidential ? (
            <p id={warningId} className="export__warning">
              The files will name confidential sources and contain their text. Share them only with people allowed to
              know who the sources are.
            </p>
          ) : (
            <p className="field__hint">
              Left unticked, each confidential source appears only as “confidential source”.
            </p>
          )}
        </fieldset>

        {failure && <ErrorBanner title={failure.title} fault={failure.fault} onDismiss={() => setFailure(null)} />}
        <div role="status" className="export__status">
          {progress && <p>{progress}</p>}
          {outcomes.length > 0 && (
            <ul className="export__outcomes" aria-label="Exported">
              {outcomes.map((outcome) => (
                <li key={outcome.articleId}>{describe(outcome)}</li>
              ))}
            </ul>
          )}
        </div>

        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={selected.length === 0 || progress !== null}
          >
            {isDesktop ? 'Save' : 'Download'} {formatCount(selected.length, 'article', 'articles')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
