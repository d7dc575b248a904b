import { useEffect, useState } from 'react'
import type { NameFlag } from '../../../../shared/schemas/checks'
import { call } from '../../api'
import { useReport } from '../../report'

interface NameFlagsProps {
  articleId: string
  /** Changes after every completed save, so the flags follow the saved text. */
  revision: number
  /** Replaces the flagged words in the editor; autosave stores the fix like any other edit. */
  onFix: (flag: NameFlag) => boolean
}

/** Names spelled unlike a known name, or two ways here or in the sources: fix or dismiss each. */
export function NameFlags({ articleId, revision, onFix }: NameFlagsProps) {
  const report = useReport()
  const [flags, setFlags] = useState<NameFlag[]>([])

  useEffect(() => {
    let isCurrent = true
    call('names:flags', { id: articleId }).then(
      (found) => isCurrent && setFlags(found),
      (err: unknown) => isCurrent && report('Could not check the names', err),
    )
    return () => {
      isCurrent = false
    }
  }, [articleId, revision, report])

  if (flags.length === 0) return null

  const dismiss = async (flag: NameFlag, everywhere: boolean) => {
    try {
      await call('names:dismiss', { articleId, text: flag.text, suggestion: flag.suggestion, everywhere })
      setFlags((current) => current.filter((f) => f.text !== flag.text || f.suggestion !== flag.suggestion))
    } catch (err) {
      report(`Could not dismiss “${flag.text}”`, err)
    }
  }

  return (
    <section className="name-flags" aria-labelledby="name-flags-heading">
      <h3 id="name-flags-heading" className="inspector__subheading">
        Names to check ({flags.length})
      </h3>
      <ul className="name-flags__list">
        {flags.map((flag) => (
          <li key={`${flag.start}:${flag.text}:${flag.suggestion}`} className="name-flags__item">
            <p>
              <strong>{flag.text}</strong> → <strong>{flag.suggestion}</strong>: {flag.reason}
            </p>
            <div className="name-flags__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  if (onFix(flag)) setFlags((current) => current.filter((f) => f !== flag))
                  else report(`Could not fix “${flag.text}”`, new Error('the name is no longer in the text'))
                }}
              >
                Change to {flag.suggestion}
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => void dismiss(flag, false)}
              >
                Dismiss
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => void dismiss(flag, true)}
              >
                Dismiss everywhere
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
