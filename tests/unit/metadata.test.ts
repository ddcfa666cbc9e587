import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  newsSitemapXml,
  recentReleases,
  releasePages,
  robotsTxt,
  hreflangAlternates,
  sitemapOptions,
} from '../../src/lib/sitemap';
import { openGraphLocale } from '../../src/lib/open-graph';
import { breadcrumbList, jsonLdText, newsArticle, organization, webSite } from '../../src/lib/structured-data';

describe('Open Graph', () => {
  it('gives og:locale a territory: the one a code names, else its most likely', () => {
    expect(['en', 'ja', 'en-GB', 'zh-Hant', 'de'].map(openGraphLocale)).toEqual([
      'en_US',
      'ja_JP',
      'en_GB',
      'zh_TW',
      'de_DE',
    ]);
  });
});

describe('JSON-LD', () => {
  const issuer = organization(
    {
      name: 'Example Inc.',
      url: 'https://www.example.com/',
      tickers: [
        { exchange: 'TSE', symbol: '4704' },
        { exchange: 'Nasdaq', symbol: 'TMIC' },
      ],
    },
    'https://newsroom.example.com/#organization',
  );

  it('names the issuer with its ticker symbols', () => {
    expect(issuer).toEqual({
      '@type': 'Corporation',
      '@id': 'https://newsroom.example.com/#organization',
      name: 'Example Inc.',
      url: 'https://www.example.com/',
      tickerSymbol: ['TSE 4704', 'Nasdaq TMIC'],
    });
  });

  it('gives the issuer its names in the other languages', () => {
    const named = organization(
      { name: 'トレンドマイクロ株式会社', alternateNames: ['Trend Micro Incorporated'], tickers: [] },
      'x',
    );
    expect(named).toEqual({
      '@type': 'Corporation',
      '@id': 'x',
      name: 'トレンドマイクロ株式会社',
      alternateName: ['Trend Micro Incorporated'],
    });
  });

  it('describes a release as a NewsArticle, unmodified unless corrected', () => {
    const article = newsArticle({
      headline: 'Results',
      description: 'Summary',
      url: 'https://newsroom.example.com/releases/x/',
      published: '2007-03-30T00:00:00+09:00',
      language: 'en',
      sections: ['Financial'],
      keywords: [],
      issuer,
    });
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2007-03-30T00:00:00+09:00',
      dateModified: '2007-03-30T00:00:00+09:00',
      articleSection: ['Financial'],
      author: issuer,
      publisher: issuer,
    });
    expect(article).not.toHaveProperty('keywords');
  });

  it('points the search action at the search page', () => {
    const site = webSite({
      name: 'Newsroom',
      url: 'https://newsroom.example.com/',
      language: 'en',
      publisherId: 'https://newsroom.example.com/#organization',
      searchUrlTemplate: 'https://newsroom.example.com/search/?q={search_term_string}',
    });
    expect(site.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://newsroom.example.com/search/?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
  });

  it('numbers breadcrumbs from 1', () => {
    expect(breadcrumbList([{ name: 'Home', url: 'https://x.test/' }, { name: 'Here' }])).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://x.test/' },
        { '@type': 'ListItem', position: 2, name: 'Here' },
      ],
    });
  });

  it('escapes author text so it cannot close the script, and parses back unchanged', () => {
    const headline = 'A </script><script>alert(1)</script> & <!-- \u2028 "q"';
    const text = jsonLdText({ '@type': 'NewsArticle', headline });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline });
  });
});

