// `npx tsx scripts/gen-schema.ts`: writes the published JSON Schema of the export format from its
// zod source of truth. A test fails when the checked-in file is stale.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { z } from 'zod'
import { ExportV1 } from '../src/shared/schemas/export'

export const SCHEMA_FILE = path.join(import.meta.dirname, '..', 'resources', 'quotedesk-export-1.schema.json')

/** The schema text exactly as checked in (formatted as `prettier --check .` expects). */
export async function exportSchemaText(): Promise<string> {
  const json = JSON.stringify(z.toJSONSchema(ExportV1, { target: 'draft-2020-12' }), null, 2)
  return format(json, { ...(await resolveConfig(SCHEMA_FILE)), filepath: SCHEMA_FILE })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true })
  fs.writeFileSync(SCHEMA_FILE, await exportSchemaText())
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`)
}
