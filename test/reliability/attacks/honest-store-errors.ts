import type { Attack } from '../attacks'
import { runConfined } from './confined'

/**
 * Finding 8: a full disk or a read-only folder is not damage. A healthy library there can still
 * be listed, exported and backed up elsewhere, a change says why it was not saved, and nobody is
 * told to restore an older backup over it.
 */
export const honestStoreErrors: Attack[] = [
  {
    finding: 8,
    id: 'a56',
    title: 'a library in a read-only folder: list, export, backup --out; then an import',
    run: (workDir) => runConfined('read-only-folder', workDir, 'unprivileged'),
  },
  {
    finding: 8,
    id: 'a57',
    title: 'a read-only library file: list, export, backup --out; then an import',
    run: (workDir) => runConfined('read-only-file', workDir, 'unprivileged'),
  },
  {
    finding: 8,
    id: 'a58',
    title: 'an older library in a read-only folder, which needs an upgrade to open',
    run: (workDir) => runConfined('read-only-older', workDir, 'unprivileged'),
  },
  {
    finding: 8,
    id: 'a59',
    title: 'a library on a full disk: list, export, backup --out; then an import',
    run: (workDir) => runConfined('full-disk', workDir, { tmpfsKb: 1024 }),
  },
  {
    finding: 8,
    id: 'a60',
    title: 'an older library on a full disk, which needs an upgrade to open',
    run: (workDir) => runConfined('full-disk-older', workDir, { tmpfsKb: 1024 }),
  },
]
