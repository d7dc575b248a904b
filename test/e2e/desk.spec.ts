import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type Quotedesk } from './fixtures'
import { editor, highlights, inspector, pasteArticle, selectInEditor } from './desk-helpers'

// Read as text: the e2e project does not compile renderer sources, and the sheet must list every entry.
const REGISTRY = [
  ...fs
    .readFileSync(path.resolve(import.meta.dirname, '../../src/renderer/src/commands.ts'), 'utf8')
    .matchAll(/^ {2}'([a-z_-]+)': \{ label: '([^']+)'/gm),
].map(([, name = '', label = '']) => ({ name, label }))
const OUT = path.resolve(import.meta.dirname, '../../test-results/screens')
const SAMPLE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/articles/heartstopper-film-article.txt'),
  'utf8',
)

const quoteList = (page: Page) => page.getByRole('listbox', { name: 'Quotes in this article' })
const saveState = (page: Page) => page.getByRole('toolbar', { name: 'Text tools' }).getByRole('status')
const highlightWith = (page: Page, text: string) => highlights(page).filter({ hasText: text }).first()

/** CodeMirror draws only the lines in view: scroll the article like a reader until the words show. */
async function reveal(page: Page, text: string) {
  const scroller = page.locator('.cm-scroller')
  await scroller.evaluate((el) => el.scrollTo(0, 0))
  for (let i = 0; i < 60; i++) {
    // The editor redraws on the next frame after a scroll.
    await page.waitForTimeout(60)
    if ((await highlightWith(page, text).count()) > 0) {
      await highlightWith(page, text).scrollIntoViewIfNeeded({ timeout: 2000 })
      return highlightWith(page, text)
    }
    await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.6))
  }
  throw new Error(`no highlight with “${text}”`)
}

function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

async function expectSaved(page: Page) {
  await expect(saveState(page)).toHaveText('Saved', { timeout: 10_000 })
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) })
}

async function openSeeded(page: Page, appUrl: string, quotedesk: Quotedesk) {
  const article = await quotedesk.handlers['articles:create']({ body: SAMPLE })
  await page.goto(appUrl)
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /Heartstopper creator/ })
    .click()
  await expect(highlights(page).first()).toBeVisible()
  return article
}

test.use({ viewport: { width: 1400, height: 900 } })

