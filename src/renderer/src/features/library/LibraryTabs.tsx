import { useRef, type KeyboardEvent } from 'react'

export type Tab = 'articles' | 'sources' | 'entities'

export const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'articles', label: 'Articles' },
  { id: 'sources', label: 'Sources' },
  { id: 'entities', label: 'Entities' },
]

export const tabId = (tab: Tab) => `tab-${tab}`
export const panelId = (tab: Tab) => `panel-${tab}`

interface LibraryTabsProps {
  tab: Tab
  counts: Partial<Record<Tab, number>>
  onSelect: (tab: Tab) => void
}

/** WAI-ARIA tabs: one tab stop, arrow keys and Home/End move between tabs. */
export function LibraryTabs({ tab, counts, onSelect }: LibraryTabsProps) {
  const refs = useRef(new Map<Tab, HTMLButtonElement>())
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab)
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1
    const target = TABS[next]
    if (!target) return
    event.preventDefault()
    onSelect(target.id)
    refs.current.get(target.id)?.focus()
  }
  return (
    <div role="tablist" aria-label="Library sections" className="tabs" onKeyDown={onKeyDown}>
      {TABS.map(({ id, label }) => (
        <button
          key={id}
          ref={(el) => {
            if (el) refs.current.set(id, el)
            else refs.current.delete(id)
          }}
          type="button"
          role="tab"
          id={tabId(id)}
          aria-selected={id === tab}
          aria-controls={panelId(id)}
          tabIndex={id === tab ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(id)}
        >
          {label}
          {counts[id] !== undefined && <span className="tabs__count">{counts[id]}</span>}
        </button>
      ))}
    </div>
  )
}
