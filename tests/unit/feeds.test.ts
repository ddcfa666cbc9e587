import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import {
  absoluteHtmlUrls,
  archiveLinks,
  assembleFeed,
  atomXml,
  cleanFeedHtml,
  correctedAt,
  feedFolder,
  feedItem,
  feedLinks,
  feedPath,
  feedTitle,
  jsonFeed,
  lastChange,
  rfc822,
  rssXml,
  termsAsBlocks,
  type FeedNames,
  type FeedRelease,
  type FeedSite,
} from '../../src/lib/feeds';
import { ja } from '../../src/i18n/ja';
import { categorySlug, tagSlug } from '../../src/lib/taxonomy';

/** Japanese feed names, as src/i18n gives them for a site whose Financial category is 財務・IR. */
const japaneseNames: FeedNames = {
  category: (name) => ({ Financial: '財務・IR' })[name] ?? name,
  scope: ja.feeds.scope,
  titled: ja.feeds.titled,
  format: ja.feeds.format,
};

const site: FeedSite = {
  site: 'https://newsroom.example.com',
  base: '/newsroom/',
  title: 'Example Newsroom',
  description: 'Releases & notices.',
  language: 'en',
  timeZone: 'Asia/Tokyo',
  publisher: { name: 'Example Incorporated', url: 'https://www.example.com/' },
};

const release = (over: Partial<FeedRelease['data']> = {}, isoDate = '2007-03-30T00:00:00+09:00'): FeedRelease => ({
  slug: `${isoDate.slice(0, 10)}-results-of-share-buyback`,
  isoDate,
  summary: 'Results of the share buyback <program>.',
  data: {
    headline: 'Results of Share Buyback & More',
    categories: ['Financial'],
    tags: ['share buyback'],
    lang: 'en',
    ...over,
  },
});

describe('feed locations', () => {
  it('puts the main feeds at the root and archives under feeds/', () => {
    expect(feedPath({ kind: 'latest' }, 'rss')).toBe('rss.xml');
    expect(feedPath({ kind: 'latest' }, 'atom')).toBe('atom.xml');
    expect(feedPath({ kind: 'latest' }, 'json')).toBe('feed.json');
    expect(feedPath({ kind: 'year', year: 2007 }, 'atom')).toBe('feeds/2007/atom.xml');
    expect(feedFolder({ kind: 'category', category: 'Investor Relations' })).toBe(
      'feeds/categories/investor-relations/',
    );
  });
  it('announces each feed with its media type, under the base path', () => {
    expect(feedLinks({ kind: 'category', category: 'Financial' }, 'Example Newsroom', '/newsroom/')).toEqual([
      {
        title: 'Example Newsroom: Financial (RSS)',
        type: 'application/rss+xml',
        href: '/newsroom/feeds/categories/financial/rss.xml',
      },
      {
        title: 'Example Newsroom: Financial (Atom)',
        type: 'application/atom+xml',
        href: '/newsroom/feeds/categories/financial/atom.xml',
      },
      {
        title: 'Example Newsroom: Financial (JSON Feed)',
        type: 'application/feed+json',
        href: '/newsroom/feeds/categories/financial/feed.json',
      },
    ]);
  });
  it('slugs categories and tags lower-case and hyphenated', () => {
    expect(categorySlug('Investor Relations')).toBe('investor-relations');
    expect(tagSlug('Share Buyback')).toBe('share-buyback');
  });
});

