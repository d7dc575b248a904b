import type { Migration } from 'kysely'
import * as m0001 from './0001_library'
import * as m0002 from './0002_audit_settings'
import * as m0003 from './0003_search'
import * as m0004 from './0004_quote_analysis'
import * as m0005 from './0005_source_timings'
import * as m0006 from './0006_checks'
import * as m0007 from './0007_mention_tombstones'

/**
 * Every migration, by name. An explicit map because a bundled main process has no folder of
 * `.ts` files for FileMigrationProvider to read. Names sort in order: never rename one.
 */
export const migrations: Record<string, Migration> = {
  '0001_library': m0001,
  '0002_audit_settings': m0002,
  '0003_search': m0003,
  '0004_quote_analysis': m0004,
  '0005_source_timings': m0005,
  '0006_checks': m0006,
  '0007_mention_tombstones': m0007,
}

export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1) ?? ''
