import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { editor, highlights, inspector, pasteArticle, selectInEditor } from './desk-helpers'

const ARTICLE =
  'The council met on Monday to vote on the bridge.\n\nThe mayor told reporters the bridge would open next spring, and nobody objected.'
const WORDS = 'the bridge would open next spring'

const tools = (page: Page) => page.getByRole('toolbar', { name: 'Text tools' })
const total = (page: Page) => page.getByRole('region', { name: 'Quotes' }).locator('.tabs__count')
const statusButton = (page: Page, label: string) => inspector(page).getByRole('button', { name: label, exact: true })

/** Opens a fresh article and marks the words as a quote; returns how many quotes the list had before. */
async function markWords(page: Page): Promise<number> {
  await expect(total(page)).toBeVisible()
  const before = Number(await total(page).textContent())
  await selectInEditor(page, WORDS)
  await page.keyboard.press('Alt+q')
  await expect(highlights(page).filter({ hasText: WORDS })).toHaveCount(1)
  await expect(total(page)).toHaveText(String(before + 1))
  return before
}

async function reopen(page: Page) {
  await page.reload()
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /council met on Monday/ })
    .click()
  await expect(editor(page)).toContainText('The council met')
}

test.use({ viewport: { width: 1400, height: 900 } })

test('undo takes a marked quote away, also on the service, and redo puts it back', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await pasteArticle(page, ARTICLE)
  const before = await markWords(page)
  const marked = highlights(page).filter({ hasText: WORDS })

  await tools(page).getByRole('button', { name: 'Undo' }).click()
  await expect(marked).toHaveCount(0)
  await expect(total(page)).toHaveText(String(before))

  await tools(page).getByRole('button', { name: 'Redo' }).click()
  await expect(marked).toHaveCount(1)
  await expect(total(page)).toHaveText(String(before + 1))

  // Undo again with the keyboard in the text, then reload: the service no longer has the quote.
  await editor(page).press('Control+z')
  await expect(marked).toHaveCount(0)
  await expect(total(page)).toHaveText(String(before))
  await reopen(page)
  await expect(total(page)).toHaveText(String(before))
  await expect(highlights(page).filter({ hasText: WORDS })).toHaveCount(0)
})

test('a redone quote is kept after a reload', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await pasteArticle(page, ARTICLE)
  const before = await markWords(page)
  await tools(page).getByRole('button', { name: 'Undo' }).click()
  await expect(total(page)).toHaveText(String(before))
  await tools(page).getByRole('button', { name: 'Redo' }).click()
  await expect(total(page)).toHaveText(String(before + 1))
  await reopen(page)
  await expect(total(page)).toHaveText(String(before + 1))
  await expect(highlights(page).filter({ hasText: WORDS })).toHaveCount(1)
})

test('undo brings back the previous check status, redo the new one', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await pasteArticle(page, ARTICLE)
  await markWords(page)
  await expect(statusButton(page, 'Unverified')).toHaveAttribute('aria-pressed', 'true')

  await statusButton(page, 'Verified').click()
  await expect(statusButton(page, 'Verified')).toHaveAttribute('aria-pressed', 'true')
  await expect(highlights(page).filter({ hasText: WORDS })).toHaveAttribute('data-status', 'verified')

  await tools(page).getByRole('button', { name: 'Undo' }).click()
  await expect(statusButton(page, 'Unverified')).toHaveAttribute('aria-pressed', 'true')
  await expect(highlights(page).filter({ hasText: WORDS })).toHaveAttribute('data-status', 'unverified')

  // Ctrl+Y works outside the text too (focus is on the toolbar button).
  await page.keyboard.press('Control+y')
  await expect(statusButton(page, 'Verified')).toHaveAttribute('aria-pressed', 'true')

  await reopen(page)
  await highlights(page).filter({ hasText: WORDS }).click()
  await expect(statusButton(page, 'Verified')).toHaveAttribute('aria-pressed', 'true')
})

test('text edits and annotation changes are undone in the order they were made', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await pasteArticle(page, ARTICLE)
  await editor(page).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('BREAKING ')
  await expect(editor(page)).toContainText('BREAKING The council met')
  const before = await markWords(page)

  await tools(page).getByRole('button', { name: 'Undo' }).click()
  await expect(highlights(page).filter({ hasText: WORDS })).toHaveCount(0)
  await expect(total(page)).toHaveText(String(before))
  await expect(editor(page)).toContainText('BREAKING The council met')

  await tools(page).getByRole('button', { name: 'Undo' }).click()
  await expect(editor(page)).not.toContainText('BREAKING')
  await expect(editor(page)).toContainText('The council met')
  await expect(total(page)).toHaveText(String(before))

  // Redo in the same order: the text, then the quote on its words.
  await tools(page).getByRole('button', { name: 'Redo' }).click()
  await expect(editor(page)).toContainText('BREAKING The council met')
  await tools(page).getByRole('button', { name: 'Redo' }).click()
  await expect(highlights(page).filter({ hasText: WORDS })).toHaveText(WORDS)
  await expect(total(page)).toHaveText(String(before + 1))
})

test('undo unlinks a source just linked, redo links it again, and a re-created quote keeps its source', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  await quotedesk.handlers['sources:create']({
    kind: 'interview',
    title: 'Mayor interview notes',
    body: 'The mayor said the bridge would open next spring.',
  })
  await page.goto(appUrl)
  await pasteArticle(page, ARTICLE)
  const before = await markWords(page)
  const linked = inspector(page).getByText('Mayor interview notes')
  const unlinked = inspector(page).getByText('No source linked to this quote yet.')

  await inspector(page).getByLabel('Source to link').selectOption({ label: 'Mayor interview notes' })
  await inspector(page).getByRole('button', { name: 'Link', exact: true }).click()
  await expect(linked).toBeVisible()

  await tools(page).getByRole('button', { name: 'Undo' }).click()
  await expect(unlinked).toBeVisible()
  await tools(page).getByRole('button', { name: 'Redo' }).click()
  await expect(linked).toBeVisible()

  // Remove the quote, then undo: it comes back with its source.
  await inspector(page).getByRole('button', { name: 'Remove quote' }).click()
  await expect(total(page)).toHaveText(String(before))
  await tools(page).getByRole('button', { name: 'Undo' }).click()
  await expect(total(page)).toHaveText(String(before + 1))
  await expect(linked).toBeVisible()

  await reopen(page)
  await highlights(page).filter({ hasText: WORDS }).click()
  await expect(linked).toBeVisible()
})