describe('dates', () => {
  it('writes RSS dates with the issuer offset, never shifted to the previous day', () => {
    expect(rfc822('2007-03-30T00:00:00+09:00')).toBe('Fri, 30 Mar 2007 00:00:00 +0900');
    expect(rfc822('2007-11-26T15:30:00+09:00')).toBe('Mon, 26 Nov 2007 15:30:00 +0900');
    expect(rfc822('2009-06-30T09:00:00-04:00')).toBe('Tue, 30 Jun 2009 09:00:00 -0400');
    expect(rfc822('2012-09-07T00:00:00Z')).toBe('Fri, 07 Sep 2012 00:00:00 +0000');
    expect(() => rfc822('2007-03-30')).toThrow(/ISO 8601 time with an offset/);
  });
  it('dates a correction at 00:00 issuer time, never before the release itself', () => {
    expect(correctedAt(release(), 'Asia/Tokyo')).toBeUndefined();
    expect(correctedAt(release({ updated: '2007-04-02', correction: 'Fixed.' }), 'Asia/Tokyo')).toBe(
      '2007-04-02T00:00:00+09:00',
    );
    const sameDay = release({ updated: '2007-03-30', correction: 'Fixed.' }, '2007-03-30T15:00:00+09:00');
    expect(correctedAt(sameDay, 'Asia/Tokyo')).toBe('2007-03-30T15:00:00+09:00');
  });
  it('takes the channel date from the newest publication or correction', () => {
    expect(lastChange([])).toBeUndefined();
    expect(
      lastChange([
        { published: '2007-11-26T00:00:00+09:00' },
        { published: '2007-03-30T00:00:00+09:00', updated: '2007-12-01T00:00:00+09:00' },
      ]),
    ).toBe('2007-12-01T00:00:00+09:00');
    // Instants compare, not strings: 23:00 in New York is after 09:00 in Tokyo the next day.
    expect(lastChange([{ published: '2007-03-30T09:00:00+09:00' }, { published: '2007-03-29T23:00:00-04:00' }])).toBe(
      '2007-03-29T23:00:00-04:00',
    );
  });
});

