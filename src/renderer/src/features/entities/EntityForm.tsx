import { useRef, useState, type FormEvent } from 'react'
import type { Fault } from '../../../../shared/errors'
import { EntityKind, type Entity } from '../../../../shared/schemas/entities'
import { call } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { issueFor, toFault } from '../../fault'
import { MAIN_HEADING_ID, focusFirstProblem } from '../../focus'
import { ENTITY_KIND_LABELS } from '../../format'
import { parseAliases } from './aliases'

interface EntityFormProps {
  onCreated: (entity: Entity) => void
  onCancel: () => void
}

export function EntityForm({ onCreated, onCancel }: EntityFormProps) {
  const [kind, setKind] = useState<EntityKind>('person')
  const [name, setName] = useState('')
  const [aliases, setAliases] = useState('')
  const [fault, setFault] = useState<Fault | null>(null)
  const [isSaving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    setFault(null)
    try {
      onCreated(await call('entities:create', { kind, name: name.trim(), aliases: parseAliases(aliases) }))
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
        New entity
      </h2>
      <form ref={formRef} className="form form--grid" onSubmit={submit} noValidate>
        {fault && <ErrorBanner title="The entity was not added" fault={fault} onDismiss={() => setFault(null)} />}
        <Field label="Kind" error={issueFor(fault, 'kind')}>
          {(a11y) => (
            <select {...a11y} value={kind} onChange={(event) => setKind(EntityKind.parse(event.target.value))}>
              {EntityKind.options.map((k) => (
                <option key={k} value={k}>
                  {ENTITY_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={issueFor(fault, 'name')}>
          {(a11y) => (
            <input {...a11y} type="text" required value={name} onChange={(event) => setName(event.target.value)} />
          )}
        </Field>
        <Field label="Aliases" hint="One per line, e.g. a surname or a former name." error={issueFor(fault, 'aliases')}>
          {(a11y) => (
            <textarea {...a11y} rows={4} value={aliases} onChange={(event) => setAliases(event.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={isSaving}>
            {isSaving ? 'Adding…' : 'Add entity'}
          </button>
        </div>
      </form>
    </section>
  )
}
