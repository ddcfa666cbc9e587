/**
 * Japanese and English: each release links to its translation, both carry hreflang alternates,
 * the interface speaks the page's language, Japanese search finds Japanese words, and a
 * single-language newsroom shows no language switcher.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { buildSite, childEnvironment, ROOT } from '../support/build';
import { fixtureContent } from '../support/fixture-content';
import { brokenInternalLinks } from '../support/links';
import { builtPages } from '../support/pages';
import { serveStatic } from '../support/serve';

const BUYBACK = 'releases/2007-03-30-results-of-share-buyback/';
const FINAL_TERMS = 'releases/2007-11-26-final-terms-stock-acquisition-rights/';
const SITE = 'https://newsroom.example.com/';

let browser: Browser;
let contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const response = await page.goto(new URL(path, inject('siteUrl')).href);
  expect(response?.status(), path).toBe(200);
  return page;
}

const hreflangs = (page: Page) =>
  page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`));

describe('a release and its translation', () => {
  it('link to each other and declare each other as hreflang alternates, with x-default', async () => {
    const english = await open(BUYBACK);
    const expected = [`en ${SITE}${BUYBACK}`, `ja ${SITE}ja/${BUYBACK}`, `x-default ${SITE}${BUYBACK}`];
    expect((await hreflangs(english)).sort()).toEqual(expected.sort());
    await english.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '日本語' }).click();
    expect(new URL(english.url()).pathname).toBe(`/ja/${BUYBACK}`);
    expect(await english.locator('html').getAttribute('lang')).toBe('ja');
    expect(await english.locator('h1').innerText()).toBe('自己株式の取得結果に関するお知らせ');
    expect((await hreflangs(english)).sort()).toEqual(expected.sort());
    await english.getByRole('navigation', { name: '言語' }).getByRole('link', { name: 'English' }).click();
    expect(new URL(english.url()).pathname).toBe(`/${BUYBACK}`);
  });

  it('speaks Japanese on the Japanese page: dates, dateline, headings, navigation', async () => {
    const page = await open(`ja/${FINAL_TERMS}`);
    const main = await page.locator('main').innerText();
    expect(await page.locator('.release-meta time').innerText()).toBe('2007年11月26日');
    expect(main).toContain('東京、2007年11月26日――トレンドマイクロ株式会社（東証：4704）');
    // Years as Japanese names them, in the breadcrumbs as in the archive.
    expect(await page.getByRole('navigation', { name: 'パンくずリスト' }).innerText()).toContain('2007年');
    expect(main).toContain('トレンドマイクロについて');
    expect(main).toContain('本件に関するお問い合わせ先');
    // Full-width punctuation carries its own space.
    expect(main).toContain('電話：+813-5334-4899');
    expect(main).toContain('FAX：+813-5334-4874');
    expect(await page.getByRole('navigation', { name: 'メイン' }).innerText()).toMatch(/ニュースリリース/);
    expect(await page.locator('.site-footer').innerText()).toContain('トレンドマイクロ株式会社');
    // Counts in the archive as Japanese writes them, English as English does.
    const list = await open('ja/releases/');
    expect(await list.locator('.archive-nav').innerText()).toMatch(/2007年（2件）/);
    const english = await open('releases/');
    expect(await english.locator('.archive-nav').innerText()).toMatch(/2007 \(2\)/);
    // The Japanese boilerplate, notice and contact are the Japanese versions.
    const buyback = await open(`ja/${BUYBACK}`);
    expect(await buyback.locator('.notice h2').innerText()).toBe('将来の見通しに関する記述について');
  });

  it('keeps each language to its own lists', async () => {
    const english = await open('releases/');
    expect(await english.locator('.list-count').innerText()).toBe('2 releases');
    expect(await english.locator('.release-card-title').allInnerTexts()).not.toContain(
      '自己株式の取得結果に関するお知らせ',
    );
    const japanese = await open('ja/releases/');
    expect(await japanese.locator('.list-count').innerText()).toBe('2件');
    expect(await japanese.locator('.release-card-title').allInnerTexts()).toEqual([
      'ストックオプションとして発行する新株予約権の発行内容確定に関するお知らせ',
      '自己株式の取得結果に関するお知らせ',
    ]);
  });

  it.each([
    ['releases/', 'ja/releases/'],
    ['releases/2007/', 'ja/releases/2007/'],
    ['categories/financial/', 'ja/categories/financial/'],
    // No Japanese release carries this tag: the Japanese home page.
    ['tags/share-buyback/', 'ja/'],
    ['ja/releases/2007/', 'releases/2007/'],
    ['ja/categories/financial/', 'categories/financial/'],
  ])('switches language from the list %s to %s', async (from, to) => {
    const page = await open(from);
    const other = from.startsWith('ja/') ? 'English' : '日本語';
    await page.locator('.language-switcher').getByRole('link', { name: other }).click();
    expect(new URL(page.url()).pathname).toBe(`/${to}`);
    // A list is not a translation of the other language's list: no hreflang alternates.
    if (to !== 'ja/') expect(await hreflangs(page)).toEqual([]);
  });

  it.each(['ja/', `ja/${BUYBACK}`, 'ja/releases/', 'ja/contacts/', 'ja/about/', 'ja/search/'])(
    '%s has no axe violations',
    async (path) => {
      const page = await open(path);
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('finds a Japanese release by a Japanese word on the Japanese search page', async () => {
    const page = await open('ja/search/?q=自己株式');
    await page.locator('[data-search-summary]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-search-summary]').innerText()).toMatch(/「自己株式」の検索結果：\d+件/);
    const links = await page
      .locator('[data-search-results] .search-result-title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`/ja/${BUYBACK}`);
  });

  it('gives every page in the sitemap the hreflang alternates the page itself declares', async () => {
    const page = await browser.newPage();
    const siteDir = inject('siteDir');
    const sitemap = await page.evaluate(
      (xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        if (doc.querySelector('parsererror')) throw new Error('not well-formed XML');
        return [...doc.getElementsByTagNameNS('*', 'url')].map((url) => ({
          loc: url.getElementsByTagNameNS('*', 'loc')[0]!.textContent!,
          links: [...url.getElementsByTagNameNS('*', 'link')].map(
            (link) => `${link.getAttribute('hreflang')} ${link.getAttribute('href')}`,
          ),
        }));
      },
      readFileSync(join(siteDir, 'sitemap-0.xml'), 'utf8'),
    );
    const withLinks = sitemap.filter((url) => url.links.length > 0).map((url) => url.loc);
    expect(withLinks).toEqual(expect.arrayContaining([`${SITE}${BUYBACK}`, `${SITE}ja/${FINAL_TERMS}`, `${SITE}ja/`]));
    for (const { loc, links } of sitemap) {
      const html = readFileSync(join(siteDir, decodeURIComponent(loc.slice(SITE.length)), 'index.html'), 'utf8');
      await page.setContent(html.replace(/<script[\s\S]*?<\/script>/g, ''));
      expect(links.sort(), loc).toEqual((await hreflangs(page)).sort());
    }
    await page.close();
  });

  it('lists each language in the sitemap', () => {
    const sitemap = readFileSync(join(inject('siteDir'), 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}ja/${BUYBACK}</loc>`);
    expect(sitemap).toContain(`<loc>${SITE}${BUYBACK}</loc>`);
    expect(builtPages(inject('siteDir')).map((p) => p.path)).toContain(`ja/${BUYBACK}`);
  });
});

describe('a single-language newsroom', () => {
  const outDir = join(tmpdir(), `newsroom-single-language-${process.pid}`);
  beforeAll(() => {
    const content = fixtureContent({});
    for (const folder of ['releases', 'boilerplates', 'notices', 'contacts']) {
      rmSync(join(content, folder, 'ja'), { recursive: true, force: true });
    }
    const site = readFileSync(join(content, 'site.yaml'), 'utf8')
      .replace(/^languages:.*\n/m, '')
      .replace(/^localized:\n(?: {2,}.*\n)+/m, '');
    writeFileSync(join(content, 'site.yaml'), site);
    const result = buildSite({ outDir, content });
    rmSync(content, { recursive: true, force: true });
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('shows no language switcher and no hreflang alternates', () => {
    expect(existsSync(join(outDir, 'ja'))).toBe(false);
    for (const { file, path } of builtPages(outDir)) {
      const html = readFileSync(file, 'utf8');
      expect(html, path).not.toContain('language-switcher');
      expect(html, path).not.toContain('hreflang=');
    }
    // The 404 page speaks the one language only.
    expect(readFileSync(join(outDir, '404.html'), 'utf8')).not.toContain('lang="ja"');
  });
});

describe('a language with no releases yet', () => {
  const outDir = join(tmpdir(), `newsroom-no-japanese-releases-${process.pid}`);
  beforeAll(() => {
    const content = fixtureContent({});
    rmSync(join(content, 'releases', 'ja'), { recursive: true, force: true });
    const result = buildSite({ outDir, content });
    rmSync(content, { recursive: true, force: true });
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has its list of releases, saying there are none, and no broken link', async () => {
    const list = readFileSync(join(outDir, 'ja', 'releases', 'index.html'), 'utf8');
    expect(list).toContain('まだニュースリリースはありません。');
    // No archive navigation with nothing under its headings.
    expect(list).not.toContain('archive-nav');
    const server = await serveStatic(outDir);
    try {
      expect(await brokenInternalLinks(server.url)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

it('refuses a translation in its original’s language, of a translation, or a second one into a language, in the build and the check', () => {
  const content = fixtureContent({
    releases: [
      {
        file: '2008-01-10-same-language.mdx',
        frontmatter:
          'headline: Same language\ndate: 2008-01-10\nlocation: TOKYO, Japan\ncategories: [Corporate]\ntranslationOf: 2007-03-30-results-of-share-buyback\ndraft: true',
      },
      {
        file: 'ja/2008-01-12-second-japanese.mdx',
        frontmatter:
          'headline: 二つ目の日本語版\ndate: 2008-01-12\nlocation: 東京\nlang: ja\ncategories: [Corporate]\ntranslationOf: 2007-03-30-results-of-share-buyback\ndraft: true',
      },
      {
        file: 'ja/2008-01-11-twice-translated.mdx',
        frontmatter:
          'headline: 二重の翻訳\ndate: 2008-01-11\nlocation: 東京\nlang: ja\ncategories: [Corporate]\ntranslationOf: ja/2007-03-30-results-of-share-buyback\ndraft: true',
      },
    ],
  });
  const outDir = join(tmpdir(), `newsroom-same-language-${process.pid}`);
  const result = buildSite({ outDir, content });
  const check = spawnSync(
    process.execPath,
    ['--import', './scripts/support/resolve-ts.ts', 'scripts/check.ts', '--content', content],
    { cwd: ROOT, env: childEnvironment({ NO_COLOR: '1' }), encoding: 'utf8' },
  );
  // A bare `astro build` leaves what it wrote before failing.
  for (const dir of [content, outDir]) rmSync(dir, { recursive: true, force: true });
  expect(result.status).not.toBe(0);
  // The build stops at the first it meets, and names its line as the check does.
  expect(result.output).toMatch(
    /(2008-01-10-same-language\.mdx:6|2008-01-11-twice-translated\.mdx:7|2008-01-12-second-japanese\.mdx:7): translationOf: expected /,
  );
  // The check finds both, with their lines, where it used to find neither.
  expect(check.status).toBe(1);
  expect(check.stdout).toMatch(
    /2008-01-10-same-language\.mdx:6: translationOf: expected a release in another language than en, found "2007-03-30-results-of-share-buyback" \(en\)/,
  );
  expect(check.stdout).toMatch(
    /ja\/2008-01-11-twice-translated\.mdx:7: translationOf: expected the original release, found "ja\/2007-03-30-results-of-share-buyback", itself a translation of "2007-03-30-results-of-share-buyback"/,
  );
  expect(check.stdout).toMatch(
    /ja\/2008-01-12-second-japanese\.mdx:7: translationOf: expected one ja version of "2007-03-30-results-of-share-buyback", found a second: \S*ja\/2007-03-30-results-of-share-buyback\.mdx already is one/,
  );
});
