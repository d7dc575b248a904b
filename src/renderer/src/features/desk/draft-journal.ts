/** The parts of Web Storage the journal uses, so tests can hand in a Map-backed fake. */
export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface Draft {
  body: string
  /** Date.now() of the last edit. */
  editedAt: number
}

/**
 * A save sent just before a crash commits after the last keystroke was journalled, so the stored
 * body can be a little newer than the draft and still be older than what was typed.
 */
export const IN_FLIGHT_SLACK_MS = 10_000

const keyOf = (articleId: string) => `quotedesk:draft:${articleId}`

export function readDraft(store: DraftStore | null, articleId: string): Draft | null {
  try {
    const raw = store?.getItem(keyOf(articleId))
    if (!raw) return null
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const { body, editedAt } = value as Record<string, unknown>
    return typeof body === 'string' && typeof editedAt === 'number' ? { body, editedAt } : null
  } catch {
    return null
  }
}

/** False when storage is full or refused: the caller can say so instead of pretending. */
export function writeDraft(store: DraftStore | null, articleId: string, draft: Draft): boolean {
  try {
    store?.setItem(keyOf(articleId), JSON.stringify(draft))
    return store !== null
  } catch {
    return false
  }
}

/**
 * Removes the draft. Call it only when the editor holds exactly the saved text: a draft left over
 * from mid-typing would otherwise be replayed over newer saved text after a reload.
 */
export function clearDraft(store: DraftStore | null, articleId: string): void {
  try {
    store?.removeItem(keyOf(articleId))
  } catch {
    // Storage refused: nothing more can be done here.
  }
}

/**
 * The text to put back after a reload: the draft, if it differs from the stored body and the stored
 * body has not changed elsewhere since the draft was written.
 *
 * @example
 *   draftToReplay({ body: 'b', editedAt: Date.now() }, { body: 'a', updatedAt: new Date().toISOString() }) // 'b'
 */
export function draftToReplay(draft: Draft | null, stored: { body: string; updatedAt: string }): string | null {
  if (!draft || draft.body === stored.body) return null
  const storedAt = Date.parse(stored.updatedAt)
  if (Number.isFinite(storedAt) && storedAt > draft.editedAt + IN_FLIGHT_SLACK_MS) return null
  return draft.body
}

export function localStore(): DraftStore | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