describe('item content', () => {
  const page = 'https://newsroom.example.com/newsroom/releases/2007-03-30-results-of-share-buyback/';
  it('makes relative links and images absolute, as the release page resolves them', () => {
    const html =
      '<a href="/newsroom/about/">About</a><a href="../2007-11-26-x/">Next</a><a href="#terms">Terms</a>' +
      '<img src="chart.png" srcset="chart.png 1x, /newsroom/chart@2x.png 2x"><a href=\'//cdn.example.com/a\'>cdn</a>';
    expect(absoluteHtmlUrls(html, page)).toBe(
      '<a href="https://newsroom.example.com/newsroom/about/">About</a>' +
        '<a href="https://newsroom.example.com/newsroom/releases/2007-11-26-x/">Next</a>' +
        `<a href="${page}#terms">Terms</a>` +
        `<img src="${page}chart.png" srcset="${page}chart.png 1x, https://newsroom.example.com/newsroom/chart@2x.png 2x">` +
        "<a href='https://cdn.example.com/a'>cdn</a>",
    );
  });
  it('leaves mailto:, tel: and absolute links alone', () => {
    const html = '<a href="mailto:ir@example.com">m</a><a href="tel:+81353343618">t</a><a href="https://x.test/">x</a>';
    expect(absoluteHtmlUrls(html, page)).toBe(html);
  });
  it('drops build-only attributes and characters XML forbids', () => {
    expect(cleanFeedHtml('<div class="a" data-astro-cid-x1y2 data-pagefind-ignore>x\u0001y</div>')).toBe(
      '<div class="a">xy</div>',
    );
    expect(cleanFeedHtml('<p data-pagefind-filter="year:2007">ok</p>')).toBe('<p>ok</p>');
  });
  it('drops ids, the labels that point at them and tab stops, which belong to the page', () => {
    const section =
      '<section id="release-contacts" class="contact" aria-labelledby="release-contacts-title">' +
      '<h2 id=release-contacts-title>Contacts</h2><p>Say "id=x" or tabindex=0 in text.</p>' +
      `<div class="table-scroll" role="region" tabindex='0' aria-label="Allotment" ID = "t">…</div></section>`;
    expect(cleanFeedHtml(section)).toBe(
      '<section class="contact"><h2>Contacts</h2><p>Say "id=x" or tabindex=0 in text.</p>' +
        '<div class="table-scroll" role="region" aria-label="Allotment">…</div></section>',
    );
    // A ">" inside a quoted value does not end the tag.
    expect(cleanFeedHtml('<abbr title="a > b" id="x">ab</abbr>')).toBe('<abbr title="a > b">ab</abbr>');
    // data-id and similar are other attributes.
    expect(cleanFeedHtml('<a href="#n1" data-id="1" aria-label="Note 1">1</a>')).toBe(
      '<a href="#n1" data-id="1" aria-label="Note 1">1</a>',
    );
  });
  it('numbers terms once: their lists become blocks, other lists stay lists', () => {
    // As src/lib/release-components.ts writes them: numbers as text, the list's own markers hidden
    // by the site's stylesheet, which a reader does not have. A term's value holds an author's list.
    const terms =
      '<ol class="terms" type="1" start="2"><li class="term"><span class="term-number">2.</span> ' +
      '<b class="term-label">Conditions</b> <div class="term-value">' +
      '<ol class="terms terms-inline" type="a"><li class="term term-empty"><span class="term-number">(a)</span> ' +
      '<b class="term-label">None</b></li></ol><ol><li>first</li><li>second</li></ol><ul><li>x</li></ul>' +
      '</div></li></ol><ol start="3"><li>after</li></ol>';
    expect(cleanFeedHtml(terms)).toBe(
      '<div class="terms"><div class="term"><span class="term-number">2.</span> ' +
        '<b class="term-label">Conditions</b> <div class="term-value">' +
        '<div class="terms terms-inline"><div class="term term-empty"><span class="term-number">(a)</span> ' +
        '<b class="term-label">None</b></div></div><ol><li>first</li><li>second</li></ol><ul><li>x</li></ul>' +
        '</div></div></div><ol start="3"><li>after</li></ol>',
    );
  });
  it('reads a tag whole, so a quoted tag in an attribute is text, and blocks anything put directly in terms', () => {
    const html =
      '<ol class="terms" type="1"><li class="term"><a href="http://x.test/" title="items </li> and <ol>">x</a>' +
      '</li><li>not a term</li></ol><p>after</p>';
    expect(termsAsBlocks(html)).toBe(
      '<div class="terms"><div class="term"><a href="http://x.test/" title="items </li> and <ol>">x</a>' +
        '</div><div>not a term</div></div><p>after</p>',
    );
  });
  it('names categories in the feed’s language, their terms as declared', async () => {
    const japanese: FeedSite = { ...site, language: 'ja', names: japaneseNames };
    const item = feedItem(release({ lang: 'ja' }), '<p>819,000株</p>', japanese);
    expect(item.categories).toEqual([{ name: 'Financial', label: '財務・IR' }]);
    const feed = assembleFeed({ kind: 'latest' }, [item], japanese, [2007]);
    expect(parseJsonFeed(JSON.parse(jsonFeed(feed))).items?.[0]?.tags).toEqual(['財務・IR', 'share buyback']);
    const rss = parseRssFeed(await rssXml(feed));
    expect(rss.items?.[0]?.categories?.map((c) => c.name)).toEqual(['財務・IR', 'share buyback']);
    expect(parseAtomFeed(atomXml(feed)).entries?.[0]?.categories?.[0]).toMatchObject({
      term: 'financial',
      label: '財務・IR',
    });
  });
  it('carries the files a release attaches, at the address every language shares', async () => {
    const japanese: FeedSite = { ...site, base: '/newsroom/ja/', sharedBase: '/newsroom/', language: 'ja' };
    const attachments = [
      { title: '届出書 <PDF>', path: 'attachments/notice.pdf', type: 'application/pdf', bytes: 1234 },
      { title: 'Figures', path: 'attachments/figures.csv', type: 'text/csv', bytes: 99 },
    ];
    const item = feedItem({ ...release({ lang: 'ja' }), attachments }, '<p>819,000株</p>', japanese);
    const url = (file: string) => `https://newsroom.example.com/newsroom/attachments/${file}`;
    expect(item.attachments).toEqual([
      { url: url('notice.pdf'), title: '届出書 <PDF>', type: 'application/pdf', bytes: 1234 },
      { url: url('figures.csv'), title: 'Figures', type: 'text/csv', bytes: 99 },
    ]);
    const feed = assembleFeed({ kind: 'latest' }, [item, feedItem(release(), '<p>x</p>', site)], japanese, [2007]);
    // RSS: one enclosure, the first file; none on an item without files.
    const rss = parseRssFeed(await rssXml(feed)).items;
    expect(rss?.[0]?.enclosures).toEqual([{ url: url('notice.pdf'), length: 1234, type: 'application/pdf' }]);
    expect(rss?.[1]?.enclosures).toBeUndefined();
    const atom = parseAtomFeed(atomXml(feed)).entries;
    expect(atom?.[0]?.links?.filter((link) => link.rel === 'enclosure')).toEqual([
      { href: url('notice.pdf'), rel: 'enclosure', type: 'application/pdf', title: '届出書 <PDF>', length: 1234 },
      { href: url('figures.csv'), rel: 'enclosure', type: 'text/csv', title: 'Figures', length: 99 },
    ]);
    const json = parseJsonFeed(JSON.parse(jsonFeed(feed))).items;
    expect(json?.[0]?.attachments?.map((a) => [a.url, a.mime_type, a.title, a.size_in_bytes])).toEqual([
      [url('notice.pdf'), 'application/pdf', '届出書 <PDF>', 1234],
      [url('figures.csv'), 'text/csv', 'Figures', 99],
    ]);
    expect(json?.[1]?.attachments).toBeUndefined();
  });
  it('builds an item from a release: permalink as id, offset dates, categories, full content', () => {
    const item = feedItem(
      release({ subheadline: 'Sub <head>', updated: '2007-04-02', correction: 'Cost corrected.' }),
      '<p>819,000 shares, see <a href="/newsroom/contacts/">contacts</a></p>',
      site,
    );
    expect(item).toMatchObject({
      id: page,
      url: page,
      title: 'Results of Share Buyback & More',
      published: '2007-03-30T00:00:00+09:00',
      updated: '2007-04-02T00:00:00+09:00',
      categories: [{ name: 'Financial', label: 'Financial' }],
      tags: ['share buyback'],
      language: 'en',
    });
    expect(item.contentHtml).toContain('<p><em>Sub &lt;head&gt;</em></p>');
    // The correction note as the page words it.
    expect(item.contentHtml).toContain(
      '<p><strong>Correction</strong> Updated <time datetime="2007-04-02">April 2, 2007</time>: Cost corrected.</p>',
    );
    const japanese = feedItem(
      release({ lang: 'ja', updated: '2007-04-02', correction: '取得価額を訂正しました。' }),
      '<p>819,000株</p>',
      { ...site, language: 'ja', correctionWords: { correction: ja.release.correction, updated: ja.release.updated } },
    );
    expect(japanese.contentHtml).toContain(
      '<p><strong>訂正</strong> 更新日 <time datetime="2007-04-02">2007年4月2日</time>: 取得価額を訂正しました。</p>',
    );
    expect(item.contentHtml).toContain('819,000 shares');
    expect(item.contentHtml).toContain('href="https://newsroom.example.com/newsroom/contacts/"');
  });
});

