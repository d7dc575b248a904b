import { z } from 'zod'
import { Article, ArticleCreate, ArticleListQuery, ArticleRef, ArticleSummary, ArticleUpdate } from './schemas/articles'
import {
  NameFlag,
  NameFlagAccept,
  NameFlagDismiss,
  QuoteCheck,
  QuoteLinkSource,
  SourceSuggestion,
} from './schemas/checks'
import {
  Entity,
  EntityCreate,
  EntityListQuery,
  EntityMerge,
  EntityQuote,
  EntityRef,
  EntityUpdate,
} from './schemas/entities'
import { ExportedFile, SavedExport, ExportRequest, ImportJsonRequest, ImportSummary } from './schemas/export'
import { FileUpload } from './schemas/imports'
import { Empty, LibraryInfo, SearchQuery, SearchResult } from './schemas/library'
import {
  ArticleAnnotations,
  AuditEntry,
  Mention,
  MentionCreate,
  MentionRef,
  Quote,
  QuoteCreate,
  QuoteListQuery,
  QuoteRef,
  QuoteSetSpeaker,
  QuoteSetStatus,
  QuoteSpan,
} from './schemas/quotes'
import {
  ImportedSource,
  Source,
  SourceCreate,
  SourceImport,
  SourceListQuery,
  SourceCitation,
  SourceRef,
  SourceSummary,
  SourceUpdate,
} from './schemas/sources'

/**
 * THE process boundary: every channel the renderer may call, with the zod schema of its
 * input and output. Main registers one handler per key; the preload and the HTTP host
 * expose exactly these keys.
 *
 * @example
 *   const article = await call('articles:create', { body: 'Oseman said: “Hello.”' })
 */
export const contract = {
  'articles:create': { input: ArticleCreate, output: Article },
  'articles:import': { input: FileUpload, output: Article },
  'articles:list': { input: ArticleListQuery, output: z.array(ArticleSummary) },
  'articles:get': { input: ArticleRef, output: Article },
  'articles:update': { input: ArticleUpdate, output: Article },
  'articles:delete': { input: ArticleRef, output: z.null() },

  'entities:create': { input: EntityCreate, output: Entity },
  'entities:list': { input: EntityListQuery, output: z.array(Entity) },
  'entities:get': { input: EntityRef, output: Entity },
  'entities:update': { input: EntityUpdate, output: Entity },
  'entities:delete': { input: EntityRef, output: z.null() },
  /** Folds a duplicate into the kept entity: name and aliases become aliases; quotes, mentions and roles move. */
  'entities:merge': { input: EntityMerge, output: Entity },
  /** Every quote whose speaker is the entity, across articles, with each article's title. */
  'entities:quotes': { input: EntityRef, output: z.array(EntityQuote) },

  'sources:create': { input: SourceCreate, output: Source },
  /** Reads a .txt, .md, .html, .docx, .vtt or .srt file into a new source; `notices` lists repairs made. */
  'sources:import': { input: SourceImport, output: ImportedSource },
  'sources:list': { input: SourceListQuery, output: z.array(SourceSummary) },
  'sources:get': { input: SourceRef, output: Source },
  'sources:update': { input: SourceUpdate, output: Source },
  'sources:delete': { input: SourceRef, output: z.null() },
  /** The quotes linked to the source, each with where in the source it was found, for highlighting. */
  'sources:citations': { input: SourceRef, output: z.array(SourceCitation) },

  'quotes:list': { input: QuoteListQuery, output: z.array(Quote) },
  /** Quotes and entity mentions of one article, for highlighting. */
  'quotes:annotations': { input: ArticleRef, output: ArticleAnnotations },
  /** Runs the analyser again; user decisions are kept. */
  'quotes:analyze': { input: ArticleRef, output: ArticleAnnotations },
  'quotes:create': { input: QuoteCreate, output: Quote },
  'quotes:update-span': { input: QuoteSpan, output: Quote },
  'quotes:remove': { input: QuoteRef, output: z.null() },
  'quotes:set-speaker': { input: QuoteSetSpeaker, output: Quote },
  'quotes:set-status': { input: QuoteSetStatus, output: Quote },
  'quotes:history': { input: QuoteRef, output: z.array(AuditEntry) },
  'quotes:link-source': { input: QuoteLinkSource, output: Quote },
  /** Aligns the quote with its linked source: exact, altered, elided, bracketed, partial or not found. */
  'quotes:check': { input: QuoteRef, output: QuoteCheck },
  /** The library's source that best matches the quote, or null. */
  'quotes:suggest-source': { input: QuoteRef, output: SourceSuggestion },

  /** Names nearly matching a known one, or spelled two ways (here or in the linked sources). */
  /** Tags a span of the article as naming an entity; a person's tag survives re-analysis. */
  'mentions:create': { input: MentionCreate, output: Mention },
  'mentions:remove': { input: MentionRef, output: z.null() },

  'names:flags': { input: ArticleRef, output: z.array(NameFlag) },
  'names:accept': { input: NameFlagAccept, output: Article },
  'names:dismiss': { input: NameFlagDismiss, output: z.null() },

  'library:search': { input: SearchQuery, output: SearchResult },
  'library:info': { input: Empty, output: LibraryInfo },

  /** One article as Markdown or Quotedesk JSON; confidential sources are redacted unless included explicitly. */
  'export:article': { input: ExportRequest, output: ExportedFile },
  /** Desktop app only: the native save dialog, then an atomic write. */
  'export:save': { input: ExportRequest, output: SavedExport },
  /** Re-imports a Quotedesk JSON export; importing the same file twice changes nothing. */
  'import:json': { input: ImportJsonRequest, output: ImportSummary },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type Channel = keyof Contract
export const CHANNELS = Object.keys(contract) as Channel[]

/** What a caller passes (before zod defaults and transforms). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = z.output<Contract[C]['output']>

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> }

/** Safe against `__proto__`, `constructor` and other inherited keys. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** The handlers of one domain, e.g. `DomainHandlers<'articles'>`. */
export type DomainHandlers<D extends string> = Pick<Handlers, Extract<Channel, `${D}:${string}`>>
