import type BetterSqlite3 from 'better-sqlite3'

/** One row of sqlite_schema, with its SQL normalised (normaliseSql). */
export interface SchemaObject {
  type: string
  name: string
  tblName: string
  sql: string | null
}

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/

/** The end (exclusive) of a quoted run starting at `start`, where a doubled `close` is an escaped one. */
function quotedEnd(sql: string, start: number, close: string): number {
  let i = start + 1
  while (i < sql.length) {
    if (sql[i] === close) {
      if (close !== ']' && sql[i + 1] === close) {
        i += 2
        continue
      }
      return i + 1
    }
    i++
  }
  return sql.length
}

/**
 * SQL as SQLite reads it, so that only a change of meaning counts as a difference: keywords and
 * identifiers lower-cased (SQLite compares both without case; better-sqlite3 is built with
 * SQLITE_DQS=0, so "x" is always an identifier), identifier quotes dropped where not needed, comments and whitespace dropped except one space between two words.
 * String literals are kept exactly, since their case is part of their meaning.
 *
 * @example
 *   normaliseSql('CREATE  TABLE "t" ( a TEXT )') // 'create table t(a text)'
 */
export function normaliseSql(sql: string): string {
  const tokens: string[] = []
  let i = 0
  while (i < sql.length) {
    const ch = sql[i] ?? ''
    if (/\s/.test(ch)) {
      i++
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i)
      i = end < 0 ? sql.length : end + 1
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2)
      i = end < 0 ? sql.length : end + 2
    } else if (ch === "'") {
      const end = quotedEnd(sql, i, "'")
      tokens.push(sql.slice(i, end))
      i = end
    } else if (ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch
      const end = quotedEnd(sql, i, close)
      const inner = sql.slice(i + 1, end - 1).toLowerCase()
      tokens.push(/^[a-z_][a-z0-9_]*$/.test(inner) ? inner : `"${inner.replaceAll('"', '""')}"`)
      i = end
    } else if (WORD.test(ch)) {
      let end = i + 1
      while (end < sql.length && WORD.test(sql[end] ?? '')) end++
      tokens.push(sql.slice(i, end).toLowerCase())
      i = end
    } else {
      tokens.push(ch)
      i++
    }
  }
  let out = ''
  for (const token of tokens) {
    const last = out.at(-1) ?? ''
    if (out !== '' && isWordEdge(last) && isWordEdge(token[0] ?? '')) out += ' '
    out += token
  }
  return out
}

function isWordEdge(ch: string): boolean {
  return WORD.test(ch) || ch === '"' || ch === "'"
}

/**
 * The schema as SQLite keeps it. Left out: sqlite_stat* (written by ANALYZE, holding only
 * statistics). FTS5 shadow tables are kept by name only: SQLite itself writes their SQL, which
 * may change between SQLite versions, and nothing in it runs.
 */
export function readSchema(sqlite: BetterSqlite3.Database): SchemaObject[] {
  const shadow = new Set(
    (
      sqlite.prepare("select name from pragma_table_list where schema = 'main' and type = 'shadow'").all() as {
        name: string
      }[]
    ).map((row) => row.name.toLowerCase()),
  )
  const rows = sqlite.prepare('select type, name, tbl_name, sql from main.sqlite_schema').all() as {
    type: string
    name: string
    tbl_name: string
    sql: string | null
  }[]
  return rows
    .filter((row) => !/^sqlite_stat\d$/i.test(row.name))
    .map((row) => {
      const name = row.name.toLowerCase()
      return {
        type: row.type,
        name,
        tblName: row.tbl_name.toLowerCase(),
        sql: shadow.has(name) || row.sql === null ? null : normaliseSql(row.sql),
      }
    })
    .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name))
}

const key = (object: SchemaObject) => `${object.type} ${object.name}`

/**
 * How `actual` differs from the schema Quotedesk's migrations make (`expected`), as a phrase to
 * follow the file's name, or null when it does not. A trigger, view or index that Quotedesk did
 * not write runs with the library's data (a trigger can clear `is_confidential` on every new
 * source), so any extra, missing or altered object refuses the file.
 *
 * @example
 *   schemaDifference(actual, expected) // 'has a trigger "leak" that Quotedesk did not create'
 */
export function schemaDifference(actual: readonly SchemaObject[], expected: readonly SchemaObject[]): string | null {
  const want = new Map(expected.map((object) => [key(object), object]))
  const have = new Map(actual.map((object) => [key(object), object]))
  const problems: string[] = []
  const named = (object: SchemaObject) => `${object.type === 'index' ? 'an' : 'a'} ${object.type} "${object.name}"`
  for (const object of actual) {
    const theirs = want.get(key(object))
    if (!theirs) problems.push(`has ${named(object)} that Quotedesk did not create`)
    else if (theirs.sql !== object.sql || theirs.tblName !== object.tblName) {
      problems.push(`has ${named(object)} that differs from the one Quotedesk creates`)
    }
  }
  for (const object of expected) {
    if (!have.has(key(object))) problems.push(`lacks the ${object.type} "${object.name}" that Quotedesk creates`)
  }
  if (problems.length === 0) return null
  const shown = problems.slice(0, 3).join(', ')
  return problems.length > 3 ? `${shown} (and ${problems.length - 3} more differences)` : shown
}
