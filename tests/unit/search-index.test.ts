import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index';
import { SEARCH_BUNDLE_DIR } from '../../src/lib/search';
import { treeDifferences, treeDigest } from '../support/tree';

// Two file systems where this machine has them: tmpfs lists a folder in the order its entries were
// made, ext4 in the order of a hash of their names.
const places = [tmpdir(), existsSync('/dev/shm') ? '/dev/shm' : tmpdir()];
const sites = places.map((place) => mkdtempSync(join(place, 'newsroom-index-order-')));
afterAll(() => sites.forEach((site) => rmSync(site, { recursive: true, force: true })));

const slugs = Array.from({ length: 16 }, (_, i) => `20${String(10 + i)}-03-30-results-of-share-buyback`);

/** Writes the pages into `site` in the order given, as Astro does in whatever order pages finish. */
function writePages(site: string, order: string[]) {
  for (const slug of order) {
    mkdirSync(join(site, 'releases', slug), { recursive: true });
    writeFileSync(
      join(site, 'releases', slug, 'index.html'),
      `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>Share buyback ${slug}</h1>` +
        `<p>Results of the share buyback, ${slug.slice(0, 10)}.</p></article></body></html>`,
    );
  }
}

/** Decompresses one of Pagefind's files (gzip, then Pagefind's own 12-byte signature). */
const unpack = (file: string) => gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length);

/** The addresses of the pages in an index, in the order Pagefind numbered them. */
function pageOrder(site: string): string[] {
  const bundle = join(site, SEARCH_BUNDLE_DIR);
  const meta = readdirSync(bundle).find((name) => /^pagefind\.en_.*\.pf_meta$/.test(name))!;
  // The metadata lists every page by the name of its fragment, first of all, in page order.
  const names =
    unpack(join(bundle, meta))
      .toString('latin1')
      .match(/en_[0-9a-f]{7,}/g) ?? [];
  const fragments = names.filter((name) => existsSync(join(bundle, 'fragment', `${name}.pf_fragment`)));
  return fragments.map(
    (name) => (JSON.parse(unpack(join(bundle, 'fragment', `${name}.pf_fragment`)).toString()) as { url: string }).url,
  );
}

describe('the search index (writeSearchIndex)', () => {
  it('numbers the pages in the order of their paths, whatever order the file system lists them in', async () => {
    writePages(sites[0]!, [...slugs].reverse());
    writePages(sites[1]!, [...slugs.slice(8), ...slugs.slice(0, 8)]);
    for (const site of sites) expect(await writeSearchIndex(site)).toBe('indexed en: 16 of 16 pages into pagefind/');

    expect(pageOrder(sites[0]!)).toEqual(slugs.map((slug) => `/releases/${slug}/`));
    // The same pages written in another order, perhaps on another file system: the same bytes.
    const [first, second] = sites.map((site) => treeDigest(join(site, SEARCH_BUNDLE_DIR)));
    expect(treeDifferences(first!, second!)).toEqual([]);
  }, 60_000);
});
