import { indexSource, type SourceIndex } from '../../shared/alignment'

interface Entry {
  updatedAt: string
  index: SourceIndex
}

/**
 * Indexing a multi-megabyte transcript costs far more than aligning one quote against it, and an
 * editor checks many quotes against the same source: keep the last few indexes, keyed by the
 * source's id and version.
 */
export class SourceIndexCache {
  readonly #entries = new Map<string, Entry>()

  constructor(private readonly capacity = 8) {}

  get(sourceId: string, updatedAt: string, body: string): SourceIndex {
    const hit = this.#entries.get(sourceId)
    if (hit && hit.updatedAt === updatedAt) {
      // Re-insert to mark it most recently used.
      this.#entries.delete(sourceId)
      this.#entries.set(sourceId, hit)
      return hit.index
    }
    const entry = { updatedAt, index: indexSource(body) }
    this.#entries.delete(sourceId)
    this.#entries.set(sourceId, entry)
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
    return entry.index
  }
}
