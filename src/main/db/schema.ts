import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The library's tables, snake_case as stored. `seq` is an internal integer key that FTS5
 * indexes by (a stable rowid); `id` is the UUID every other layer uses.
 */
export interface Database {
  articles: ArticlesTable
  entities: EntitiesTable
  entity_aliases: EntityAliasesTable
  sources: SourcesTable
  quotes: QuotesTable
  entity_mentions: EntityMentionsTable
  entity_roles: EntityRolesTable
  name_flag_dismissals: NameFlagDismissalsTable
  audit_log: AuditLogTable
  settings: SettingsTable
}

export interface ArticlesTable {
  seq: Generated<number>
  id: string
  title: string
  body: string
  word_count: number
  published_on: string | null
  status: 'draft' | 'in_review' | 'approved'
  created_at: string
  updated_at: string
}

export interface EntitiesTable {
  seq: Generated<number>
  id: string
  kind: 'person' | 'organization' | 'work' | 'place' | 'other'
  name: string
  notes: string
  created_at: string
  updated_at: string
  /** 'analysis' when the analyser added it from an article; 'user' when a person did. */
  origin: Generated<'user' | 'analysis'>
}

export interface EntityAliasesTable {
  entity_id: string
  alias: string
  /** Lower-cased and trimmed, for matching names whatever their case. */
  alias_key: string
}

export interface SourcesTable {
  seq: Generated<number>
  id: string
  kind: 'interview' | 'document' | 'web' | 'press_release' | 'other'
  title: string
  url: string | null
  outlet: string | null
  source_date: string | null
  body: string
  is_confidential: number
  notes: string
  /** JSON array of { start, end, time } for a timed transcript; '[]' otherwise. */
  timings: Generated<string>
  created_at: string
  updated_at: string
}

export interface QuotesTable {
  seq: Generated<number>
  id: string
  article_id: string
  start_offset: number
  end_offset: number
  text: string
  prefix: Generated<string>
  suffix: Generated<string>
  is_partial: Generated<number>
  speaker_entity_id: string | null
  source_id: string | null
  status: Generated<'unverified' | 'verified' | 'altered' | 'not_found' | 'disputed'>
  note: Generated<string>
  checked_by: string | null
  checked_at: string | null
  /** 'analysis' when found by the analyser, 'user' when marked by hand. */
  origin: Generated<'analysis' | 'user'>
  created_at: string
  updated_at: string
  kind: Generated<'direct' | 'partial' | 'block' | 'document'>
  confidence: Generated<number>
  cue_start: number | null
  cue_end: number | null
  group_key: string | null
  needs_review: Generated<number>
  speaker_label: string | null
  speaker_confirmed: Generated<number>
  is_removed: Generated<number>
  anchor: Generated<'ok' | 'lost'>
  verdict: 'exact' | 'altered' | 'elided' | 'bracketed' | 'partial' | 'not_found' | null
  verdict_score: number | null
  verdict_at: string | null
}

export interface NameFlagDismissalsTable {
  id: string
  article_id: string | null
  text: string
  suggestion: string
  created_at: string
}

export interface EntityRolesTable {
  id: string
  entity_id: string
  article_id: string
  role: string
  of_name: string | null
}

export interface EntityMentionsTable {
  id: string
  article_id: string
  entity_id: string
  start_offset: number
  end_offset: number
  text: string
  origin: Generated<'analysis' | 'user'>
  /** An analyser's mention a person removed: kept so re-analysis does not add it back. */
  is_removed: Generated<number>
}

export interface AuditLogTable {
  seq: Generated<number>
  at: string
  actor: string
  subject_type: 'article' | 'entity' | 'source' | 'quote' | 'library'
  subject_id: string
  action: string
  /** JSON: what changed, never the full text of a confidential source. */
  detail: string
}

export interface SettingsTable {
  key: string
  value: string
}

export type ArticleRow = Selectable<ArticlesTable>
export type NewArticleRow = Insertable<ArticlesTable>
export type ArticleRowUpdate = Updateable<ArticlesTable>
export type EntityRow = Selectable<EntitiesTable>
export type NewEntityRow = Insertable<EntitiesTable>
export type SourceRow = Selectable<SourcesTable>
export type NewSourceRow = Insertable<SourcesTable>
export type QuoteRow = Selectable<QuotesTable>
export type NewQuoteRow = Insertable<QuotesTable>
export type MentionRow = Selectable<EntityMentionsTable>
export type NewMentionRow = Insertable<EntityMentionsTable>
export type AuditRow = Selectable<AuditLogTable>
export type NewAuditRow = Insertable<AuditLogTable>
