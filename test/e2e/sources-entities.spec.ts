import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'

const OUT = path.resolve(import.meta.dirname, '../../test-results/screens')

const VTT = [
  'WEBVTT Call with the harbour master',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Reporter>Will the harbour close this year?',
  '',
  '00:00:05.500 --> 00:00:09.000',
  '<v Harbour Master>Not this year, and not while I am here.',
  '',
  '00:00:10.000 --> 00:00:12.000',
  '<v Reporter>Thank you.',
  '',
].join('\n')

test('a .vtt transcript imports through the file picker and shows the passage a quote cites', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  await page.goto(appUrl)
  await page.getByRole('tab', { name: /Sources/ }).click()
  const main = page.getByRole('main')
  await main.getByRole('button', { name: 'New source' }).click()
  await main.getByLabel('Import as confidential').check()
  const chooser = page.waitForEvent('filechooser')
  await main.getByRole('button', { name: 'Choose a file…' }).click()
  await (await chooser).setFiles({ name: 'harbour-call.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) })
  await expect(main.getByRole('heading', { level: 2, name: 'Call with the harbour master' })).toBeVisible()
  await expect(main.getByText('Confidential', { exact: true })).toBeVisible()
  const transcript = main.getByRole('list', { name: 'Transcript' })
  await expect(transcript.getByRole('listitem')).toHaveCount(3)
  await expect(transcript.getByRole('listitem').nth(1)).toContainText('00:00:05')
  await expect(main.getByText('No quote is linked to this source yet.')).toBeVisible()

  // A quote in an article is linked to the transcript (as the desk's source panel would).
  const [source] = await quotedesk.handlers['sources:list']({})
  const article = await quotedesk.handlers['articles:create']({
    body: 'Harbour stays open\n\n“Not this year, and not while I am here,” the harbour master said.',
  })
  const [quote] = (await quotedesk.handlers['quotes:annotations']({ id: article.id })).quotes
  await quotedesk.handlers['quotes:link-source']({ id: quote!.id, sourceId: source!.id })

  await page.reload()
  await page.getByRole('tab', { name: /Sources/ }).click()
  await page
    .getByRole('list', { name: 'Sources' })
    .getByRole('button', { name: /Call with the harbour master/ })
    .click()
  const mark = main.locator('mark.cited')
  await expect(mark).toHaveText('Not this year, and not while I am here.')
  // The mark sits in the line said at 00:00:05.
  await expect(transcript.getByRole('listitem').nth(1).locator('mark')).toHaveCount(1)
  const citations = main.getByRole('region', { name: /Quoted in articles/ })
  await expect(citations).toContainText('at 00:00:05')
  await expect(citations.getByRole('button', { name: 'Open “Harbour stays open”' })).toBeVisible()
  await fs.promises.mkdir(OUT, { recursive: true })
  await page.screenshot({ path: path.join(OUT, 'source-citations.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: path.join(OUT, 'dark-source-citations.png') })
  await page.emulateMedia({ colorScheme: 'light' })

  await citations.getByRole('button', { name: 'Show quote 1 in the source' }).click()
  await expect(mark).toBeFocused()
  await main.getByRole('button', { name: 'Quote 1, in “Harbour stays open”: open the article' }).click()
  await expect(main.getByRole('heading', { level: 2, name: 'Harbour stays open' })).toBeVisible()
})

test('an import the service refuses is named in an alert', async ({ page, appUrl }) => {
  await page.goto(appUrl)
  await page.getByRole('tab', { name: /Sources/ }).click()
  const main = page.getByRole('main')
  await main.getByRole('button', { name: 'New source' }).click()
  const chooser = page.waitForEvent('filechooser')
  await main.getByRole('button', { name: 'Choose a file…' }).click()
  await (await chooser).setFiles({ name: 'broken.vtt', mimeType: 'text/vtt', buffer: Buffer.from('not a transcript') })
  const alert = main.getByRole('alert').filter({ hasText: 'Could not import “broken.vtt”' })
  await expect(alert).toBeVisible()
})

test('entities: aliases are edited inline, and merging a duplicate moves its quotes', async ({
  page,
  appUrl,
  quotedesk,
}) => {
  const { handlers } = quotedesk
  const porter = await handlers['entities:create']({ kind: 'person', name: 'Jane Porter' })
  const mayor = await handlers['entities:create']({ kind: 'person', name: 'Mayor J. Porter', aliases: ['the mayor'] })
  const first = await handlers['articles:create']({
    body: 'Bridge opens\n\n“This is a great day for the whole town,” the mayor said.',
  })
  const second = await handlers['articles:create']({
    body: 'Costs watched\n\n“We will watch the costs very closely,” the mayor added.',
  })
  for (const article of [first, second]) {
    const [quote] = (await handlers['quotes:annotations']({ id: article.id })).quotes
    await handlers['quotes:set-speaker']({ id: quote!.id, entityId: mayor.id })
  }

  await page.goto(appUrl)
  await page.getByRole('tab', { name: /Entities/ }).click()
  const entities = page.getByRole('list', { name: 'Entities' })
  await entities.getByRole('button', { name: /^Mayor J\. Porter/ }).click()
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 2, name: 'Mayor J. Porter' })).toBeVisible()
  const quotes = main.getByRole('list', { name: 'Quotes of Mayor J. Porter' })
  await expect(quotes.getByRole('listitem')).toHaveCount(2)
  await expect(quotes.getByRole('button', { name: 'In “Bridge opens”' })).toBeVisible()

  // Aliases, inline.
  await main.getByRole('button', { name: 'Edit aliases' }).click()
  const field = main.getByLabel('Aliases, one per line')
  await expect(field).toBeFocused()
  await field.fill('the mayor\nMayor Porter')
  await main.getByRole('button', { name: 'Save aliases' }).click()
  await expect(main.getByRole('list', { name: 'Aliases' })).toContainText('Mayor Porter')

  // Merge into Jane Porter, after confirming what will happen.
  await main.getByRole('button', { name: 'Merge into…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Merge “Mayor J. Porter” into…' })
  await dialog.getByLabel('Merge into').selectOption({ label: 'Jane Porter (Person)' })
  await expect(dialog).toContainText('its 2 quotes, mentions and roles move to “Jane Porter”')
  await dialog.getByRole('button', { name: 'Merge into “Jane Porter”' }).click()
  await expect(dialog).toBeHidden()

  await expect(main.getByRole('heading', { level: 2, name: 'Jane Porter' })).toBeVisible()
  await expect(main.getByRole('list', { name: 'Aliases' })).toContainText('Mayor J. Porter')
  await expect(main.getByRole('list', { name: 'Aliases' })).toContainText('Mayor Porter')
  const moved = main.getByRole('list', { name: 'Quotes of Jane Porter' })
  await expect(moved.getByRole('listitem')).toHaveCount(2)
  await expect(moved).toContainText('We will watch the costs very closely')
  await expect(entities.getByRole('button', { name: /^Mayor J\. Porter/ })).toHaveCount(0)
  expect(await handlers['entities:quotes']({ id: porter.id })).toHaveLength(2)
  await fs.promises.mkdir(OUT, { recursive: true })
  await page.screenshot({ path: path.join(OUT, 'entity-view.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: path.join(OUT, 'dark-entity-view.png') })
  await page.emulateMedia({ colorScheme: 'light' })

  await moved.getByRole('button', { name: 'In “Costs watched”' }).click()
  await expect(main.getByRole('heading', { level: 2, name: 'Costs watched' })).toBeVisible()
})
