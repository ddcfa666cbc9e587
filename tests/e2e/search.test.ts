/**
 * Search in headless Chromium against built sites: the seed content (one year, English and Japanese) and a
 * fixture built under the base path /newsroom/ with releases in four years and two languages, so
 * filters and the newest-first order have something to narrow and reorder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { indexedPart, searchBundles } from '../../src/integrations/search-index';
import { INDEXED_PAGES } from '../../src/lib/search';
import { buildSite } from '../support/build';
import { fixtureContent, frontmatter } from '../support/fixture-content';
import { serveStatic, type StaticServer } from '../support/serve';
import { treeDifferences, treeDigest } from '../support/tree';

const BUYBACK = 'releases/2007-03-30-results-of-share-buyback/';
const FINAL_TERMS = 'releases/2007-11-26-final-terms-stock-acquisition-rights/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page that records dialogs (an executed alert() would show here) and page errors. */
async function openPage(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, dialogs, errors };
}

const summary = (page: Page) => page.locator('[data-search-summary]');
const resultLinks = (page: Page) => page.locator('[data-search-results] .search-result-title a');
const hrefs = (page: Page) => resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));

/** Opens /search/ with a query string and waits until the summary of that search is shown. */
async function searchFor(page: Page, siteUrl: string, query: string): Promise<string> {
  const response = await page.goto(new URL(`search/${query}`, siteUrl).href);
  expect(response?.status()).toBe(200);
  await summary(page).waitFor({ state: 'visible' });
  return summary(page).innerText();
}

/** Waits for the summary to change after an action on the page. */
async function summaryAfter(page: Page, action: () => Promise<unknown>): Promise<string> {
  const before = await summary(page).innerText();
  await action();
  await page.waitForFunction((previous) => {
    const now = document.querySelector<HTMLElement>('[data-search-summary]');
    return now && !now.hidden && now.innerText !== previous;
  }, before);
  return summary(page).innerText();
}

const suggestion = (page: Page) => page.locator('[data-search-suggestion]');

/**
 * Waits for the search offered instead of the one shown, and for the live region to read out
 * `announced` (in the next frame); returns the offer's text.
 */
async function offer(page: Page, announced: string): Promise<string> {
  await suggestion(page).waitFor({ state: 'visible' });
  await page.waitForFunction(
    (text) => document.querySelector('[data-search-announcer]')?.textContent === text,
    announced,
  );
  return suggestion(page).innerText();
}

/** Waits until the page has looked for a search to offer (the offer is busy while it looks). */
const looked = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[data-search-suggestion][aria-busy]'));

