/**
 * The feeds of the built site, read back with a real feed parser (feedsmith): the same releases
 * in RSS, Atom and JSON Feed, permalinks as ids, dates in the issuer's zone, the full release
 * with absolute URLs, self links and language; drafts and embargoed releases in no feed; the same
 * bytes from a second build; addresses under the base path.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { calendarDateInZone } from '../../src/lib/dates';
import { loadSiteSettings } from '../../src/settings';
import { launchBrowser } from '../support/browser';
import { buildSite, ROOT, SEED_CONTENT } from '../support/build';
import { firstMissingLine, sourceLines } from '../support/fidelity';
import { fixtureContent, frontmatter } from '../support/fixture-content';

const settings = loadSiteSettings(join(SEED_CONTENT, 'site.yaml'));
const SITE = settings.url.replace(/\/?$/, '/');
const FORMATS = ['rss', 'atom', 'json'] as const;
type Format = (typeof FORMATS)[number];
const FILES: Record<Format, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** One item as every format carries it, in the format's own words. */
interface Item {
  id: string;
  url: string;
  title: string;
  published: string;
  updated: string | undefined;
  content: string;
  categories: string[];
}
interface Channel {
  title: string;
  self: string | undefined;
  language: string | undefined;
  updated: string | undefined;
  /** The archive with the releases before these (RFC 5005 `prev-archive`; `next_url` in JSON Feed). */
  older: string | undefined;
  /** An archive's subscription feed (RFC 5005 `current`; JSON Feed has none). */
  current: string | undefined;
  items: Item[];
}

function readFeed(dir: string, folder: string, format: Format): Channel {
  const text = readFileSync(join(dir, folder, FILES[format]), 'utf8');
  if (format === 'rss') {
    const feed = parseRssFeed(text);
    return {
      title: feed.title ?? '',
      self: feed.atom?.links?.find((link) => link.rel === 'self')?.href,
      language: feed.language,
      updated: feed.lastBuildDate,
      older: feed.atom?.links?.find((link) => link.rel === 'prev-archive')?.href,
      current: feed.atom?.links?.find((link) => link.rel === 'current')?.href,
      items: (feed.items ?? []).map((item) => ({
        id: item.guid?.value ?? '',
        url: item.link ?? '',
        title: item.title ?? '',
        published: item.pubDate ?? '',
        updated: item.atom?.updated,
        content: item.content?.encoded ?? '',
        categories: (item.categories ?? []).map((c) => c.name ?? ''),
      })),
    };
  }
  if (format === 'atom') {
    const feed = parseAtomFeed(text);
    return {
      title: feed.title?.value ?? '',
      self: feed.links?.find((link) => link.rel === 'self')?.href,
      language: feed.xml?.lang,
      updated: feed.updated,
      older: feed.links?.find((link) => link.rel === 'prev-archive')?.href,
      current: feed.links?.find((link) => link.rel === 'current')?.href,
      items: (feed.entries ?? []).map((entry) => ({
        id: entry.id ?? '',
        url: entry.links?.find((link) => link.rel === 'alternate')?.href ?? '',
        title: entry.title?.value ?? '',
        published: entry.published ?? '',
        // Atom requires <updated>; an uncorrected entry repeats its publication time.
        updated: entry.updated === entry.published ? undefined : entry.updated,
        content: entry.content?.value ?? '',
        categories: (entry.categories ?? []).map((c) => c.label ?? c.term ?? ''),
      })),
    };
  }
  const feed = parseJsonFeed(JSON.parse(text));
  return {
    title: feed.title ?? '',
    self: feed.feed_url,
    language: feed.language,
    updated: undefined, // JSON Feed has no channel date
    older: feed.next_url,
    current: undefined,
    items: (feed.items ?? []).map((item) => ({
      id: item.id ?? '',
      url: item.url ?? '',
      title: item.title ?? '',
      published: item.date_published ?? '',
      updated: item.date_modified,
      content: item.content_html ?? '',
      categories: item.tags ?? [],
    })),
  };
}

