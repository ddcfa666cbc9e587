import { describe, expect, it } from 'vitest';
import { manifestPages, pagePath } from '../../src/lib/reused-pages';

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

describe('pagePath', () => {
  it('is the URL path, decoded', () => {
    expect(pagePath(new URL('http://x/releases/a/'), '/')).toBe('/releases/a/');
    expect(pagePath(new URL('http://x/ja/tags/%E8%87%AA/'), '/')).toBe('/ja/tags/自/');
  });

  it('leaves out the base the site is published under', () => {
    expect(pagePath(new URL('http://x/newsroom/releases/a/'), '/newsroom/')).toBe('/releases/a/');
    expect(pagePath(new URL('http://x/newsroom/rss.xml'), '/newsroom')).toBe('/rss.xml');
    expect(pagePath(new URL('http://x/newsroomish/'), '/newsroom/')).toBe('/newsroomish/');
  });
});
