import { useCallback, useId, useState, type KeyboardEvent } from 'react'
import type { Entity, EntityKind } from '../../../../shared/schemas/entities'
import type { Quote } from '../../../../shared/schemas/quotes'
import { call } from '../../api'
import { Dialog } from '../../components/Dialog'
import { ErrorBanner } from '../../components/ErrorBanner'
import { toFault } from '../../fault'
import { ENTITY_KIND_LABELS } from '../../format'
import { useAsync } from '../../use-async'
import { useDebounced } from '../../use-debounced'

type Option =
  | { kind: 'entity'; entity: Entity }
  | { kind: 'create'; name: string }
  | { kind: 'alias-mode'; name: string }
  | { kind: 'add-alias'; entity: Entity; alias: string }

interface SpeakerPickerProps {
  /** The quote whose speaker is chosen, or the words being tagged. */
  quote: Pick<Quote, 'text' | 'speaker'>
  /** Tagging words as an entity rather than choosing a speaker: no "No speaker", other wording. */
  purpose?: 'speaker' | 'tag'
  /** Sets and confirms the speaker; resolves once the service replied. */
  onChoose: (entityId: string | null) => Promise<void>
  onEntitiesChanged: () => void
  onClose: () => void
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

function optionLabel(option: Option): string {
  switch (option.kind) {
    case 'entity':
      return option.entity.name
    case 'create':
      return `Create “${option.name}” as a new entity`
    case 'alias-mode':
      return `Add “${option.name}” as another name of…`
    case 'add-alias':
      return `${option.entity.name}: add “${option.alias}”`
  }
}

/**
 * A combobox over the library's entities: choose one, create one from the typed name, or teach an
 * existing one the typed name as an alias ("the Loveless author" → Alice Oseman). Choosing confirms.
 */
export function SpeakerPicker({
  quote,
  purpose = 'speaker',
  onChoose,
  onEntitiesChanged,
  onClose,
}: SpeakerPickerProps) {
  const isTag = purpose === 'tag'
  const [query, setQuery] = useState(isTag ? quote.text : (quote.speaker?.name ?? ''))
  const [alias, setAlias] = useState<string | null>(null)
  const [newKind, setNewKind] = useState<EntityKind>('person')
  const title = isTag ? 'Tag entity' : 'Choose the speaker'
  const [active, setActive] = useState(0)
  const [isBusy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const listId = useId()
  const settled = useDebounced(query.trim(), 120)
  const load = useCallback(
    () => call('entities:list', settled === '' ? { limit: 20 } : { query: settled, limit: 20 }),
    [settled],
  )
  const found = useAsync(load, settled)
  const entities = found.data ?? []
  const typed = query.trim()

  const options: Option[] = []
  if (alias === null) {
    for (const entity of entities) options.push({ kind: 'entity', entity })
    const isKnown = entities.some((e) => sameName(e.name, typed) || e.aliases.some((a) => sameName(a, typed)))
    if (typed !== '' && !isKnown) {
      options.push({ kind: 'create', name: typed })
      options.push({ kind: 'alias-mode', name: typed })
    }
  } else {
    for (const entity of entities) options.push({ kind: 'add-alias', entity, alias })
  }
  const activeIndex = Math.min(active, options.length - 1)

  const choose = async (option: Option) => {
    if (option.kind === 'alias-mode') {
      setAlias(option.name)
      setQuery('')
      setActive(0)
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      let entityId: string
      if (option.kind === 'entity') entityId = option.entity.id
      else if (option.kind === 'create') {
        entityId = (await call('entities:create', { kind: newKind, name: option.name })).id
        onEntitiesChanged()
      } else {
        const aliases = [...option.entity.aliases.filter((a) => !sameName(a, option.alias)), option.alias]
        entityId = (await call('entities:update', { id: option.entity.id, aliases })).id
        onEntitiesChanged()
      }
      await onChoose(entityId)
    } catch (err) {
      setProblem(err)
    } finally {
      setBusy(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (options.length === 0 ? 0 : (Math.max(0, i) + step + options.length) % options.length))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const option = options[activeIndex]
      if (option && !isBusy) void choose(option)
    }
  }

  const optionDomId = (i: number) => `${listId}-${i}`
  return (
    <Dialog title={alias === null ? title : `Whose other name is “${alias}”?`} onClose={onClose}>
      <p className="picker__quote muted">“{quote.text.replace(/^[“"‘']|[”"’']$/g, '').slice(0, 140)}”</p>
      {problem !== null && (
        <ErrorBanner
          title={isTag ? 'The words were not tagged' : 'The speaker was not set'}
          fault={toFault(problem)}
          onDismiss={() => setProblem(null)}
        />
      )}
      <label className="field">
        <span className="field__label">{alias === null && !isTag ? 'Speaker' : 'Entity'}</span>
        <input
          type="text"
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 ? optionDomId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          value={query}
          placeholder={alias === null ? 'Type a name or alias' : 'Search the library for the entity'}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching entities"
        className="picker__options"
        aria-busy={found.isLoading}
      >
        {options.map((option, i) => (
          <li
            key={`${option.kind}-${option.kind === 'entity' || option.kind === 'add-alias' ? option.entity.id : i}`}
            id={optionDomId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={`picker__option picker__option--${option.kind}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => !isBusy && void choose(option)}
          >
            <span className="picker__name">{optionLabel(option)}</span>
            {(option.kind === 'entity' || option.kind === 'add-alias') && (
              <span className="picker__detail">
                {ENTITY_KIND_LABELS[option.entity.kind]}
                {option.entity.aliases.length > 0 ? ` · also ${option.entity.aliases.slice(0, 3).join(', ')}` : ''}
              </span>
            )}
          </li>
        ))}
        {options.length === 0 && !found.isLoading && <li className="pane__note">No entity matches.</li>}
      </ul>
      <div className="dialog__actions picker__actions">
        {alias === null ? (
          <label className="inline-field">
            <span>New entities are a</span>
            <select value={newKind} onChange={(event) => setNewKind(event.target.value as EntityKind)}>
              {Object.entries(ENTITY_KIND_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <button type="button" className="button" onClick={() => setAlias(null)}>
            Back
          </button>
        )}
        {!isTag && (
          <button type="button" className="button" disabled={isBusy} onClick={() => void onChoose(null)}>
            No speaker
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}
