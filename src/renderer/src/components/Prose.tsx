import { paragraphs } from '../format'

/** Article or source text as paragraphs of plain text; line breaks and spacing inside each are kept. */
export function Prose({ text }: { text: string }) {
  const parts = paragraphs(text)
  return (
    <div className="prose">
      {parts.length === 0 ? <p className="muted">No text.</p> : parts.map((p, i) => <p key={i}>{p}</p>)}
    </div>
  )
}
