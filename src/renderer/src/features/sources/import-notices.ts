/**
 * What an import repaired, kept from the import until the new source's view shows it: the
 * view is mounted by the app shell, which only passes the source's id.
 */
const pending = new Map<string, readonly string[]>()

export function rememberNotices(sourceId: string, notices: readonly string[]): void {
  if (notices.length > 0) pending.set(sourceId, notices)
}

export function peekNotices(sourceId: string): readonly string[] {
  return pending.get(sourceId) ?? []
}

export function forgetNotices(sourceId: string): void {
  pending.delete(sourceId)
}
