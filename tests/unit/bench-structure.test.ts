/**
 * Structural guards for archive-scale builds (timings are measured by `npm run bench`, never
 * asserted): the collections are read once per build however many pages ask for the newsroom,
 * and no page, layout or component reads a collection itself — a per-page getCollection() clones
 * every entry for every page and makes the build O(n²).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateReleases, writeContentFolder } from '../../scripts/bench/generate';
import { ROOT, SEED_CONTENT } from '../support/build';

const content = mkdtempSync(join(tmpdir(), 'newsroom-structure-'));
writeContentFolder(content, SEED_CONTENT, generateReleases(200, 11));
afterAll(() => rmSync(content, { recursive: true, force: true }));

const calls: string[] = [];

/** Entries as Astro's loaders would give them: frontmatter parsed by the real schemas. */
async function entries(collection: string) {
  const { collections } = await vi.importActual<typeof import('../../src/content.config')>('../../src/content.config');
  const schema = (collections as Record<string, { schema?: unknown }>)[collection]!.schema as z.ZodType;
  const dir = join(content, collection);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(mdx|ya?ml)$/.test(file))
    .map((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      const [, front = '', body = ''] = file.endsWith('.mdx') ? source.split(/^---$/m) : ['', source, ''];
      return {
        id: file.replace(/\.(mdx|ya?ml)$/, ''),
        collection,
        filePath: join(dir, file),
        body,
        data: schema.parse(load(front)),
      };
    });
}

vi.mock('astro:content', () => ({
  defineCollection: (config: unknown) => config,
  // References resolve to { collection, id }, as Astro's do.
  reference: (collection: string) => z.string().transform((id) => ({ collection, id })),
  getCollection: async (collection: string) => {
    calls.push(collection);
    return entries(collection);
  },
}));

describe('the newsroom is computed once per build', () => {
  it('reads each collection once, however many pages ask for it', async () => {
    vi.stubEnv('NEWSROOM_CONTENT', content);
    const { getNewsroom } = await import('../../src/newsroom');
    const first = await Promise.all(Array.from({ length: 50 }, () => getNewsroom()));
    const later = await getNewsroom();
    expect(first[0]!.releases.length).toBeGreaterThan(150);
    expect(calls.filter((c) => c === 'releases')).toEqual(['releases']);
    expect(calls.length).toBe(new Set(calls).size);
    // Every page gets the same derived views, not a copy computed for it.
    for (const newsroom of [...first, later]) expect(newsroom).toBe(later);
  });
});

describe('no page reads a collection itself', () => {
  const files = (dir: string) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(astro|ts)$/.test(file))
      .map((file) => join(dir, file));

  it('only src/newsroom.ts calls getCollection, getEntry or getEntries', () => {
    const readers = ['src/pages', 'src/layouts', 'src/components', 'src/lib', 'src/integrations']
      .flatMap(files)
      .concat(['src/feeds.ts'])
      .filter((file) => /\bget(Collection|Entry|Entries)\s*\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
  });
});

describe("a page's code does not depend on the shell it was built from", () => {
  // Into a module whose text has `import.meta.env` without a dot after it, even in a comment, Astro
  // inlines every environment variable whose name occurs in that text: a variable set in one shell
  // and not another then changes the code of every page importing the module, and an incremental
  // build renders all of them again (BENCHMARKS.md).
  it('no module Vite bundles has import.meta.env without a dot after it', () => {
    const mentions = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(astro|ts|tsx|js|mjs)$/.test(file))
      .filter((file) => /\bimport\.meta\.env\b(?!\.)/.test(readFileSync(join(ROOT, 'src', file), 'utf8')));
    expect(mentions).toEqual([]);
  });
});

describe('the sitemap matches language versions in one pass', () => {
  it('asks once per page what it is a version of, and leaves the sitemap library’s pairwise matching off', async () => {
    const { hreflangAlternates, sitemapOptions } = await import('../../src/lib/sitemap');
    const site = 'https://n.test/';
    const paths = Array.from({ length: 3000 }, (_, i) => `releases/r-${i}/`);
    const urls = [...paths, ...paths.map((path) => `ja/${path}`)].map((path) => site + path);
    const asked: string[] = [];
    const alternates = hreflangAlternates(urls, site, ['en', 'ja'], (path, inLanguage) => {
      asked.push(path);
      return inLanguage;
    });
    expect(asked.length).toBe(urls.length);
    expect(alternates.get(`${site}ja/releases/r-7/`)?.map((link) => link.lang)).toEqual(['ja', 'en', 'x-default']);
    // @astrojs/sitemap's `i18n` option compares every page with every other.
    const options = sitemapOptions({ releasesDir: content, timeZone: 'UTC', site, base: '/', languages: ['en', 'ja'] });
    expect(options.i18n).toBeUndefined();
  });
});