test('a journalist pastes a draft, fixes a speaker, marks a missed quote, edits, and reloads to find it all kept', async ({
  page,
  appUrl,
}) => {
  const errors = watchConsole(page)
  await page.goto(appUrl)
  await pasteArticle(page, SAMPLE)

  // The quotes are highlighted, the two-paragraph one on both paragraphs, the partial one too.
  await expect(highlights(page).first()).toBeVisible()
  expect(await highlights(page).count()).toBeGreaterThan(0)
  await expect(await reveal(page, 'On a basic level')).toBeVisible()
  await expect(await reveal(page, 'On a slightly deeper level')).toBeVisible()
  const forever = await reveal(page, 'a forever love')
  await expect(forever).toHaveText('“a forever love”')
  await expect(forever).toHaveAttribute('data-status', 'unverified')
  await expect(editor(page).locator('[data-entity-id]').first()).toBeVisible()

  // The synopsis is Netflix's, which the analysis cannot know: choose it through the picker, creating the entity.
  await (await reveal(page, 'Nick and Charlie are inseparable')).click()
  await expect(inspector(page).locator('blockquote')).toContainText('Nick and Charlie are inseparable')
  await expect(inspector(page).getByText('(confirmed)')).toHaveCount(0)
  await inspector(page).getByRole('button', { name: 'Choose speaker…' }).click()
  const picker = page.getByRole('dialog', { name: 'Choose the speaker' })
  await picker.getByRole('combobox', { name: 'Speaker' }).fill('Netflix synopsis')
  await picker.getByRole('option', { name: /Create “Netflix synopsis”/ }).click()
  await expect(picker).toBeHidden()
  const speaker = inspector(page).locator('.inspector__speaker')
  await expect(speaker).toHaveText('Netflix synopsis (confirmed)')

  // The quote after the partial one: teach Alice Oseman the name “the Solitare author”, through the keyboard.
  await (await reveal(page, 'creative and logistical problems')).click()
  await page.keyboard.press('Alt+s')
  const picker2 = page.getByRole('dialog', { name: 'Choose the speaker' })
  await picker2.getByRole('combobox', { name: 'Speaker' }).fill('the Solitare author')
  await picker2.getByRole('option', { name: /another name of/ }).click()
  await expect(page.getByRole('dialog', { name: 'Whose other name is “the Solitare author”?' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Entity' }).fill('Alice')
  await page.getByRole('option', { name: /Alice Oseman: add “the Solitare author”/ }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(speaker).toHaveText('Alice Oseman (confirmed)')

  // A missed quote: select the words and mark them.
  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, 0))
  const total = page.getByRole('region', { name: 'Quotes' }).locator('.tabs__count')
  const before = Number(await total.textContent())
  await selectInEditor(page, 'production is due to start this summer')
  await page.keyboard.press('Alt+q')
  const marked = highlightWith(page, 'production is due to start this summer')
  await expect(marked).toBeVisible()
  await expect(marked).toHaveText('production is due to start this summer')
  await expect(total).toHaveText(String(before + 1))
  await expect(inspector(page).getByText('Marked by hand')).toBeVisible()

  // Typing before a quote: the highlight stays on its words while typing and after the save.
  await editor(page).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('UPDATED ')
  await expect(marked).toHaveText('production is due to start this summer')
  await selectInEditor(page, 'Since that fateful day')
  await page.keyboard.type('Ever since that fateful day')
  await expect(marked).toHaveText('production is due to start this summer')
  await expect(await reveal(page, 'a forever love')).toHaveText('“a forever love”')
  await expectSaved(page)
  await expect(highlightWith(page, 'a forever love')).toHaveText('“a forever love”')
  await expect(await reveal(page, 'production is due')).toHaveText('production is due to start this summer')

  // Undo and redo are the editor's own history.
  await editor(page).press('Control+z')
  await expect(editor(page)).toContainText('Since that fateful day')
  await editor(page).press('Control+y')
  await expect(editor(page)).toContainText('Ever since that fateful day')
  await expectSaved(page)

  await page.reload()
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /Heartstopper creator/ })
    .click()
  await expect(editor(page)).toContainText('UPDATED')
  await expect(editor(page)).toContainText('Ever since that fateful day')
  await expect(await reveal(page, 'production is due')).toHaveText('production is due to start this summer')
  await expect(await reveal(page, 'a forever love')).toHaveText('“a forever love”')
  await (await reveal(page, 'Nick and Charlie are inseparable')).click()
  await expect(inspector(page).locator('.inspector__speaker')).toHaveText('Netflix synopsis (confirmed)')
  expect(errors).toEqual([])
})

test('text typed just before a reload comes back from the draft journal and is saved', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  const article = await openSeeded(page, appUrl, quotedesk)
  // The service never answers a save until the page is gone: only the journal can keep the words. (Lifting
  // the block before the reload let a retry through on a loaded machine, so nothing was left to restore.)
  let isHolding = true
  await page.route('**/api/articles:update', (route) => (isHolding ? undefined : route.continue()))
  await editor(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Kept by the journal.')
  await expect(saveState(page)).toHaveText('Saving…')
  await page.reload()
  isHolding = false
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /Heartstopper creator/ })
    .click()
  await editor(page).press('Control+End')
  await expect(editor(page)).toContainText('Kept by the journal.')
  await expect(page.getByText('Restored text typed before the page was closed')).toBeVisible()
  await expectSaved(page)
  const stored = await quotedesk.handlers['articles:get']({ id: article.id })
  expect(stored.body.endsWith('Kept by the journal.')).toBe(true)
})

test('a failing save says so and retries, and never claims “Saved” before the reply', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  const article = await openSeeded(page, appUrl, quotedesk)
  await page.route('**/api/articles:update', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The disk is full.' } }),
    }),
  )
  await editor(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Retry me.')
  await expect(saveState(page)).toHaveText('Not saved — retrying')
  await expect(page.getByRole('alert').filter({ hasText: 'The disk is full.' })).toBeVisible()
  await expect(editor(page)).toContainText('Retry me.')
  await page.waitForTimeout(1500)
  await expect(saveState(page)).toHaveText('Not saved — retrying')
  await page.unroute('**/api/articles:update')
  await expectSaved(page)
  expect((await quotedesk.handlers['articles:get']({ id: article.id })).body).toContain('Retry me.')
})

