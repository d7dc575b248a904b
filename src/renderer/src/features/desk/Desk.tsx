import { redo, undo } from '@codemirror/commands'
import { ChangeSet, type ChangeDesc } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Article } from '../../../../shared/schemas/articles'
import type { ArticleAnnotations, Mention, Quote, QuoteStatus } from '../../../../shared/schemas/quotes'
import { call } from '../../api'
import {
  COMMAND_KEYS,
  ariaKeys,
  describeKeys,
  findCommand,
  isDeskCommand,
  isTypingIn,
  type DeskCommandName,
} from '../../commands'
import { toFault } from '../../fault'
import { useReport } from '../../report'
import {
  annotationOp,
  mapOp,
  resolveId,
  type AnnotationOp,
  type MentionSnapshot,
  type QuoteSnapshot,
  type Span,
} from './annotation-history'
import {
  dropMention,
  dropQuote,
  mentionAt,
  placeOf,
  placedMentions,
  quoteAt,
  selectQuote,
  setAnnotations,
  shownCue,
  upsertMention,
  upsertQuote,
  type MentionMark,
  type PlacedMention,
  type QuoteEdge,
  type QuoteMark,
} from './annotations'
import { Autosaver, type SaveState } from './autosave'
import { DeskEditor, type EditorEvents } from './DeskEditor'
import { clearDraft, draftToReplay, localStore, readDraft, writeDraft } from './draft-journal'
import { NameFlags } from './NameFlags'
import { placeFlag } from './name-flags'
import { QuoteInspector } from './QuoteInspector'
import { QuoteList } from './QuoteList'
import { adjustSpan, matchesFilter, trimSpan, type QuoteFilter } from './quote-format'
import { SpeakerPicker } from './SpeakerPicker'

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)
const JOURNAL_THROTTLE_MS = 250

interface DeskProps {
  article: Article
  annotations: ArticleAnnotations
  /** After a save or a new entity: lists elsewhere reload. */
  onChanged: () => void
}

function toMark(quote: Quote, map: (pos: number, assoc: 1 | -1) => number = (pos) => pos): QuoteMark {
  return {
    id: quote.id,
    from: map(quote.start, 1),
    to: map(quote.end, -1),
    status: quote.status,
    needsReview: quote.needsReview,
    cue: quote.cue ? { from: map(quote.cue.start, 1), to: map(quote.cue.end, -1) } : null,
  }
}

function toMentionMark(m: Mention, map: (pos: number, assoc: 1 | -1) => number = (pos) => pos): MentionMark {
  return { id: m.id, entityId: m.entityId, entityName: m.entityName, from: map(m.start, 1), to: map(m.end, -1) }
}

/** Moves a dropped boundary to the edge of the word under the pointer (words keep their punctuation). */
function snapToWord(text: string, pos: number, edge: QuoteEdge): number {
  let at = pos
  if (edge === 'start') while (at > 0 && /\S/.test(text[at - 1] ?? '')) at--
  else while (at < text.length && /\S/.test(text[at] ?? '')) at++
  return at
}

function snapshotOf(quote: Quote, place: Span): QuoteSnapshot {
  return {
    id: quote.id,
    from: place.from,
    to: place.to,
    speakerEntityId: quote.speaker?.entityId ?? null,
    status: quote.status,
    note: quote.note,
    sourceId: quote.sourceId,
  }
}

function byStart(a: Quote, b: Quote): number {
  return a.start - b.start || a.end - b.end
}

/** The smallest single change from one text to another, so the draft replay keeps marks around it. */
function diffChange(from: string, to: string): ChangeSet {
  let start = 0
  while (start < from.length && start < to.length && from[start] === to[start]) start++
  let end = 0
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  )
    end++
  return ChangeSet.of({ from: start, to: from.length - end, insert: to.slice(start, to.length - end) }, from.length)
}

