import type { Page } from '@playwright/test'
import { expect, test, type Quotedesk } from './fixtures'
import { editor, inspector, selectInEditor } from './desk-helpers'

const TITLE = 'Harbour bridge opens'
const BODY = [
  'The harbour board met on Monday to open the bridge.',
  '“This is a great day for the whole town and for everyone who crosses here,” Mayor Jane Porter said.',
].join('\n\n')

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Text tools' })

async function openArticle(page: Page, appUrl: string | null) {
  if (appUrl) await page.goto(appUrl)
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: new RegExp(TITLE) })
    .click()
  await expect(editor(page)).toContainText('harbour board')
}

async function seed(quotedesk: Quotedesk) {
  return quotedesk.handlers['articles:create']({ title: TITLE, body: BODY })
}

/** The middle of the last letter of `word` on screen, where a pointer would drop. */
async function pointOnWord(page: Page, word: string): Promise<{ x: number; y: number }> {
  return editor(page).evaluate((content, wanted) => {
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at + wanted.length - 1)
      range.setEnd(node, at + wanted.length)
      const box = range.getBoundingClientRect()
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
    }
    throw new Error(`“${wanted}” is not on screen`)
  }, word)
}

test.use({ viewport: { width: 1400, height: 900 } })

test('tags selected words as a new entity, underlined and kept after a reload; the tag can be removed', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  const article = await seed(quotedesk)
  await openArticle(page, appUrl)

  await selectInEditor(page, 'harbour board')
  await toolbar(page).getByRole('button', { name: 'Tag entity' }).click()
  const picker = page.getByRole('dialog', { name: 'Tag entity' })
  await picker.getByRole('combobox', { name: 'Entity' }).fill('Harbour Board')
  await picker.getByLabel('New entities are a').selectOption('organization')
  await picker.getByRole('option', { name: /Create “Harbour Board”/ }).click()
  await expect(picker).toBeHidden()

  const board = (await quotedesk.handlers['entities:list']({ query: 'Harbour Board' }))[0]
  expect(board).toMatchObject({ name: 'Harbour Board', kind: 'organization' })
  const tagged = editor(page).locator(`[data-entity-id="${board?.id}"]`)
  await expect(tagged).toHaveText('harbour board')

  await page.reload()
  await openArticle(page, null)
  await expect(editor(page).locator(`[data-entity-id="${board?.id}"]`)).toHaveText('harbour board')
  const { mentions } = await quotedesk.handlers['quotes:annotations']({ id: article.id })
  expect(mentions.filter((m) => m.entityId === board?.id)).toMatchObject([{ origin: 'user', text: 'harbour board' }])

  // Putting the cursor in the tag offers to remove it.
  await editor(page).locator(`[data-entity-id="${board?.id}"]`).click()
  await toolbar(page).getByRole('button', { name: 'Remove tag “Harbour Board”' }).click()
  await expect(editor(page).locator(`[data-entity-id="${board?.id}"]`)).toHaveCount(0)
  await expect
    .poll(async () => (await quotedesk.handlers['quotes:annotations']({ id: article.id })).mentions.length)
    .toBe(mentions.length - 1)
})

test('dragging the end handle of a quote shortens it to the word under the pointer', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  const article = await seed(quotedesk)
  const [quote] = (await quotedesk.handlers['quotes:annotations']({ id: article.id })).quotes
  expect(quote?.text).toBe('“This is a great day for the whole town and for everyone who crosses here,”')
  await openArticle(page, appUrl)

  await editor(page).locator(`[data-quote-id="${quote?.id}"]`).first().click()
  await expect(inspector(page).locator('blockquote')).toContainText('This is a great day')
  const handle = editor(page).locator('[data-handle="end"]')
  await expect(handle).toHaveCount(1)
  const grip = await handle.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return { x: box.left, y: box.top + box.height / 2 }
  })
  const target = await pointOnWord(page, 'town')
  await page.mouse.move(grip.x, grip.y)
  await page.mouse.down()
  await page.mouse.move((grip.x + target.x) / 2, target.y, { steps: 4 })
  await page.mouse.move(target.x, target.y, { steps: 4 })
  await page.mouse.up()

  const shortened = '“This is a great day for the whole town'
  await expect(inspector(page).locator('blockquote')).toHaveText(shortened)
  await expect(editor(page).locator(`[data-quote-id="${quote?.id}"]`)).toHaveText(shortened)

  await page.reload()
  await openArticle(page, null)
  await editor(page).locator(`[data-quote-id="${quote?.id}"]`).first().click()
  await expect(inspector(page).locator('blockquote')).toHaveText(shortened)
  const after = (await quotedesk.handlers['quotes:list']({ articleId: article.id })).find((q) => q.id === quote?.id)
  expect(after).toMatchObject({ text: shortened, origin: 'user' })
})
