import type { ReactNode } from 'react'
import { MAIN_HEADING_ID } from '../focus'

interface EmptyStateProps {
  title: string
  children?: ReactNode
  actions?: ReactNode
}

/** What the main pane says when there is nothing to show, and what to do about it. */
export function EmptyState({ title, children, actions }: EmptyStateProps) {
  return (
    <section className="empty" aria-labelledby={MAIN_HEADING_ID}>
      <h2 id={MAIN_HEADING_ID} tabIndex={-1} className="empty__title">
        {title}
      </h2>
      {children && <div className="empty__text">{children}</div>}
      {actions && <div className="empty__actions">{actions}</div>}
    </section>
  )
}
