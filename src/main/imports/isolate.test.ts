import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURE_DIR, makeZip } from '../../../scripts/make-import-fixtures'
import { QuotedeskError } from '../../shared/errors'
import { readByFormat } from '.'
import { IMPORT_LIMITS, readInWorker } from './isolate'

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURE_DIR, name))
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** Empty Word paragraphs: under every count, but mammoth's tree of them outgrows a small heap. */
function emptyParagraphs(count: number): Buffer {
  const body = '<w:p><w:r><w:t></w:t></w:r></w:p>'.repeat(count)
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: Buffer.from(`<w:document ${W}><w:body>${body}</w:body></w:document>`) },
  ])
}

async function refusal(work: Promise<unknown>): Promise<QuotedeskError> {
  try {
    await work
  } catch (err) {
    if (err instanceof QuotedeskError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

describe('readInWorker (issue 12, finding 3)', () => {
  it.each([
    ['draft.docx', 'docx'],
    ['article.html', 'html'],
  ] as const)('reads %s in a worker exactly as in this thread', async (name, format) => {
    const bytes = fixture(name)
    expect(await readInWorker(name, format, bytes)).toEqual(await readByFormat(name, format, bytes))
  })

  it('ends an import that needs more memory than the limit with a clear message, and reads the next file', async () => {
    const error = await refusal(
      readInWorker('empty.docx', 'docx', emptyParagraphs(60_000), { ...IMPORT_LIMITS, heapMb: 128 }),
    )
    expect(error.code).toBe('unsupported_file')
    expect(error.message).toBe(
      'empty.docx: the file needs more memory than an import may use (128 MB), so it was stopped and nothing was imported',
    )
    expect((await readInWorker('draft.docx', 'docx', fixture('draft.docx'))).title).toBe('Harbour & council')
  })

  it('stops an import at its deadline', async () => {
    const error = await refusal(
      readInWorker('empty.docx', 'docx', emptyParagraphs(60_000), { ...IMPORT_LIMITS, deadlineMs: 50 }),
    )
    expect(error.message).toBe(
      'empty.docx: reading the file took longer than 0.05 s, so it was stopped and nothing was imported',
    )
  })

  it('answers imports made at once, one after the other, and refusals as the reader gave them', async () => {
    const [docx, refused, html] = await Promise.allSettled([
      readInWorker('draft.docx', 'docx', fixture('draft.docx')),
      readInWorker('corrupt.docx', 'docx', fixture('corrupt.docx')),
      readInWorker('article.html', 'html', fixture('article.html')),
    ])
    expect(docx).toMatchObject({ status: 'fulfilled', value: { title: 'Harbour & council' } })
    expect(refused).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'unsupported_file',
        message: 'corrupt.docx: the Word document is damaged: word/document.xml is corrupt',
      },
    })
    expect(html).toMatchObject({ status: 'fulfilled', value: { title: 'Council keeps the harbour open' } })
  })

  it("leaves the caller's bytes whole: a small Buffer shares Node's pool, which a transfer would detach", async () => {
    const bytes = Buffer.from(fixture('draft.docx'))
    const copy = Buffer.from(bytes)
    await readInWorker('draft.docx', 'docx', bytes)
    expect(bytes.equals(copy)).toBe(true)
    expect(Buffer.from('still pooled').toString()).toBe('still pooled')
  })
})
