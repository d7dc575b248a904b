import { describe, expect, it } from 'vitest'
import { exportedArticleId } from './own-files'

const ID = '0b6c1f0e-5a8e-4d1e-9f3a-2c7d8e9f0a1b'

describe('exportedArticleId', () => {
  it.each([
    [`---\nquotedesk-article: "${ID}"\ntitle: "Budget"\n`, ID],
    [`---\r\nquotedesk-article: "${ID}"\r\ntitle: "Budget"\r\n`, ID],
    [
      `{\n  "format": "quotedesk/1",\n  "exportedAt": "2025-04-28T10:00:00.000Z",\n  "article": {\n    "id": "${ID}",`,
      ID,
    ],
    [`{"format":"quotedesk/1","exportedAt":"2025-04-28T10:00:00.000Z","article":{"id":"${ID}"`, ID],
    // A person's files: the mark elsewhere than at the start, another format, or none at all.
    [`---\ntitle: "Budget"\nquotedesk-article: "${ID}"\n`, null],
    [`My notes\n---\nquotedesk-article: "${ID}"\n`, null],
    [`{"format":"quotedesk/2","exportedAt":"x","article":{"id":"${ID}"`, null],
    [`{"article":{"id":"${ID}"},"format":"quotedesk/1"}`, null],
    ['', null],
  ])('%j → %j', (head, expected) => {
    expect(exportedArticleId(head)).toBe(expected)
  })
})