describe('search over the seed content', () => {
  const siteUrl = () => inject('siteUrl');
  let context: BrowserContext;
  let page: Page;
  let dialogs: string[];
  let errors: string[];
  beforeAll(async () => {
    ({ context, page, dialogs, errors } = await openPage());
  });
  afterAll(async () => {
    await context?.close();
  });

  it('finds the share-buyback release first for "buyback", with date and highlighted excerpt', async () => {
    expect(await searchFor(page, siteUrl(), '?q=buyback')).toMatch(/^1 result for “buyback”, newest first\.$/);
    expect((await hrefs(page))[0]).toBe(`/${BUYBACK}`);
    const first = page.locator('[data-search-results] > li').first();
    expect(await first.locator('h3').innerText()).toBe('Trend Micro Announces Results of Share Buyback');
    expect(await first.locator('time').getAttribute('datetime')).toBe('2007-03-30');
    expect(await first.locator('time').innerText()).toBe('March 30, 2007');
    expect(await first.locator('.search-result-excerpt mark').allInnerTexts()).toContainEqual(
      expect.stringMatching(/^buyback\b/i),
    );
  });

  it('finds the final-terms release for "stock acquisition rights"', async () => {
    expect(await searchFor(page, siteUrl(), '?q=stock+acquisition+rights')).toMatch(/^\d+ results? for/);
    expect((await hrefs(page))[0]).toBe(`/${FINAL_TERMS}`);
  });

  it('marks a cut excerpt with … in every language’s results', async () => {
    // The stock code is in every release's dateline, English and Japanese, past the excerpt's start.
    await searchFor(page, siteUrl(), '?q=4704&language=all');
    const excerpts = await page
      .locator('[data-search-results] .search-result')
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute('lang') ?? '', li.querySelector('.search-result-excerpt')!.textContent!]),
      );
    expect(new Set(excerpts.map(([lang]) => lang))).toEqual(new Set(['en', 'ja']));
    for (const [lang, excerpt] of excerpts) expect(excerpt, lang).toMatch(/^…|…$/);
  });

  it('leaves the date of issue out of the excerpt: the result shows it once, beside the headline', async () => {
    await searchFor(page, siteUrl(), '?q=stock+acquisition+rights');
    const excerpt = page.locator(`[data-search-results] li:has(a[href="/${FINAL_TERMS}"]) .search-result-excerpt`);
    // The headline, then straight on to the dateline (which dates the release as issued). The
    // headline stays, as the words matched are in it alone.
    expect(await excerpt.innerText()).toContain('as Stock Options. TOKYO, Japan, November 26, 2007 --');
  });

  it('leaves out the headline an excerpt begins with where the words matched come after it', async () => {
    // The stock code is in the dateline, right after the headline, which the result shows above.
    await searchFor(page, siteUrl(), '?q=4704');
    const excerpt = page.locator(`[data-search-results] li:has(a[href="/${FINAL_TERMS}"]) .search-result-excerpt`);
    expect(await excerpt.innerText()).toMatch(/^TOKYO, Japan, November 26, 2007 -- Trend Micro \(TSE: 4704\)/);
  });

  it('leaves out of a mark the punctuation Pagefind marks with a word', async () => {
    await searchFor(page, siteUrl(), '?q=4704');
    const marks = await page.locator('[data-search-results] .search-result-excerpt mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((mark) => mark !== '4704')).toEqual([]);
  });

  it('keeps a table’s caption apart from its first cell in the excerpt', async () => {
    // The allotment table: caption "Allotment of stock acquisition rights", first row "Directors of the Company:".
    await searchFor(page, siteUrl(), '?q=allotment');
    const excerpt = page.locator(`[data-search-results] li:has(a[href="/${FINAL_TERMS}"]) .search-result-excerpt`);
    expect(await excerpt.innerText()).toContain('Allotment of stock acquisition rights Directors of the');
  });

  it('leads the boilerplate phrase "Smart Protection Network" to the About pages and to no release', async () => {
    // The English and the Japanese About page both carry the phrase; no release is indexed with it.
    for (const order of ['', '&order=relevance']) {
      expect(await searchFor(page, siteUrl(), `?q=Smart+Protection+Network${order}`)).toMatch(/^1 result for/);
      expect(await hrefs(page)).toEqual(['/about/']);
      expect(await searchFor(page, siteUrl(), `?q=Smart+Protection+Network${order}&language=all`)).toMatch(
        /^2 results for/,
      );
      expect((await hrefs(page)).sort()).toEqual(['/about/', '/ja/about/']);
    }
  });

  it('leads a contact’s name to the Contacts page; undated pages come after the releases when newest first', async () => {
    expect(await searchFor(page, siteUrl(), '?q=Negi')).toMatch(/^1 result for/);
    expect(await hrefs(page)).toEqual(['/contacts/']);
    // A contact's titles are on the Contacts page and in no release's indexed text.
    await searchFor(page, siteUrl(), '?q=Officer');
    expect(await hrefs(page)).toEqual(['/contacts/']);
    // The issuer's name is in every release and on the About pages, which have no date: they come
    // last, in every language.
    await searchFor(page, siteUrl(), '?q=Trend+Micro&language=all');
    const links = await hrefs(page);
    expect(links).toEqual(expect.arrayContaining([`/${BUYBACK}`, `/${FINAL_TERMS}`]));
    const undated = links.findIndex((link) => !link?.includes('/releases/'));
    expect(undated).toBeGreaterThan(1);
    expect(links.slice(undated).sort()).toEqual(['/about/', '/ja/about/']);
  });

  it('shows no results region before a search, and no empty list when nothing is found', async () => {
    await page.goto(new URL('search/', siteUrl()).href);
    await page.locator('[data-search-form] input[name="q"]').waitFor();
    expect(await page.locator('main').ariaSnapshot()).not.toContain('region "Results"');
    expect(await page.locator('[data-search-output]').getByRole('list').count()).toBe(0);
    await searchFor(page, siteUrl(), '?q=xylophonequark');
    // The suggestions are the one list.
    expect(await page.locator('[data-search-output]').getByRole('list').count()).toBe(1);
  });

  it('shows a correction that takes longer than the results after them, and reads it out then', async () => {
    const { context: slow, page: later } = await openPage();
    try {
      // The correction reads the data of pages the search itself did not list: held back here.
      await slow.route('**/pagefind/fragment/**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      expect(await searchFor(later, siteUrl(), '?q=stok+optoins')).toBe('No results for “stok optoins”.');
      // The results did not wait for it: still looking.
      expect(await suggestion(later).isHidden()).toBe(true);
      expect(await suggestion(later).getAttribute('aria-busy')).toBe('true');
      expect(await offer(later, 'No results for “stok optoins”. Did you mean stock options?')).toBe(
        'Did you mean stock options?',
      );
    } finally {
      await slow.close();
    }
  });

  it('says what to give when a search is submitted with nothing to search for', async () => {
    await searchFor(page, siteUrl(), '?q=buyback');
    await page.locator('#search-q').fill('');
    const said = await summaryAfter(page, () => page.locator('#search-q').press('Enter'));
    expect(said).toBe('Type the words to find, or choose a year or a category.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    expect(await resultLinks(page).count()).toBe(0);
    await page.waitForFunction(
      (text) => document.querySelector('[data-search-announcer]')?.textContent === text,
      'Type the words to find, or choose a year or a category.',
    );
  });

  it('shows a helpful empty state for a word no release contains', async () => {
    expect(await searchFor(page, siteUrl(), '?q=xylophonequark')).toBe('No results for “xylophonequark”.');
    const empty = page.locator('[data-search-empty]');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.innerText()).toContain('Check the spelling');
    expect(await empty.getByRole('link', { name: 'Browse every release', exact: true }).getAttribute('href')).toBe(
      '/releases/',
    );
    expect(await resultLinks(page).count()).toBe(0);
  });

  it('offers the search a misspelt word most likely meant, and runs it when chosen', async () => {
    expect(await searchFor(page, siteUrl(), '?q=stok+optoins')).toBe('No results for “stok optoins”.');
    // Read out too, after the summary (a search on load moves no focus).
    expect(await offer(page, 'No results for “stok optoins”. Did you mean stock options?')).toBe(
      'Did you mean stock options?',
    );
    const link = suggestion(page).getByRole('link', { name: 'stock options', exact: true });
    expect(await link.getAttribute('href')).toBe('/search/?q=stock+options');
    expect(await summaryAfter(page, () => link.click())).toBe('1 result for “stock options”, newest first.');
    expect(new URL(page.url()).search).toBe('?q=stock+options');
    expect(await page.locator('#search-q').inputValue()).toBe('stock options');
    expect(await suggestion(page).isVisible()).toBe(false);
    expect(await searchFor(page, siteUrl(), '?q=buybak')).toBe('No results for “buybak”.');
    expect(await offer(page, 'No results for “buybak”. Did you mean buyback?')).toBe('Did you mean buyback?');
    // Offered where the search found something too: read out when it comes, after the summary.
    expect(await searchFor(page, siteUrl(), '?q=trend+optoins')).toBe('4 results for “trend optoins”, newest first.');
    expect(await offer(page, '4 results for “trend optoins”, newest first. Did you mean trend options?')).toBe(
      'Did you mean trend options?',
    );
    // Nothing is offered where no word of the index is near,
    expect(await searchFor(page, siteUrl(), '?q=xylophonequark')).toBe('No results for “xylophonequark”.');
    await looked(page);
    expect(await suggestion(page).isVisible()).toBe(false);
    // nor for a word the index has that the filters left out ("buyback" is in no Japanese release),
    expect(await searchFor(page, siteUrl(), '?q=buyback&language=ja')).toBe('No results for “buyback” in Japanese.');
    await looked(page);
    expect(await suggestion(page).isVisible()).toBe(false);
    // nor for a search the reader has left: only the one shown gets an offer.
    await searchFor(page, siteUrl(), '?q=buybak');
    await summaryAfter(page, async () => {
      await page.locator('#search-q').fill('buyback');
      await page.locator('#search-q').press('Enter');
    });
    await looked(page);
    expect(await suggestion(page).isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('offers the search meant above results Pagefind found without a misspelt word', async () => {
    // Pagefind leaves out a word no word of its index begins ("optoins"), and lists the pages
    // with the others.
    expect(await searchFor(page, siteUrl(), '?q=stock+optoins')).toBe('2 results for “stock optoins”, newest first.');
    expect(await resultLinks(page).count()).toBe(2);
    expect(await offer(page, '2 results for “stock optoins”, newest first. Did you mean stock options?')).toBe(
      'Did you mean stock options?',
    );
    const link = suggestion(page).getByRole('link', { name: 'stock options', exact: true });
    expect(await summaryAfter(page, () => link.click())).toBe('1 result for “stock options”, newest first.');
    // and a word it matched by another ("Options" for "optionz").
    expect(await searchFor(page, siteUrl(), '?q=optionz')).toBe('1 result for “optionz”, newest first.');
    expect(await offer(page, '1 result for “optionz”, newest first. Did you mean options?')).toBe(
      'Did you mean options?',
    );
    // Nothing is offered for a word matched by its stem ("Company" for "companys", "announces" for
    // "announced"), nor for a word the first results' excerpts do not show but the index has:
    // "stock", far from "buyback".
    for (const [query, said] of [
      ['companys', '1 result for “companys”, newest first.'],
      ['announced', '3 results for “announced”, newest first.'],
      ['buyback+stock', '1 result for “buyback stock”, newest first.'],
    ] as const) {
      expect(await searchFor(page, siteUrl(), `?q=${query}`)).toBe(said);
      await looked(page);
      expect(await suggestion(page).isVisible()).toBe(false);
    }
    expect(errors).toEqual([]);
  });

  it('keeps the search in the URL: it survives a reload', async () => {
    await searchFor(page, siteUrl(), '?q=buyback&order=relevance');
    await page.reload();
    await summary(page).waitFor({ state: 'visible' });
    expect(await page.inputValue('#search-q')).toBe('buyback');
    expect(await page.inputValue('#search-order')).toBe('relevance');
    expect(await summary(page).innerText()).toBe('1 result for “buyback”, best match first.');
    expect(await page.title()).toMatch(/^“buyback” – Search releases/);
  });

  it('adds each search to the history, so Back returns to the previous one', async () => {
    await searchFor(page, siteUrl(), '?q=buyback');
    await page.fill('#search-q', 'stock acquisition rights');
    await summaryAfter(page, () => page.press('#search-q', 'Enter'));
    expect(new URL(page.url()).search).toBe('?q=stock+acquisition+rights');
    expect((await hrefs(page))[0]).toBe(`/${FINAL_TERMS}`);
    await summaryAfter(page, () => page.goBack());
    expect(new URL(page.url()).search).toBe('?q=buyback');
    expect(await page.inputValue('#search-q')).toBe('buyback');
    expect((await hrefs(page))[0]).toBe(`/${BUYBACK}`);
  });

  it('changes the search in place when a filter or the order changes: no Back step for each', async () => {
    await searchFor(page, siteUrl(), '?q=trend');
    const steps = await page.evaluate(() => history.length);
    await summaryAfter(page, () => page.selectOption('#search-order', 'relevance'));
    expect(new URL(page.url()).searchParams.get('order')).toBe('relevance');
    expect(await page.evaluate(() => history.length)).toBe(steps);
  });

  it('shows each filter whole, with the text spacing a reader may set (WCAG 1.4.12)', async () => {
    const { context: spaced, page: wide } = await openPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await wide.goto(new URL('search/', siteUrl()).href);
    await wide.addStyleTag({
      content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }',
    });
    // Room for the longest option's text, measured in the select's own font and spacing.
    const cut = await wide.locator('.search-select select').evaluateAll((selects) =>
      selects.flatMap((select) => {
        const style = getComputedStyle(select);
        const probe = document.createElement('span');
        Object.assign(probe.style, {
          font: style.font,
          letterSpacing: style.letterSpacing,
          wordSpacing: style.wordSpacing,
          position: 'absolute',
          whiteSpace: 'nowrap',
        });
        document.body.append(probe);
        const widest = Math.max(
          ...[...(select as HTMLSelectElement).options].map((option) => {
            probe.textContent = option.text;
            return probe.getBoundingClientRect().width;
          }),
        );
        probe.remove();
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        // The drop-down arrow takes about 20 px of the room.
        return widest + 20 > room ? [`${select.id}: ${Math.round(widest)} px of text in ${Math.round(room)} px`] : [];
      }),
    );
    await spaced.close();
    expect(cut).toEqual([]);
  });

  it('works from the keyboard: focus moves to the summary, Tab reaches the results, and the result is announced', async () => {
    await page.goto(new URL('search/', siteUrl()).href);
    await page.focus('#search-q');
    await page.keyboard.type('buyback');
    await summaryAfter(page, () => page.keyboard.press('Enter'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`/${BUYBACK}`);
    // A filter change keeps focus on the filter and speaks the new summary through the live region.
    await page.focus('#search-order');
    await summaryAfter(page, () => page.selectOption('#search-order', 'relevance'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-order');
    const announcer = page.locator('[data-search-announcer]');
    expect(await announcer.getAttribute('role')).toBe('status');
    await expect.poll(() => announcer.innerText()).toBe('1 result for “buyback”, best match first.');
  });

  it('shows a query containing HTML as text and never runs it', async () => {
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await searchFor(page, siteUrl(), `?q=${encodeURIComponent(attack)}`);
    // Pagefind may well match some of its words ("1", "x"); what matters is how the query is shown.
    expect(await summary(page).innerText()).toContain(`for “${attack}”`);
    expect(await page.inputValue('#search-q')).toBe(attack);
    expect(await page.title()).toContain(attack);
    // Typed into the box, too.
    await page.fill('#search-q', '<script>alert(1)</script>');
    await summaryAfter(page, () => page.press('#search-q', 'Enter'));
    expect(await summary(page).innerText()).toContain('for “<script>alert(1)</script>”');
    expect(await page.locator('main img, main script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has no axe violations with results shown, in light and dark colour schemes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await searchFor(page, siteUrl(), '?q=trend+micro');
      expect(await resultLinks(page).count()).toBeGreaterThan(1);
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: null });
  });

  it('says so, instead of failing silently, when the index cannot be loaded (as under astro dev)', async () => {
    const { context, page } = await openPage();
    await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(new URL('search/?q=buyback', siteUrl()).href);
    const notice = page.locator('[data-search-unavailable]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain('Search could not be loaded');
    await expect.poll(() => page.locator('[data-search-announcer]').innerText()).toContain('could not be loaded');
    await context.close();
  });

  it('loads its script from a file, with no inline script code for a strict CSP to block', async () => {
    await page.goto(new URL('search/', siteUrl()).href);
    const inline = await page.$$eval('script:not([src])', (scripts) =>
      scripts.filter((s) => s.getAttribute('type') !== 'application/ld+json').map((s) => s.outerHTML.slice(0, 80)),
    );
    expect(inline).toEqual([]);
    expect(await page.locator('script[type="module"][src]').count()).toBeGreaterThan(0);
  });

  it('loads Pagefind on the search page only', async () => {
    const requested = async (path: string) => {
      const { context, page } = await openPage();
      const urls: string[] = [];
      page.on('request', (request) => urls.push(new URL(request.url()).pathname));
      await page.goto(new URL(path, siteUrl()).href, { waitUntil: 'networkidle' });
      await context.close();
      return urls.filter((url) => url.startsWith('/pagefind/'));
    };
    for (const path of ['', BUYBACK, 'about/', 'releases/']) expect(await requested(path), path).toEqual([]);
    expect(await requested('search/')).toContain('/pagefind/pagefind.js');
  });
});

describe('the search box in the header and on the 404 page', () => {
  const siteUrl = () => inject('siteUrl');

  it('is a plain GET form to /search/?q=… that works without JavaScript', async () => {
    const { context, page } = await openPage({ javaScriptEnabled: false });
    await page.goto(siteUrl());
    const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search releases' });
    await box.fill('share buyback');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), box.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/search/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('share buyback');
    // Without JavaScript the page says what to do instead.
    expect(await page.locator('noscript').count()).toBe(1);
    await context.close();
  });

  it('shows the results once the script runs', async () => {
    const { context, page } = await openPage();
    await page.goto(new URL(BUYBACK, siteUrl()).href);
    await page.getByRole('search', { name: 'Site search' }).getByRole('searchbox').fill('stock acquisition rights');
    await page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' }).click();
    await summary(page).waitFor({ state: 'visible' });
    expect((await hrefs(page))[0]).toBe(`/${FINAL_TERMS}`);
    expect(await page.inputValue('#search-q')).toBe('stock acquisition rights');
    await context.close();
  });

  it('is on the 404 page too', async () => {
    const { context, page } = await openPage();
    await page.goto(new URL('no-such-page/', siteUrl()).href);
    const form = page.getByRole('search', { name: 'Search the newsroom' });
    expect(await form.getAttribute('action')).toBe('/search/');
    expect(await form.getByRole('searchbox').getAttribute('name')).toBe('q');
    await context.close();
  });

  it('fits a 320px screen without sideways scrolling', async () => {
    const { context, page } = await openPage({ viewport: { width: 320, height: 640 } });
    for (const path of ['', 'search/?q=buyback', BUYBACK]) {
      await page.goto(new URL(path, siteUrl()).href);
      const box = await page.getByRole('search', { name: 'Site search' }).boundingBox();
      expect(box!.x + box!.width, path).toBeLessThanOrEqual(320);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await context.close();
  });

  it('leaves room to type a search at every width, in both languages', async () => {
    const { context, page } = await openPage();
    for (const path of ['', 'ja/']) {
      for (const width of [320, 375, 768, 1024, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(new URL(path, siteUrl()).href);
        const box = await page.locator('.site-header').getByRole('searchbox').boundingBox();
        // About 20 characters: the header shares the reading column with the name and navigation.
        expect(box!.width, `/${path} at ${width} px`).toBeGreaterThanOrEqual(180);
      }
    }
    await context.close();
  });
});

/**
 * The fixture's index is split (`searchRecentReleases: 12`): 2009 and 2010 (12 releases) in the
 * first part, and the archive in two volumes, 2007 (4 releases) and 2008 (9, with 2007 more than
 * 12), so every test here also shows that a split index answers as one would.
 */
describe('search in a newsroom with four years and two languages, under the base path /newsroom/', () => {
  const outDir = join(tmpdir(), `newsroom-search-${process.pid}`);
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    const content = fixtureContent({
      settings: { searchRecentReleases: '12' },
      releases: [
        {
          file: '2008-05-15-share-buyback-program.mdx',
          frontmatter: frontmatter(
            'Trend Micro Announces Share Buyback Program',
            '2008-05-15',
            'tags: [Share Buyback]',
          ),
          body: 'Trend Micro today announced that its Board of Directors approved a share buyback program, thanking its shareholders for their companionship.',
        },
        // Enough for a volume of their own: words found in no other year.
        ...Array.from({ length: 8 }, (_, i) => {
          const date = `2008-${String(i + 1).padStart(2, '0')}-20`;
          return {
            file: `${date}-semiannual-results.mdx`,
            frontmatter: frontmatter(`Trend Micro Reports Semiannual Results No. ${i + 1}`, date),
            body: `Trend Micro today reported semiannual results, numbers ${i + 1} and ${i + 2}.`,
          };
        }),
        {
          file: '2009-07-01-jisha-kabushiki.mdx',
          // Its tag is written otherwise than the English one, at the same address.
          frontmatter: frontmatter('自己株式の取得に関するお知らせ', '2009-07-01', 'lang: ja\ntags: [share buyback]'),
          body: 'トレンドマイクロ株式会社（Trend Micro）は、本日開催の取締役会において、自己株式の取得（share buyback）を決議いたしました。',
        },
        // More than a page of results for "dividend".
        ...Array.from({ length: 11 }, (_, i) => {
          const date = `2010-${String(i + 1).padStart(2, '0')}-15`;
          return {
            file: `${date}-dividend.mdx`,
            frontmatter: frontmatter(`Trend Micro Announces Dividend No. ${i + 1}`, date),
            body: `Trend Micro today announced dividend number ${i + 1} of the company.`,
          };
        }),
      ],
    });
    const result = buildSite({ outDir, content, base: '/newsroom/' });
    rmSync(content, { recursive: true, force: true });
    expect(result.status, result.output).toBe(0);
    server = await serveStatic(outDir, '/newsroom/');
    ({ context, page } = await openPage());
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('has in each part the index Pagefind makes of what it reads of each page, as a rebuild gives it', async () => {
    const bundles = searchBundles(outDir);
    expect(bundles.map(({ dir }) => dir)).toEqual(['pagefind', 'pagefind-archive/2008', 'pagefind-archive/2007']);
    const cut = mkdtempSync(join(tmpdir(), 'newsroom-cut-pages-'));
    // Releases whose boilerplate Pagefind ignores, and so is not among what it reads of them.
    let emptied = 0;
    try {
      for (const bundle of bundles) {
        const [pages, index] = [join(cut, bundle.dir, 'pages'), join(cut, bundle.dir, 'index')];
        // Cut as `condenseStagedPages` cuts them (every one: none is read whole); the build read
        // them whole.
        for (const page of bundle.pages) {
          mkdirSync(dirname(join(pages, page)), { recursive: true });
          const part = indexedPart(readFileSync(join(outDir, page), 'latin1'));
          expect(part, page).toBeDefined();
          if (/<section class="boilerplate"[^>]* data-pagefind-ignore><\/section>/.test(part!)) emptied++;
          writeFileSync(join(pages, page), part!, 'latin1');
        }
        const { index: made } = await pagefind.createIndex({});
        expect((await made!.addDirectory({ path: pages, glob: INDEXED_PAGES })).errors).toEqual([]);
        expect((await made!.writeFiles({ outputPath: index })).errors).toEqual([]);
        expect(treeDifferences(treeDigest(index), treeDigest(join(outDir, bundle.dir)))).toEqual([]);
      }
      expect(emptied).toBeGreaterThan(0);
    } finally {
      await pagefind.close();
      rmSync(cut, { recursive: true, force: true });
    }
  });

  it('links results under the base path', async () => {
    await searchFor(page, server.url, '?q=buyback&language=all');
    const links = await hrefs(page);
    expect(links.length).toBe(3);
    for (const link of links) expect(link).toMatch(/^\/newsroom\/(ja\/)?releases\//);
    const response = await page.goto(new URL(links[0]!, server.url).href);
    expect(response?.status()).toBe(200);
  });

  it('lists newest first across languages, and by relevance on request', async () => {
    await searchFor(page, server.url, '?q=buyback&language=all');
    const dates = await page
      .locator('[data-search-results] time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    expect(dates).toEqual(['2009-07-01', '2008-05-15', '2007-03-30']);
    await summaryAfter(page, () => page.selectOption('#search-order', 'relevance'));
    expect(new URL(page.url()).searchParams.get('order')).toBe('relevance');
    expect(await summary(page).innerText()).toBe('3 results for “buyback”, best match first.');
  });

  it('narrows the results by year, in the URL', async () => {
    expect(await searchFor(page, server.url, '?q=buyback')).toMatch(/^2 results/);
    const narrowed = await summaryAfter(page, () => page.selectOption('#search-year', '2008'));
    expect(narrowed).toBe('1 result for “buyback” in 2008, newest first.');
    expect(await hrefs(page)).toEqual(['/newsroom/releases/2008-05-15-share-buyback-program/']);
    expect(new URL(page.url()).search).toBe('?q=buyback&year=2008');
    await page.reload();
    await summary(page).waitFor({ state: 'visible' });
    expect(await page.inputValue('#search-year')).toBe('2008');
    expect(await resultLinks(page).count()).toBe(1);
  });

  it('marks each result with its language, so a screen reader reads it in its own voice', async () => {
    await searchFor(page, server.url, '?q=buyback&language=all');
    const results = await page
      .locator('[data-search-results] .search-result')
      .evaluateAll((items) =>
        items.map((li) => [li.querySelector('a')?.getAttribute('href'), li.getAttribute('lang')]),
      );
    expect(results).toEqual([
      ['/newsroom/ja/releases/2009-07-01-jisha-kabushiki/', 'ja'],
      ['/newsroom/releases/2008-05-15-share-buyback-program/', 'en'],
      ['/newsroom/releases/2007-03-30-results-of-share-buyback/', 'en'],
    ]);
  });

  it('switches language to the other edition’s search page, keeping the search', async () => {
    // Only the search is carried over, not what else the address held.
    await searchFor(page, server.url, '?q=buyback&utm_source=newsletter');
    const switcher = page
      .getByRole('navigation', { name: 'Language', exact: true })
      .getByRole('link', { name: '日本語' });
    expect(await switcher.getAttribute('href')).toBe('/newsroom/ja/search/?q=buyback');
    await summaryAfter(page, () => page.selectOption('#search-year', '2008'));
    expect(await switcher.getAttribute('href')).toBe('/newsroom/ja/search/?q=buyback&year=2008');
    await Promise.all([page.waitForURL(/\/newsroom\/ja\/search\/\?q=buyback&year=2008$/), switcher.click()]);
    await summary(page).waitFor({ state: 'visible' });
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    // The Japanese edition's search keeps to Japanese releases, and offers the English one of 2008.
    expect(await hrefs(page)).toEqual([]);
    const english = page.locator('[data-search-elsewhere]').getByRole('link', { name: '英語', exact: true });
    expect(await english.getAttribute('href')).toBe('/newsroom/ja/search/?q=buyback&year=2008&language=en');
  });

  it('reads a query the same way on every language’s search page', async () => {
    const japanese = new URL('ja/', server.url).href;
    for (const query of ['companies', 'numbers', encodeURIComponent('自己株式')]) {
      const count = (text: string) => /\d+/.exec(text)?.[0];
      const everyLanguage = `?q=${query}&order=relevance&language=all`;
      const englishCount = count(await searchFor(page, server.url, everyLanguage));
      const english = (await hrefs(page)).toSorted();
      expect(english.length, query).toBeGreaterThan(0);
      expect(count(await searchFor(page, japanese, everyLanguage)), query).toBe(englishCount);
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      expect((await hrefs(page)).toSorted(), query).toEqual(english);
    }
  });

  it('switches language from a tag to the same tag, however each language writes it', async () => {
    await page.goto(new URL('tags/share-buyback/', server.url).href);
    await Promise.all([
      page.waitForURL(/\/newsroom\/ja\/tags\/share-buyback\/$/),
      page.locator('.language-switcher').getByRole('link', { name: '日本語' }).click(),
    ]);
    expect(await page.locator('.release-card-title').allInnerTexts()).toEqual(['自己株式の取得に関するお知らせ']);
  });

  it('offers a language filter once releases come in more than one language', async () => {
    expect(await searchFor(page, server.url, '?q=buyback&language=ja')).toBe(
      '1 result for “buyback” in Japanese, newest first.',
    );
    expect(await hrefs(page)).toEqual(['/newsroom/ja/releases/2009-07-01-jisha-kabushiki/']);
    // The page's language first, as the search keeps to it unless the reader chooses otherwise.
    const options = await page.locator('#search-language option').allInnerTexts();
    expect(options).toEqual(['English', 'Japanese', 'All languages']);
    await page.goto(new URL('ja/search/', server.url).href);
    expect(await page.locator('#search-language option').allInnerTexts()).toEqual(['日本語', '英語', 'すべての言語']);
    // The About and Contacts pages are in a language too.
    expect(await searchFor(page, server.url, '?q=Smart+Protection+Network&language=en')).toMatch(/^1 result/);
    expect(await hrefs(page)).toEqual(['/newsroom/about/']);
    // The fixture's Japanese release and the Japanese translation of the buyback seed.
    expect(await searchFor(page, server.url, '?q=' + encodeURIComponent('自己株式') + '&language=all')).toMatch(
      /^2 results/,
    );
    expect(await hrefs(page)).toContain('/newsroom/ja/releases/2009-07-01-jisha-kabushiki/');
  });

  it('keeps to the page’s language, each bilingual release listed once, and offers the other languages’ results', async () => {
    const elsewhere = page.locator('[data-search-elsewhere]');
    const announced = (text: string) =>
      page.waitForFunction((t) => document.querySelector('[data-search-announcer]')?.textContent === t, text);
    // A Japanese word typed on the English page: no English release has it; the Japanese ones are offered.
    const query = '?q=' + encodeURIComponent('自己株式');
    expect(await searchFor(page, server.url, query)).toBe('No results for “自己株式”.');
    await elsewhere.waitFor({ state: 'visible' });
    expect(await elsewhere.innerText()).toBe('Found in Japanese.');
    await announced('No results for “自己株式”. Found in Japanese.');
    // The word is not misspelt: the other language is the advice, not "Check the spelling".
    expect(await page.locator('[data-search-empty]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-try-spelling]').isHidden()).toBe(true);
    const japanese = elsewhere.getByRole('link', { name: 'Japanese', exact: true });
    expect(await japanese.getAttribute('href')).toBe(`/newsroom/search/${query}&language=ja`);
    expect(await summaryAfter(page, () => japanese.click())).toBe(
      '2 results for “自己株式” in Japanese, newest first.',
    );
    expect(new URL(page.url()).searchParams.get('language')).toBe('ja');
    expect(await page.inputValue('#search-language')).toBe('ja');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-summary'))).toBe(true);
    // A link followed: Back returns to the search it was offered on.
    expect(await summaryAfter(page, () => page.goBack())).toBe('No results for “自己株式”.');
    expect(new URL(page.url()).searchParams.get('language')).toBeNull();
    expect(await page.inputValue('#search-language')).toBe('');
    await summaryAfter(page, () => page.goForward());
    // No English release has the word: nothing is offered there (an offer is shown with the summary).
    expect(await elsewhere.isHidden()).toBe(true);
    // A word in releases of both languages, on the default language's page: the English ones
    // listed, and no other language looked in (its index would cost the search its bytes).
    expect(await searchFor(page, server.url, '?q=buyback')).toBe('2 results for “buyback”, newest first.');
    expect(await elsewhere.isHidden()).toBe(true);
    // On the Japanese page, the default language is offered, where the search has read its index:
    // in the latest years (the English "trend" releases of 2010), not in the archive's volumes,
    // which a Japanese search does not read in English (the English "buyback" ones of 2007–2008).
    const japanesePage = new URL('ja/', server.url).href;
    expect(await searchFor(page, japanesePage, '?q=buyback')).toBe('「buyback」の検索結果：1件（新しい順）。');
    expect(await elsewhere.isHidden()).toBe(true);
    expect(await searchFor(page, japanesePage, '?q=trend')).toBe('「trend」の検索結果：3件（新しい順）。');
    await elsewhere.waitFor({ state: 'visible' });
    expect(await elsewhere.innerText()).toBe('英語のページにも見つかりました。');
    // Read out as Japanese joins sentences, without a space; the tab titled as Japanese quotes.
    await announced('「trend」の検索結果：3件（新しい順）。英語のページにも見つかりました。');
    expect(await page.title()).toMatch(/^「trend」 – ニュースリリースを検索/);
    // Filters named as Japanese lists and writes them; with no words, the filters alone.
    expect(await searchFor(page, japanesePage, '?q=buyback&year=2008&language=en')).toBe(
      '「buyback」（2008年、英語）の検索結果：1件（新しい順）。',
    );
    expect(await searchFor(page, japanesePage, '?year=2009')).toBe('2009年の検索結果：1件（新しい順）。');
    // Every language: all three, nothing to offer.
    expect(await searchFor(page, server.url, '?q=buyback&language=all')).toBe('3 results for “buyback”, newest first.');
    expect(await elsewhere.isHidden()).toBe(true);
    // Nor where only the page's language has results.
    expect(await searchFor(page, server.url, '?q=dividend&order=relevance')).toMatch(/^11 results/);
    expect(await elsewhere.isHidden()).toBe(true);
  });

  it('reads another language’s index only when a search needs it', async () => {
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    const japaneseIndex = `/pagefind/pagefind.${entry.languages.ja!.hash}.pf_meta`;
    const { context: fresh, page: cold } = await openPage();
    try {
      const fetched: string[] = [];
      fresh.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      const readJapanese = () => fetched.some((path) => path.endsWith(japaneseIndex));
      // A search that keeps to English and finds it: the English index alone.
      expect(await searchFor(cold, server.url, '?q=buyback')).toBe('2 results for “buyback”, newest first.');
      expect(fetched.some((path) => path.endsWith('.pf_meta'))).toBe(true);
      expect(readJapanese()).toBe(false);
      // The reader chooses Japanese: its index is loaded then.
      expect(await summaryAfter(cold, () => cold.selectOption('#search-language', 'ja'))).toBe(
        '1 result for “buyback” in Japanese, newest first.',
      );
      expect(readJapanese()).toBe(true);
    } finally {
      await fresh.close();
    }
    const { context: other, page: nothing } = await openPage();
    try {
      const fetched: string[] = [];
      other.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      // A search that finds nothing in English looks in Japanese, to offer it.
      expect(await searchFor(nothing, server.url, '?q=' + encodeURIComponent('自己株式'))).toBe(
        'No results for “自己株式”.',
      );
      expect(fetched.some((path) => path.endsWith(japaneseIndex))).toBe(true);
      await nothing.locator('[data-search-elsewhere]').waitFor({ state: 'visible' });
    } finally {
      await other.close();
    }
    const { context: flakyContext, page: flaky } = await openPage();
    try {
      // Should the Japanese index fail to load for the offer, the search stands without it, and
      // the next search loads the index anew.
      await flakyContext.route(`**${japaneseIndex}`, (route) => route.abort());
      expect(await searchFor(flaky, server.url, '?q=' + encodeURIComponent('自己株式'))).toBe(
        'No results for “自己株式”.',
      );
      expect(await flaky.locator('[data-search-elsewhere]').isHidden()).toBe(true);
      await flakyContext.unroute(`**${japaneseIndex}`);
      expect(await summaryAfter(flaky, () => flaky.selectOption('#search-language', 'ja'))).toBe(
        '2 results for “自己株式” in Japanese, newest first.',
      );
    } finally {
      await flakyContext.close();
    }
  });

  it('submits the header box to /newsroom/search/', async () => {
    await page.goto(server.url);
    const form = page.getByRole('search', { name: 'Site search' });
    expect(await form.getAttribute('action')).toBe('/newsroom/search/');
    await form.getByRole('searchbox').fill('buyback');
    await Promise.all([
      page.waitForURL(/\/newsroom\/search\/\?q=buyback$/),
      form.getByRole('searchbox').press('Enter'),
    ]);
    await summary(page).waitFor({ state: 'visible' });
    expect(await resultLinks(page).count()).toBe(2);
  });

  it('lists ten results at a time, and moves focus to the first of the next ten', async () => {
    expect(await searchFor(page, server.url, '?q=dividend&order=relevance')).toBe(
      '11 results for “dividend”, best match first.',
    );
    expect(await resultLinks(page).count()).toBe(10);
    const more = page.getByRole('button', { name: 'Show 1 more result' });
    await more.click();
    await expect.poll(() => resultLinks(page).count()).toBe(11);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Trend Micro Announces Dividend/);
    expect(await more.isHidden()).toBe(true);
  });

  it('splits its index: a first search reads the latest years, the older ones when the reader asks', async () => {
    for (const volume of ['2007', '2008']) {
      expect(existsSync(join(outDir, 'pagefind-archive', volume, 'pagefind-entry.json'))).toBe(true);
    }
    const { context: fresh, page: cold } = await openPage();
    try {
      const archive: string[] = [];
      fresh.on('request', (request) => {
        if (request.url().includes('/pagefind-archive/')) archive.push(request.url());
      });
      expect(await searchFor(cold, server.url, '?q=dividend')).toBe(
        '11 releases for “dividend” from 2009 on, newest first.',
      );
      expect(await resultLinks(cold).count()).toBe(10);
      await cold.getByRole('button', { name: 'Show 1 more result' }).click();
      await expect.poll(() => resultLinks(cold).count()).toBe(11);
      expect(archive).toEqual([]);
      // Then the archive, and the summary counts every year.
      const older = cold.getByRole('button', { name: 'Search releases before 2009' });
      await summaryAfter(cold, () => older.click());
      expect(await summary(cold).innerText()).toBe('11 results for “dividend”, newest first.');
      expect(archive.length).toBeGreaterThan(0);
      expect(await older.isHidden()).toBe(true);
      expect(await cold.evaluate(() => document.activeElement?.hasAttribute('data-search-summary'))).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('says so when the archive cannot be loaded, and loads the index anew for the next search', async () => {
    const { context: fresh, page: flaky } = await openPage();
    try {
      await fresh.route('**/pagefind-archive/**', (route) => route.abort());
      await searchFor(flaky, server.url, '?q=dividend');
      await flaky.getByRole('button', { name: 'Show 1 more result' }).click();
      await expect.poll(() => resultLinks(flaky).count()).toBe(11);
      await flaky.getByRole('button', { name: 'Search releases before 2009' }).click();
      const unavailable = flaky.locator('[data-search-unavailable]');
      await unavailable.waitFor({ state: 'visible' });
      expect(await unavailable.innerText()).toMatch(/^Search could not be loaded\./);
      // The connection is back: a new search in the same page finds every year's releases.
      await fresh.unroute('**/pagefind-archive/**');
      await flaky.fill('#search-q', 'buyback');
      await flaky.press('#search-q', 'Enter');
      await expect.poll(() => summary(flaky).innerText()).toBe('2 results for “buyback”, newest first.');
      expect(await unavailable.isHidden()).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('answers as one index would when a word is in one part only', async () => {
    // "network" is in the 2007 seeds and the About pages, "dividend" only in 2010: no page has both,
    // although each part alone, leaving out the word it lacks, would list pages with the other.
    expect(await searchFor(page, server.url, '?q=dividend+network')).toBe('No results for “dividend network”.');
    expect(await searchFor(page, server.url, '?q=Smart+Protection+Network&language=all')).toBe(
      '2 results for “Smart Protection Network”, newest first.',
    );
    expect(await hrefs(page)).toEqual(['/newsroom/about/', '/newsroom/ja/about/']);
    // So too between the archive's volumes: "semiannual" only in 2008, "rights" only in 2007.
    expect(await searchFor(page, server.url, '?q=semiannual+rights&order=relevance')).toBe(
      'No results for “semiannual rights”.',
    );
    expect(await searchFor(page, server.url, '?q=semiannual+results')).toMatch(/^8 results/);
    // A word one part lacks is not matched there by a shorter word it begins with ("a"), which
    // Pagefind does within one index only for a word no page has.
    expect(await searchFor(page, server.url, '?q=acquisition')).toBe('1 result for “acquisition”, newest first.');
    expect(await hrefs(page)).toEqual(['/newsroom/releases/2007-11-26-final-terms-stock-acquisition-rights/']);
    // Nor by a word whose stem it begins with, written otherwise: "companionship" (2008) is not
    // "company" (2010, stem "compani").
    expect(await searchFor(page, server.url, '?q=companionship')).toBe('1 result for “companionship”, newest first.');
    expect(await hrefs(page)).toEqual(['/newsroom/releases/2008-05-15-share-buyback-program/']);
    // But a word is found in every longer word its stem begins with: "company" (stem "compani") in
    // "companionship" too, in a volume without "company".
    expect(await searchFor(page, server.url, '?q=company&year=2008')).toBe(
      '1 result for “company” in 2008, newest first.',
    );
    expect(await searchFor(page, server.url, '?q=shareholders+company')).toBe(
      '1 result for “shareholders company”, newest first.',
    );
    // A word no part has is matched as one index would: by the longest word it begins with
    // ("acquisition", in 2007), not by each part's own ("a").
    expect(await searchFor(page, server.url, '?q=acquisitionx')).toBe('1 result for “acquisitionx”, newest first.');
    expect(await hrefs(page)).toEqual(['/newsroom/releases/2007-11-26-final-terms-stock-acquisition-rights/']);
    // Whatever ending the word it matches has there: "companiesx" matches "company" (stem "compani").
    expect(await searchFor(page, server.url, '?q=companiesx&year=2010')).toMatch(
      /^11 results for “companiesx” in 2010/,
    );
    expect(await searchFor(page, server.url, "?q=company's&year=2008")).toMatch(/^1 result for “company's” in 2008/);
    // A word is found in every form its stem has: "numbers" in 2008, "number" in 2010.
    const count = async (query: string) => (await searchFor(page, server.url, query)).match(/^(\d+) results/)?.[1];
    const numbers = await count('?q=numbers&order=relevance');
    expect(Number(numbers)).toBeGreaterThanOrEqual(19);
    expect(await count('?q=number&order=relevance')).toBe(numbers);
    // A word no page has is left out, as Pagefind does.
    expect(await searchFor(page, server.url, '?q=dividend+xyzzy')).toMatch(
      /^11 releases for “dividend xyzzy” from 2009/,
    );
  });

  it('offers to drop the filters when nothing matches them', async () => {
    expect(await searchFor(page, server.url, '?q=acquisition&year=2008')).toBe('No results for “acquisition” in 2008.');
    const clear = page.getByRole('button', { name: 'Search again without the filters' });
    await summaryAfter(page, () => clear.click());
    expect(new URL(page.url()).search).toBe('?q=acquisition');
    expect(await resultLinks(page).count()).toBeGreaterThan(0);
  });
});
