import fs from 'node:fs'
import path from 'node:path'
import type { Download, Page } from '@playwright/test'
import { expect, test, type Quotedesk } from './fixtures'

const OUT = path.resolve(import.meta.dirname, '../../test-results/screens')
const SECRET_TITLE = 'Whistleblower call CANARY-7e1d'
const BODY = [
  'Harbour to stay open',
  '“Not this year, and not while I am here,” the harbour master said on Monday.',
  'The council will vote again in spring.',
].join('\n\n')

async function seed(quotedesk: Quotedesk) {
  const { handlers } = quotedesk
  const article = await handlers['articles:create']({ body: BODY })
  await handlers['articles:create']({ body: 'Ferry timetable changes\n\nBoats leave every hour from May.' })
  const source = await handlers['sources:create']({
    kind: 'interview',
    title: SECRET_TITLE,
    body: 'Q: Will the harbour close?\nA: Not this year, and not while I am here.',
    isConfidential: true,
  })
  const [quote] = (await handlers['quotes:annotations']({ id: article.id })).quotes
  if (!quote) throw new Error('the analyser found no quote')
  await handlers['quotes:link-source']({ id: quote.id, sourceId: source.id })
  return article
}

async function downloadedText(page: Page, start: () => Promise<void>): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download')
  await start()
  const download: Download = await downloading
  const file = await download.path()
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') }
}

test('exports the open article as Markdown, redacted by default, and as JSON with confidential sources on request', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await seed(quotedesk)
  await page.goto(appUrl)
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /Harbour to stay open/ })
    .click()
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Harbour to stay open' })).toBeVisible()

  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export articles' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Markdown (.md)')).toBeChecked()
  await expect(dialog.getByLabel(/The open article, “Harbour to stay open”/)).toBeChecked()
  const include = dialog.getByLabel('Include confidential sources')
  await expect(include).not.toBeChecked()
  await fs.promises.mkdir(OUT, { recursive: true })
  await dialog.screenshot({ path: path.join(OUT, 'export-dialog.png') })

  const markdown = await downloadedText(page, () => dialog.getByRole('button', { name: 'Download 1 article' }).click())
  expect(markdown.name).toMatch(/\.md$/)
  expect(markdown.text).toContain('Not this year, and not while I am here')
  expect(markdown.text).toContain('confidential source')
  expect(markdown.text).not.toContain('CANARY-7e1d')
  await expect(dialog.getByRole('list', { name: 'Exported' })).toContainText(
    `downloaded as ${markdown.name}, confidential sources redacted`,
  )

  // Opting in warns first, then the file names the source.
  await include.check()
  await expect(dialog.getByText(/The files will name confidential sources/)).toBeVisible()
  await dialog.getByLabel('Quotedesk JSON (.json)').check()
  await dialog.screenshot({ path: path.join(OUT, 'export-dialog-confidential.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await dialog.screenshot({ path: path.join(OUT, 'dark-export-dialog-confidential.png') })
  await page.emulateMedia({ colorScheme: 'light' })
  const json = await downloadedText(page, () => dialog.getByRole('button', { name: 'Download 1 article' }).click())
  expect(json.name).toMatch(/\.json$/)
  expect(json.text).toContain(SECRET_TITLE)
  const doc = JSON.parse(json.text) as { article: { title: string } }
  expect(doc.article.title).toBe('Harbour to stay open')
  await expect(dialog.getByRole('list', { name: 'Exported' })).not.toContainText('redacted')

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(errors).toEqual([])
})

test('the shortcut opens the dialog, and articles can be chosen from the list', async ({ page, appUrl, quotedesk }) => {
  await seed(quotedesk)
  await page.goto(appUrl)
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(2)
  await page.keyboard.press('Alt+Shift+E')
  const dialog = page.getByRole('dialog', { name: 'Export articles' })
  await expect(dialog).toBeVisible()
  // No article is open, so the choice starts from the list.
  await expect(dialog.getByLabel(/The open article/)).toBeDisabled()
  await expect(dialog.getByLabel('Choose articles')).toBeChecked()
  await expect(dialog.getByRole('button', { name: 'Download 0 articles' })).toBeDisabled()
  await dialog
    .getByRole('list', { name: 'Articles to export' })
    .getByLabel(/Ferry timetable changes/)
    .check()
  const markdown = await downloadedText(page, () => dialog.getByRole('button', { name: 'Download 1 article' }).click())
  expect(markdown.text).toContain('Boats leave every hour from May.')
  await expect(dialog.getByRole('list', { name: 'Exported' })).toContainText('“Ferry timetable changes”: downloaded')
})
