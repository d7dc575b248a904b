import { randomBytes } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/**
 * A folder export writes `.<target>.<16 hex>.tmp` beside its target and renames or links it into
 * place. A SIGKILL leaves it behind; only names of exactly this shape are ever swept, so a person's
 * `notes.md.2024` is never touched.
 */
const TEMP_NAME = /^\..+\.(?:md|json)\.[0-9a-f]{16}\.tmp$/

/** A temp file younger than this may belong to an export still running in another process. */
export const STALE_TEMP_MS = 30_000

/** Filesystems without hard links (FAT, exFAT, some network shares) answer link() with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])

function codeOf(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined
}

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

/**
 * Writes a file so that a reader (or a crash) sees the old content or the new, never a torn mix.
 * It follows a symlink at `file`: for a path the person chose in the save dialog, not for a folder export.
 */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await writeFileAtomic(file, content, { encoding: 'utf8', fsync: true })
}

/** The content, complete and fsynced, in a new temp file beside `name` (never through a link: 'wx'). */
async function writeTemp(dir: string, name: string, content: string): Promise<string> {
  const temp = path.join(dir, `.${name}.${randomBytes(8).toString('hex')}.tmp`)
  const handle = await fs.open(temp, 'wx')
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } catch (err) {
    await handle.close()
    await fs.rm(temp, { force: true })
    throw err
  }
  await handle.close()
  return temp
}

/**
 * Creates `dir/name` whole, or not at all, and never over anything: a temp file is hard-linked to
 * the name, which fails if anything (a file, a link, a folder) got there first.
 * Returns false when the name was taken.
 */
export async function writeNewFile(dir: string, name: string, content: string): Promise<boolean> {
  const target = path.join(dir, name)
  const temp = await writeTemp(dir, name, content)
  try {
    await fs.link(temp, target)
    return true
  } catch (err) {
    const code = codeOf(err)
    if (code === 'EEXIST') return false
    if (!code || !NO_HARD_LINKS.has(code)) throw err
    // No hard links here: check, then rename. Only something created in between could be replaced.
    if (await lstatOrNull(target)) return false
    await fs.rename(temp, target)
    return true
  } finally {
    await fs.rm(temp, { force: true })
  }
}

/**
 * Replaces `dir/name` with new content in one rename. rename() replaces the directory entry itself,
 * so it never writes through a symlink, and other hard links to the old file keep the old content.
 */
export async function replaceFile(dir: string, name: string, content: string): Promise<void> {
  const temp = await writeTemp(dir, name, content)
  try {
    await fs.rename(temp, path.join(dir, name))
  } catch (err) {
    await fs.rm(temp, { force: true })
    throw err
  }
}

export async function lstatOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.lstat(file)
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return null
    throw err
  }
}

/** The first `bytes` of a regular file, refusing to follow a symlink (Windows has no O_NOFOLLOW). */
export async function readHead(file: string, bytes: number): Promise<string> {
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}

/**
 * Makes the renames in a folder durable across power loss: the files are fsynced but not the
 * folder entry. Best effort: Windows cannot open a folder for fsync.
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
