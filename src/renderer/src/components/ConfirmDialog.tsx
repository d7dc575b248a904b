import { useId, useState } from 'react'
import { Dialog } from './Dialog'

interface ConfirmDialogProps {
  title: string
  message: string
  confirmLabel: string
  onConfirm: () => Promise<void>
  onClose: () => void
}

/** Asks before something destructive. Cancel has focus first, so Enter never destroys by accident. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const [isBusy, setBusy] = useState(false)
  const messageId = useId()
  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog title={title} onClose={onClose} role="alertdialog" describedBy={messageId}>
      <p id={messageId}>{message}</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={confirm} disabled={isBusy}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
