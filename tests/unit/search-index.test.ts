import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index';
import { SEARCH_BUNDLE_DIR } from '../../src/lib/search';
import { treeDifferences, treeDigest } from '../support/tree';

// tmpfs, where this machine has it, lists a folder in the order its entries were made (as btrfs
// does), so the order pages are written in shows there; ext4 lists them by a hash of their names.
const place = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const sites = [0, 1].map(() => mkdtempSync(join(place, 'newsroom-index-order-')));
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

describe('the search index (writeSearchIndex)', () => {
  it('is the same bytes whatever order the pages were written in, and leaves the pages as they were', async () => {
    writePages(sites[0]!, [...slugs].reverse());
    writePages(sites[1]!, [...slugs.slice(8), ...slugs.slice(0, 8)]);
    const pages = treeDigest(sites[0]!);
    for (const site of sites) expect(await writeSearchIndex(site)).toBe('indexed en: 16 of 16 pages into pagefind/');

    const [first, second] = sites.map((site) => treeDigest(join(site, SEARCH_BUNDLE_DIR)));
    expect(treeDifferences(first!, second!)).toEqual([]);
    // Nothing else is left in the site: the pages as they were, and the index.
    const after = treeDigest(sites[0]!);
    expect(new Map([...after].filter(([file]) => !file.startsWith(`${SEARCH_BUNDLE_DIR}/`)))).toEqual(pages);
    expect(readdirSync(sites[0]!).sort()).toEqual([SEARCH_BUNDLE_DIR, 'releases']);
  }, 60_000);
});
