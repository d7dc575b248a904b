import { useCallback, useEffect, useEffectEvent, useRef, useState, type ChangeEvent } from 'react'
import type { Article } from '../../shared/schemas/articles'
import type { SearchHit } from '../../shared/schemas/library'
import { call } from './api'
import {
  COMMAND_KEYS,
  ariaKeys,
  describeKeys,
  findCommand,
  isDeskCommand,
  isTypingIn,
  type Command,
  type CommandName,
} from './commands'
import { EmptyState } from './components/EmptyState'
import { ErrorBanner } from './components/ErrorBanner'
import { ShortcutSheet } from './components/ShortcutSheet'
import { toFault, type Problem } from './fault'
import { ArticleView } from './features/article/ArticleView'
import { NewArticleDialog } from './features/article/NewArticleDialog'
import { useImport } from './features/article/use-import'
import { EntityForm } from './features/entities/EntityForm'
import { EntityView } from './features/entities/EntityView'
import { ExportDialog } from './features/export/ExportDialog'
import { LibraryPane } from './features/library/LibraryPane'
import type { Tab } from './features/library/LibraryTabs'
import { SourceForm } from './features/sources/SourceForm'
import { SourceView } from './features/sources/SourceView'
import { focusMainHeading } from './focus'
import { formatCount } from './format'
import { ReportContext, type Report } from './report'
import { useAsync } from './use-async'

type Selection =
  | { kind: 'article'; id: string }
  | { kind: 'source'; id: string }
  | { kind: 'entity'; id: string }
  | { kind: 'new-source' }
  | { kind: 'new-entity' }
  | null

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

const listArticles = () => call('articles:list', {})
const listSources = () => call('sources:list', {})
const listEntities = () => call('entities:list', {})

