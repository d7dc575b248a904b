import { useId, useRef, useState, type ChangeEvent } from 'react'
import { QuotedeskError, type Fault } from '../../../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../../../shared/schemas/imports'
import { SourceKind, type ImportedSource } from '../../../../shared/schemas/sources'
import { call } from '../../api'
import { bytesToBase64 } from '../../base64'
import { ErrorBanner } from '../../components/ErrorBanner'
import { toFault } from '../../fault'
import { SOURCE_KIND_LABELS } from '../../format'
import { rememberNotices } from './import-notices'

export const SOURCE_FILE_TYPES = '.txt,.md,.markdown,.html,.htm,.docx,.vtt,.srt'

interface SourceImportProps {
  onImported: (source: ImportedSource) => void
}

/** Reads a transcript, document or saved page into a new source; the service guesses what it can. */
export function SourceImport({ onImported }: SourceImportProps) {
  const [kind, setKind] = useState<SourceKind | ''>('')
  const [isConfidential, setConfidential] = useState(false)
  const [importing, setImporting] = useState<string | null>(null)
  const [failure, setFailure] = useState<{ fileName: string; fault: Fault } | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const kindId = useId()
  const headingId = useId()

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Cleared so that choosing the same file again fires `change` again.
    event.target.value = ''
    if (!file) return
    setFailure(null)
    setImporting(file.name)
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        const mb = (file.size / 1024 / 1024).toFixed(1)
        throw new QuotedeskError('too_large', `${file.name} is ${mb} MB; Quotedesk imports files up to 50 MB.`)
      }
      const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
      const source = await call('sources:import', {
        fileName: file.name,
        dataBase64,
        ...(kind ? { kind } : {}),
        isConfidential,
      })
      rememberNotices(source.id, source.notices)
      onImported(source)
    } catch (err) {
      setFailure({ fileName: file.name, fault: toFault(err) })
    } finally {
      setImporting(null)
    }
  }

  return (
    <section className="source-import" aria-labelledby={headingId}>
      <h3 id={headingId} className="doc__subheading">
        Import a file
      </h3>
      <p className="muted">A transcript (.vtt, .srt), document (.txt, .md, .docx) or saved web page (.html).</p>
      {failure && (
        <ErrorBanner
          title={`Could not import “${failure.fileName}”`}
          fault={failure.fault}
          onDismiss={() => setFailure(null)}
        />
      )}
      <div className="source-import__row">
        <div className="field">
          <label htmlFor={kindId} className="field__label">
            Import as
          </label>
          <select
            id={kindId}
            value={kind}
            onChange={(event) => setKind(event.target.value === '' ? '' : SourceKind.parse(event.target.value))}
          >
            <option value="">Guess from the file</option>
            {SourceKind.options.map((k) => (
              <option key={k} value={k}>
                {SOURCE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={isConfidential} onChange={(event) => setConfidential(event.target.checked)} />
          <span>Import as confidential</span>
        </label>
        <button type="button" className="button" onClick={() => fileRef.current?.click()} disabled={importing !== null}>
          Choose a file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept={SOURCE_FILE_TYPES}
          hidden
          aria-label="Source file"
          onChange={(event) => void onFile(event)}
        />
      </div>
      {importing && (
        <p className="muted" role="status">
          Importing {importing}…
        </p>
      )}
    </section>
  )
}
