import fs from 'node:fs'
import { HOSTILE_INPUTS } from '../test/reliability/hostile-catalogue'
import {
  committedInputs,
  FIXTURES_DIR,
  fixturePath,
  MANIFEST,
  sha256,
  type ManifestEntry,
} from '../test/reliability/hostile'

// Writes the small hostile inputs to test/fixtures/hostile/ (exact bytes, never hand-edited)
// and MANIFEST.json; big inputs are made at test time. `--check` only verifies them.
const isCheck = process.argv.includes('--check')
const manifest: ManifestEntry[] = []
let stale = 0
fs.mkdirSync(FIXTURES_DIR, { recursive: true })
for (const input of committedInputs()) {
  const data = input.make()
  const file = fixturePath(input)
  const entry = { id: input.id, title: input.title, fileName: input.fileName, bytes: data.length, sha256: sha256(data) }
  manifest.push(entry)
  const current = fs.existsSync(file) ? sha256(fs.readFileSync(file)) : null
  if (current === entry.sha256) continue
  stale++
  if (isCheck) console.error(`stale: ${file}`)
  else fs.writeFileSync(file, data)
}
const text = `${JSON.stringify(manifest, null, 2)}\n`
if (!isCheck) fs.writeFileSync(MANIFEST, text)
else if (!fs.existsSync(MANIFEST) || fs.readFileSync(MANIFEST, 'utf8') !== text) stale++
const big = HOSTILE_INPUTS.length - committedInputs().length
console.log(
  `${manifest.length} hostile fixtures ${isCheck ? 'checked' : 'written'} in ${FIXTURES_DIR} (${stale} ${isCheck ? 'stale' : 'changed'}); ${big} more are made at test time`,
)
if (isCheck && stale > 0) process.exitCode = 1
