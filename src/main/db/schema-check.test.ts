import { describe, expect, it } from 'vitest'
import { normaliseSql, schemaDifference, type SchemaObject } from './schema-check'

describe('normaliseSql', () => {
  it.each([
    ['CREATE  TABLE "t" ( a TEXT )', 'create table t(a text)'],
    ['create table t(a text)', 'create table t(a text)'],
    ['CREATE TABLE [T] (`A` text)', 'create table t(a text)'],
    ['CREATE TABLE t (a) -- a comment\n', 'create table t(a)'],
    ['CREATE TABLE t /* why */ (a)', 'create table t(a)'],
    ["CHECK (status IN ('Draft', 'it''s'))", "check(status in('Draft','it''s'))"],
    ['CREATE TABLE "my table" (a)', 'create table "my table"(a)'],
    ['CREATE TRIGGER x\n\tBEGIN\n  SELECT 1;\nEND', 'create trigger x begin select 1;end'],
  ])('%j → %j', (sql, expected) => {
    expect(normaliseSql(sql)).toBe(expected)
  })

  it('keeps the case of string literals, which is part of their meaning', () => {
    expect(normaliseSql("DEFAULT 'draft'")).not.toBe(normaliseSql("DEFAULT 'DRAFT'"))
  })
})

describe('schemaDifference', () => {
  const table: SchemaObject = { type: 'table', name: 'sources', tblName: 'sources', sql: 'create table sources(a)' }
  const trigger: SchemaObject = {
    type: 'trigger',
    name: 'audit_log_no_update',
    tblName: 'audit_log',
    sql: 'create trigger audit_log_no_update before update on audit_log begin select raise(abort,"no");end',
  }

  it('finds nothing in the schema the migrations make', () => {
    expect(schemaDifference([table, trigger], [table, trigger])).toBeNull()
  })

  it.each([
    [
      'an extra trigger',
      [table, trigger, { ...trigger, name: 'leak', tblName: 'sources' }],
      'has a trigger "leak" that Quotedesk did not create',
    ],
    ['a dropped trigger', [table], 'lacks the trigger "audit_log_no_update" that Quotedesk creates'],
    [
      'an altered trigger',
      [table, { ...trigger, sql: 'create trigger audit_log_no_update before update on audit_log begin select 1;end' }],
      'has a trigger "audit_log_no_update" that differs from the one Quotedesk creates',
    ],
    [
      'a trigger moved to another table',
      [table, { ...trigger, tblName: 'sources' }],
      'has a trigger "audit_log_no_update" that differs from the one Quotedesk creates',
    ],
    [
      'an extra view',
      [table, trigger, { type: 'view', name: 'v', tblName: 'v', sql: 'create view v as select 1' }],
      'has a view "v" that Quotedesk did not create',
    ],
  ])('names %s', (_what, actual, expected) => {
    expect(schemaDifference(actual, [table, trigger])).toBe(expected)
  })

  it('names three differences and counts the rest', () => {
    const extra = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ ...trigger, name }))
    expect(schemaDifference([table, trigger, ...extra], [table, trigger])).toBe(
      'has a trigger "a" that Quotedesk did not create, has a trigger "b" that Quotedesk did not create, ' +
        'has a trigger "c" that Quotedesk did not create (and 2 more differences)',
    )
  })
})
