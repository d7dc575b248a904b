import type { Snippet } from '../../../shared/schemas/library'
import { snippetSegments } from '../snippet'

/** A search snippet with its matches in <mark>, built as text nodes: never parsed as HTML. */
export function Marked({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippetSegments(snippet).map((segment, i) =>
        segment.isMatch ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  )
}
