/**
 * The newsroom as a reader uses it, in headless Chromium: navigation, accessibility of every page
 * type in both colour schemes, phone widths, print.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { builtPages } from '../support/pages';

let browser: Browser;
const site = (path: string) => new URL(path, inject('siteUrl')).href;
const BUYBACK = 'releases/2007-03-30-results-of-share-buyback/';
const FINAL_TERMS = 'releases/2007-11-26-final-terms-stock-acquisition-rights/';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page in its own context (axe needs one); contexts are closed after each test. */
let contexts: BrowserContext[] = [];
async function blank(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}
async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const page = await blank(options);
  await page.goto(site(path));
  return page;
}
afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

describe('navigation', () => {
  it('goes home → all releases → a year → a release → contacts', async () => {
    const page = await open('');
    expect(await page.locator('h1').innerText()).toBe('Trend Micro Newsroom');

    await page.getByRole('link', { name: /^All releases \(2\)$/ }).click();
    expect(new URL(page.url()).pathname).toBe('/releases/');
    expect(await page.locator('.list-count').innerText()).toBe('2 releases');
    const headlines = await page.locator('.release-card-title').allInnerTexts();
    expect(headlines[0]).toMatch(/Final Terms/); // newest first
    expect(headlines[1]).toMatch(/Share Buyback/);

    await page.getByRole('navigation', { name: 'Archive' }).getByRole('link', { name: '2007' }).click();
    expect(new URL(page.url()).pathname).toBe('/releases/2007/');
    expect(await page.locator('h1').innerText()).toBe('Releases from 2007');

    await page.getByRole('link', { name: 'Trend Micro Announces Results of Share Buyback' }).click();
    expect(new URL(page.url()).pathname).toBe(`/${BUYBACK}`);
    expect(await page.locator('h1').innerText()).toBe('Trend Micro Announces Results of Share Buyback');
    expect(await page.locator('article time').first().getAttribute('datetime')).toBe('2007-03-30T00:00:00+09:00');
    expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).innerText()).toMatch(
      /^Home\s+Releases\s+2007\s+Trend Micro Announces Results of Share Buyback$/,
    );
    expect(await page.locator('.release-nav').innerText()).toMatch(/Next release\s+Trend Micro Announces Final Terms/);
    expect(await page.locator('.related').innerText()).toContain('Final Terms');
    expect(await page.locator('.taxonomy').innerText()).toMatch(/Category:?\s*Financial/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    expect(new URL(page.url()).pathname).toBe('/contacts/');
    expect(await page.locator('main').innerText()).toContain('Mr. Mahendra Negi');
    expect(await page.getByRole('link', { name: '+813-5334-4899' }).getAttribute('href')).toBe('tel:+81353344899');
    // A fax number is printed, not a link a phone would call.
    expect(await page.locator('main').innerText()).toContain('Fax: +813-5334-4874');
    expect(await page.getByRole('link', { name: '+813-5334-4874' }).count()).toBe(0);
  });

  it('links categories and tags, each archive showing its count', async () => {
    const page = await open(BUYBACK);
    await page.locator('.taxonomy').getByRole('link', { name: 'Financial' }).click();
    expect(new URL(page.url()).pathname).toBe('/categories/financial/');
    expect(await page.locator('.list-count').innerText()).toBe('2 releases');
    // Where the reader is: among the releases, on this category's list, which stands out.
    const main = page.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('link', { name: 'Releases' }).getAttribute('aria-current')).toBe('true');
    const archive = page.getByRole('navigation', { name: 'Archive' });
    const weight = (name: string) =>
      archive.getByRole('link', { name, exact: true }).evaluate((link) => getComputedStyle(link).fontWeight);
    expect(await archive.getByRole('link', { name: 'Financial' }).getAttribute('aria-current')).toBe('page');
    expect([await weight('Financial'), await weight('2007')]).toEqual(['700', '400']);
    await page.goto(site(BUYBACK));
    await page.locator('.taxonomy').getByRole('link', { name: 'share buyback' }).click();
    expect(new URL(page.url()).pathname).toBe('/tags/share-buyback/');
    expect(await page.locator('.list-count').innerText()).toBe('1 release');
  });

  it('shows the current boilerplate on the About page and helps on a missing page', async () => {
    const about = await open('about/');
    expect(await about.locator('h1').innerText()).toBe('About Trend Micro');
    expect(await about.locator('main').innerText()).toContain('Smart Protection Network');
    const missing = await blank();
    const response = await missing.goto(site('no-such-page/'));
    expect(response?.status()).toBe(404);
    expect(await missing.locator('h1').innerText()).toBe('Page not found');
    expect(await missing.getByRole('link', { name: 'Browse all releases' }).getAttribute('href')).toBe('/releases/');
    // It says so in Japanese too, leading into the Japanese edition, for a broken /ja/ link.
    const japanese = missing.locator('section[lang="ja"]');
    expect(await japanese.getByRole('heading', { level: 2 }).innerText()).toBe('ページが見つかりません');
    expect(await japanese.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '/ja/releases/',
      '/ja/',
    ]);
    expect(await japanese.getByRole('search').getAttribute('action')).toBe('/ja/search/');
    // Served at every missing address, it claims none of them, and is not for search engines.
    expect(await missing.locator('link[rel="canonical"], meta[property="og:url"]').count()).toBe(0);
    expect(await missing.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  });

  it('reveals Print and Copy link only when script runs, and shares with plain links', async () => {
    const page = await open(BUYBACK);
    await expect.poll(() => page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    const hrefs = await page
      .locator('.share a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.map((h) => new URL(h).protocol + new URL(h).hostname)).toEqual([
      'mailto:',
      'https:www.linkedin.com',
      'https:x.com',
    ]);
    // Named for screen readers as each language says it.
    expect(await page.locator('.share').getByRole('link', { name: 'Share by Email', exact: true }).count()).toBe(1);
    const japanese = await open(`ja/${BUYBACK}`);
    expect(await japanese.locator('.share').getByRole('link', { name: 'メールで共有', exact: true }).count()).toBe(1);
    const noScript = await blank({ javaScriptEnabled: false });
    await noScript.goto(site(BUYBACK));
    expect(await noScript.getByRole('button', { name: 'Print' }).count()).toBe(0); // hidden buttons are not in the accessibility tree
  });
});

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  const paths = [
    '',
    'releases/',
    'releases/2007/',
    'categories/financial/',
    'tags/share-buyback/',
    BUYBACK,
    FINAL_TERMS,
    'contacts/',
    'about/',
    '404.html',
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(paths)(`%s has no violations (${colorScheme})`, async (path) => {
      const page = await open(path, { colorScheme });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('main#Main').count()).toBe(1);
    });
  }

  it('offers a skip link as the first focusable element', async () => {
    const page = await open(BUYBACK);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#Main');
    // Tab goes on from the start of <main>: its first link, the breadcrumbs' Home.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Home');
  });

  it('goes on from where the reader clicked when Tab is pressed after a click in the text', async () => {
    const page = await open(BUYBACK);
    await page
      .locator('.boilerplate p')
      .first()
      .click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Tab');
    // The next link after the click, not the first one in <main> (the breadcrumbs).
    expect(await page.evaluate(() => document.activeElement?.closest('.boilerplate') !== null)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it.each([320, 1024])('moves through the header in the order it is read, at %i px', async (width) => {
    const page = await open('', { viewport: { width, height: 800 } });
    await page.keyboard.press('Tab'); // the skip link
    const stops: { name: string; x: number; y: number; bottom: number }[] = [];
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement;
          const { x, y, bottom } = active.getBoundingClientRect();
          return {
            name: active.getAttribute('aria-label') || active.textContent?.trim() || active.tagName,
            x,
            y,
            bottom,
          };
        }),
      );
    }
    expect(stops.map((stop) => stop.name)).toEqual([
      'Trend Micro Newsroom',
      '日本語',
      'Releases',
      'Contacts',
      'About',
      'INPUT',
    ]);
    // Each stop is right of the one before on its line, or on a line below it.
    for (const [before, after] of stops.slice(0, -1).map((stop, i) => [stop, stops[i + 1]!] as const)) {
      const nextLine = after.y >= before.bottom - 1;
      expect(nextLine || (after.x > before.x && after.y < before.bottom), `${before.name} → ${after.name}`).toBe(true);
    }
  });

  it('reads breadcrumb separators as nothing: the list says where each step is', async () => {
    const page = await open(FINAL_TERMS);
    const tree = await page.locator('.breadcrumbs').ariaSnapshot();
    expect(tree).toContain('link "2007"');
    expect(tree).not.toContain('›');
  });

  it.each(['light', 'dark'] as const)(
    'draws search box and table borders at 3:1 against what surrounds them (%s)',
    async (colorScheme) => {
      const page = await open(FINAL_TERMS, { colorScheme });
      const contrasts = await page.evaluate(() => {
        const rgb = (colour: string) =>
          colour
            .match(/\d+(\.\d+)?/g)!
            .slice(0, 3)
            .map(Number);
        const luminance = (colour: string) => {
          const [r, g, b] = rgb(colour).map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const ratio = (a: string, b: string) => {
          const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (l1! + 0.05) / (l2! + 0.05);
        };
        /** The first background colour that is not transparent, from the element up. */
        const backdrop = (element: Element): string => {
          for (let e: Element | null = element; e; e = e.parentElement) {
            const colour = getComputedStyle(e).backgroundColor;
            if (!/rgba\(.*, 0\)$|transparent/.test(colour)) return colour;
          }
          return 'rgb(255, 255, 255)';
        };
        const input = document.querySelector('#Site-search-q')!;
        const cell = document.querySelector('.data-table td')!;
        return {
          searchBox: ratio(getComputedStyle(input).borderTopColor, backdrop(input.parentElement!)),
          tableCell: ratio(getComputedStyle(cell).borderTopColor, backdrop(cell)),
        };
      });
      expect(contrasts.searchBox).toBeGreaterThanOrEqual(3);
      expect(contrasts.tableCell).toBeGreaterThanOrEqual(3);
    },
  );

  it('lets keyboard users scroll a wide table', async () => {
    const page = await open(FINAL_TERMS, { viewport: { width: 320, height: 640 } });
    const region = page.getByRole('region', { name: 'Allotment of stock acquisition rights' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    await region.focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('table-scroll'))).toBe(true);
  });

  it('says a table scrolls sideways only when it does', async () => {
    const page = await open(FINAL_TERMS, { viewport: { width: 320, height: 640 } });
    const hint = () => page.locator('.data-table caption').evaluate((c) => getComputedStyle(c, '::after').content);
    // The allotment table fits a 320 px screen.
    expect(await page.locator('.table-scroll').evaluate((r) => r.scrollWidth - r.clientWidth)).toBe(0);
    expect(await hint()).toBe('none');
    // A cell too wide for the screen makes it scroll, and the caption says so.
    await page
      .locator('.data-table td')
      .first()
      .evaluate((cell) => cell.append(` ${'4704'.repeat(30)}`));
    await expect.poll(hint).toBe('" (scroll sideways for more)"');
  });
});

