/** The whole site works when published under a sub-path such as /newsroom/. */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { brokenInternalLinks } from '../support/links';
import { builtPages } from '../support/pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('links only below the sub-path', () => {
  const outside = builtPages(inject('subpathDir')).flatMap(({ path, file }) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:href|src|action)="(\/[^"]*)"/g)]
      .map((m) => m[1]!)
      .filter((url) => !url.startsWith('/newsroom/'))
      .map((url) => `${path}: ${url}`),
  );
  expect(outside).toEqual([]);
});

it('has no broken internal links or fragments under the sub-path', async () => {
  expect(await brokenInternalLinks(inject('subpathUrl'))).toEqual([]);
});

it('navigates and loads its styles under the sub-path', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(response.url());
  });
  await page.goto(inject('subpathUrl'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Releases' }).click();
  expect(new URL(page.url()).pathname).toBe('/newsroom/releases/');
  await page.getByRole('link', { name: 'Trend Micro Announces Results of Share Buyback' }).click();
  expect(new URL(page.url()).pathname).toBe('/newsroom/releases/2007-03-30-results-of-share-buyback/');
  const background = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)'); // the stylesheet applied
  expect(failed).toEqual([]);
  await context.close();
});
