import type { Page } from '@playwright/test'
import { expect } from './fixtures'

// What every desk spec drives: the editor, its highlights, the inspector, and the ways a journalist
// puts text and selections into them.

export const editor = (page: Page) => page.getByRole('textbox', { name: 'Article body' })
export const highlights = (page: Page) => editor(page).locator('[data-quote-id]')
export const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' })
export const textTools = (page: Page) => page.getByRole('toolbar', { name: 'Text tools' })

/** Pastes `body` as a new article through the dialog and waits until it is open. */
export async function pasteArticle(page: Page, body: string) {
  await page.getByRole('banner').getByRole('button', { name: 'New article' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await dialog.getByLabel('Article text').fill(body)
  await dialog.getByRole('button', { name: 'Add article' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible()
}

/** Selects `text` inside the editor the way a mouse drag would, through the DOM selection. */
export async function selectInEditor(page: Page, text: string) {
  await editor(page).evaluate((content, wanted) => {
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
    const full = nodes.map((n) => n.data).join('')
    const at = full.indexOf(wanted)
    if (at < 0) throw new Error(`“${wanted}” is not on screen`)
    const locate = (offset: number): [Text, number] => {
      let seen = 0
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return [node, offset - seen]
        seen += node.data.length
      }
      throw new Error('offset past the end')
    }
    const range = document.createRange()
    range.setStart(...locate(at))
    range.setEnd(...locate(at + wanted.length))
    ;(content as HTMLElement).focus()
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
  }, text)
  // CodeMirror reads the DOM selection on selectionchange, which fires asynchronously.
  await page.waitForTimeout(100)
}
