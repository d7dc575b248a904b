import { useEffect, useId, useRef, type ReactNode } from 'react'

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  size?: 'small' | 'large'
  /** `alertdialog` for confirmations that interrupt the user. */
  role?: 'dialog' | 'alertdialog'
  describedBy?: string
}

/**
 * A native modal <dialog>: the browser makes the page behind it inert, traps Tab, and turns
 * Escape into `close`. Mount it to open it and unmount it to close it. The element marked
 * `data-autofocus` gets focus first, and the opener gets it back afterwards.
 */
export function Dialog({ title, onClose, children, size = 'small', role = 'dialog', describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (opener.current === null && document.activeElement instanceof HTMLElement)
      opener.current = document.activeElement
    if (!dialog.open) {
      dialog.showModal()
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    return () => {
      // Removing an open dialog does not fire `close`, and Chromium restores focus only on close().
      const back = opener.current
      requestAnimationFrame(() => {
        if (back?.isConnected && !dialog.isConnected) back.focus()
      })
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onClose={onClose}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
