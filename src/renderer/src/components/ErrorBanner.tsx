import type { Fault } from '../../../shared/errors'

interface ErrorBannerProps {
  title: string
  fault: Fault
  onDismiss?: () => void
  /** E.g. "Try again" for a list that failed to load. */
  action?: { label: string; run: () => void }
}

/** A failed call in words: what the user tried, the service's message, and each field at fault. */
export function ErrorBanner({ title, fault, onDismiss, action }: ErrorBannerProps) {
  const issues = fault.issues ?? []
  return (
    <div role="alert" className="alert">
      <div className="alert__body">
        <p className="alert__title">{title}</p>
        <p className="alert__message">{fault.message}</p>
        {issues.length > 0 && (
          <ul className="alert__issues" aria-label="Fields to fix">
            {issues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {(action || onDismiss) && (
        <div className="alert__actions">
          {action && (
            <button type="button" className="button button--small" onClick={action.run}>
              {action.label}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </div>
  )
}
