import type { ReactNode, Ref } from 'react'
import type { ArticleSummary } from '../../../../shared/schemas/articles'
import type { Entity } from '../../../../shared/schemas/entities'
import type { SearchHit } from '../../../../shared/schemas/library'
import type { SourceSummary } from '../../../../shared/schemas/sources'
import type { Fault } from '../../../../shared/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ArticleList } from '../article/ArticleList'
import { EntityList } from '../entities/EntityList'
import { SourceList } from '../sources/SourceList'
import { LibraryTabs, panelId, tabId, type Tab } from './LibraryTabs'
import { SearchBox } from './SearchBox'
import { SearchResults } from './SearchResults'
import { useSearch } from './use-search'

export interface Loaded<T> {
  data: T | undefined
  fault: Fault | undefined
  reload: () => void
}

interface LibraryPaneProps {
  tab: Tab
  onTab: (tab: Tab) => void
  query: string
  onQuery: (query: string) => void
  searchRef: Ref<HTMLInputElement>
  revision: number
  articles: Loaded<ArticleSummary[]>
  sources: Loaded<SourceSummary[]>
  entities: Loaded<Entity[]>
  selectedId: string | null
  onOpenArticle: (id: string) => void
  onOpenSource: (id: string) => void
  onOpenEntity: (id: string) => void
  onNewSource: () => void
  onNewEntity: () => void
  onOpenHit: (hit: SearchHit) => void
}

function ListState<T>({
  what,
  loaded,
  children,
}: {
  what: string
  loaded: Loaded<T>
  children: (data: T) => ReactNode
}) {
  if (loaded.fault)
    return (
      <ErrorBanner
        title={`Could not load ${what}`}
        fault={loaded.fault}
        action={{ label: 'Try again', run: loaded.reload }}
      />
    )
  if (loaded.data === undefined) return <p className="pane__note">Loading {what}…</p>
  return <>{children(loaded.data)}</>
}

export function LibraryPane(props: LibraryPaneProps) {
  const { tab, query, selectedId } = props
  const search = useSearch(query, props.revision)
  const isSearching = query.trim() !== ''
  return (
    <nav className="pane pane--library" aria-label="Library">
      <SearchBox value={query} onChange={props.onQuery} inputRef={props.searchRef} />
      {isSearching ? (
        <SearchResults
          hits={search.hits}
          answered={search.answered}
          isSearching={search.isSearching}
          fault={search.fault}
          onRetry={search.reload}
          onOpen={props.onOpenHit}
        />
      ) : (
        <>
          <LibraryTabs
            tab={tab}
            onSelect={props.onTab}
            counts={{
              articles: props.articles.data?.length,
              sources: props.sources.data?.length,
              entities: props.entities.data?.length,
            }}
          />
          <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="pane__panel">
            {tab === 'articles' && (
              <ListState what="articles" loaded={props.articles}>
                {(articles) => <ArticleList articles={articles} selectedId={selectedId} onOpen={props.onOpenArticle} />}
              </ListState>
            )}
            {tab === 'sources' && (
              <>
                <div className="pane__toolbar">
                  <button type="button" className="button button--small" onClick={props.onNewSource}>
                    New source
                  </button>
                </div>
                <ListState what="sources" loaded={props.sources}>
                  {(sources) => <SourceList sources={sources} selectedId={selectedId} onOpen={props.onOpenSource} />}
                </ListState>
              </>
            )}
            {tab === 'entities' && (
              <>
                <div className="pane__toolbar">
                  <button type="button" className="button button--small" onClick={props.onNewEntity}>
                    New entity
                  </button>
                </div>
                <ListState what="entities" loaded={props.entities}>
                  {(entities) => <EntityList entities={entities} selectedId={selectedId} onOpen={props.onOpenEntity} />}
                </ListState>
              </>
            )}
          </div>
        </>
      )}
    </nav>
  )
}
