import { describe, expect, it } from 'vitest';
import { outputFiles } from '../../src/lib/reused-pages';
import { manifestPages } from '../../scripts/support/published-pages';

const manifest = (paths: Record<string, string>) => ({
  version: 1,
  routes: {
    'src/pages/[...lang]/tags/[tag]/[...page].astro': {
      dependencyHash: 'x',
      paths: Object.fromEntries(
        Object.entries(paths).map(([path, outputFile]) => [path, { cacheKey: 'k', outputFile }]),
      ),
    },
  },
});

describe('manifestPages', () => {
  it('gives each page path its file as named on disk', () => {
    const pages = manifestPages(
      manifest({
        '/tags/stock-options/': 'tags/stock-options/index.html',
        '/ja/tags/ストックオプション/':
          'ja/tags/%E3%82%B9%E3%83%88%E3%83%83%E3%82%AF%E3%82%AA%E3%83%97%E3%82%B7%E3%83%A7%E3%83%B3/index.html',
        '/ja/feed.json': 'ja/feed.json',
      }),
    );
    expect([...pages]).toEqual([
      ['/tags/stock-options/', 'tags/stock-options/index.html'],
      ['/ja/tags/ストックオプション/', 'ja/tags/ストックオプション/index.html'],
      ['/ja/feed.json', 'ja/feed.json'],
    ]);
  });

  it.each(['../index.html', 'a/../../index.html', '/etc/passwd', 'a/%2E%2E/%2e%2e/x', 'a/..%2Fx', 'a//b', 'a/%E3'])(
    'refuses %s, which is not a file inside the site',
    (file) => {
      expect(() => manifestPages(manifest({ '/x/': file }))).toThrow(/\/x\/: expected a file inside the site/);
    },
  );

  it('refuses what is not a manifest', () => {
    expect(() => manifestPages({ routes: [] })).toThrow(/not the incremental-build manifest/);
    expect(() => manifestPages(null)).toThrow(/not the incremental-build manifest/);
  });
});

describe('outputFiles', () => {
  const files = (url: string, base = '/') => outputFiles(new URL(url, 'http://x'), base);

  it('gives every file a page at that address can be written to', () => {
    expect(files('/releases/a/')).toEqual(['releases/a', 'releases/a/index.html', 'releases/a.html']);
    expect(files('/releases/a')).toEqual(['releases/a', 'releases/a/index.html', 'releases/a.html']);
    expect(files('/rss.xml')).toEqual(['rss.xml', 'rss.xml/index.html', 'rss.xml.html']);
    expect(files('/')).toEqual(['index.html']);
  });

  it('names folders as they are on disk', () => {
    expect(files('/ja/tags/%E8%87%AA/')).toContain('ja/tags/自/index.html');
  });

  it('leaves out the base the site is published under', () => {
    expect(files('/newsroom/releases/a/', '/newsroom/')).toContain('releases/a/index.html');
    expect(files('/newsroom/rss.xml', '/newsroom')).toContain('rss.xml');
    expect(files('/newsroom/', '/newsroom/')).toEqual(['index.html']);
    expect(files('/newsroomish/', '/newsroom/')).toContain('newsroomish/index.html');
  });
});
