import { useState } from 'react'
import { QuotedeskError } from '../../../../shared/errors'
import type { Article } from '../../../../shared/schemas/articles'
import { MAX_IMPORT_BYTES } from '../../../../shared/schemas/imports'
import { call } from '../../api'
import { bytesToBase64 } from '../../base64'
import type { Report } from '../../report'

/**
 * Imports chosen files one after another. The renderer sends bytes, never a path, and the
 * service decides the encoding; each failure is reported under the file's own name.
 */
export function useImport(onImported: (article: Article) => void, report: Report) {
  const [current, setCurrent] = useState<string | null>(null)

  const importFiles = async (files: readonly File[]) => {
    for (const file of files) {
      setCurrent(file.name)
      try {
        if (file.size > MAX_IMPORT_BYTES) {
          const mb = (file.size / 1024 / 1024).toFixed(1)
          const message = `${file.name} is ${mb} MB; Quotedesk imports files up to 50 MB.`
          report(`Could not import “${file.name}”`, new QuotedeskError('too_large', message))
          continue
        }
        const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
        onImported(await call('articles:import', { fileName: file.name, dataBase64 }))
      } catch (err) {
        report(`Could not import “${file.name}”`, err)
      }
    }
    setCurrent(null)
  }

  return { importFiles, importing: current }
}