export function App() {
  const [tab, setTab] = useState<Tab>('articles')
  const [selection, setSelection] = useState<Selection>(null)
  const [query, setQuery] = useState('')
  // Bumped after every change, so lists and open items reload from the service.
  const [revision, setRevision] = useState(0)
  const [problems, setProblems] = useState<Problem[]>([])
  const [isNewArticleOpen, setNewArticleOpen] = useState(false)
  const [isShortcutsOpen, setShortcutsOpen] = useState(false)
  const [isExportOpen, setExportOpen] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const nextProblemId = useRef(1)

  const articles = useAsync(listArticles, revision)
  const sources = useAsync(listSources, revision)
  const entities = useAsync(listEntities, revision)

  const changed = useCallback(() => setRevision((n) => n + 1), [])
  const report: Report = useCallback((title, err) => {
    const problem = { id: nextProblemId.current++, title, fault: toFault(err) }
    // The newest on top, and only a handful: a wall of old errors hides the one that matters.
    setProblems((list) => [problem, ...list].slice(0, 4))
  }, [])

  const openArticle = useCallback(
    (article: Article) => {
      setTab('articles')
      setSelection({ kind: 'article', id: article.id })
      changed()
      focusMainHeading()
    },
    [changed],
  )
  // App provides the report context, so it hands `report` over instead of reading the context.
  const { importFiles, importing } = useImport(openArticle, report)

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? [])
    // Cleared so that choosing the same file again fires `change` again.
    event.target.value = ''
    void importFiles(files)
  }

  const runCommand = (name: CommandName) => {
    switch (name) {
      case 'show-shortcuts':
        setShortcutsOpen(true)
        return
      case 'export-articles':
        setExportOpen(true)
        return
      case 'focus-search':
        searchRef.current?.focus()
        searchRef.current?.select()
        return
      case 'new-article':
        setNewArticleOpen(true)
        return
      case 'import-file':
        fileRef.current?.click()
        return
      case 'show-articles':
      case 'show-sources':
      case 'show-entities':
        setQuery('')
        setTab(name === 'show-articles' ? 'articles' : name === 'show-sources' ? 'sources' : 'entities')
        return
      default:
        // The open article's desk handles its own commands.
        return
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    // A modal dialog owns the keyboard while it is open.
    if (event.defaultPrevented || document.querySelector('dialog[open]')) return
    const commands: Command[] = Object.entries(COMMAND_KEYS)
      .filter(([name]) => !isDeskCommand(name as CommandName))
      .map(([name, spec]) => ({
        name: name as CommandName,
        ...spec,
        run: () => runCommand(name as CommandName),
      }))
    const command = findCommand(commands, event, { isMac, isTyping: isTypingIn(event) })
    if (!command) return
    event.preventDefault()
    command.run()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const openHit = (hit: SearchHit) => {
    if (hit.kind === 'source') {
      setTab('sources')
      setSelection({ kind: 'source', id: hit.id })
    } else {
      setTab('articles')
      setSelection({ kind: 'article', id: hit.articleId ?? hit.id })
    }
  }

  const openArticleById = (id: string) => {
    setTab('articles')
    setSelection({ kind: 'article', id })
    focusMainHeading()
  }

  const afterDelete = () => {
    setSelection(null)
    changed()
    focusMainHeading()
  }

  const selectedId = selection && 'id' in selection ? selection.id : null
  const articleSummary = selection?.kind === 'article' ? articles.data?.find((a) => a.id === selection.id) : undefined
  const hasNoArticles = articles.data?.length === 0

  const newArticleKeys = COMMAND_KEYS['new-article'].keys
  const importKeys = COMMAND_KEYS['import-file'].keys
  const newArticleButton = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => setNewArticleOpen(true)}
      aria-keyshortcuts={ariaKeys(newArticleKeys, isMac)}
      title={`New article (${newArticleKeys.map((k) => describeKeys(k, isMac)).join(' or ')})`}
    >
      New article
    </button>
  )
  const importButton = (
    <button
      type="button"
      className="button"
      onClick={() => fileRef.current?.click()}
      disabled={importing !== null}
      aria-keyshortcuts={ariaKeys(importKeys, isMac)}
      title={`Import a .txt or .md file (${describeKeys(importKeys[0] ?? '', isMac)})`}
    >
      Import file…
    </button>
  )

  let content
  if (selection?.kind === 'article') {
    content = (
      <ArticleView
        key={selection.id}
        id={selection.id}
        wordCount={articleSummary?.wordCount}
        onChanged={changed}
        onDeleted={afterDelete}
      />
    )
  } else if (selection?.kind === 'source') {
    content = (
      <SourceView
        key={selection.id}
        id={selection.id}
        revision={revision}
        onDeleted={afterDelete}
        onOpenArticle={openArticleById}
      />
    )
  } else if (selection?.kind === 'entity') {
    content = (
      <EntityView
        key={selection.id}
        id={selection.id}
        revision={revision}
        onDeleted={afterDelete}
        onChanged={changed}
        onMerged={(kept) => {
          setSelection({ kind: 'entity', id: kept.id })
          changed()
          focusMainHeading()
        }}
        onOpenArticle={openArticleById}
      />
    )
  } else if (selection?.kind === 'new-source') {
    content = (
      <SourceForm
        onCreated={(source) => {
          setSelection({ kind: 'source', id: source.id })
          changed()
          focusMainHeading()
        }}
        onCancel={() => setSelection(null)}
      />
    )
  } else if (selection?.kind === 'new-entity') {
    content = (
      <EntityForm
        onCreated={(entity) => {
          setSelection({ kind: 'entity', id: entity.id })
          changed()
          focusMainHeading()
        }}
        onCancel={() => setSelection(null)}
      />
    )
  } else if (tab === 'sources') {
    content = (
      <EmptyState
        title={sources.data?.length === 0 ? 'No sources yet' : 'Select a source'}
        actions={
          <button type="button" className="button button--primary" onClick={() => setSelection({ kind: 'new-source' })}>
            New source
          </button>
        }
      >
        <p>Sources are the interviews, documents and pages that quotes are checked against.</p>
      </EmptyState>
    )
  } else if (tab === 'entities') {
    content = (
      <EmptyState
        title={entities.data?.length === 0 ? 'No entities yet' : 'Select an entity'}
        actions={
          <button type="button" className="button button--primary" onClick={() => setSelection({ kind: 'new-entity' })}>
            New entity
          </button>
        }
      >
        <p>Entities are the people, organisations and works that speak or are spoken about.</p>
      </EmptyState>
    )
  } else if (hasNoArticles) {
    content = (
      <EmptyState
        title="No articles yet"
        actions={
          <>
            <button type="button" className="button button--primary" onClick={() => setNewArticleOpen(true)}>
              Paste an article
            </button>
            {importButton}
          </>
        }
      >
        <p>Paste a draft or import a .txt or .md file. Quotedesk keeps it in this library for checking.</p>
      </EmptyState>
    )
  } else {
    content = (
      <EmptyState title="Select an article">
        <p>
          {articles.data ? `${formatCount(articles.data.length, 'article', 'articles')} in the library. ` : ''}
          Press <kbd>/</kbd> to search, <kbd>{describeKeys(newArticleKeys[0] ?? '', isMac)}</kbd> for a new article.
        </p>
      </EmptyState>
    )
  }

  return (
    <ReportContext value={report}>
      <div className="app">
        <header className="topbar">
          <h1 className="topbar__brand">Quotedesk</h1>
          <div className="topbar__actions">
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setShortcutsOpen(true)}
              aria-keyshortcuts="Shift+? Alt+/"
            >
              Shortcuts <kbd aria-hidden="true">?</kbd>
            </button>
            {importing && (
              <span className="topbar__status" role="status">
                Importing {importing}…
              </span>
            )}
            <button
              type="button"
              className="button"
              onClick={() => setExportOpen(true)}
              disabled={!articles.data || articles.data.length === 0}
              aria-keyshortcuts={ariaKeys(COMMAND_KEYS['export-articles'].keys, isMac)}
              title={`Export articles (${describeKeys(COMMAND_KEYS['export-articles'].keys[0] ?? '', isMac)})`}
            >
              Export…
            </button>
            {importButton}
            {newArticleButton}
          </div>
          <input
            ref={fileRef}
            type="file"
            accept=".txt,.md,text/plain,text/markdown"
            multiple
            hidden
            aria-label="Import file"
            onChange={onFiles}
          />
        </header>
        <div className="workspace">
          <LibraryPane
            tab={tab}
            onTab={(next) => {
              setTab(next)
              setSelection(null)
            }}
            query={query}
            onQuery={setQuery}
            searchRef={searchRef}
            revision={revision}
            articles={articles}
            sources={sources}
            entities={entities}
            selectedId={selectedId}
            onOpenArticle={(id) => setSelection({ kind: 'article', id })}
            onOpenSource={(id) => setSelection({ kind: 'source', id })}
            onOpenEntity={(id) => setSelection({ kind: 'entity', id })}
            onNewSource={() => setSelection({ kind: 'new-source' })}
            onNewEntity={() => setSelection({ kind: 'new-entity' })}
            onOpenHit={openHit}
          />
          <main className="pane pane--main">
            {problems.length > 0 && (
              <div className="problems">
                {problems.map((problem) => (
                  <ErrorBanner
                    key={problem.id}
                    title={problem.title}
                    fault={problem.fault}
                    onDismiss={() => setProblems((list) => list.filter((p) => p.id !== problem.id))}
                  />
                ))}
              </div>
            )}
            {content}
          </main>
        </div>
        {isShortcutsOpen && <ShortcutSheet isMac={isMac} onClose={() => setShortcutsOpen(false)} />}
        {isExportOpen && (
          <ExportDialog
            articles={articles.data ?? []}
            openArticleId={selection?.kind === 'article' ? selection.id : null}
            onClose={() => setExportOpen(false)}
          />
        )}
        {isNewArticleOpen && (
          <NewArticleDialog
            onCreated={(article) => {
              setNewArticleOpen(false)
              openArticle(article)
            }}
            onClose={() => setNewArticleOpen(false)}
          />
        )}
      </div>
    </ReportContext>
  )
}
