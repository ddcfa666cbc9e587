/** The whole site works when published under a sub-path such as /newsroom/. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { buildSite } from '../support/build';
import { fixtureContent, frontmatter } from '../support/fixture-content';
import { brokenInternalLinks } from '../support/links';
import { builtPages } from '../support/pages';
import { serveStatic } from '../support/serve';

/** Every address a page of `siteDir` links to or loads that is not below /newsroom/. */
const outsideSubpath = (siteDir: string) =>
  builtPages(siteDir).flatMap(({ path, file }) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:href|src|action)="(\/[^"]*)"/g)]
      .map((m) => m[1]!)
      .filter((url) => !url.startsWith('/newsroom/'))
      .map((url) => `${path}: ${url}`),
  );

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('links only below the sub-path', () => {
  expect(outsideSubpath(inject('subpathDir'))).toEqual([]);
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

describe('links an author writes in a body, from the site’s root', () => {
  const outDir = join(tmpdir(), `newsroom-subpath-links-${process.pid}`);
  const url = (path: string) => `https://newsroom.example.com/newsroom/${path}`;
  beforeAll(() => {
    const content = fixtureContent({
      releases: [
        {
          file: '2008-01-10-a.mdx',
          frontmatter: frontmatter(
            'Release A',
            '2008-01-10',
            'attachments: [{ file: 2008-01-10-a.pdf, title: Notice }, { file: 2008-01-10-a.png, title: Chart }]',
          ),
          body:
            'Trend Micro today announced a fixture release, filed as [the notice](/attachments/2008-01-10-a.pdf).\n\n' +
            '![The chart of the results](/attachments/2008-01-10-a.png)',
        },
        {
          file: '2008-02-10-b.mdx',
          frontmatter: frontmatter('Release B', '2008-02-10'),
          body: 'Trend Micro today announced a fixture release, after [Release A](/releases/2008-01-10-a/).',
        },
      ],
    });
    mkdirSync(join(content, 'attachments'));
    writeFileSync(join(content, 'attachments', '2008-01-10-a.pdf'), '%PDF-1.4\n');
    // A 1×1 PNG.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    writeFileSync(join(content, 'attachments', '2008-01-10-a.png'), Buffer.from(png, 'base64'));
    const result = buildSite({ outDir, content, base: '/newsroom/' });
    rmSync(content, { recursive: true, force: true });
    expect(result.status, result.output).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('get the sub-path on the page, and their full address for paper', () => {
    const html = readFileSync(join(outDir, 'releases', '2008-02-10-b', 'index.html'), 'utf8');
    expect(html).toContain(
      `<a href="/newsroom/releases/2008-01-10-a/" data-url="${url('releases/2008-01-10-a/')}">Release A</a>`,
    );
    const filed = readFileSync(join(outDir, 'releases', '2008-01-10-a', 'index.html'), 'utf8');
    expect(filed).toContain(
      `<a href="/newsroom/attachments/2008-01-10-a.pdf" data-url="${url('attachments/2008-01-10-a.pdf')}">the notice</a>`,
    );
    expect(filed).toMatch(/<img src="\/newsroom\/attachments\/2008-01-10-a\.png" alt="The chart of the results"/);
    expect(outsideSubpath(outDir)).toEqual([]);
  });

  it('lead to the release and the files, served under the sub-path', async () => {
    const server = await serveStatic(outDir, '/newsroom/');
    try {
      expect(await brokenInternalLinks(server.url)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('are absolute, with the sub-path, in the feeds', () => {
    const atom = readFileSync(join(outDir, 'atom.xml'), 'utf8');
    expect(atom).toContain(`href=&quot;${url('releases/2008-01-10-a/')}&quot;`);
    // The body's own link and image, not the list of attachments (always below the sub-path).
    const json = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as { items: { content_html: string }[] };
    const html = json.items.map((item) => item.content_html).join('');
    expect(/<a href="([^"]*)"[^>]*>the notice<\/a>/.exec(html)?.[1]).toBe(url('attachments/2008-01-10-a.pdf'));
    expect(/<img src="([^"]*)"/.exec(html)?.[1]).toBe(url('attachments/2008-01-10-a.png'));
  });
});
