import type { ReactNode } from 'react'
import type { Timing } from '../../../../shared/schemas/imports'
import type { SourceCitation } from '../../../../shared/schemas/sources'
import { paragraphRanges, segmentText, transcriptLines, type CitedRange } from './citation-segments'

interface CitedTextProps {
  body: string
  timings: readonly Timing[]
  citations: readonly SourceCitation[]
  onOpenArticle: (articleId: string) => void
}

export const markId = (index: number) => `citation-${index + 1}`

/** A transcript's time without the milliseconds: 00:01:05.500 → 00:01:05. */
export const shortTime = (time: string) => time.replace(/\.\d+$/, '')

/**
 * The source's text with each cited passage in a <mark>, followed by a numbered button that opens
 * the article quoting it. A timed transcript shows each line with its time. Text only, never HTML.
 */
export function CitedText({ body, timings, citations, onOpenArticle }: CitedTextProps) {
  const ranges: CitedRange[] = citations.flatMap((citation, index) =>
    citation.match ? [{ start: citation.match.start, end: citation.match.end, index }] : [],
  )
  const firstStart = new Map(ranges.map((range) => [range.index, range.start]))
  const render = (from: number, to: number): ReactNode[] =>
    segmentText(body, ranges, from, to).map((segment) => {
      if (segment.citations.length === 0) return <span key={segment.start}>{segment.text}</span>
      // The first piece of a passage carries its id, so the citation list can bring it into view.
      const opening = segment.citations.find((index) => firstStart.get(index) === segment.start)
      const closing = ranges.filter((range) => range.end === segment.end && segment.citations.includes(range.index))
      return (
        <span key={segment.start}>
          <mark
            className="cited"
            id={opening !== undefined ? markId(opening) : undefined}
            tabIndex={opening !== undefined ? -1 : undefined}
          >
            {segment.text}
          </mark>
          {closing.map((range) => {
            const citation = citations[range.index]
            if (!citation) return null
            return (
              <sup key={range.index} className="cited__ref">
                <button
                  type="button"
                  className="cited__ref-button"
                  aria-label={`Quote ${range.index + 1}, in “${citation.articleTitle}”: open the article`}
                  title={`Open “${citation.articleTitle}”`}
                  onClick={() => onOpenArticle(citation.articleId)}
                >
                  {range.index + 1}
                </button>
              </sup>
            )
          })}
        </span>
      )
    })

  if (timings.length > 0) {
    return (
      <ol className="transcript" aria-label="Transcript">
        {transcriptLines(body, timings).map((line) => (
          <li key={line.start} className="transcript__line">
            {line.time ? (
              <time className="transcript__time" dateTime={`PT${line.time.replace(/^(\d+):(\d+):/, '$1H$2M')}S`}>
                {shortTime(line.time)}
              </time>
            ) : (
              <span className="transcript__time" aria-hidden="true" />
            )}
            <span className="transcript__text">{render(line.start, line.end)}</span>
          </li>
        ))}
      </ol>
    )
  }
  const parts = paragraphRanges(body)
  return (
    <div className="prose">
      {parts.length === 0 ? (
        <p className="muted">No text.</p>
      ) : (
        parts.map((part) => <p key={part.start}>{render(part.start, part.end)}</p>)
      )}
    </div>
  )
}
