/**
 * What search engines, social sites and feed readers read from every page, in headless Chromium:
 * canonical URL, description, Open Graph and Twitter card tags, feed autodiscovery, and JSON-LD
 * (NewsArticle and BreadcrumbList on release pages, Organization and WebSite on the home page),
 * parsed as JSON, with author text that cannot break out of its script.
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSiteSettings } from '../../src/settings';
import { launchBrowser } from '../support/browser';
import { buildSite, SEED_CONTENT } from '../support/build';
import { fixtureContent } from '../support/fixture-content';
import { builtPages } from '../support/pages';
import { serveStatic, type StaticServer } from '../support/serve';

const settings = loadSiteSettings(join(SEED_CONTENT, 'site.yaml'));
const SITE = settings.url.replace(/\/?$/, '/');
const BUYBACK = 'releases/2007-03-30-results-of-share-buyback/';

type JsonLd = Record<string, any>;
interface Head {
  canonical: string | null;
  meta: Record<string, string>;
  alternates: { type: string | null; title: string | null; href: string | null }[];
  jsonLd: JsonLd[];
  /** Scripts other than JSON-LD whose text mentions alert(: an injection would show here. */
  injected: number;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function readHead(page: Page, url: string): Promise<Head> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  return page.evaluate(() => {
    const meta: Record<string, string> = {};
    for (const el of document.head.querySelectorAll('meta[name], meta[property]')) {
      const key = el.getAttribute('property') ?? el.getAttribute('name')!;
      meta[key] = meta[key] === undefined ? el.getAttribute('content')! : `${meta[key]}|${el.getAttribute('content')}`;
    }
    return {
      canonical: document.head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      meta,
      // Feeds: alternates with a media type (language versions carry hreflang instead).
      alternates: [...document.head.querySelectorAll('link[rel="alternate"][type]')].map((link) => ({
        type: link.getAttribute('type'),
        title: link.getAttribute('title'),
        href: link.getAttribute('href'),
      })),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
        JSON.parse(s.textContent!),
      ),
      injected: [...document.querySelectorAll('script:not([type="application/ld+json"])')].filter((s) =>
        s.textContent?.includes('alert('),
      ).length,
    };
  });
}

const ofType = (nodes: JsonLd[], type: string) => nodes.filter((node) => node['@type'] === type);

describe('every page', () => {
  it('has a canonical URL, description, Open Graph and Twitter tags, and announces the main feeds', async () => {
    const page = await browser.newPage();
    const pages = builtPages(inject('siteDir')).filter(({ path }) => path !== '404.html');
    expect(pages.length).toBeGreaterThan(10);
    for (const { path } of pages) {
      const head = await readHead(page, new URL(path, inject('siteUrl')).href);
      // The Japanese edition lives below ja/ with its own name and feeds.
      const ja = path.startsWith('ja/');
      const title = ja ? settings.localized.ja!.title! : settings.title;
      const feeds = ja ? '/ja/' : '/';
      // Each language's punctuation: "Trend Micro Newsroom (RSS)", "…ニュースルーム（RSS）".
      const format = (name: string, kind: string) => (ja ? `${name}（${kind}）` : `${name} (${kind})`);
      expect(decodeURI(head.canonical!), path).toBe(`${SITE}${path}`);
      expect(head.meta.description, path).toBeTruthy();
      expect(head.meta['og:url'], path).toBe(head.canonical);
      expect(head.meta['og:title'], path).toBeTruthy();
      expect(head.meta['og:description'], path).toBe(head.meta.description);
      expect(head.meta['og:site_name'], path).toBe(title);
      expect(head.meta['og:locale'], path).toBe(ja ? 'ja_JP' : 'en_US');
      expect(head.meta['og:type'], path).toBe(
        path.match(/^(ja\/)?releases\/\d{4}-\d{2}-\d{2}-/) ? 'article' : 'website',
      );
      expect(head.meta['twitter:card'], path).toBe('summary');
      expect(head.meta['twitter:title'], path).toBe(head.meta['og:title']);
      expect(head.alternates.slice(0, 3), path).toEqual([
        { type: 'application/rss+xml', title: format(title, 'RSS'), href: `${feeds}rss.xml` },
        { type: 'application/atom+xml', title: format(title, 'Atom'), href: `${feeds}atom.xml` },
        { type: 'application/feed+json', title: format(title, 'JSON Feed'), href: `${feeds}feed.json` },
      ]);
      for (const { href } of head.alternates) expect(existsSync(join(inject('siteDir'), href!)), href!).toBe(true);
    }
    await page.close();
  });

  it('names the other language of a translated page for Open Graph', async () => {
    const page = await browser.newPage();
    for (const [path, locale, alternate] of [
      [BUYBACK, 'en_US', 'ja_JP'],
      [`ja/${BUYBACK}`, 'ja_JP', 'en_US'],
    ]) {
      const head = await readHead(page, new URL(path!, inject('siteUrl')).href);
      expect([head.meta['og:locale'], head.meta['og:locale:alternate']], path).toEqual([locale, alternate]);
    }
    await page.close();
  });

  it("announces a category's own feeds on its pages", async () => {
    const page = await browser.newPage();
    const head = await readHead(page, new URL('categories/financial/', inject('siteUrl')).href);
    expect(head.alternates.map((link) => link.href)).toEqual(
      expect.arrayContaining([
        '/feeds/categories/financial/rss.xml',
        '/feeds/categories/financial/atom.xml',
        '/feeds/categories/financial/feed.json',
      ]),
    );
    await page.close();
  });
});

