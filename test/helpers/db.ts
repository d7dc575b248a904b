import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { openLibrary, type Library, type OpenLibraryOptions } from '../../src/main/db/connection'
import { createHandlers } from '../../src/main/services'
import type { Handlers } from '../../src/shared/contract'

const cleanups: (() => Promise<void>)[] = []

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

/** A fresh temporary directory, removed after the test. */
export function makeTempDir(prefix = 'quotedesk-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A real library file in a temp directory, migrated to latest, closed and removed after the test. */
export async function makeTestDb(options: OpenLibraryOptions = {}): Promise<Library> {
  const dir = makeTempDir()
  const library = await openLibrary(path.join(dir, 'library.quotedesk'), options)
  cleanups.push(async () => {
    if (library.sqlite.open) await library.close()
  })
  return library
}

export async function makeTestHandlers(actor = 'tester'): Promise<{ library: Library; handlers: Handlers }> {
  const library = await makeTestDb()
  return { library, handlers: createHandlers(library, () => actor) }
}