function saveLabel(state: SaveState): string {
  if (state.kind === 'saved') return 'Saved'
  if (state.kind === 'saving') return 'Saving…'
  return 'Not saved — retrying'
}

export function Desk({ article, annotations, onChanged }: DeskProps) {
  const report = useReport()
  const articleId = article.id
  const [quotes, setQuotes] = useState<Quote[]>(() => annotations.quotes.toSorted(byStart))
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [filter, setFilter] = useState<QuoteFilter>('all')
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' })
  // Counts completed saves, so views of the saved text (the name flags) refresh after each.
  const [savedRevision, setSavedRevision] = useState(0)
  const onSaveState = useCallback((state: SaveState) => {
    setSaveState(state)
    if (state.kind === 'saved') setSavedRevision((n) => n + 1)
  }, [])
  const [isPickerOpen, setPickerOpen] = useState(false)
  /** The words being tagged as an entity while the picker is open for them. */
  const [tagging, setTagging] = useState<{ from: number; to: number; text: string } | null>(null)
  /** The mention under the cursor, which "Remove tag" removes. */
  const [mentionHere, setMentionHere] = useState<PlacedMention | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [view, setView] = useState<EditorView | null>(null)
  const viewRef = useRef<EditorView | null>(null)
  const saverRef = useRef<Autosaver | null>(null)
  /** Edits made since the body now being saved was sent: the reply's offsets are mapped through them. */
  const changesSince = useRef<ChangeDesc | null>(null)
  const journalTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /** Quote actions run one after another, so offsets are never computed against a stale body. */
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const listRef = useRef<HTMLDivElement>(null)
  /** Ids of quotes and mentions that undo or redo created again, from the old id to the new one. */
  const aliases = useRef(new Map<string, string>())
  /** Undo and redo changes waiting in the queue: their positions follow the text typed meanwhile. */
  const pendingOps = useRef(new Set<{ op: AnnotationOp }>())

  const store = useMemo(() => localStore(), [])
  const replay = useMemo(() => draftToReplay(readDraft(store, articleId), article), [store, articleId, article])

  const quotesById = useMemo(() => new Map(quotes.map((quote) => [quote.id, quote])), [quotes])
  const selected = selectedId ? (quotesById.get(selectedId) ?? null) : null
  const visible = useMemo(() => quotes.filter((quote) => matchesFilter(quote, filter)), [quotes, filter])

  /** Keeps the journal equal to the editor: the unsaved text, or nothing once everything is saved. */
  const writeJournal = useCallback(() => {
    if (journalTimer.current !== null) clearTimeout(journalTimer.current)
    journalTimer.current = null
    const current = viewRef.current
    if (!current) return
    if (saverRef.current && !saverRef.current.isDirty) {
      clearDraft(store, articleId)
      return
    }
    const body = current.state.doc.toString()
    if (!writeDraft(store, articleId, { body, editedAt: Date.now() }))
      setNotice('This window could not keep a backup copy of unsaved text; keep it open until “Saved” shows.')
  }, [store, articleId])

  /** Puts the service's annotations on the text, mapped through whatever was typed since. */
  const applyAnnotations = useCallback((next: ArticleAnnotations, changes: ChangeDesc | null) => {
    const current = viewRef.current
    if (!current) return
    const map = (pos: number, assoc: 1 | -1) => (changes ? changes.mapPos(pos, assoc) : pos)
    const marks = next.quotes.filter((quote) => quote.anchor === 'ok').map((quote) => toMark(quote, map))
    const mentions: MentionMark[] = next.mentions.map((m) => toMentionMark(m, map))
    current.dispatch({ effects: setAnnotations.of({ quotes: marks, mentions }) })
    // Re-analysis gives the analyser's mentions new ids: "Remove tag" must name the current one.
    setMentionHere((here) => here && mentionAt(current.state, current.state.selection.main.head))
    setQuotes((before) => {
      const old = new Map(before.map((quote) => [quote.id, quote]))
      // A status set while the annotations were on their way is newer than what they carry.
      return next.quotes
        .map((quote) => {
          const mine = old.get(quote.id)
          return mine && mine.updatedAt > quote.updatedAt
            ? { ...quote, ...mine, start: quote.start, end: quote.end }
            : quote
        })
        .toSorted(byStart)
    })
  }, [])

  const save = useCallback(
    async (body: string) => {
      const current = viewRef.current
      changesSince.current = current ? ChangeSet.empty(current.state.doc.length).desc : null
      try {
        await call('articles:update', { id: articleId, body })
        const next = await call('quotes:annotations', { id: articleId })
        applyAnnotations(next, changesSince.current)
      } finally {
        changesSince.current = null
      }
      // Cleared if the editor still holds this text, rewritten with the newer text otherwise.
      if (current?.state.doc.toString() === body) clearDraft(store, articleId)
      else writeJournal()
      onChanged()
    },
    [articleId, applyAnnotations, store, onChanged, writeJournal],
  )

  const onView = useCallback(
    (created: EditorView | null) => {
      viewRef.current = created
      setView(created)
      saverRef.current?.dispose()
      saverRef.current = null
      if (!created) return
      const marks = annotations.quotes.filter((quote) => quote.anchor === 'ok').map((quote) => toMark(quote))
      const mentions = annotations.mentions.map((m) => toMentionMark(m))
      created.dispatch({ effects: setAnnotations.of({ quotes: marks, mentions }) })
      const saver = new Autosaver({
        save,
        read: () => created.state.doc.toString(),
        onState: onSaveState,
        savedBody: article.body,
        describe: (err) => toFault(err).message,
      })
      saverRef.current = saver
      if (replay !== null) {
        // Typed before a reload or crash and never confirmed: put it back and save it.
        created.dispatch({ changes: diffChange(article.body, replay), userEvent: 'input.replay' })
        setNotice('Restored text typed before the page was closed; it is being saved now.')
      }
    },
    // The editor is created once per article; later props must not rebuild it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  useEffect(() => {
    const flushJournal = () => writeJournal()
    window.addEventListener('pagehide', flushJournal)
    return () => {
      window.removeEventListener('pagehide', flushJournal)
      writeJournal()
      saverRef.current?.dispose()
    }
  }, [writeJournal])

  const select = useCallback((id: string | null, options: { scroll?: boolean } = {}) => {
    setSelectedId(id)
    const current = viewRef.current
    if (!current) return
    const place = id ? placeOf(current.state, id) : null
    current.dispatch({
      effects: [
        selectQuote.of(id),
        ...(place && options.scroll ? [EditorView.scrollIntoView(place.from, { y: 'center' })] : []),
      ],
    })
  }, [])

  const enqueue = useCallback(
    (title: string, run: () => Promise<void>) => {
      const next = queue.current.then(run).catch((err: unknown) => report(title, err))
      queue.current = next
      return next
    },
    [report],
  )

  /** Saves pending text first, so offsets sent to the service are offsets into its body. */
  const flushed = useCallback(async () => {
    await saverRef.current?.flush()
  }, [])

  const putQuote = useCallback((quote: Quote, placeFromService: boolean) => {
    setQuotes((list) => [...list.filter((q) => q.id !== quote.id), quote].toSorted(byStart))
    const current = viewRef.current
    if (!current) return
    if (quote.anchor !== 'ok') {
      current.dispatch({ effects: dropQuote.of(quote.id) })
      return
    }
    const place = placeFromService ? null : placeOf(current.state, quote.id)
    const mark = toMark(quote)
    current.dispatch({
      effects: upsertQuote.of(place ? { ...mark, from: place.from, to: place.to, cue: mark.cue } : mark),
    })
  }, [])

  /** Puts an annotation change on the editor's history, after the text edits made before it. */
  const record = useCallback((op: AnnotationOp) => {
    viewRef.current?.dispatch({ effects: annotationOp.of(op), userEvent: 'annotate' })
  }, [])

  const markQuote = useCallback(() => {
    const current = viewRef.current
    if (!current) return
    if (current.state.selection.main.empty) {
      setNotice('Select the quoted words in the text first, then mark them as a quote.')
      return
    }
    void enqueue('Could not mark the quote', async () => {
      await flushed()
      const { from, to } = current.state.selection.main
      const span = trimSpan(current.state.doc.toString(), from, to)
      if (span.to <= span.from) return
      const quote = await call('quotes:create', { articleId, start: span.from, end: span.to })
      putQuote(quote, true)
      select(quote.id)
      setNotice(null)
      const place = placeOf(current.state, quote.id)
      if (place) record({ kind: 'mark-quote', quote: snapshotOf(quote, place) })
    })
  }, [articleId, enqueue, flushed, putQuote, select, record])

  const openTagPicker = useCallback(() => {
    const current = viewRef.current
    if (!current) return
    const { from, to } = current.state.selection.main
    const span = trimSpan(current.state.doc.toString(), from, to)
    if (span.to <= span.from) {
      setNotice('Select a name in the text first, then tag it as an entity.')
      return
    }
    setTagging({ ...span, text: current.state.sliceDoc(span.from, span.to) })
  }, [])

  const tagEntity = useCallback(
    async (entityId: string) => {
      const words = tagging
      if (!words) return
      await enqueue('Could not tag the words', async () => {
        const current = viewRef.current
        if (!current) return
        // The picker is modal, so the text cannot change under it; saving makes offsets the stored body's.
        await flushed()
        const place = { from: words.from, to: words.to }
        if (current.state.sliceDoc(place.from, place.to) !== words.text) {
          setNotice('The tagged words changed; select them again.')
          return
        }
        const mention = await call('mentions:create', { articleId, entityId, start: place.from, end: place.to })
        current.dispatch({ effects: upsertMention.of(toMentionMark(mention)) })
        setMentionHere(mentionAt(current.state, place.from))
        setNotice(null)
        record({ kind: 'tag', mention: { id: mention.id, entityId, from: place.from, to: place.to } })
        onChanged()
      })
      setTagging(null)
    },
    [tagging, articleId, enqueue, flushed, onChanged, record],
  )

  const removeTag = useCallback(() => {
    const mention = mentionHere
    if (!mention) return
    void enqueue('Could not remove the tag', async () => {
      await call('mentions:remove', { id: mention.id })
      const current = viewRef.current
      const place = current && placedMentions(current.state).find((m) => m.id === mention.id)
      current?.dispatch({ effects: dropMention.of(mention.id) })
      setMentionHere(null)
      if (place)
        record({ kind: 'untag', mention: { id: place.id, entityId: place.entityId, from: place.from, to: place.to } })
    })
  }, [mentionHere, enqueue, record])

  /** Records a span change from `before` to where the quote is now. */
  const recordSpan = useCallback(
    (id: string, before: Span) => {
      const current = viewRef.current
      const after = current && placeOf(current.state, id)
      if (after)
        record({
          kind: 'span',
          id,
          before: { from: before.from, to: before.to },
          after: { from: after.from, to: after.to },
        })
    },
    [record],
  )

  /** A drag handle of the selected quote was released: the boundary moves to the word under the pointer. */
  const dropHandle = useCallback(
    (edge: QuoteEdge, pos: number) => {
      const id = selectedId
      if (!id) return
      void enqueue('Could not change the quoted words', async () => {
        await flushed()
        const current = viewRef.current
        const place = current && placeOf(current.state, id)
        if (!current || !place) return
        const text = current.state.doc.toString()
        const at = snapToWord(text, pos, edge)
        const span = trimSpan(text, edge === 'start' ? at : place.from, edge === 'end' ? at : place.to)
        if (span.to <= span.from || (span.from === place.from && span.to === place.to)) return
        putQuote(await call('quotes:update-span', { id, start: span.from, end: span.to }), true)
        recordSpan(id, place)
      })
    },
    [selectedId, enqueue, flushed, putQuote, recordSpan],
  )

  const removeSelected = useCallback(() => {
    const id = selectedId
    if (!id) return
    const quote = quotesById.get(id)
    void enqueue('Could not remove the quote', async () => {
      await call('quotes:remove', { id })
      const current = viewRef.current
      const place = current && placeOf(current.state, id)
      const index = visible.findIndex((q) => q.id === id)
      const after = visible[index + 1] ?? visible[index - 1] ?? null
      setQuotes((list) => list.filter((q) => q.id !== id))
      current?.dispatch({ effects: dropQuote.of(id) })
      select(after?.id ?? null)
      if (quote && place) record({ kind: 'remove-quote', quote: snapshotOf(quote, place) })
    })
  }, [selectedId, quotesById, enqueue, visible, select, record])

  const changeSpan = useCallback(
    (how: 'extend-end' | 'shrink-end' | 'extend-start' | 'shrink-start') => {
      const id = selectedId
      if (!id) return false
      void enqueue('Could not change the quoted words', async () => {
        await flushed()
        const current = viewRef.current
        const place = current && placeOf(current.state, id)
        if (!current || !place) return
        const span = adjustSpan(current.state.doc.toString(), place, how)
        if (!span) return
        putQuote(await call('quotes:update-span', { id, start: span.from, end: span.to }), true)
        recordSpan(id, place)
      })
      return true
    },
    [selectedId, enqueue, flushed, putQuote, recordSpan],
  )

  const setStatus = useCallback(
    (status: QuoteStatus, note?: string) => {
      const id = selectedId
      if (!id) return
      const before = quotesById.get(id)
      void enqueue('Could not set the check status', async () => {
        const quote = await call('quotes:set-status', note === undefined ? { id, status } : { id, status, note })
        putQuote(quote, false)
        if (before && (before.status !== quote.status || before.note !== quote.note))
          record({
            kind: 'status',
            id,
            before: { status: before.status, note: before.note },
            after: { status: quote.status, note: quote.note },
          })
      })
    },
    [selectedId, quotesById, enqueue, putQuote, record],
  )

  const setSpeaker = useCallback(
    async (entityId: string | null) => {
      const id = selectedId
      if (!id) return
      const before = quotesById.get(id)?.speaker?.entityId ?? null
      await enqueue('Could not set the speaker', async () => {
        putQuote(await call('quotes:set-speaker', { id, entityId }), false)
        if (before !== entityId) record({ kind: 'speaker', id, before, after: entityId })
        onChanged()
      })
    },
    [selectedId, quotesById, enqueue, putQuote, onChanged, record],
  )

  /** Re-creates a quote as it was; undo and redo then name it by its new id. */
  const recreateQuote = useCallback(
    async (snapshot: QuoteSnapshot) => {
      let quote = await call('quotes:create', {
        articleId,
        start: snapshot.from,
        end: snapshot.to,
        ...(snapshot.speakerEntityId ? { speakerEntityId: snapshot.speakerEntityId } : {}),
      })
      const old = resolveId(aliases.current, snapshot.id)
      if (old !== quote.id) aliases.current.set(old, quote.id)
      if (quote.status !== snapshot.status || quote.note !== snapshot.note)
        quote = await call('quotes:set-status', { id: quote.id, status: snapshot.status, note: snapshot.note })
      if (snapshot.sourceId !== null) {
        try {
          quote = await call('quotes:link-source', { id: quote.id, sourceId: snapshot.sourceId })
        } catch {
          setNotice('The quote is back, but not its source: that source is no longer in the library.')
        }
      }
      putQuote(quote, true)
      select(quote.id)
    },
    [articleId, putQuote, select],
  )

  const removeTagged = useCallback(async (mention: MentionSnapshot) => {
    const current = viewRef.current
    if (!current) return
    const id = resolveId(aliases.current, mention.id)
    const mentions = placedMentions(current.state)
    // Re-analysis gives the analyser's mentions new ids: find the tag by its words then.
    const found =
      mentions.find((m) => m.id === id) ??
      mentions.find((m) => m.entityId === mention.entityId && m.from === mention.from && m.to === mention.to)
    await call('mentions:remove', { id: found?.id ?? id })
    current.dispatch({ effects: dropMention.of(found?.id ?? id) })
    setMentionHere(null)
  }, [])

  /** Undo or redo reached an annotation change: apply it on the service, then on the marks. */
  const applyOp = useCallback(
    (op: AnnotationOp) => {
      const pending = { op }
      pendingOps.current.add(pending)
      void enqueue('Could not undo or redo that change', async () => {
        try {
          await flushed()
          const next = pending.op
          const ids = aliases.current
          switch (next.kind) {
            case 'mark-quote':
              await recreateQuote(next.quote)
              break
            case 'remove-quote': {
              const id = resolveId(ids, next.quote.id)
              await call('quotes:remove', { id })
              setQuotes((list) => list.filter((q) => q.id !== id))
              viewRef.current?.dispatch({ effects: dropQuote.of(id) })
              select(null)
              break
            }
            case 'span': {
              const id = resolveId(ids, next.id)
              putQuote(await call('quotes:update-span', { id, start: next.after.from, end: next.after.to }), true)
              break
            }
            case 'speaker':
              putQuote(await call('quotes:set-speaker', { id: resolveId(ids, next.id), entityId: next.after }), false)
              onChanged()
              break
            case 'status': {
              const { status, note } = next.after
              putQuote(await call('quotes:set-status', { id: resolveId(ids, next.id), status, note }), false)
              break
            }
            case 'source':
              putQuote(await call('quotes:link-source', { id: resolveId(ids, next.id), sourceId: next.after }), false)
              break
            case 'tag': {
              const { mention } = next
              const created = await call('mentions:create', {
                articleId,
                entityId: mention.entityId,
                start: mention.from,
                end: mention.to,
              })
              const old = resolveId(ids, mention.id)
              if (old !== created.id) ids.set(old, created.id)
              viewRef.current?.dispatch({ effects: upsertMention.of(toMentionMark(created)) })
              onChanged()
              break
            }
            case 'untag':
              await removeTagged(next.mention)
              onChanged()
              break
          }
        } finally {
          pendingOps.current.delete(pending)
        }
      })
    },
    [articleId, enqueue, flushed, recreateQuote, removeTagged, putQuote, select, onChanged],
  )

  const step = useCallback(
    (direction: 1 | -1, predicate?: (quote: Quote) => boolean) => {
      const list = visible
      if (list.length === 0) return
      const index = selectedId ? list.findIndex((q) => q.id === selectedId) : -1
      for (let n = 1; n <= list.length; n++) {
        const at = (((index + direction * n) % list.length) + list.length) % list.length
        const quote = list[at]
        if (quote && (!predicate || predicate(quote))) {
          select(quote.id, { scroll: true })
          return
        }
      }
      if (predicate) setNotice('No unverified quotes left in this list.')
    },
    [visible, selectedId, select],
  )

  const openPicker = useCallback(() => {
    if (!selectedId) return
    setPickerOpen(true)
  }, [selectedId])

  const runDesk = (name: DeskCommandName): boolean => {
    switch (name) {
      case 'save-now':
        void saverRef.current?.flush().catch(() => {})
        return true
      case 'undo-edit':
        return viewRef.current ? undo(viewRef.current) : false
      case 'redo-edit':
        return viewRef.current ? redo(viewRef.current) : false
      case 'focus-editor':
        viewRef.current?.focus()
        return true
      case 'focus-quotes':
        listRef.current?.focus()
        return true
      case 'tag-entity':
        openTagPicker()
        return true
      case 'next-quote':
        step(1)
        return true
      case 'previous-quote':
        step(-1)
        return true
      case 'next-unverified':
        step(1, (quote) => quote.status === 'unverified')
        return true
      case 'mark-quote':
        markQuote()
        return true
      case 'remove-quote':
        if (!selectedId) return false
        removeSelected()
        return true
      case 'pick-speaker':
        openPicker()
        return true
      case 'extend-end':
      case 'shrink-end':
      case 'extend-start':
      case 'shrink-start':
        return changeSpan(name)
      case 'status-unverified':
      case 'status-verified':
      case 'status-altered':
      case 'status-not_found':
      case 'status-disputed': {
        if (!selectedId) return false
        const note = document.getElementById('quote-note')
        setStatus(
          name.slice('status-'.length) as QuoteStatus,
          note instanceof HTMLTextAreaElement ? note.value : undefined,
        )
        return true
      }
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || document.querySelector('dialog[open]')) return
    const commands = Object.entries(COMMAND_KEYS)
      .filter(([name]) => isDeskCommand(name as DeskCommandName))
      .map(([name, spec]) => ({ name: name as DeskCommandName, ...spec, run: () => {} }))
    const isTyping = isTypingIn(event)
    const command = findCommand(commands, event, { isMac, isTyping })
    if (!command) return
    // A text field undoes its own typing; the article editor's keymap has already taken its keys.
    if (isTyping && (command.name === 'undo-edit' || command.name === 'redo-edit')) return
    if (runDesk(command.name as DeskCommandName)) event.preventDefault()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  // Refreshed after every render, before the editor's own effect runs, so it always sees current state.
  const events = useRef<EditorEvents>({
    onChange: () => {},
    onCursor: () => {},
    onKey: () => false,
    onHandleDrop: () => {},
    onHistoryOp: () => {},
  })
  useLayoutEffect(() => {
    events.current = {
      onChange: (update) => {
        if (changesSince.current) changesSince.current = changesSince.current.composeDesc(update.changes.desc)
        for (const pending of pendingOps.current) pending.op = mapOp(pending.op, update.changes.desc)
        saverRef.current?.changed()
        if (journalTimer.current === null) journalTimer.current = setTimeout(writeJournal, JOURNAL_THROTTLE_MS)
      },
      onCursor: (pos) => {
        const current = viewRef.current
        const quote = current && quoteAt(current.state, pos)
        if (quote && quote.id !== selectedId) select(quote.id)
        const mention = current && mentionAt(current.state, pos)
        if (mention?.id !== mentionHere?.id) setMentionHere(mention)
      },
      onHandleDrop: dropHandle,
      onHistoryOp: applyOp,
      onKey: (key) => {
        const how = {
          'Alt-Shift-ArrowRight': 'extend-end',
          'Alt-Shift-ArrowLeft': 'shrink-end',
          'Alt-Shift-ArrowUp': 'extend-start',
          'Alt-Shift-ArrowDown': 'shrink-start',
        } as const
        const name = how[key as keyof typeof how]
        return name ? changeSpan(name) : false
      },
    }
  })

  const markKeys = COMMAND_KEYS['mark-quote'].keys
  const tagKeys = COMMAND_KEYS['tag-entity'].keys
  const cue = view && selected ? shownCue(view.state) : null
  const cueText = view && cue ? view.state.sliceDoc(cue.from, cue.to) : null
  const lostCount = quotes.filter((quote) => quote.anchor === 'lost').length

  return (
    <div className="desk">
      <section className="desk__main" aria-label="Article text">
        <div className="desk__toolbar" role="toolbar" aria-label="Text tools">
          <button
            type="button"
            className="button button--small"
            onMouseDown={(event) => event.preventDefault()}
            onClick={markQuote}
            aria-keyshortcuts={ariaKeys(markKeys, isMac)}
            title={`Mark the selected words as a quote (${describeKeys(markKeys[0] ?? '', isMac)})`}
          >
            Mark as quote
          </button>
          <button
            type="button"
            className="button button--small"
            onMouseDown={(event) => event.preventDefault()}
            onClick={openTagPicker}
            aria-keyshortcuts={ariaKeys(tagKeys, isMac)}
            title={`Tag the selected words as an entity (${describeKeys(tagKeys[0] ?? '', isMac)})`}
          >
            Tag entity
          </button>
          {mentionHere && (
            <button
              type="button"
              className="button button--small button--quiet"
              onMouseDown={(event) => event.preventDefault()}
              onClick={removeTag}
              aria-label={`Remove tag “${mentionHere.entityName}”`}
            >
              Remove tag
            </button>
          )}
          <button
            type="button"
            className="button button--small button--quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => view && undo(view)}
            aria-keyshortcuts={ariaKeys(COMMAND_KEYS['undo-edit'].keys, isMac)}
          >
            Undo
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => view && redo(view)}
            aria-keyshortcuts={ariaKeys(COMMAND_KEYS['redo-edit'].keys, isMac)}
          >
            Redo
          </button>
          <span
            className={`save-state save-state--${saveState.kind}`}
            role="status"
            aria-live="polite"
            title={saveState.kind === 'failed' ? saveState.message : undefined}
          >
            {saveLabel(saveState)}
          </span>
        </div>
        {notice && (
          <p className="desk__notice" role="status">
            {notice}{' '}
            <button type="button" className="button button--small button--quiet" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
        {saveState.kind === 'failed' && (
          <p className="desk__notice desk__notice--problem" role="alert">
            Your text is kept in this window and will be saved when the connection is back: {saveState.message}
          </p>
        )}
        <DeskEditor initialDoc={article.body} events={events} onView={onView} />
      </section>
      <aside className="desk__side" aria-label="Quotes and inspector">
        <QuoteList
          quotes={visible}
          total={quotes.length}
          lostCount={lostCount}
          filter={filter}
          onFilter={setFilter}
          selectedId={selectedId}
          onSelect={(id) => select(id, { scroll: true })}
          onNextUnverified={() => step(1, (quote) => quote.status === 'unverified')}
          listRef={listRef}
        />
        <QuoteInspector
          key={selected?.id ?? 'none'}
          quote={selected}
          cueText={cueText}
          onStatus={setStatus}
          onPickSpeaker={openPicker}
          onRemove={removeSelected}
          onSpan={changeSpan}
          onLinked={(quote) => {
            const before = selected?.id === quote.id ? selected.sourceId : null
            putQuote(quote, false)
            if (before !== quote.sourceId) record({ kind: 'source', id: quote.id, before, after: quote.sourceId })
          }}
          onShowCue={() => {
            const current = viewRef.current
            const cue = current && shownCue(current.state)
            if (current && cue) current.dispatch({ effects: EditorView.scrollIntoView(cue.from, { y: 'center' }) })
          }}
        />
      </aside>
      <NameFlags
        articleId={article.id}
        revision={savedRevision}
        onFix={(flag) => {
          const current = viewRef.current
          const place = current && placeFlag(current.state.doc.toString(), flag)
          if (!current || !place) return false
          current.dispatch({ changes: { from: place.from, to: place.to, insert: flag.suggestion } })
          return true
        }}
      />
      {isPickerOpen && selected && (
        <SpeakerPicker
          quote={selected}
          onChoose={async (entityId) => {
            await setSpeaker(entityId)
            setPickerOpen(false)
          }}
          onEntitiesChanged={onChanged}
          onClose={() => setPickerOpen(false)}
        />
      )}
      {tagging && (
        <SpeakerPicker
          purpose="tag"
          quote={{ text: tagging.text, speaker: null }}
          onChoose={async (entityId) => {
            if (entityId) await tagEntity(entityId)
          }}
          onEntitiesChanged={onChanged}
          onClose={() => setTagging(null)}
        />
      )}
    </div>
  )
}