/** `path` opened at each phone width from 320 to 480 px, 20 px apart, in one page. */
async function* atPhoneWidths(path: string): AsyncGenerator<[Page, number]> {
  const page = await blank();
  for (let width = 320; width <= 480; width += 20) {
    await page.setViewportSize({ width, height: 640 });
    await page.goto(site(path));
    yield [page, width];
  }
}

describe('phones and paper', () => {
  it.each(builtPages(inject('siteDir')).map((p) => p.path))(
    '/%s has no horizontal page scroll at 320 px',
    async (path) => {
      const page = await open(path, { viewport: { width: 320, height: 640 } });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
    },
  );

  it.each(['feeds/', 'ja/feeds/'])(
    '/%s keeps each feed format’s name (“JSON Feed”) on one line on phones',
    async (path) => {
      for await (const [page, width] of atPhoneWidths(path)) {
        await page
          .locator('.feed-list details')
          .first()
          .evaluate((details) => ((details as HTMLDetailsElement).open = true));
        const links = page.locator('.feed-list a');
        expect(await links.count()).toBeGreaterThanOrEqual(9);
        const broken = await links.evaluateAll((as) =>
          as.filter((a) => a.getClientRects().length > 1).map((a) => a.getAttribute('aria-label')),
        );
        expect(broken, `${width} px`).toEqual([]);
      }
    },
  );

  it.each([BUYBACK, FINAL_TERMS, `ja/${BUYBACK}`])(
    '/%s keeps each taxonomy label on the line of its first value, at 320 to 480 px',
    async (path) => {
      for await (const [page, width] of atPhoneWidths(path)) {
        const stranded = await page.locator('.taxonomy dt').evaluateAll((labels) =>
          labels.flatMap((dt) => {
            const dd = dt.nextElementSibling!;
            const apart = Math.abs(dt.getBoundingClientRect().top - dd.getBoundingClientRect().top) > 2;
            return apart ? [dt.textContent] : [];
          }),
        );
        expect(stranded, `${width} px`).toEqual([]);
      }
    },
  );

  it('writes “Tag:” with the colon of each language', async () => {
    const colon = async (path: string) =>
      (await open(path))
        .locator('.taxonomy dt')
        .first()
        .evaluate((dt) => getComputedStyle(dt, '::after').content);
    expect(await colon(BUYBACK)).toBe('":"');
    expect(await colon(`ja/${BUYBACK}`)).toBe('"："');
  });

  it('makes each share link as easy to hit as the buttons beside it', async () => {
    const page = await open(BUYBACK, { viewport: { width: 375, height: 800 } });
    const sizes = await page
      .locator('.share a')
      .evaluateAll((links) => links.map((a) => [a.textContent!.trim(), a.getBoundingClientRect().height] as const));
    expect(sizes.length).toBe(3);
    for (const [name, height] of sizes) expect(height, name).toBeGreaterThanOrEqual(44);
  });

  it.each(['light', 'dark'] as const)(
    'prints a release in black on white, with where it came from and its tables whole (%s scheme)',
    async (colorScheme) => {
      const page = await open(`ja/${FINAL_TERMS}`, { colorScheme });
      const source = page.locator('.print-source');
      expect(await source.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'print', colorScheme });
      expect(await source.isVisible()).toBe(true);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(await source.textContent()).toBe(`トレンドマイクロ ニュースルーム · ${canonical}`);
      const colours = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        return { text: body.color, background: body.backgroundColor };
      });
      expect(colours).toEqual({ text: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
      // The table and its outer borders inside the box that holds it (which clips what leaves it).
      const [table, box] = await page
        .locator('.data-table')
        .evaluate((t) => [t.getBoundingClientRect().right, t.parentElement!.getBoundingClientRect().right]);
      expect(table! + 0.5).toBeLessThanOrEqual(box!);
    },
  );

  it('prints search results legibly in the dark scheme too', async () => {
    const page = await open('search/?q=buyback', { colorScheme: 'dark' });
    const mark = page.locator('.search-result-excerpt mark').first();
    await mark.waitFor();
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const [text, background] = await mark.evaluate((m) => [
      getComputedStyle(m).color,
      getComputedStyle(m).backgroundColor,
    ]);
    expect(text).toBe('rgb(0, 0, 0)');
    expect(background).toBe('rgb(255, 255, 255)');
  });

  it('prints the release, its boilerplate and contacts, without navigation, with link targets', async () => {
    const page = await open(BUYBACK);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.breadcrumbs', '.share', '.release-nav', '.related']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    for (const selector of ['.release-body', '.notice', '.boilerplate', '.contacts']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(true);
    }
    const after = await page
      .locator('.boilerplate a[href^="https://www.trendmicro.com"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://www.trendmicro.com/');
    // A link whose text is its address, and the contact's phone, fax and email: printed once.
    const addresses = await page.locator('.release a').evaluateAll((links) =>
      links.flatMap((a) => {
        const content = getComputedStyle(a, '::after').content;
        return content === 'none' || content === 'normal' ? [] : [`${a.textContent!.trim()} ${content}`];
      }),
    );
    expect(addresses).toContain('@TrendMicro " <https://twitter.com/TrendMicro>"');
    expect(addresses.filter((printed) => /mediaroom|tel:|mailto:/.test(printed))).toEqual([]);
  });

  it('prints the Feeds page with the address of every feed, to type into a feed reader', async () => {
    const page = await open('feeds/');
    await page.emulateMedia({ media: 'print' });
    const printed = await page
      .locator('.feed-list a')
      .evaluateAll((links) =>
        links.map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content] as const),
      );
    expect(printed.length).toBeGreaterThanOrEqual(6);
    // Addresses on the published site, as its canonical links give it.
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
    for (const [path, after] of printed) expect(after).toBe(`" <${new URL(path!, canonical).href}>"`);
    // The page fits the paper: no address runs past the page's edge.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
