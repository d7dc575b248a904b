export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string; retryInMs: number }

export interface AutosaverOptions {
  /** Stores the body; resolves only once the service confirmed it. */
  save: (body: string) => Promise<void>
  /** The editor's current text. */
  read: () => string
  onState: (state: SaveState) => void
  /** The text as last confirmed by the service. */
  savedBody: string
  debounceMs?: number
  /** Typing without a pause still saves this often. */
  maxWaitMs?: number
  describe?: (err: unknown) => string
}

const MAX_RETRY_MS = 15_000

/**
 * Debounced autosave with a truthful state: "saved" only after the service replied for the text
 * now in the editor; a failure retries with backoff and never claims success. One save at a time,
 * so replies cannot arrive out of order.
 */
export class Autosaver {
  private savedBody: string
  private timer: ReturnType<typeof setTimeout> | null = null
  private firstDirtyAt: number | null = null
  private running: Promise<void> | null = null
  private failures = 0
  private isDisposed = false
  private state: SaveState = { kind: 'saved' }
  private readonly debounceMs: number
  private readonly maxWaitMs: number

  constructor(private readonly options: AutosaverOptions) {
    this.savedBody = options.savedBody
    this.debounceMs = options.debounceMs ?? 600
    this.maxWaitMs = options.maxWaitMs ?? 1000
  }

  get current(): SaveState {
    return this.state
  }

  get isDirty(): boolean {
    return this.options.read() !== this.savedBody
  }

  /** Call after every edit. */
  changed(): void {
    if (this.isDisposed) return
    if (!this.isDirty) {
      if (!this.running && this.state.kind !== 'failed') this.setState({ kind: 'saved' })
      return
    }
    const now = Date.now()
    this.firstDirtyAt ??= now
    if (this.state.kind !== 'failed') this.setState({ kind: 'saving' })
    if (this.state.kind === 'failed') return // the retry timer is already set
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstDirtyAt + this.maxWaitMs - now))
    this.schedule(wait)
  }

  /** Saves now and resolves once the text present at the call is stored (or rejects with the failure). */
  async flush(): Promise<void> {
    for (let round = 0; round < 5 && this.isDirty; round++) {
      this.clearTimer()
      await this.runOnce(true)
    }
  }

  dispose(): void {
    this.isDisposed = true
    this.clearTimer()
  }

  private schedule(ms: number): void {
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = null
      void this.runOnce(false).catch(() => {})
    }, ms)
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private async runOnce(shouldThrow: boolean): Promise<void> {
    while (this.running) await this.running.catch(() => {})
    if (!this.isDirty) {
      this.settle()
      return
    }
    const body = this.options.read()
    this.firstDirtyAt = null
    // A retry keeps saying "not saved" until one succeeds: a flash of "Saving…" would suggest progress.
    if (this.state.kind !== 'failed') this.setState({ kind: 'saving' })
    const attempt = this.options.save(body)
    this.running = attempt.then(
      () => undefined,
      () => undefined,
    )
    try {
      await attempt
      this.savedBody = body
      this.failures = 0
      this.running = null
      this.settle()
    } catch (err) {
      this.running = null
      this.failures++
      const retryInMs = Math.min(MAX_RETRY_MS, 1000 * 2 ** (this.failures - 1))
      const message = this.options.describe?.(err) ?? 'The service did not confirm the save.'
      if (!this.isDisposed) {
        this.setState({ kind: 'failed', message, retryInMs })
        this.schedule(retryInMs)
      }
      if (shouldThrow) throw err
    }
  }

  private settle(): void {
    if (this.isDisposed) return
    if (this.isDirty) {
      // Typed while the save was in flight: that text still needs its own save.
      this.setState({ kind: 'saving' })
      this.firstDirtyAt ??= Date.now()
      this.schedule(Math.min(this.debounceMs, Math.max(0, this.firstDirtyAt + this.maxWaitMs - Date.now())))
    } else {
      this.setState({ kind: 'saved' })
    }
  }

  private setState(state: SaveState): void {
    this.state = state
    this.options.onState(state)
  }
}
