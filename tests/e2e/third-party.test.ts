/**
 * No request leaves the site: every page type is opened in Chromium (search with a query, so
 * Pagefind loads its index and worker) and every request the page makes is recorded. Any origin
 * other than the loopback server fails the test, whatever the resource type.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { pageTypes as pageTypesOf } from '../support/pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pageTypes = pageTypesOf(inject('siteDir'));

it.each(pageTypes)('/%s requests nothing from another origin', async (path) => {
  const site = new URL(inject('siteUrl'));
  const context = await browser.newContext();
  const requested: string[] = [];
  // Service workers and web workers included: the context sees every request of the page.
  context.on('request', (request) => requested.push(request.url()));
  const page = await context.newPage();
  await page.goto(`${site.href}${path}`, { waitUntil: 'networkidle' });
  if (path.startsWith('search/')) await page.locator('[data-search-results] li').first().waitFor();
  await context.close();

  // data: and blob: URLs are made in the page, not fetched from anywhere.
  const fetched = requested.filter((url) => !/^(data|blob):/.test(url));
  const origins = new Set(fetched.map((url) => new URL(url).origin));
  expect(requested.length).toBeGreaterThan(1); // the page and at least its stylesheet
  expect([...origins].filter((origin) => origin !== site.origin)).toEqual([]);
  expect(site.hostname).toBe('127.0.0.1');
});
