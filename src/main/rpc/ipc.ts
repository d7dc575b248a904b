import type { IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type Handlers } from '../../shared/contract'
import type { Reply } from '../../shared/errors'
import { dispatch, type FaultLogger } from './dispatch'

/** The one ipcMain method used: `handle`. `on` (fire-and-forget, no reply) is never registered. */
export interface IpcHandleRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, raw: unknown) => Promise<Reply<unknown>>): void
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/** What a frame that failed the sender check receives: no detail about why. */
export const FORBIDDEN_REPLY: Reply<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'forbidden', message: 'This window may not call Quotedesk.' }),
})

/**
 * One `ipcMain.handle` per contract channel (checklist item 17): every call passes the sender
 * check before `dispatch`, which validates the input and never throws.
 */
export function registerIpc(
  ipcMain: IpcHandleRegistry,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
  log?: FaultLogger,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, raw) => {
      let trusted = false
      try {
        trusted = isTrustedSender(event)
      } catch {
        trusted = false
      }
      if (!trusted) return FORBIDDEN_REPLY
      return dispatch(handlers, channel, raw, log)
    })
  }
}