test('an editor steps through quotes with the keyboard, sets statuses with a note and reads the history', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  await openSeeded(page, appUrl, quotedesk)
  await quoteList(page).focus()
  await page.keyboard.press('j')
  const first = quoteList(page).getByRole('option', { selected: true })
  await expect(first).toContainText('On a basic level')
  await expect(inspector(page).locator('blockquote')).toContainText('On a basic level')
  // The cue (“why”) is shown in the text.
  await expect(editor(page).locator('[data-cue]')).toHaveText('the Loveless author said')

  await page.keyboard.press('2')
  await expect(highlightWith(page, 'On a basic level')).toHaveAttribute('data-status', 'verified')
  await expect(inspector(page).getByRole('button', { name: /Verified/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(inspector(page).getByText(/Checked by e2e/)).toBeVisible()

  await page.keyboard.press('j')
  await expect(inspector(page).locator('blockquote')).toContainText('On a slightly deeper level')
  await page.keyboard.press('k')
  await expect(inspector(page).locator('blockquote')).toContainText('On a basic level')
  await page.keyboard.press('u')
  await expect(inspector(page).locator('blockquote')).toContainText('On a slightly deeper level')

  // A note travels with the status; Alt+Shift+3 works from inside the note field.
  await inspector(page).getByLabel('Note').fill('Tudum has “what elevates it”, not “or what elevates it”.')
  await page.keyboard.press('Alt+Shift+3')
  await expect(highlightWith(page, 'On a slightly deeper level')).toHaveAttribute('data-status', 'altered')
  const history = inspector(page).getByRole('list', { name: 'History of this quote' })
  await expect(history).toContainText('Status: Unverified → Altered — “Tudum has “what elevates it”')
  await expect(history).toContainText('e2e')
  await shot(page, 'light-desk-inspector')

  // The list filter and the next-unverified button.
  await page.getByLabel('Filter quotes').selectOption({ label: 'Verified' })
  await expect(quoteList(page).getByRole('option')).toHaveCount(1)
  await page.getByLabel('Filter quotes').selectOption({ label: 'All quotes' })
  await page.getByRole('button', { name: 'Next unverified' }).click()
  await expect(inspector(page).getByRole('button', { name: /Unverified/ })).toHaveAttribute('aria-pressed', 'true')

  // Adjusting the span with keys goes through the service and stays in the history.
  await quoteList(page).focus()
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  await expect(history).toContainText('Quoted words changed')

  // Removing a false quote.
  const total = page.getByRole('region', { name: 'Quotes' }).locator('.tabs__count')
  const count = Number(await total.textContent())
  await inspector(page).getByRole('button', { name: 'Remove quote' }).click()
  await expect(total).toHaveText(String(count - 1))
})

test('an editor links the suggested source, checks the quote against it and takes the verdict', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  await quotedesk.handlers['sources:create']({
    kind: 'interview',
    title: 'Tudum interview transcript',
    body:
      'Q: What do you hope the film does?\n\nA: On a slightly deeper level, I think this movie will explore what ' +
      'makes love survive, what elevates it, or deepens it. At 18, 17, Nick and Charlie are hurtling towards their ' +
      'adult lives. Many teenage relationships don’t survive that pivotal moment of change.',
  })
  await openSeeded(page, appUrl, quotedesk)
  await quoteList(page)
    .getByRole('option', { name: /On a slightly deeper level/ })
    .click()
  await inspector(page).getByRole('button', { name: 'Suggest a source' }).click()
  await expect(inspector(page).getByText(/Best match: Tudum interview transcript/)).toBeVisible()
  await inspector(page).getByRole('button', { name: 'Link this source' }).click()
  await expect(inspector(page).getByText('Tudum interview transcript')).toBeVisible()
  await inspector(page).getByRole('button', { name: 'Check against source' }).click()
  await expect(inspector(page).locator('.verdict')).toBeVisible()
  await expect(inspector(page).getByLabel('Passage in the source')).toContainText('what elevates it')
  await shot(page, 'light-desk-source-check')
  const take = inspector(page).getByRole('button', { name: /^Mark (verified|altered|not found)$/ })
  const label = (await take.textContent()) ?? ''
  await take.click()
  const status = label.replace('Mark ', '')
  await expect(
    inspector(page)
      .getByRole('button', { name: new RegExp(status, 'i') })
      .first(),
  ).toHaveAttribute('aria-pressed', 'true')
})

test('annotations whose words disappeared are listed, not dropped', async ({ page, appUrl, quotedesk }) => {
  const { handlers } = quotedesk
  const article = await handlers['articles:create']({
    title: 'Council vote',
    body: '“We will build the bridge,” said Mayor Ana Ruiz.\n\nThe vote was 31 to 12.',
  })
  const [quote] = (await handlers['quotes:annotations']({ id: article.id })).quotes
  if (!quote) throw new Error('the analyser found no quote')
  await handlers['quotes:set-status']({ id: quote.id, status: 'verified', note: 'On tape' })
  await handlers['articles:update']({ id: article.id, body: 'The mayor spoke.\n\nThe vote was 31 to 12.' })
  await page.goto(appUrl)
  await page.getByRole('button', { name: /Council vote/ }).click()
  await expect(page.getByRole('note').filter({ hasText: 'could not find these words any more' })).toBeVisible()
  await quoteList(page)
    .getByRole('option', { name: /We will build the bridge/ })
    .click()
  await expect(inspector(page).getByText(/Could not find these words any more/)).toBeVisible()
  await expect(highlights(page)).toHaveCount(0)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`screens: desk, speaker picker and shortcut sheet (${scheme})`, async ({ page, appUrl, quotedesk }) => {
    await page.emulateMedia({ colorScheme: scheme })
    const errors = watchConsole(page)
    await openSeeded(page, appUrl, quotedesk)
    await (await reveal(page, 'a forever love')).click()
    await expect(inspector(page).locator('blockquote')).toContainText('a forever love')
    await shot(page, `${scheme}-desk`)

    await page.keyboard.press('Alt+s')
    const picker = page.getByRole('dialog', { name: 'Choose the speaker' })
    await picker.getByRole('combobox', { name: 'Speaker' }).fill('O')
    await expect(picker.getByRole('option', { name: /Alice Oseman/ })).toBeVisible()
    await shot(page, `${scheme}-speaker-picker`)
    await page.keyboard.press('Escape')
    await expect(picker).toBeHidden()

    await page.getByRole('main').getByRole('heading', { level: 2 }).click()
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(sheet).toBeVisible()
    // Every command of the registry is listed.
    expect(REGISTRY.length).toBeGreaterThan(20)
    await expect(sheet.locator('[data-command]')).toHaveCount(REGISTRY.length)
    for (const { name, label } of REGISTRY) await expect(sheet.locator(`[data-command="${name}"] dt`)).toHaveText(label)
    await shot(page, `${scheme}-shortcut-sheet`)
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
  })
}

test('the desk reflows at 200% zoom', async ({ browser, appUrl, quotedesk }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 })
  const page = await context.newPage()
  await openSeeded(page, appUrl, quotedesk)
  await (await reveal(page, 'a forever love')).click()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
  await page.screenshot({ path: path.join(OUT, 'light-desk-zoom-200.png'), fullPage: true })
  await context.close()
})

test('an editor fixes a misspelt known name from the flags, and the fix is saved', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  await quotedesk.handlers['entities:create']({ kind: 'work', name: 'Solitaire' })
  await page.goto(appUrl)
  await pasteArticle(page, 'The Solitare author spoke on Monday.\n\n“It was a long road,” Alice Oseman said.')
  const flags = page.getByRole('region', { name: /Names to check/ })
  await expect(flags).toContainText('Solitare → Solitaire')
  await flags.getByRole('button', { name: 'Change to Solitaire' }).click()
  await expect(editor(page)).toContainText('The Solitaire author')
  await expect(saveState(page)).toHaveText('Saved')
  await expect(flags).toBeHidden()
  await page.reload()
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /spoke on Monday/ })
    .click()
  await expect(editor(page)).toContainText('The Solitaire author')
  // The quote stayed on its words through the fix.
  await expect(highlights(page).filter({ hasText: 'It was a long road' })).toHaveCount(1)
})