describe('sitemaps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-sitemap-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '2007'));
  writeFileSync(join(dir, '2007-03-30-buyback.mdx'), '---\nheadline: A\ndate: 2007-03-30\n---\nText\n');
  // Its Japanese translation, corrected later: the same slug, its own page and date.
  mkdirSync(join(dir, 'ja'));
  writeFileSync(
    join(dir, 'ja', '2007-03-30-buyback.mdx'),
    '---\nheadline: A\ndate: 2007-03-30\nlang: ja\ntranslationOf: 2007-03-30-buyback\nupdated: 2007-04-02\ncorrection: 訂正\n---\n',
  );
  writeFileSync(
    join(dir, '2007', '2007-11-26-terms.mdx'),
    '---\nheadline: B\ndate: "2007-11-26"\ntime: "15:00"\nupdated: 2007-12-03 # corrected\ncorrection: Typo.\nslug: final-terms\nredirectFrom:\n  - 2007-11-25-terms\n---\n',
  );

  it('reads last-modified times from content: the correction, else the issue', () => {
    expect(releasePages(dir, 'Asia/Tokyo')).toEqual(
      new Map([
        [
          'releases/2007-11-26-final-terms/',
          {
            lastModified: '2007-12-03T00:00:00+09:00',
            original: '2007/2007-11-26-terms',
            redirects: ['releases/2007-11-25-terms/'],
          },
        ],
        [
          'releases/2007-03-30-buyback/',
          { lastModified: '2007-03-30T00:00:00+09:00', original: '2007-03-30-buyback', redirects: [] },
        ],
        [
          'ja/releases/2007-03-30-buyback/',
          { lastModified: '2007-04-02T00:00:00+09:00', original: '2007-03-30-buyback', redirects: [] },
        ],
      ]),
    );
  });

  it('reads a file again once it changed, though the same folder was read before in this process', () => {
    const file = join(dir, '2007-03-30-buyback.mdx');
    const text = readFileSync(file, 'utf8');
    const path = 'releases/2007-03-30-buyback/';
    expect(releasePages(dir, 'Asia/Tokyo').get(path)?.lastModified).toBe('2007-03-30T00:00:00+09:00');
    try {
      writeFileSync(file, text.replace('date: 2007-03-30\n', 'date: 2007-03-30\nupdated: 2007-04-05\n'));
      expect(releasePages(dir, 'Asia/Tokyo').get(path)?.lastModified).toBe('2007-04-05T00:00:00+09:00');
    } finally {
      writeFileSync(file, text);
    }
    expect(releasePages(dir, 'Asia/Tokyo').get(path)?.lastModified).toBe('2007-03-30T00:00:00+09:00');
  });

  it('gives release pages their lastmod, leaves other pages alone and former addresses out', async () => {
    const options = sitemapOptions({
      releasesDir: dir,
      timeZone: 'Asia/Tokyo',
      site: 'https://n.test',
      base: '/nr/',
      languages: ['en'],
    });
    expect(options.customSitemaps).toEqual(['https://n.test/nr/news-sitemap.xml']);
    // A release's former address leads to it: not a page of its own.
    expect(options.filter!('https://n.test/nr/releases/2007-11-25-terms/')).toBe(false);
    expect(options.filter!('https://n.test/nr/releases/2007-11-26-final-terms/')).toBe(true);
    expect(await options.serialize!({ url: 'https://n.test/nr/releases/2007-11-26-final-terms/' })).toEqual({
      url: 'https://n.test/nr/releases/2007-11-26-final-terms/',
      lastmod: '2007-12-03T00:00:00+09:00',
    });
    expect(await options.serialize!({ url: 'https://n.test/nr/releases/2007/' })).toEqual({
      url: 'https://n.test/nr/releases/2007/',
    });
  });

  it('links each page to its versions in the other languages, releases by translationOf', async () => {
    const site = 'https://n.test/nr/';
    // The Japanese version of the buyback under a slug of its own, and a Japanese-only release.
    const urls = ['', 'ja/', 'about/', 'releases/2007-11-26-final-terms/', 'releases/2007-03-30-buyback/']
      .concat(['ja/releases/2007-03-30-kabu/', 'ja/releases/2007-05-01-only/', 'ja/about/', 'search/'])
      .map((path) => site + path);
    const groups: Record<string, string> = {
      'releases/2007-03-30-buyback/': 'release:b',
      'ja/releases/2007-03-30-kabu/': 'release:b',
      'releases/2007-11-26-final-terms/': 'release:t',
      'ja/releases/2007-05-01-only/': 'release:o',
    };
    // Pages below the language are versions of one another only where `versionOf` says so.
    const versionOf = (path: string, inLanguage: string) =>
      groups[path] ?? (['', 'about/'].includes(inLanguage) ? inLanguage : undefined);
    const alternates = hreflangAlternates(urls, site, ['en', 'ja'], versionOf);
    const links = (path: string) => alternates.get(site + path)?.map((link) => `${link.lang} ${link.url}`);
    expect(links('')).toEqual([`en ${site}`, `ja ${site}ja/`, `x-default ${site}`]);
    expect(links('ja/about/')).toEqual([`en ${site}about/`, `ja ${site}ja/about/`, `x-default ${site}about/`]);
    expect(links('ja/releases/2007-03-30-kabu/')).toEqual([
      `ja ${site}ja/releases/2007-03-30-kabu/`,
      `en ${site}releases/2007-03-30-buyback/`,
      `x-default ${site}releases/2007-03-30-buyback/`,
    ]);
    for (const alone of ['search/', 'releases/2007-11-26-final-terms/', 'ja/releases/2007-05-01-only/']) {
      expect(links(alone)).toBeUndefined();
    }

    // Through the sitemap's options: every page first passes `filter`, then `serialize`.
    const options = sitemapOptions({
      releasesDir: dir,
      timeZone: 'Asia/Tokyo',
      site: 'https://n.test',
      base: '/nr/',
      languages: ['en', 'ja'],
    });
    const pages = [
      'releases/2007-03-30-buyback/',
      'ja/releases/2007-03-30-buyback/',
      'releases/2007-11-26-final-terms/',
      'contacts/',
      'ja/contacts/',
      'releases/',
      'ja/releases/',
    ];
    for (const path of pages) expect(options.filter!(site + path)).toBe(true);
    const buyback = await options.serialize!({ url: `${site}releases/2007-03-30-buyback/` });
    expect(buyback).toMatchObject({ lastmod: '2007-03-30T00:00:00+09:00' });
    expect(buyback!.links).toEqual([
      { url: `${site}ja/releases/2007-03-30-buyback/`, lang: 'ja' },
      { url: `${site}releases/2007-03-30-buyback/`, lang: 'en' },
      { url: `${site}releases/2007-03-30-buyback/`, lang: 'x-default' },
    ]);
    expect((await options.serialize!({ url: `${site}releases/2007-11-26-final-terms/` }))!.links).toBeUndefined();
    // Contacts is the same page in every language; each language's list shows its own releases.
    expect((await options.serialize!({ url: `${site}ja/contacts/` }))!.links).toEqual([
      { url: `${site}contacts/`, lang: 'en' },
      { url: `${site}ja/contacts/`, lang: 'ja' },
      { url: `${site}contacts/`, lang: 'x-default' },
    ]);
    expect((await options.serialize!({ url: `${site}ja/releases/` }))!.links).toBeUndefined();
  });

  it('lists in the news sitemap only releases of the last two days', () => {
    const at = (iso: string) => ({ instant: new Date(iso) });
    const now = new Date('2007-11-28T00:00:00+09:00');
    const releases = [
      at('2007-11-28T00:00:01+09:00'),
      at('2007-11-26T00:00:00+09:00'),
      at('2007-11-25T23:59:59+09:00'),
    ];
    expect(recentReleases(releases, now)).toEqual([releases[1]]);
  });

  it('writes a Google News sitemap and robots.txt naming both sitemaps', () => {
    const xml = newsSitemapXml('News & Co', [
      { url: 'https://n.test/r/', title: 'A < B', published: '2007-11-26T00:00:00+09:00', language: 'en' },
    ]);
    expect(xml).toContain('<news:name>News &amp; Co</news:name>');
    expect(xml).toContain('<news:title>A &lt; B</news:title>');
    expect(xml).toContain('<news:publication_date>2007-11-26T00:00:00+09:00</news:publication_date>');
    expect(robotsTxt(['https://n.test/sitemap-index.xml', 'https://n.test/news-sitemap.xml'])).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://n.test/sitemap-index.xml\nSitemap: https://n.test/news-sitemap.xml\n',
    );
  });
});