const slugOf = (url: string) => new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';

/** The calendar date an item's publication time names, as written (not converted). */
function writtenDate(published: string, format: Format): string {
  if (format !== 'rss') return published.slice(0, 10);
  const [, day, month, year] = /^\w{3}, (\d{2}) (\w{3}) (\d{4}) /.exec(published) ?? [];
  const m = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(month ?? '') / 3 + 1;
  return `${year}-${String(m).padStart(2, '0')}-${day}`;
}

/** Every file below `dir` (site paths), for feeds and sitemaps. */
function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => relative(dir, join(dir, file)).split(sep).join('/'))
    .filter(keep)
    .sort();
}
const isFeedOrSitemap = (path: string) =>
  /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(path) || /(sitemap[^/]*\.xml|robots\.txt)$/.test(path);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The text a reader sees of an item's HTML, and every address in it. */
async function readContent(html: string): Promise<{ text: string; urls: string[] }> {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  return page.evaluate(() => ({
    text: document.body.innerText,
    urls: [...document.querySelectorAll('[href], [src]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('src')!,
    ),
  }));
}

describe('the feeds of the newsroom', () => {
  const dir = () => inject('siteDir');
  const FOLDERS = ['', 'feeds/2007/', 'feeds/categories/financial/', 'feeds/categories/financial/2007/'];
  const SEEDS = join(ROOT, 'tests/fixtures/seeds');
  const seeds = readdirSync(SEEDS).filter((file) => file.endsWith('.txt'));

  it('publishes the main, per-year and per-category feeds in three formats, all listed on the Feeds page', () => {
    // The same feeds again below ja/ for the Japanese edition.
    expect(filesUnder(dir(), (path) => /(rss\.xml|atom\.xml|feed\.json)$/.test(path))).toEqual(
      [...FOLDERS, ...FOLDERS.map((folder) => `ja/${folder}`)]
        .flatMap((folder) => FORMATS.map((format) => `${folder}${FILES[format]}`))
        .sort(),
    );
    const feedsPage = readFileSync(join(dir(), 'feeds/index.html'), 'utf8');
    for (const folder of FOLDERS) {
      for (const format of FORMATS) expect(feedsPage).toContain(`href="/${folder}${FILES[format]}"`);
    }
    expect(feedsPage).toMatch(/A feed is a list of releases/);
    // Each link names its format and feed once: "RSS feed: …", "JSON Feed: …" (not "JSON Feed feed").
    const labels = [...feedsPage.matchAll(/aria-label="([^"]*)"/g)].map(([, label]) => label);
    expect(labels).toContain('RSS feed: newest releases');
    expect(labels).toContain('JSON Feed: newest releases');
    expect(labels.filter((label) => /feed feed|Feedフィード/i.test(label!))).toEqual([]);
    expect(readFileSync(join(dir(), 'ja/feeds/index.html'), 'utf8')).toContain('aria-label="JSON Feed：');
  });

  it.each(FORMATS)('%s: the Japanese feeds carry the Japanese releases, in Japanese, in full', (format) => {
    const feed = readFeed(dir(), 'ja/', format);
    expect(feed.language).toBe('ja');
    expect(feed.title).toBe('トレンドマイクロ ニュースルーム');
    expect(feed.self).toBe(`${SITE}ja/${FILES[format]}`);
    expect(feed.items.map((item) => item.id)).toEqual([
      `${SITE}ja/releases/2007-11-26-final-terms-stock-acquisition-rights/`,
      `${SITE}ja/releases/2007-03-30-results-of-share-buyback/`,
    ]);
    expect(feed.items[1]!.title).toBe('自己株式の取得結果に関するお知らせ');
    expect(feed.items[1]!.content).toContain('819,000株');
    expect(feed.items[0]!.content).toContain('新株予約権1個当たり2,120,000円');
    expect(feed.items[1]!.content).toContain('本件に関するお問い合わせ先');
    expect(feed.items.map((item) => item.categories)).toEqual([
      ['財務・IR', 'ストックオプション'],
      ['財務・IR', '自己株式取得'],
    ]);
    // Titled with Japanese words and punctuation, as the Feeds page lists them.
    expect(readFeed(dir(), 'ja/feeds/categories/financial/2007/', format).title).toBe(
      'トレンドマイクロ ニュースルーム：財務・IR（2007年）',
    );
    expect(readFeed(dir(), 'ja/feeds/2007/', format).title).toBe('トレンドマイクロ ニュースルーム：2007年');
  });

  it('lists the Japanese feeds in Japanese words and punctuation', () => {
    const text = readFileSync(join(dir(), 'ja/feeds/index.html'), 'utf8')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ');
    expect(text).toContain('2007年（2件）：RSS · Atom · JSON Feed');
    expect(text).toContain('財務・IRの年別アーカイブ（2件）');
    expect(text).not.toMatch(/\d \(|\) ?:/);
  });

  it.each(FOLDERS)('feed %s carries the same releases in every format, newest first, permalinks as ids', (folder) => {
    const [rss, atom, json] = FORMATS.map((format) => readFeed(dir(), folder, format));
    const ids = rss!.items.map((item) => item.id);
    expect(ids).toEqual([
      `${SITE}releases/2007-11-26-final-terms-stock-acquisition-rights/`,
      `${SITE}releases/2007-03-30-results-of-share-buyback/`,
    ]);
    for (const channel of [rss!, atom!, json!]) {
      expect(channel.items.map((item) => item.id)).toEqual(ids);
      for (const item of channel.items) {
        expect(item.url).toBe(item.id);
        expect(existsSync(join(dir(), new URL(item.url).pathname, 'index.html'))).toBe(true);
        expect(item.categories).toContain('Financial');
        expect(item.updated).toBeUndefined(); // nothing in content/ is corrected
      }
    }
  });

  it.each(FORMATS)('%s: every item is dated in the issuer zone, never the day before', (format) => {
    for (const folder of FOLDERS) {
      for (const item of readFeed(dir(), folder, format).items) {
        const issued = slugOf(item.url).slice(0, 10);
        expect(writtenDate(item.published, format)).toBe(issued);
        expect(calendarDateInZone(new Date(item.published), settings.timeZone)).toBe(issued);
      }
    }
    const buyback = readFeed(dir(), '', format).items[1]!;
    expect(buyback.published).toBe(format === 'rss' ? 'Fri, 30 Mar 2007 00:00:00 +0900' : '2007-03-30T00:00:00+09:00');
  });

  it.each(FORMATS)('%s: self link, language and channel date from content', (format) => {
    for (const folder of FOLDERS) {
      const channel = readFeed(dir(), folder, format);
      expect(channel.self).toBe(`${SITE}${folder}${FILES[format]}`);
      expect(channel.language).toBe(settings.defaultLanguage);
    }
    const updated = readFeed(dir(), '', format).updated;
    if (format === 'rss') expect(updated).toBe('Mon, 26 Nov 2007 00:00:00 +0900');
    if (format === 'atom') expect(updated).toBe('2007-11-26T00:00:00+09:00');
  });

  it.each(FORMATS)('%s: a reader without the site’s stylesheet sees each term’s number once', async (format) => {
    for (const item of readFeed(dir(), '', format).items) {
      await page.setContent(item.content, { waitUntil: 'domcontentloaded' });
      // A number printed as text inside a list item whose own marker shows would read "1. 1. …".
      const numbers = await page.$$eval('.term-number', (spans) =>
        spans.map((span) => {
          const item = span.closest('li');
          return item ? getComputedStyle(item).listStyleType : 'none';
        }),
      );
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers.every((marker) => marker === 'none')).toBe(true);
    }
  });

  it.each(FORMATS)('%s: each item carries its whole release, with absolute addresses', async (format) => {
    const items = readFeed(dir(), '', format).items;
    for (const seed of seeds) {
      const item = items.find((candidate) => slugOf(candidate.url) === seed.replace(/\.txt$/, ''))!;
      const { text, urls } = await readContent(item.content);
      const lines = sourceLines(readFileSync(join(SEEDS, seed), 'utf8'));
      expect(firstMissingLine(lines, `${item.title}\n${text}`)).toBeUndefined();
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(url).toMatch(/^(https?:\/\/|mailto:|tel:)/);
      expect(item.content).not.toMatch(/data-astro-|data-pagefind-/);
    }
    // One page renders every item in turn, so one at a time.
    let text = '';
    for (const item of items) text += `${(await readContent(item.content)).text}\n`;
    expect(text).toContain('819,000 shares');
    expect(text).toContain('2,120,000 yen per Option');
  });
});