describe('JSON-LD', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage();
  });
  afterAll(async () => {
    await page.close();
  });

  it('describes a release as a NewsArticle by its issuer, with ticker symbols and offset dates', async () => {
    const head = await readHead(page, new URL(BUYBACK, inject('siteUrl')).href);
    const [article, ...others] = ofType(head.jsonLd, 'NewsArticle');
    expect(others).toHaveLength(0);
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Trend Micro Announces Results of Share Buyback',
      datePublished: '2007-03-30T00:00:00+09:00',
      dateModified: '2007-03-30T00:00:00+09:00',
      url: `${SITE}${BUYBACK}`,
      inLanguage: 'en',
      articleSection: ['Financial'],
    });
    expect(article!.description).toBe(head.meta.description);
    for (const party of [article!.author, article!.publisher]) {
      expect(party).toMatchObject({
        '@type': 'Corporation',
        name: settings.company.name,
        tickerSymbol: ['TSE 4704', 'Nasdaq TMIC'],
      });
    }
    expect(head.meta['article:published_time']).toBe('2007-03-30T00:00:00+09:00');
  });

  it('gives a release page the breadcrumbs it shows, as a BreadcrumbList of pages that exist', async () => {
    const head = await readHead(page, new URL(BUYBACK, inject('siteUrl')).href);
    const [list] = ofType(head.jsonLd, 'BreadcrumbList');
    const items = list!.itemListElement as JsonLd[];
    expect(items.map((item) => [item.position, item.name])).toEqual([
      [1, 'Home'],
      [2, 'Releases'],
      [3, '2007'],
      [4, 'Trend Micro Announces Results of Share Buyback'],
    ]);
    expect(items.at(-1)!.item).toBe(`${SITE}${BUYBACK}`);
    for (const item of items) {
      const path = new URL(item.item).pathname;
      expect(existsSync(join(inject('siteDir'), path, 'index.html')), path).toBe(true);
    }
    const shown = await page.locator('nav[aria-label="Breadcrumb"] li').allInnerTexts();
    expect(shown.map((text) => text.trim())).toEqual(items.map((item) => item.name));
  });

  it('names the issuer and the site with its search action on the home page', async () => {
    const head = await readHead(page, inject('siteUrl'));
    const [organization] = ofType(head.jsonLd, 'Corporation');
    expect(organization).toMatchObject({ name: settings.company.name, tickerSymbol: ['TSE 4704'] });
    const [site] = ofType(head.jsonLd, 'WebSite');
    expect(site).toMatchObject({
      name: settings.title,
      url: SITE,
      publisher: { '@id': organization!['@id'] },
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${SITE}search/?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    });
  });

  it('says the same of the issuer on every page, and names sections as the page shows them', async () => {
    const japanese = settings.localized.ja!.companyName!;
    for (const [path, lang] of [
      ['', 'en'],
      [BUYBACK, 'en'],
      ['ja/', 'ja'],
      [`ja/${BUYBACK}`, 'ja'],
    ] as const) {
      const head = await readHead(page, new URL(path, inject('siteUrl')).href);
      const [article] = ofType(head.jsonLd, 'NewsArticle');
      const issuer = article ? article.publisher : ofType(head.jsonLd, 'Corporation')[0];
      // One node by its @id: the same names on every page, whatever its language.
      expect(issuer, path).toMatchObject({
        '@id': `${SITE}#organization`,
        name: settings.company.name,
        alternateName: [japanese],
      });
      if (!article) continue;
      const section = lang === 'ja' ? settings.localized.ja!.categories!.Financial! : 'Financial';
      expect(article.articleSection, path).toEqual([section]);
      expect(head.meta['article:section'], path).toBe(section);
      // The page shows the same name for its category.
      expect(await page.locator('.taxonomy a[href*="/categories/"]').first().innerText(), path).toBe(section);
    }
  });
});

describe('a release whose headline and summary contain markup', () => {
  const HEADLINE = `Results </script><script>alert(1)</script> & "Q" <!--`;
  const out = join(tmpdir(), `newsroom-metadata-${process.pid}`);
  let server: StaticServer;
  let content: string;

  beforeAll(async () => {
    content = fixtureContent({
      releases: [
        {
          file: '2008-02-10-markup.mdx',
          frontmatter: [
            `headline: ${JSON.stringify(HEADLINE)}`,
            `summary: ${JSON.stringify(`Summary </script><script>alert(2)</script>`)}`,
            'date: 2008-02-10',
            'location: TOKYO, Japan',
            'categories: [Corporate]',
            'tags: [</script>]',
            'updated: 2008-02-12',
            'correction: Fixed.',
          ].join('\n'),
        },
      ],
    });
    rmSync(out, { recursive: true, force: true });
    const result = buildSite({ outDir: out, content });
    expect(result.status, result.output).toBe(0);
    server = await serveStatic(out);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(out, { recursive: true, force: true });
    rmSync(content, { recursive: true, force: true });
  });

  it('keeps the text as data: JSON-LD parses back to it and no script is injected', async () => {
    const page = await browser.newPage();
    const head = await readHead(page, new URL('releases/2008-02-10-markup/', server.url).href);
    await page.close();
    expect(head.injected).toBe(0);
    const [article] = ofType(head.jsonLd, 'NewsArticle');
    expect(article).toMatchObject({
      headline: HEADLINE,
      description: 'Summary </script><script>alert(2)</script>',
      keywords: ['</script>'],
      dateModified: '2008-02-12T00:00:00+09:00',
      articleSection: ['Corporate'],
    });
    expect(head.meta['og:title']).toBe(HEADLINE);
    expect(head.meta['article:modified_time']).toBe('2008-02-12T00:00:00+09:00');
  });
});
