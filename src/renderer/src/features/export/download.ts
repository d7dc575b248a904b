/**
 * Offers text as a file download in the browser host: a Blob behind an object URL, clicked
 * through a detached <a download>, and the URL revoked once the browser has taken it.
 */
export function downloadText(fileName: string, content: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // Revoking in the same task can cancel the download in some browsers; the next one is safe.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
}
