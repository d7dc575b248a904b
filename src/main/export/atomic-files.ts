import fs from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/**
 * write-file-atomic 7 names its temp file `<target>.<uint32 in decimal>` in the target's folder.
 * A SIGKILL skips its exit cleanup, so these are left behind; only names ending in an export
 * extension plus that suffix are ever swept.
 */
const TEMP_NAME = /^.+\.(?:md|json)\.\d{1,10}$/

/** A temp file younger than this may belong to an export still running in another process. */
export const STALE_TEMP_MS = 30_000

/**
 * Removes temp files left in a folder by exports that were killed mid-write.
 * Returns the names removed.
 */
export async function sweepStaleTemps(dir: string, olderThanMs = STALE_TEMP_MS, now = Date.now()): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue
    const file = path.join(dir, name)
    try {
      const stat = await fs.lstat(file)
      if (!stat.isFile() || now - stat.mtimeMs < olderThanMs) continue
      await fs.unlink(file)
      removed.push(name)
    } catch {
      // Gone already, or not ours to remove: either way nothing to sweep.
    }
  }
  return removed
}

/** Writes a file so that a reader (or a crash) sees the old content or the new, never a torn mix. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await writeFileAtomic(file, content, { encoding: 'utf8', fsync: true })
}

/**
 * Makes the renames in a folder durable across power loss: write-file-atomic fsyncs the file but
 * not the folder entry. Best effort: Windows cannot open a folder for fsync.
 */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch {
    // Not supported here (Windows); the rename itself is still atomic.
  } finally {
    await handle?.close()
  }
}
