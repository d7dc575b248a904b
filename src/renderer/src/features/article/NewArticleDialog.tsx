import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Fault } from '../../../../shared/errors'
import type { Article } from '../../../../shared/schemas/articles'
import { call } from '../../api'
import { Dialog } from '../../components/Dialog'
import { ErrorBanner } from '../../components/ErrorBanner'
import { toFault } from '../../fault'
import { focusFirstProblem } from '../../focus'

interface NewArticleDialogProps {
  onCreated: (article: Article) => void
  onClose: () => void
}

/** Paste a draft. Errors stay inside the dialog: everything behind a modal is inert. */
export function NewArticleDialog({ onCreated, onClose }: NewArticleDialogProps) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [fault, setFault] = useState<Fault | null>(null)
  const [isSaving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const hasIssue = (path: string) => fault?.issues?.some((issue) => issue.path === path) ?? false

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    setSaving(true)
    setFault(null)
    try {
      const trimmed = title.trim()
      onCreated(await call('articles:create', trimmed === '' ? { body } : { title: trimmed, body }))
    } catch (err) {
      setFault(toFault(err))
      focusFirstProblem(formRef.current)
    } finally {
      setSaving(false)
    }
  }

  // Ctrl/Cmd+Enter saves from the text area, where plain Enter is a new line.
  const onBodyKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event)
  }

  return (
    <Dialog title="New article" onClose={onClose} size="large">
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        {fault && <ErrorBanner title="The article was not added" fault={fault} onDismiss={() => setFault(null)} />}
        <label className="field">
          <span className="field__label">Title (optional)</span>
          <input
            type="text"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={hasIssue('title') || undefined}
            aria-describedby="new-article-title-hint"
            maxLength={500}
          />
          <span id="new-article-title-hint" className="field__hint">
            Left empty, the title is taken from the first line of the text.
          </span>
        </label>
        <label className="field">
          <span className="field__label">Article text</span>
          <textarea
            value={body}
            onChange={(event) => setBody(event.target.value)}
            onKeyDown={onBodyKey}
            rows={14}
            required
            aria-invalid={hasIssue('body') || undefined}
            placeholder="Paste the draft here"
            data-autofocus
          />
        </label>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={isSaving}
            aria-keyshortcuts="Control+Enter"
          >
            {isSaving ? 'Adding…' : 'Add article'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
