import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'
import { expect, test } from './fixtures'

const SAMPLE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/articles/heartstopper-film-article.txt'),
  'utf8',
)
// The service takes the title from the first line, after the leading "date 2025-04-28" token.
const SAMPLE_TITLE = 'Heartstopper creator Alice Oseman has shared exciting details about the upcoming film.'

async function pasteArticle(page: Page, body: string) {
  await page.getByRole('banner').getByRole('button', { name: 'New article' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Article text').fill(body)
  await dialog.getByRole('button', { name: 'Add article' }).click()
  await expect(dialog).toBeHidden()
}

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Import file…' }).click()
  await (await chooser).setFiles(file)
}

const articleList = (page: Page) =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Articles' })

test('a fresh library says so, and offers to paste or import', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'No articles yet' })).toBeVisible()
  await expect(main.getByRole('button', { name: 'Paste an article' })).toBeVisible()
  await expect(main.getByRole('button', { name: 'Import file…' })).toBeVisible()
  // The code was traded for a token kept in sessionStorage; the address bar no longer shows it.
  expect(page.url()).not.toContain('code=')
})

test('the printed address opens one tab; the copy in the browser’s history opens nothing (finding 11)', async ({
  quotedesk,
}, testInfo) => {
  const { host } = quotedesk
  const printed = host.launchUrl
  // A real profile on disk, so the browser writes the History file it keeps for months.
  const profile = testInfo.outputPath('profile')
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  })
  try {
    const page = browser.pages()[0] ?? (await browser.newPage())
    await page.goto(printed)
    const empty = page.getByRole('main').getByRole('heading', { name: 'No articles yet' })
    await expect(empty).toBeVisible()
    expect(page.url()).toBe(host.url)
    // A reload needs no code: the tab keeps its session token in sessionStorage.
    await page.reload()
    await expect(empty).toBeVisible()
    // The same address in another tab, as someone reading the history would open it.
    const second = await browser.newPage()
    await second.goto(printed)
    await expect(second.getByRole('heading', { name: 'This address was already used' })).toBeVisible()
    await testInfo.attach('address-used', { body: await second.screenshot(), contentType: 'image/png' })
  } finally {
    await browser.close()
  }

  const history = new Database(path.join(profile, 'Default', 'History'), { readonly: true })
  const urls = history.prepare('SELECT url FROM urls').pluck().all() as string[]
  history.close()
  const codes = urls.flatMap((url) => new URLSearchParams(new URL(url).hash.slice(1)).getAll('code'))
  // The browser did record the printed address, code and all …
  expect(codes.length).toBeGreaterThan(0)
  expect(urls.join('\n')).not.toContain(host.token)
  // … and every code in it is spent.
  for (const code of codes) {
    const answer = await fetch(`${host.url}api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    })
    expect(answer.status).toBe(401)
  }
})

test('a journalist pastes a draft, finds it again after a reload and by search, then deletes it', async ({
  page,
  appUrl,
}) => {
  // A CSP violation (inline style or script) or an uncaught error shows up here.
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  await page.goto(appUrl)
  await pasteArticle(page, SAMPLE)

  // It opens at once, as readable paragraphs.
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 2, name: SAMPLE_TITLE })).toBeVisible()
  await expect(main.getByText('Lastly, Netflix confirmed that production is due to start this summer!')).toBeVisible()
  await expect(main.getByText('Published 28 Apr 2025')).toBeVisible()
  await expect(articleList(page).getByRole('button', { name: SAMPLE_TITLE })).toHaveAttribute('aria-current', 'true')

  // Editors move it along.
  await main.getByLabel('Status').selectOption({ label: 'In review' })
  await expect(articleList(page).getByRole('button', { name: SAMPLE_TITLE })).toContainText('In review')

  await page.reload()
  await expect(articleList(page).getByRole('button', { name: SAMPLE_TITLE })).toContainText('In review')

  // Results as you type, with the matched words marked.
  await page.getByLabel('Search library').fill('forever love')
  const results = page.getByRole('list', { name: 'Search results' })
  await expect(page.getByRole('status').filter({ hasText: /for “forever love”/ })).toBeVisible()
  const hit = results.getByRole('button', { name: new RegExp(SAMPLE_TITLE.slice(0, 30)) }).first()
  // A trailing word also matches as a prefix, so “love” marks “loves” too.
  await expect(hit.locator('mark').first()).toHaveText(/forever|love/i)
  await hit.click()
  await expect(main.getByRole('heading', { level: 2, name: SAMPLE_TITLE })).toBeVisible()

  await page.getByLabel('Search library').fill('')
  await main.getByRole('button', { name: 'Delete…' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete this article?' })
  await expect(confirm).toBeVisible()
  // Escape cancels, and nothing is deleted.
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(articleList(page).getByRole('button', { name: SAMPLE_TITLE })).toBeVisible()

  await main.getByRole('button', { name: 'Delete…' }).click()
  await confirm.getByRole('button', { name: 'Delete article' }).click()
  await expect(main.getByRole('heading', { name: 'No articles yet' })).toBeVisible()
  await expect(page.getByRole('button', { name: SAMPLE_TITLE })).toHaveCount(0)

  await page.reload()
  await expect(page.getByRole('main').getByRole('heading', { name: 'No articles yet' })).toBeVisible()
  expect(consoleErrors).toEqual([])
})

test('a .txt file imports through the file picker and opens', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  const text = 'Council approves new cycle lanes\n\n“This is a good day for the city,” said Mayor Ana Ruiz.\n'
  await chooseFile(page, { name: 'council-draft.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') })
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 2, name: 'Council approves new cycle lanes' })).toBeVisible()
  await expect(main.getByText('“This is a good day for the city,” said Mayor Ana Ruiz.')).toBeVisible()
  await expect(articleList(page).getByRole('button', { name: /Council approves new cycle lanes/ })).toBeVisible()
})

test('a file the service refuses is reported by name, and the message can be dismissed', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await chooseFile(page, { name: 'empty-notes.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) })
  const alert = page.getByRole('alert').filter({ hasText: 'Could not import “empty-notes.txt”' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('the file is empty')
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toBeHidden()
})

test('an empty paste names the field at fault, inside the dialog', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await page.getByRole('banner').getByRole('button', { name: 'New article' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await dialog.getByRole('button', { name: 'Add article' }).click()
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText('The article was not added')
  await expect(alert.getByRole('list', { name: 'Fields to fix' })).toContainText('body')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('keyboard: / searches, Alt+N opens a new article and Escape returns focus', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await expect(page.getByRole('main').getByRole('heading', { name: 'No articles yet' })).toBeVisible()
  await page.keyboard.press('/')
  await expect(page.getByLabel('Search library')).toBeFocused()
  await page.keyboard.press('Escape')
  await page.getByRole('banner').getByRole('button', { name: 'New article' }).focus()
  await page.keyboard.press('Alt+n')
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Article text')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('banner').getByRole('button', { name: 'New article' })).toBeFocused()
})

test('sources: a bad address is named, then the source is added and deleted', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await page.getByRole('tab', { name: /Sources/ }).click()
  const main = page.getByRole('main')
  await main.getByRole('button', { name: 'New source' }).click()
  await main.getByLabel('Kind').selectOption({ label: 'Web page' })
  await main.getByLabel('Title').fill('Netflix Tudum interview with Alice Oseman')
  await main.getByLabel('Address (URL)').fill('javascript:alert(1)')
  await main.getByLabel('Outlet').fill('Tudum')
  await main.getByLabel('Date').fill('2025-04-20')
  await main.getByLabel('Text').fill('I want the movie to be a beautiful and emotional send-off.')
  await main.getByRole('button', { name: 'Add source' }).click()
  await expect(main.getByRole('alert')).toContainText('url')
  await expect(main.getByLabel('Address (URL)')).toHaveAttribute('aria-invalid', 'true')

  await main.getByLabel('Address (URL)').fill('https://www.netflix.com/tudum/articles/heartstopper-movie')
  await main.getByRole('button', { name: 'Add source' }).click()
  await expect(main.getByRole('heading', { level: 2, name: 'Netflix Tudum interview with Alice Oseman' })).toBeVisible()
  const sources = page.getByRole('list', { name: 'Sources' })
  await expect(sources.getByRole('button', { name: /Netflix Tudum interview/ })).toContainText('Tudum')

  await main.getByRole('button', { name: 'Delete…' }).click()
  await page
    .getByRole('alertdialog', { name: 'Delete this source?' })
    .getByRole('button', { name: 'Delete source' })
    .click()
  await expect(main.getByRole('heading', { name: 'No sources yet' })).toBeVisible()
})

test('entities: added with aliases, then deleted', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await page.getByRole('tab', { name: /Entities/ }).click()
  const main = page.getByRole('main')
  await main.getByRole('button', { name: 'New entity' }).click()
  await main.getByLabel('Name').fill('Alice Oseman')
  await main.getByLabel('Aliases').fill('Oseman\nthe Loveless author')
  await main.getByRole('button', { name: 'Add entity' }).click()
  await expect(main.getByRole('heading', { level: 2, name: 'Alice Oseman' })).toBeVisible()
  await expect(main.getByRole('listitem').filter({ hasText: 'the Loveless author' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Entities' }).getByRole('button', { name: /Alice Oseman/ })).toBeVisible()

  await main.getByRole('button', { name: 'Delete…' }).click()
  await page
    .getByRole('alertdialog', { name: 'Delete this entity?' })
    .getByRole('button', { name: 'Delete entity' })
    .click()
  await expect(main.getByRole('heading', { name: 'No entities yet' })).toBeVisible()
})
