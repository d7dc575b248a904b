import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type Quotedesk } from './fixtures'

/** Screenshots of every main screen, light and dark, for review: test-results/screens/<scheme>-<screen>.png */
const OUT = path.resolve(import.meta.dirname, '../../test-results/screens')
const SAMPLE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/articles/heartstopper-film-article.txt'),
  'utf8',
)

async function seed(quotedesk: Quotedesk) {
  const { handlers } = quotedesk
  await handlers['articles:create']({
    title: 'Council approves new cycle lanes on the ring road',
    body: '“This is a good day for the city,” said Mayor Ana Ruiz.\n\nThe plan passed 31 to 12.',
    publishedOn: '2025-03-14',
    status: 'approved',
  })
  const article = await handlers['articles:create']({ body: SAMPLE })
  await handlers['articles:update']({ id: article.id, status: 'in_review' })
  await handlers['sources:create']({
    kind: 'web',
    title: 'Netflix Tudum: Alice Oseman on the Heartstopper film',
    url: 'https://www.netflix.com/tudum/articles/heartstopper-movie',
    outlet: 'Tudum',
    sourceDate: '2025-04-20',
    isConfidential: false,
    body: 'I want the movie to be a beautiful and emotional send-off for the Heartstopper story.',
  })
  await handlers['sources:create']({
    kind: 'interview',
    title: 'Phone call with a production assistant',
    isConfidential: true,
  })
  // The analyser already added Alice Oseman from the sample; an editor adds what it could not know.
  const [oseman] = await handlers['entities:list']({ query: 'Alice Oseman', kind: 'person' })
  if (oseman) await handlers['entities:update']({ id: oseman.id, aliases: [...oseman.aliases, 'the Solitaire author'] })
  return article
}

const shot = (page: Page, scheme: string, name: string) =>
  page.screenshot({ path: path.join(OUT, `${scheme}-${name}.png`), fullPage: false })

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 800 } })

    test('empty library', async ({ page, appUrl }) => {
      await page.goto(appUrl)
      await expect(page.getByRole('heading', { name: 'No articles yet' })).toBeVisible()
      await shot(page, scheme, 'empty-library')
    })

    test('main screens', async ({ page, appUrl, quotedesk }) => {
      const article = await seed(quotedesk)
      await page.goto(appUrl)
      const main = page.getByRole('main')

      await page.getByRole('button', { name: new RegExp(article.title.slice(0, 30)) }).click()
      await expect(main.getByRole('heading', { level: 2, name: article.title })).toBeVisible()
      await shot(page, scheme, 'article-open')

      await page.getByRole('banner').getByRole('button', { name: 'New article' }).click()
      await page
        .getByRole('dialog', { name: 'New article' })
        .getByLabel('Article text')
        .fill('“We won,” the coach said.')
      await shot(page, scheme, 'new-article-dialog')
      await page.keyboard.press('Escape')

      await main.getByRole('button', { name: 'Delete…' }).click()
      await expect(page.getByRole('alertdialog')).toBeVisible()
      await shot(page, scheme, 'delete-confirmation')
      await page.keyboard.press('Escape')

      await page.getByLabel('Search library').fill('forever love')
      await expect(page.getByRole('status').filter({ hasText: /for “forever love”/ })).toBeVisible()
      await shot(page, scheme, 'search-results')
      await page.getByLabel('Search library').fill('')

      await page.getByRole('tab', { name: /Sources/ }).click()
      await page.getByRole('button', { name: /Netflix Tudum/ }).click()
      await expect(main.getByRole('heading', { level: 2, name: /Netflix Tudum/ })).toBeVisible()
      await shot(page, scheme, 'sources')
      await page.getByRole('button', { name: 'New source' }).first().click()
      await main.getByLabel('Address (URL)').fill('not a url')
      await main.getByLabel('Title').fill('Press release')
      await main.getByRole('button', { name: 'Add source' }).click()
      await expect(main.getByRole('alert')).toBeVisible()
      await shot(page, scheme, 'source-form-error')

      await page.getByRole('tab', { name: /Entities/ }).click()
      // The analysis may also add an “Alice Oseman” from the article before the seed does.
      await page
        .getByRole('list', { name: 'Entities' })
        .getByRole('button', { name: /Alice Oseman/ })
        .first()
        .click()
      await expect(main.getByRole('heading', { level: 2, name: 'Alice Oseman' })).toBeVisible()
      await shot(page, scheme, 'entities')
    })

    test('200% zoom', async ({ browser, appUrl, quotedesk }) => {
      // Half the CSS width at twice the pixel density is what 200% browser zoom does to the layout.
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 640, height: 800 },
        deviceScaleFactor: 2,
      })
      const page = await context.newPage()
      const article = await seed(quotedesk)
      await page.goto(appUrl)
      await page.getByRole('button', { name: new RegExp(article.title.slice(0, 30)) }).click()
      await expect(page.getByRole('main').getByRole('heading', { level: 2, name: article.title })).toBeVisible()
      // Nothing may need horizontal scrolling at this width (WCAG 1.4.10 reflow).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
      await page.screenshot({ path: path.join(OUT, `${scheme}-zoom-200.png`), fullPage: true })
      await context.close()
    })
  })
}

test('no token: explains how to open Quotedesk', async ({ page, quotedesk }) => {
  await page.goto(quotedesk.host.url)
  await expect(page.getByRole('heading', { name: 'Open Quotedesk from its address' })).toBeVisible()
  await page.screenshot({ path: path.join(OUT, 'light-no-token.png') })
})
