import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rejected } from '../../../test/fixtures/export/make-fixtures'
import { makeTestHandlers } from '../../../test/helpers/db'
import { QuotedeskError } from '../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../shared/schemas/imports'
import { dispatch } from '../rpc/dispatch'
import { parseExportFile } from './import-json'
import { dumpLibrary } from './testing'

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/export')
const quiet = () => {}

/** Each rejected fixture, the path its error must name, and what it must say. */
const CASES: [file: string, path: string, message: RegExp][] = [
  ['wrong-format-version.json', 'format', /"quotedesk\/2"; this version of Quotedesk reads "quotedesk\/1"/],
  ['extra-key.json', '(input)', /Unrecognized key: "extra"/],
  ['extra-key-nested.json', 'quotes[0]', /Unrecognized key: "speakerName"/],
  ['missing-field.json', 'article.body', /expected string, received undefined/],
  ['negative-offset.json', 'quotes[0].start', />=0/],
  ['non-integer-offset.json', 'quotes[0].end', /expected int/],
  ['offset-beyond-text.json', 'quotes[0].end', /must be at most 46, the body's length/],
  ['end-before-start.json', 'quotes[0].end', /must end after it starts/],
  ['splits-surrogate-pair.json', 'quotes[0].start', /must not fall inside a character/],
  ['text-mismatch.json', 'quotes[0].text', /does not match article.body/],
  ['selector-position-mismatch.json', 'quotes[0].target.selector[1]', /in code points/],
  ['unknown-speaker.json', 'quotes[0].speaker.id', /is not in speakers/],
  ['unknown-source.json', 'quotes[0].sourceId', /is not in sources/],
  ['duplicate-quote-id.json', 'quotes[1].id', /is listed twice/],
  ['javascript-url.json', 'sources[0].url', /http or https/],
  ['lone-surrogate.json', 'article.title', /lone surrogate/],
  ['nul-character.json', 'quotes[0].note', /NUL/],
  ['proto-key.json', 'audit', /"__proto__" is not allowed/],
  ['bad-uuid.json', 'article.id', /Quotedesk id/],
  ['array-root.json', '(input)', /expected object, received array/],
]

describe('Quotedesk JSON import: validation', () => {
  it('has a test case for every rejected fixture on disk and in the generator', () => {
    const onDisk = fs.readdirSync(path.join(FIXTURES, 'rejected')).sort()
    expect(onDisk).toEqual(Object.keys(rejected).sort())
    const covered = new Set([...CASES.map(([file]) => file), 'not-json.json', 'not-utf8.json'])
    expect(onDisk.filter((file) => !covered.has(file))).toEqual([])
  })

  it('accepts the valid fixture and imports it once', async () => {
    const { library, handlers } = await makeTestHandlers()
    const bytes = fs.readFileSync(path.join(FIXTURES, 'valid.json'))
    const upload = { fileName: 'valid.json', dataBase64: bytes.toString('base64') }
    expect(await handlers['import:json'](upload)).toMatchObject({
      article: 'new',
      quotes: { new: 1 },
      speakers: { new: 1 },
      sources: { new: 1, redacted: 1 },
      changed: true,
    })
    const dump = await dumpLibrary(library)
    expect(await handlers['import:json'](upload)).toMatchObject({ changed: false, quotes: { new: 0, unchanged: 1 } })
    expect(await dumpLibrary(library)).toEqual(dump)
  })

  it.each(CASES)('rejects %s, naming %s, and changes nothing', async (file, at, message) => {
    const { library, handlers } = await makeTestHandlers()
    const before = await dumpLibrary(library)
    const bytes = fs.readFileSync(path.join(FIXTURES, 'rejected', file))
    const reply = await dispatch(
      handlers,
      'import:json',
      { fileName: file, dataBase64: bytes.toString('base64') },
      quiet,
    )
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid_input')
    const issue = reply.error.issues?.find((i) => i.path === at)
    expect(issue, JSON.stringify(reply.error.issues)).toBeDefined()
    expect(issue?.message).toMatch(message)
    // The message is z.prettifyError-style and names the path for people reading the CLI.
    expect(reply.error.message).toContain(`${file} is not a valid Quotedesk export`)
    expect(reply.error.message).toContain(`→ at ${at}`)
    expect(await dumpLibrary(library)).toEqual(before)
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it.each([
    ['not-json.json', /not a valid Quotedesk export: .*JSON/],
    ['not-utf8.json', /not a valid Quotedesk export: it is not UTF-8 text/],
  ])('rejects %s in one clear line', (file, message) => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'rejected', file))
    expect(() => parseExportFile(file, bytes)).toThrow(message)
  })

  it('refuses a file over the size limit before parsing it', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1)
    let error: unknown
    try {
      parseExportFile('big.json', big)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(QuotedeskError)
    expect(error).toMatchObject({ code: 'too_large' })
  })
})
