import { isSameOrigin } from './origins'

/** The parts of an `IpcMainInvokeEvent` the check reads; the real event satisfies it. */
export interface SenderLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
  readonly sender: { readonly id: number }
}

/**
 * Checklist item 17, as VS Code's validatedIpcMain, but stricter: the frame must still exist,
 * be a main frame, sit exactly at the app origin (so `about:blank` and `''` fail) and belong to
 * a window main created itself.
 */
export function validateSender(
  event: SenderLike,
  trustedOrigin: string,
  knownWebContentsIds: ReadonlySet<number>,
): boolean {
  try {
    const frame = event.senderFrame
    if (frame === null || frame === undefined) return false
    if (frame.parent !== null) return false
    if (typeof frame.url !== 'string' || !isSameOrigin(frame.url, trustedOrigin)) return false
    return knownWebContentsIds.has(event.sender.id)
  } catch {
    // A frame disposed mid-call throws from its getters: a sender we cannot see is not trusted.
    return false
  }
}