describe('a newsroom with a correction, a draft, an embargo and a feed size of 2', () => {
  const HOSTILE = `Corrected </title></script><script>alert(1)</script> & "Co"`;
  const NOW = '2008-02-11T12:00:00+09:00';
  const out = (n: number) => join(tmpdir(), `newsroom-feeds-${process.pid}-${n}`);
  let content: string;

  beforeAll(() => {
    content = fixtureContent({
      settings: { feedSize: '2' },
      releases: [
        {
          file: '2008-01-10-links.mdx',
          frontmatter: frontmatter('Release with links', '2008-01-10'),
          body: 'Trend Micro today announced [its contacts](/contacts/) and [the buyback](../2007-03-30-results-of-share-buyback/).',
        },
        {
          file: '2008-02-10-corrected.mdx',
          frontmatter: [
            `headline: ${JSON.stringify(HOSTILE)}`,
            'date: 2008-02-10',
            'time: "15:30"',
            'location: TOKYO, Japan',
            'categories: [Product]',
            // Corrected the day the feeds are built (a correction dated later is refused).
            'updated: 2008-02-11',
            'correction: The record date was corrected.',
          ].join('\n'),
          body: 'Trend Micro today announced a corrected record date of 1,234 shares.',
        },
        {
          file: '2008-01-05-dividend.mdx',
          frontmatter: [
            'headline: Dividend',
            'date: 2008-01-05',
            'location: TOKYO, Japan',
            'categories: [Financial]',
          ].join('\n'),
          body: 'Trend Micro today announced a dividend.',
        },
        { file: '2008-02-01-draft.mdx', frontmatter: frontmatter('Draft release', '2008-02-01', 'draft: true') },
        {
          file: '2008-02-11-embargoed.mdx',
          frontmatter: frontmatter('Embargoed release', '2008-02-11', 'embargo: "2008-02-11T15:00:00+09:00"'),
        },
      ],
    });
    for (const n of [1, 2]) {
      rmSync(out(n), { recursive: true, force: true });
      const result = buildSite({ outDir: out(n), content, now: NOW });
      expect(result.status, result.output).toBe(0);
    }
  });
  afterAll(() => {
    rmSync(content, { recursive: true, force: true });
    for (const n of [1, 2]) rmSync(out(n), { recursive: true, force: true });
  });

  it('shows the time of issue on the page of a release that states it, and only the date otherwise', () => {
    const time = (slug: string) =>
      /<time datetime="[^"]+">[^<]+<\/time>/.exec(
        readFileSync(join(out(1), 'releases', slug, 'index.html'), 'utf8'),
      )?.[0];
    expect(time('2008-02-10-corrected')).toBe(
      '<time datetime="2008-02-10T15:30:00+09:00">February 10, 2008 at 15:30 GMT+9</time>',
    );
    expect(time('2008-01-05-dividend')).toBe('<time datetime="2008-01-05T00:00:00+09:00">January 5, 2008</time>');
  });

  it('writes byte-identical feeds and sitemaps on a second build', () => {
    const files = filesUnder(out(1), isFeedOrSitemap);
    expect(files).toEqual(filesUnder(out(2), isFeedOrSitemap));
    expect(files).toEqual(expect.arrayContaining(['rss.xml', 'sitemap-index.xml', 'news-sitemap.xml', 'robots.txt']));
    for (const file of files) {
      expect(readFileSync(join(out(2), file)).equals(readFileSync(join(out(1), file))), file).toBe(true);
    }
  });

  it('never lets a draft or an embargoed release into a feed or sitemap', () => {
    for (const file of filesUnder(out(1), isFeedOrSitemap)) {
      const text = readFileSync(join(out(1), file), 'utf8');
      expect(text, file).not.toMatch(/Draft release|Embargoed release|2008-02-01-draft|2008-02-11-embargoed/);
    }
  });

  it('keeps the newest feedSize releases in the main feeds and the whole year in the year feeds', () => {
    for (const format of FORMATS) {
      expect(readFeed(out(1), '', format).items.map((item) => slugOf(item.url))).toEqual([
        '2008-02-10-corrected',
        '2008-01-10-links',
      ]);
      expect(readFeed(out(1), 'feeds/2007/', format).items).toHaveLength(2);
      expect(readFeed(out(1), 'feeds/categories/product/', format).items.map((item) => item.title)).toEqual([HOSTILE]);
      expect(readFeed(out(1), 'feeds/categories/corporate/', format).items.map((item) => item.title)).toEqual([
        'Release with links',
      ]);
    }
  });

  it.each(FORMATS)('%s: from the main feed and a category feed, archive links reach every release', (format) => {
    const folderOf = (url: string) => new URL(url).pathname.slice(1).replace(/[^/]*$/, '');
    /** Follows the links to older releases from `folder`: the feeds read, and the releases in them. */
    const walk = (folder: string) => {
      const feeds: string[] = [];
      const releases = new Set<string>();
      for (let next: string | undefined = folder; next !== undefined;) {
        const channel = readFeed(out(1), next, format);
        feeds.push(next);
        for (const item of channel.items) releases.add(slugOf(item.url));
        if (next !== folder && format !== 'json') expect(channel.current).toBe(`${SITE}${folder}${FILES[format]}`);
        next = channel.older === undefined ? undefined : folderOf(channel.older);
      }
      return { feeds, releases: [...releases].sort() };
    };
    const BUYBACK = '2007-03-30-results-of-share-buyback';
    const TERMS = '2007-11-26-final-terms-stock-acquisition-rights';
    expect(walk('')).toEqual({
      feeds: ['', 'feeds/2008/', 'feeds/2007/'],
      releases: [BUYBACK, TERMS, '2008-01-05-dividend', '2008-01-10-links', '2008-02-10-corrected'],
    });
    const financial = 'feeds/categories/financial/';
    // The category feed carries the newest feedSize; its archives, the rest.
    expect(readFeed(out(1), financial, format).items.map((item) => slugOf(item.url))).toEqual([
      '2008-01-05-dividend',
      TERMS,
    ]);
    expect(walk(financial)).toEqual({
      feeds: [financial, `${financial}2008/`, `${financial}2007/`],
      releases: [BUYBACK, TERMS, '2008-01-05-dividend'],
    });
    // 2007 is over, so its archives will not change (RFC 5005 fh:archive); 2008's still grow.
    if (format !== 'json') {
      const text = (folder: string) => readFileSync(join(out(1), folder, FILES[format]), 'utf8');
      for (const folder of ['feeds/2007/', `${financial}2007/`]) expect(text(folder)).toContain('<fh:archive/>');
      for (const folder of ['', 'feeds/2008/', financial, `${financial}2008/`]) {
        expect(text(folder)).not.toContain('fh:archive');
      }
    }
  });

  it.each(FORMATS)('%s: a correction dates the item and the channel, and the note is in the content', (format) => {
    const channel = readFeed(out(1), '', format);
    const corrected = channel.items[0]!;
    expect(corrected.title).toBe(HOSTILE);
    expect(corrected.published).toBe(
      format === 'rss' ? 'Sun, 10 Feb 2008 15:30:00 +0900' : '2008-02-10T15:30:00+09:00',
    );
    expect(corrected.updated).toBe('2008-02-11T00:00:00+09:00');
    expect(corrected.content).toContain('The record date was corrected.');
    expect(corrected.content).toContain('1,234 shares');
    if (format === 'rss') expect(channel.updated).toBe('Mon, 11 Feb 2008 00:00:00 +0900');
    if (format === 'atom') expect(channel.updated).toBe('2008-02-11T00:00:00+09:00');
  });

  it('makes the links an author wrote absolute', async () => {
    for (const format of FORMATS) {
      const item = readFeed(out(1), '', format).items[1]!;
      const { urls } = await readContent(item.content);
      expect(urls).toEqual(
        expect.arrayContaining([`${SITE}contacts/`, `${SITE}releases/2007-03-30-results-of-share-buyback/`]),
      );
    }
  });

  it('lists the releases of the last two days in the news sitemap, and dates pages by their last change', async () => {
    const read = (file: string) => readFileSync(join(out(1), file), 'utf8');
    const parse = (xml: string, tag: string) =>
      page.evaluate(
        ([xml, tag]) => {
          const doc = new DOMParser().parseFromString(xml!, 'application/xml');
          if (doc.querySelector('parsererror')) throw new Error('not well-formed XML');
          return [...doc.getElementsByTagNameNS('*', tag!)].map((el) =>
            Object.fromEntries([...el.children].map((child) => [child.localName, child.textContent ?? ''])),
          );
        },
        [xml, tag],
      );
    const news = await parse(read('news-sitemap.xml'), 'url');
    expect(news.map((url) => url.loc)).toEqual([`${SITE}releases/2008-02-10-corrected/`]);
    const [published] = await parse(read('news-sitemap.xml'), 'news');
    expect(published?.publication_date).toBe('2008-02-10T15:30:00+09:00');

    const urls = await parse(read('sitemap-0.xml'), 'url');
    const lastmod = (slug: string) => urls.find((url) => url.loc === `${SITE}releases/${slug}/`)?.lastmod;
    expect(Date.parse(lastmod('2008-02-10-corrected')!)).toBe(Date.parse('2008-02-11T00:00:00+09:00'));
    expect(Date.parse(lastmod('2007-03-30-results-of-share-buyback')!)).toBe(Date.parse('2007-03-30T00:00:00+09:00'));
    expect(await parse(read('sitemap-index.xml'), 'sitemap')).toContainEqual({ loc: `${SITE}news-sitemap.xml` });
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}sitemap-index.xml\nSitemap: ${SITE}news-sitemap.xml`);
  });
});

describe('under a base path', () => {
  const dir = () => inject('subpathDir');
  const BASE = `${SITE}newsroom/`;

  it.each(FORMATS)('%s: self, channel and item links include the base path', (format) => {
    for (const folder of ['', 'feeds/2007/', 'feeds/categories/financial/', 'feeds/categories/financial/2007/']) {
      const channel = readFeed(dir(), folder, format);
      expect(channel.self).toBe(`${BASE}${folder}${FILES[format]}`);
      for (const item of channel.items) {
        expect(item.id.startsWith(`${BASE}releases/`)).toBe(true);
        expect(existsSync(join(dir(), new URL(item.url).pathname.slice('/newsroom/'.length), 'index.html'))).toBe(true);
      }
    }
  });

  it('announces the feeds and sitemaps under the base path', async () => {
    const html = readFileSync(join(dir(), 'index.html'), 'utf8');
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    const alternates = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="alternate"][type]')].map((link) => link.getAttribute('href')),
    );
    expect(alternates).toEqual(['/newsroom/rss.xml', '/newsroom/atom.xml', '/newsroom/feed.json']);
    const robots = readFileSync(join(dir(), 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${BASE}sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${BASE}news-sitemap.xml`);
    expect(readFileSync(join(dir(), 'sitemap-index.xml'), 'utf8')).toContain(`<loc>${BASE}news-sitemap.xml</loc>`);
  });
});