const BASE_URL = 'https://newsroom.example.com/newsroom/';

describe('archives (RFC 5005)', () => {
  const years = [2009, 2008, 2007];
  const financial = (year: number) => ({ kind: 'categoryYear', category: 'Financial', year }) as const;

  it('link each subscription feed to its newest archive', () => {
    expect(archiveLinks({ kind: 'latest' }, years)).toEqual({ prevArchive: { kind: 'year', year: 2009 } });
    expect(archiveLinks({ kind: 'category', category: 'Financial' }, years)).toEqual({ prevArchive: financial(2009) });
  });

  it('link each archive to its subscription feed and to the years before and after it', () => {
    expect(archiveLinks({ kind: 'year', year: 2008 }, years)).toEqual({
      current: { kind: 'latest' },
      prevArchive: { kind: 'year', year: 2007 },
      nextArchive: { kind: 'year', year: 2009 },
      complete: true,
    });
    // The newest year still grows: it is not marked complete.
    expect(archiveLinks(financial(2009), years)).toEqual({
      current: { kind: 'category', category: 'Financial' },
      prevArchive: financial(2008),
      nextArchive: undefined,
      complete: false,
    });
    expect(archiveLinks(financial(2007), years)).toMatchObject({
      prevArchive: undefined,
      nextArchive: financial(2008),
    });
  });

  it('put a category’s archives below its feed, named by year', () => {
    expect(feedPath(financial(2007), 'atom')).toBe('feeds/categories/financial/2007/atom.xml');
    expect(feedTitle(financial(2007), 'Example Newsroom')).toBe('Example Newsroom: Financial, 2007');
  });

  it('are titled with the words and punctuation of their language', () => {
    const names = japaneseNames;
    const site = 'トレンドマイクロ ニュースルーム';
    expect(feedTitle(financial(2007), site, names)).toBe(`${site}：財務・IR（2007年）`);
    expect(feedTitle({ kind: 'year', year: 2007 }, site, names)).toBe(`${site}：2007年`);
    expect(feedTitle({ kind: 'category', category: 'Financial' }, site, names)).toBe(`${site}：財務・IR`);
    expect(feedLinks({ kind: 'latest' }, site, '/ja/', names)[0]!.title).toBe(`${site}（RSS）`);
  });
});

