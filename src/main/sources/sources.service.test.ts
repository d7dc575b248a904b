import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURE_DIR } from '../../../scripts/make-import-fixtures'
import { makeTestHandlers } from '../../../test/helpers/db'
import { contract } from '../../shared/contract'
import { auditFor } from '../audit/audit.repo'
import { dispatch } from '../rpc/dispatch'

describe('sources', () => {
  it('stores an interview with its details and lists it without the full text', async () => {
    const { handlers } = await makeTestHandlers()
    const source = await handlers['sources:create']({
      kind: 'interview',
      title: 'Call with the harbour master',
      outlet: 'Coast Gazette',
      sourceDate: '2025-04-20',
      body: 'Q: Will the harbour close?\nA: Not this year.',
      isConfidential: true,
    })
    expect(source).toMatchObject({ kind: 'interview', isConfidential: true, url: null, notes: '' })
    const [summary] = await handlers['sources:list']({})
    expect(summary).toMatchObject({ id: source.id, length: source.body.length, isConfidential: true })
    expect(summary).not.toHaveProperty('body')
  })

  it('never writes a confidential source’s title or text into the audit log', async () => {
    const { handlers, library } = await makeTestHandlers()
    const source = await handlers['sources:create']({
      kind: 'document',
      title: 'CANARY-4f2a whistleblower memo',
      body: 'CANARY-4f2a body',
      isConfidential: true,
    })
    await handlers['sources:update']({ id: source.id, title: 'CANARY-4f2a renamed', notes: 'CANARY-4f2a note' })
    const log = await auditFor(library.db, 'source', source.id)
    expect(log).toHaveLength(2)
    expect(JSON.stringify(log)).not.toMatch(/CANARY/)
  })

  it('accepts only http and https addresses', async () => {
    const { handlers } = await makeTestHandlers()
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      const reply = await dispatch(handlers, 'sources:create', { kind: 'web', title: 'x', url }, () => {})
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'url' }] } })
    }
  })

  it('unlinks quotes from a deleted source instead of deleting them', async () => {
    const { handlers, library } = await makeTestHandlers()
    const article = await handlers['articles:create']({ body: '“Hello,” she said.' })
    const source = await handlers['sources:create']({ kind: 'web', title: 'Site' })
    const stamp = new Date().toISOString()
    library.sqlite
      .prepare(
        'insert into quotes (id, article_id, start_offset, end_offset, text, source_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run('q1', article.id, 0, 8, '“Hello,”', source.id, stamp, stamp)
    await handlers['sources:delete']({ id: source.id })
    expect(library.sqlite.prepare("select source_id from quotes where id = 'q1'").pluck().get()).toBeNull()
  })
})

describe('sources:import', () => {
  const upload = (fileName: string, fixtureName = fileName) => ({
    fileName,
    dataBase64: fs.readFileSync(path.join(FIXTURE_DIR, fixtureName)).toString('base64'),
  })

  it('imports a WebVTT transcript as an interview, with its title and line timings', async () => {
    const { handlers } = await makeTestHandlers()
    const source = await handlers['sources:import'](upload('interview.vtt'))
    expect(contract['sources:import'].output.parse(source)).toEqual(source)
    expect(source).toMatchObject({ kind: 'interview', title: 'Interview with the harbour master', notices: [] })
    expect(source.timings).toHaveLength(4)
    const stored = await handlers['sources:get']({ id: source.id })
    expect(stored.timings).toEqual(source.timings)
    expect(stored.body.slice(stored.timings[1]!.start, stored.timings[1]!.end)).toBe(
      'Harbour Master: Not this year. Not while I’m here & working.',
    )
    const [summary] = await handlers['sources:list']({})
    expect(summary).not.toHaveProperty('timings')
  })

  it.each([
    [
      'article.html',
      {
        kind: 'web',
        title: 'Council keeps the harbour open',
        url: 'https://gazette.example/2025/04/harbour',
        outlet: 'Coast Gazette',
        sourceDate: '2025-04-28',
      },
    ],
    ['draft.docx', { kind: 'document', title: 'Harbour & council', sourceDate: null }],
    ['interview.srt', { kind: 'interview', title: 'interview' }],
    ['utf8.txt', { kind: 'document', title: 'utf8' }],
    ['front-matter.md', { kind: 'document', title: 'Harbour: the vote' }],
  ])('guesses the kind and title of %s', async (name, expected) => {
    const { handlers } = await makeTestHandlers()
    expect(await handlers['sources:import'](upload(name))).toMatchObject({ ...expected, isConfidential: false })
  })

  it('keeps the kind and confidentiality the user chose, and reports repairs', async () => {
    const { handlers } = await makeTestHandlers()
    const source = await handlers['sources:import']({
      ...upload('stray-nuls.txt'),
      kind: 'press_release',
      isConfidential: true,
    })
    expect(source).toMatchObject({ kind: 'press_release', isConfidential: true, notices: ['removed 3 NUL bytes'] })
    expect(source.body).not.toContain('\u0000')
  })

  it('never writes an imported source’s file name, title or text into the audit log', async () => {
    const { handlers, library } = await makeTestHandlers()
    const vtt = 'WEBVTT CANARY-9c1e title\n\n00:00:01.000 --> 00:00:02.000\n<v CANARY-9c1e>CANARY-9c1e said this\n'
    const source = await handlers['sources:import']({
      fileName: 'CANARY-9c1e whistleblower.vtt',
      dataBase64: Buffer.from(vtt).toString('base64'),
      isConfidential: true,
    })
    expect(source.title).toBe('CANARY-9c1e title')
    const log = await auditFor(library.db, 'source', source.id)
    expect(log).toMatchObject([{ action: 'created' }])
    expect(JSON.parse(log[0]!.detail)).toEqual({ kind: 'interview', importedFrom: 'vtt' })
    expect(JSON.stringify(log)).not.toMatch(/CANARY/i)
  })

  it.each([
    'empty.txt',
    'png.txt',
    'utf16-no-bom.txt',
    'zip-renamed.docx',
    'truncated.docx',
    'corrupt.docx',
    'bomb.docx',
    'lying-bomb.docx',
    'report.pdf',
    'no-header.vtt',
    'scripts-only.html',
  ])('refuses %s with its name and reason, and writes nothing to the library', async (name) => {
    const { handlers, library } = await makeTestHandlers()
    const count = (table: string) => library.sqlite.prepare(`select count(*) from ${table}`).pluck().get()
    const reply = await dispatch(handlers, 'sources:import', upload(name), () => {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'unsupported_file' } })
    expect(reply.ok ? '' : reply.error.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: .+`))
    expect([count('sources'), count('audit_log'), count('articles')]).toEqual([0, 0, 0])
  })

  it('refuses unknown keys and a bad kind before reading the file', async () => {
    const { handlers } = await makeTestHandlers()
    const reply = await dispatch(
      handlers,
      'sources:import',
      { ...upload('utf8.txt'), kind: 'rumour', path: '/etc' },
      () => {},
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(reply.ok ? [] : reply.error.issues?.map((issue) => issue.path).sort()).toEqual(['(input)', 'kind'])
  })

  it('carries a transcript’s timings through an edit of its text', async () => {
    const { handlers } = await makeTestHandlers()
    const source = await handlers['sources:import'](upload('interview.srt'))
    const body = source.body.replace('Did the council vote?', 'Did the town council vote last night?')
    const edited = await handlers['sources:update']({ id: source.id, body })
    expect(edited.timings.map((timing) => body.slice(timing.start, timing.end))).toEqual(
      body.split('\n').filter((line) => line !== ''),
    )
  })
})
