import { useRef, useState, type FormEvent } from 'react'
import type { Fault } from '../../../../shared/errors'
import { SourceKind, type Source, type SourceCreate } from '../../../../shared/schemas/sources'
import { call } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { issueFor, toFault } from '../../fault'
import { MAIN_HEADING_ID, focusFirstProblem } from '../../focus'
import { SOURCE_KIND_LABELS } from '../../format'
import { SourceImport } from './SourceImport'

interface SourceFormProps {
  onCreated: (source: Source) => void
  onCancel: () => void
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** Collects a source as typed; the service validates it and names any field it rejects. */
export function SourceForm({ onCreated, onCancel }: SourceFormProps) {
  const [kind, setKind] = useState<SourceKind>('interview')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [outlet, setOutlet] = useState('')
  const [sourceDate, setSourceDate] = useState('')
  const [isConfidential, setConfidential] = useState(false)
  const [body, setBody] = useState('')
  const [fault, setFault] = useState<Fault | null>(null)
  const [isSaving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    setFault(null)
    const input: SourceCreate = {
      kind,
      title,
      url: blankToNull(url),
      outlet: blankToNull(outlet),
      sourceDate: blankToNull(sourceDate),
      isConfidential,
      body,
    }
    try {
      onCreated(await call('sources:create', input))
    } catch (err) {
      setFault(toFault(err))
      focusFirstProblem(formRef.current)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="doc" aria-labelledby={MAIN_HEADING_ID}>
      <h2 id={MAIN_HEADING_ID} tabIndex={-1} className="doc__title">
        New source
      </h2>
      <SourceImport onImported={onCreated} />
      <h3 className="doc__subheading">Or type or paste it</h3>
      <form ref={formRef} className="form form--grid" onSubmit={submit} noValidate>
        {fault && <ErrorBanner title="The source was not added" fault={fault} onDismiss={() => setFault(null)} />}
        <Field label="Kind" error={issueFor(fault, 'kind')}>
          {(a11y) => (
            <select {...a11y} value={kind} onChange={(event) => setKind(SourceKind.parse(event.target.value))}>
              {SourceKind.options.map((k) => (
                <option key={k} value={k}>
                  {SOURCE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title" error={issueFor(fault, 'title')}>
          {(a11y) => (
            <input {...a11y} type="text" required value={title} onChange={(event) => setTitle(event.target.value)} />
          )}
        </Field>
        <Field label="Address (URL)" error={issueFor(fault, 'url')}>
          {(a11y) => (
            <input
              {...a11y}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          )}
        </Field>
        <Field label="Outlet" error={issueFor(fault, 'outlet')}>
          {(a11y) => <input {...a11y} type="text" value={outlet} onChange={(event) => setOutlet(event.target.value)} />}
        </Field>
        <Field label="Date" error={issueFor(fault, 'sourceDate')}>
          {(a11y) => (
            <input {...a11y} type="date" value={sourceDate} onChange={(event) => setSourceDate(event.target.value)} />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={isConfidential} onChange={(event) => setConfidential(event.target.checked)} />
          <span>Confidential source</span>
        </label>
        <Field
          label="Text"
          hint="The transcript, document or page text that quotes are checked against."
          error={issueFor(fault, 'body')}
        >
          {(a11y) => <textarea {...a11y} rows={10} value={body} onChange={(event) => setBody(event.target.value)} />}
        </Field>
        <div className="form__actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={isSaving}>
            {isSaving ? 'Adding…' : 'Add source'}
          </button>
        </div>
      </form>
    </section>
  )
}