describe('documents', () => {
  const content = '<p>Amount: 2,120,000 yen per Option &amp; more</p><table><tr><td>819,000 shares</td></tr></table>';
  const items = [
    feedItem(release({ updated: '2007-12-03', correction: 'Typo.' }, '2007-11-26T00:00:00+09:00'), content, site),
    feedItem(release(), '<p>Only this</p>', site),
  ];
  const feed = assembleFeed({ kind: 'year', year: 2007 }, items, site, [2008, 2007, 2006]);

  it('describes the channel from content, not from the clock', () => {
    expect(feed.updated).toBe('2007-12-03T00:00:00+09:00');
    expect(feed.pageUrl).toBe('https://newsroom.example.com/newsroom/releases/2007/');
    expect(feed.self.rss).toBe('https://newsroom.example.com/newsroom/feeds/2007/rss.xml');
  });

  it('writes RSS 2.0 that a feed parser reads back', async () => {
    const xml = await rssXml(feed);
    const parsed = parseRssFeed(xml);
    expect(parsed.title).toBe('Example Newsroom: 2007');
    expect(parsed.link).toBe('https://newsroom.example.com/newsroom/releases/2007/');
    expect(parsed.language).toBe('en');
    expect(parsed.lastBuildDate).toBe('Mon, 03 Dec 2007 00:00:00 +0900');
    expect(parsed.atom?.links?.[0]).toMatchObject({ href: feed.self.rss, rel: 'self', type: 'application/rss+xml' });
    // The archive links of RFC 5005: the subscription feed, and the years before and after.
    expect(parsed.atom?.links?.slice(1)).toEqual([
      { href: `${BASE_URL}rss.xml`, rel: 'current', type: 'application/rss+xml' },
      { href: `${BASE_URL}feeds/2006/rss.xml`, rel: 'prev-archive', type: 'application/rss+xml' },
      { href: `${BASE_URL}feeds/2008/rss.xml`, rel: 'next-archive', type: 'application/rss+xml' },
    ]);
    // 2008 has releases, so 2007 is over: an archive document that will not change.
    expect(xml).toMatch(/<rss [^>]*xmlns:fh="http:\/\/purl\.org\/syndication\/history\/1\.0"/);
    expect(xml).toContain('<fh:archive/>');
    expect(parsed.items).toHaveLength(2);
    const [first, second] = parsed.items!;
    expect(first?.guid).toMatchObject({ value: items[0]!.id, isPermaLink: true });
    expect(first?.pubDate).toBe('Mon, 26 Nov 2007 00:00:00 +0900');
    expect(first?.content?.encoded).toContain('2,120,000 yen per Option &amp; more');
    expect(first?.content?.encoded).toContain('<td>819,000 shares</td>');
    expect(first?.categories?.map((c) => c.name)).toEqual(['Financial', 'share buyback']);
    expect(first?.atom?.updated).toBe('2007-12-03T00:00:00+09:00');
    expect(second?.pubDate).toBe('Fri, 30 Mar 2007 00:00:00 +0900');
    expect(second?.title).toBe('Results of Share Buyback & More');
    expect(second?.atom?.updated).toBeUndefined();
  });

  it('writes Atom 1.0 that a feed parser reads back', () => {
    const xml = atomXml(feed);
    const parsed = parseAtomFeed(xml);
    expect(xml).toMatch(/<feed [^>]*xmlns:fh="http:\/\/purl\.org\/syndication\/history\/1\.0"/);
    expect(xml).toContain('<fh:archive/>');
    expect(parsed.id).toBe(feed.self.atom);
    expect(parsed.updated).toBe('2007-12-03T00:00:00+09:00');
    expect(parsed.links).toContainEqual(expect.objectContaining({ rel: 'self', href: feed.self.atom }));
    for (const [rel, path] of [
      ['current', 'atom.xml'],
      ['prev-archive', 'feeds/2006/atom.xml'],
      ['next-archive', 'feeds/2008/atom.xml'],
    ]) {
      expect(parsed.links).toContainEqual(expect.objectContaining({ rel, href: `${BASE_URL}${path}` }));
    }
    expect(parsed.authors?.[0]?.name).toBe('Example Incorporated');
    const [first, second] = parsed.entries!;
    expect(first).toMatchObject({
      id: items[0]!.id,
      title: { value: 'Results of Share Buyback & More' },
      published: '2007-11-26T00:00:00+09:00',
      updated: '2007-12-03T00:00:00+09:00',
      content: { type: 'html' },
    });
    expect(first?.content?.value).toContain('2,120,000 yen per Option &amp; more');
    expect(first?.categories).toContainEqual(
      expect.objectContaining({
        term: 'financial',
        label: 'Financial',
        scheme: 'https://newsroom.example.com/newsroom/categories/',
      }),
    );
    expect(second?.updated).toBe(second?.published);
  });

  it('writes JSON Feed 1.1 that a feed parser reads back', () => {
    const parsed = parseJsonFeed(JSON.parse(jsonFeed(feed)));
    expect(parsed).toMatchObject({ title: 'Example Newsroom: 2007', feed_url: feed.self.json, language: 'en' });
    // JSON Feed's own pagination: the releases before these.
    expect(parsed.next_url).toBe(`${BASE_URL}feeds/2006/feed.json`);
    expect(parsed.items?.[0]).toMatchObject({
      id: items[0]!.id,
      date_published: '2007-11-26T00:00:00+09:00',
      date_modified: '2007-12-03T00:00:00+09:00',
      tags: ['Financial', 'share buyback'],
    });
    expect(parsed.items?.[0]?.content_html).toContain('819,000 shares');
    expect(parsed.items?.[1]?.date_modified).toBeUndefined();
  });

  it('escapes author text in XML, so a headline cannot break the feed', () => {
    const hostile = feedItem(release({ headline: '</title><script>x</script> & "q"' }), '<p>ok</p>', site);
    const xml = atomXml(assembleFeed({ kind: 'latest' }, [hostile], site, [2007]));
    expect(parseAtomFeed(xml).entries?.[0]?.title?.value).toBe('</title><script>x</script> & "q"');
    // A subscription feed is no archive.
    expect(xml).not.toContain('fh:');
  });
});
