import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, type Channel } from '../shared/contract'

// One named function per contract channel and nothing else (checklist item 20): no generic
// invoke(channel), no ipcRenderer, no process.env. Each resolves to main's Reply envelope.
const api: Readonly<Record<Channel, (input: unknown) => Promise<unknown>>> = Object.freeze(
  Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, input)]),
  ) as Record<Channel, (input: unknown) => Promise<unknown>>,
)

contextBridge.exposeInMainWorld('quotedesk', api)
