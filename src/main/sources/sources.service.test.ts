import { describe, expect, it } from 'vitest'
import { makeTestHandlers } from '../../../test/helpers/db'
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
