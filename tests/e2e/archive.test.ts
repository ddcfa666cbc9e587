/**
 * Archives of a larger newsroom, built from a fixture content folder: pagination with clean first
 * pages, no empty archives, drafts and embargoes left out (their attachments too), duplicate URLs
 * refused.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { buildSite } from '../support/build';
import { fixtureContent, frontmatter } from '../support/fixture-content';
import { serveStatic } from '../support/serve';

const outDir = join(tmpdir(), `newsroom-archive-${process.pid}`);
const page = (path: string) => join(outDir, path, 'index.html');
const text = (path: string) => readFileSync(page(path), 'utf8');
// 1,234 bytes, shown as 1.3 kB; the figures 1,450,001 bytes, shown as 1.5 MB.
const NOTICE = Buffer.from(`%PDF-1.4\n${'x'.repeat(1225)}`);
const FIGURES = Buffer.alloc(1_450_001, 1);
const ATTACHED = `attachments:
  - { file: 2008-01-10-a-notice.pdf, title: Notice as filed with the TSE }
  - { file: 2008-01-10-a-figures.xlsx, title: Figures }`;

describe('a newsroom with seven published releases and a page size of 2', () => {
  beforeAll(() => {
    const content = fixtureContent({
      settings: { pageSize: '2' },
      releases: [
        // Issued first as of January 9, under another name.
        {
          file: '2008-01-10-a.mdx',
          frontmatter: frontmatter('Release A', '2008-01-10', `redirectFrom: [2008-01-09-release-a]\n${ATTACHED}`),
        },
        {
          file: '2008-02-10-b.mdx',
          frontmatter: frontmatter('Release B', '2008-02-10'),
          body: 'Trend Micro today announced a fixture release, after [Release A](/releases/2008-01-10-a/).',
        },
        {
          file: '2008-03-10-c.mdx',
          frontmatter: frontmatter('Release C', '2008-03-10', 'tags: [Annual Meeting]'),
          body: `Trend Micro today announced its results.

| (Millions of yen) | Net sales | Operating income | Ordinary income | Net income | Net income per share (yen) |
| -- | --: | --: | --: | --: | --: |
| Fiscal year ended December 31, 2007 | 84,766 | 27,069 | 28,338 | 17,639 | 131.69 |`,
        },
        { file: '2009-01-10-d.mdx', frontmatter: frontmatter('Release D', '2009-01-10', 'featured: true') },
        {
          file: '2009-02-10-e.mdx',
          frontmatter: frontmatter('Release E', '2009-02-10'),
          // Headings worded like parts of the page around the text.
          body: 'Trend Micro today announced a fixture release.\n\n## About Trend Micro\n\nMore.\n\n## Contacts\n\n## Main\n\nEnd.',
        },
        {
          file: '2009-03-10-draft.mdx',
          frontmatter: frontmatter(
            'Draft release',
            '2009-03-10',
            'draft: true\nredirectFrom: [2009-03-09-draft]\nattachments: [{ file: 2009-03-10-draft.pdf, title: Draft }]',
          ),
        },
        {
          file: '2010-01-10-embargoed.mdx',
          frontmatter: frontmatter(
            'Embargoed release',
            '2010-01-10',
            'embargo: "2010-01-10T15:00:00+09:00"\nredirectFrom: [2010-01-09-embargoed]\nattachments: [{ file: 2010-01-10-results.pdf, title: Results }]',
          ),
        },
      ],
    });
    // The Japanese seed release, formerly under a Japanese name.
    const japanese = join(content, 'releases', 'ja', '2007-03-30-results-of-share-buyback.mdx');
    writeFileSync(
      japanese,
      readFileSync(japanese, 'utf8').replace(
        /^lang: ja$/m,
        'lang: ja\nredirectFrom: [2007-03-29-自己株式の取得結果]\nattachments: [{ file: 2008-01-10-a-notice.pdf, title: 届出書 }]',
      ),
    );
    // Files for the releases to attach, and one no release lists.
    mkdirSync(join(content, 'attachments'));
    writeFileSync(join(content, 'attachments', '2008-01-10-a-notice.pdf'), NOTICE);
    writeFileSync(join(content, 'attachments', '2008-01-10-a-figures.xlsx'), FIGURES);
    for (const file of ['2009-03-10-draft.pdf', '2010-01-10-results.pdf', 'unlisted.pdf']) {
      writeFileSync(join(content, 'attachments', file), NOTICE);
    }
    // No one on the Contacts page: the releases still name their contact.
    for (const file of ['mahendra-negi.yaml', 'ja/mahendra-negi.yaml']) {
      appendFileSync(join(content, 'contacts', file), 'listed: false\n');
    }
    const result = buildSite({ outDir, content, now: '2010-01-10T05:59:00Z' });
    rmSync(content, { recursive: true, force: true });
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('says so on the Contacts page when no contact is listed, and keeps each on its releases', () => {
    expect(text('contacts')).toContain('No contact is listed here at present.');
    expect(text('contacts')).not.toContain('contact-list');
    expect(text('ja/contacts')).toContain('現在掲載しているお問い合わせ先はありません。');
    expect(text('releases/2008-01-10-a')).toContain('Mahendra Negi');
  });

  it('paginates all releases with a clean first page', () => {
    expect(text('releases')).toContain('7 releases, page 1 of 4');
    expect(text('releases/page/4')).toContain('7 releases, page 4 of 4');
    expect(existsSync(page('releases/page/1'))).toBe(false);
    expect(existsSync(page('releases/page/5'))).toBe(false);
    // Newest first: page 1 holds the two 2009 releases.
    expect(text('releases')).toMatch(/Release E[\s\S]*Release D/);
  });

  it('paginates year, category and tag archives and generates no empty ones', () => {
    expect(text('releases/2008')).toContain('3 releases, page 1 of 2');
    expect(existsSync(page('releases/2008/page/2'))).toBe(true);
    expect(text('categories/corporate')).toContain('5 releases, page 1 of 3');
    expect(text('tags/annual-meeting')).toContain('1 release');
    expect(existsSync(page('releases/2010'))).toBe(false);
    expect(existsSync(page('categories/product'))).toBe(false);
  });

  it('marks where the reader is, and keeps the arrows of Newer and Older out of their names', () => {
    expect(text('releases/2008')).toContain('<a href="/releases/2008/" aria-current="page">2008</a>');
    expect(text('releases/2008')).not.toContain('<a href="/releases/2009/" aria-current');
    expect(text('categories/corporate')).toMatch(/<a href="\/categories\/corporate\/" aria-current="page">/);
    expect(text('releases/page/2')).toMatch(/rel="prev"><span aria-hidden="true">←<\/span> Newer<\/a>/);
    expect(text('releases/page/2')).toMatch(/rel="next">Older <span aria-hidden="true">→<\/span><\/a>/);
    expect(text('releases/page/2')).toMatch(/aria-current="page"[^>]*><span class="visually-hidden">Page <\/span>2</);
  });

  it('leads from a release’s former address to the release, in a browser too, and lists only the release', async () => {
    const moved = text('releases/2008-01-09-release-a');
    expect(moved).toContain('<meta http-equiv="refresh" content="0; url=/releases/2008-01-10-a/">');
    expect(moved).toContain('<link rel="canonical" href="https://newsroom.example.com/releases/2008-01-10-a/">');
    expect(moved).not.toContain('noindex');
    expect(moved).toMatch(/<a href="\/releases\/2008-01-10-a\/">Release A<\/a>/);
    const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/releases/2008-01-10-a/</loc>');
    expect(sitemap).not.toContain('2008-01-09-release-a');
    // In another language, under its prefix, by a name in its script.
    const japanese = text('ja/releases/2007-03-29-自己株式の取得結果');
    expect(japanese).toContain(
      '<meta http-equiv="refresh" content="0; url=/ja/releases/2007-03-30-results-of-share-buyback/">',
    );
    expect(japanese).toContain('<html lang="ja">');
    expect(sitemap).not.toContain(encodeURI('2007-03-29-自己株式'));
    expect(sitemap).toContain('/ja/releases/2007-03-30-results-of-share-buyback/</loc>');
    // No page at a former address while the release itself has none: nothing to lead to, nothing to reveal.
    expect(existsSync(page('releases/2009-03-09-draft'))).toBe(false);
    expect(existsSync(page('releases/2010-01-09-embargoed'))).toBe(false);
    const server = await serveStatic(outDir);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}releases/2008-01-09-release-a/`);
      await page.waitForURL(`${server.url}releases/2008-01-10-a/`);
      expect(await page.locator('h1').innerText()).toBe('Release A');
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('publishes the files published releases attach, with their type and size, and no other file', () => {
    const release = text('releases/2008-01-10-a');
    expect(release).toMatch(
      /<section class="attachments" aria-labelledby="Attachments"[^>]*><h2 id="Attachments"[^>]*>Attachments<\/h2>/,
    );
    expect(release).toMatch(
      /<a href="\/attachments\/2008-01-10-a-notice.pdf" type="application\/pdf" data-url="https:\/\/newsroom.example.com\/attachments\/2008-01-10-a-notice.pdf"[^>]*>Notice as filed with the TSE<\/a> <span class="attachment-details"[^>]*>\(PDF, 1.3 kB\)<\/span>/,
    );
    expect(release).toMatch(/>Figures<\/a> <span class="attachment-details"[^>]*>\(XLSX, 1.5 MB\)</);
    // In Japanese, at the same address.
    expect(text('ja/releases/2007-03-30-results-of-share-buyback')).toMatch(
      /<a href="\/attachments\/2008-01-10-a-notice.pdf"[^>]*>届出書<\/a> <span class="attachment-details"[^>]*>（PDF、1.3 KB）/,
    );
    expect(readFileSync(join(outDir, 'attachments', '2008-01-10-a-notice.pdf')).equals(NOTICE)).toBe(true);
    expect(readFileSync(join(outDir, 'attachments', '2008-01-10-a-figures.xlsx')).equals(FIGURES)).toBe(true);
    // A draft's, an embargoed release's, and a file no release lists: not published.
    for (const file of ['2009-03-10-draft.pdf', '2010-01-10-results.pdf', 'unlisted.pdf']) {
      expect(existsSync(join(outDir, 'attachments', file))).toBe(false);
    }
    expect(text('releases/2008-02-10-b')).not.toContain('attachments');
    expect(readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('/attachments/');
  });

  it('gives feed readers the attachments: RSS its first as enclosure, Atom and JSON Feed all', () => {
    const read = (file: string) => readFileSync(join(outDir, file), 'utf8');
    const url = (file: string) => `https://newsroom.example.com/attachments/${file}`;
    const rss = parseRssFeed(read('rss.xml')).items?.find((item) => item.title === 'Release A');
    expect(rss?.enclosures).toEqual([{ url: url('2008-01-10-a-notice.pdf'), length: 1234, type: 'application/pdf' }]);
    const atom = parseAtomFeed(read('atom.xml')).entries?.find((entry) => entry.title?.value === 'Release A');
    expect(atom?.links?.filter((link) => link.rel === 'enclosure')).toEqual([
      {
        href: url('2008-01-10-a-notice.pdf'),
        rel: 'enclosure',
        type: 'application/pdf',
        title: 'Notice as filed with the TSE',
        length: 1234,
      },
      {
        href: url('2008-01-10-a-figures.xlsx'),
        rel: 'enclosure',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        length: 1450001,
        title: 'Figures',
      },
    ]);
    const json = parseJsonFeed(JSON.parse(read('feed.json'))).items?.find((item) => item.title === 'Release A');
    expect(json?.attachments).toEqual([
      {
        url: url('2008-01-10-a-notice.pdf'),
        mime_type: 'application/pdf',
        title: 'Notice as filed with the TSE',
        size_in_bytes: 1234,
      },
      {
        url: url('2008-01-10-a-figures.xlsx'),
        mime_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        title: 'Figures',
        size_in_bytes: 1450001,
      },
    ]);
    // The Japanese feed links to the same file, not below /ja/.
    const japanese = parseJsonFeed(JSON.parse(read('ja/feed.json'))).items?.find((item) =>
      item.url?.endsWith('/ja/releases/2007-03-30-results-of-share-buyback/'),
    );
    expect(japanese?.attachments?.[0]?.url).toBe(url('2008-01-10-a-notice.pdf'));
  });

  it('prints the full address of a link to the site and of an attachment; a wide table scrolls alone', async () => {
    const server = await serveStatic(outDir);
    const browser = await launchBrowser();
    try {
      const printed = async (path: string, selector: string) => {
        const page = await browser.newPage();
        await page.goto(`${server.url}${path}`);
        await page.emulateMedia({ media: 'print' });
        return page.locator(selector).evaluate((a) => getComputedStyle(a, '::after').content);
      };
      expect(await printed('releases/2008-02-10-b/', '.release-body a')).toBe(
        '" <https://newsroom.example.com/releases/2008-01-10-a/>"',
      );
      expect(await printed('releases/2008-01-10-a/', '.attachments a >> nth=0')).toBe(
        '" <https://newsroom.example.com/attachments/2008-01-10-a-notice.pdf>"',
      );
      // A wide Markdown table scrolls in its own region on a phone; the page does not.
      const phone = await browser.newPage({ viewport: { width: 320, height: 640 } });
      await phone.goto(`${server.url}releases/2008-03-10-c/`);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
      const region = phone.locator('.release-body .table-scroll');
      expect(await region.getAttribute('aria-label')).toBe('Table (scrolls sideways when wide)');
      expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('gives every element of a release page its own id, whatever the headings of its text say', () => {
    const html = text('releases/2009-02-10-e');
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toEqual(
      expect.arrayContaining(['about-trend-micro', 'contacts', 'main', 'About-trend-micro', 'Contacts', 'Main']),
    );
    expect(ids.length).toBe(new Set(ids).size);
    expect(html).toMatch(
      /<section class="boilerplate" aria-labelledby="About-trend-micro"[^>]*><h2 id="About-trend-micro">About Trend Micro</,
    );
    expect(html).toContain('<a class="skip-link" href="#Main">');
  });

  it('pins the featured release on the home page', () => {
    expect(text('')).toMatch(/Featured[\s\S]*Release D[\s\S]*Latest releases/);
  });

  it('leaves drafts and embargoed releases out of every page', () => {
    expect(existsSync(page('releases/2009-03-10-draft'))).toBe(false);
    expect(existsSync(page('releases/2010-01-10-embargoed'))).toBe(false);
    for (const path of ['', 'releases', 'releases/2009', 'categories/corporate']) {
      expect(text(path)).not.toMatch(/Draft release|Embargoed release/);
    }
  });
});

it('refuses two releases at the same URL, naming both files', () => {
  const content = fixtureContent({
    releases: [
      { file: '2008-01-10-one.mdx', frontmatter: frontmatter('One', '2008-01-10', 'slug: same') },
      { file: '2008-01-10-two.mdx', frontmatter: frontmatter('Two', '2008-01-10', 'slug: same') },
    ],
  });
  const result = buildSite({ outDir: `${outDir}-duplicate`, content });
  // A bare `astro build` leaves what it wrote before failing.
  for (const dir of [content, `${outDir}-duplicate`]) rmSync(dir, { recursive: true, force: true });
  expect(result.status).not.toBe(0);
  // As `npm run check` says it: the second file, on its slug's line, naming the first.
  expect(result.output).toMatch(
    /2008-01-10-(one|two)\.mdx:\d+: slug: publishes at \/releases\/2008-01-10-same\/, like \S*2008-01-10-(one|two)\.mdx;/,
  );
});
