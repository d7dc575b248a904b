import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkLibraryFile } from '../../src/main/backup/backup.service'
import { main } from '../../src/main/cli/main'
import { makeTempDir } from '../helpers/db'
import { checkLibrary, freshLibrary, startBusyWriter, WriterPool } from './crash-harness'

let pool: WriterPool

beforeAll(async () => {
  pool = await WriterPool.create()
})

afterAll(async () => {
  await pool.close()
})

async function cli(argv: string[], cwd: string) {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd })
  return { code, stdout, stderr }
}

describe('quotedesk backup while another process is writing', () => {
  it('each backup passes integrity_check and holds every batch acknowledged before it started', async () => {
    const dir = makeTempDir('quotedesk-backup-load-')
    const file = await freshLibrary(dir, 'busy.quotedesk')
    const writer = await startBusyWriter(pool, { file, mode: 'tx', first: 1 })
    try {
      for (let round = 1; round <= 3; round++) {
        await writer.waitForAcks(round * 12)
        const before = writer.acks()
        const out = path.join(dir, `backup-${round}.quotedesk`)
        const result = await cli(['--db', file, 'backup', '--out', out], dir)
        expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' })
        expect(result.stdout).toContain(`to ${out} (`)
        expect((await checkLibraryFile(out)).problem).toBeNull()
        // The same all-or-nothing checks as after a crash, on the backup instead of the library.
        const check = await checkLibrary(out, before)
        expect(check).toMatchObject({ integrity: [], foreignKeyViolations: 0, lost: [], partial: [], openError: null })
      }
      // The writer really was busy throughout: it kept committing after the last backup.
      const count = writer.acks().length
      await writer.waitForAcks(count + 4)
    } finally {
      await writer.stop()
    }
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  }, 60_000)
})
