/**
 * Incremental builds: after one release is edited, a build that reuses the previous one (stored
 * HTML of unchanged bodies, cached pages) must publish exactly what a clean build of the same
 * content publishes — the edited page, its neighbours' links, lists and feeds included. So must a
 * build whose stored bodies were deleted from the cache.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, SEED_CONTENT } from '../support/build';
import { treeDifferences, treeDigest } from '../support/tree';

const work = mkdtempSync(join(tmpdir(), 'newsroom-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RELEASE = 'releases/2007-03-30-results-of-share-buyback.mdx';
const OLD = 'Trend Micro Announces Results of Share Buyback';
const NEW = 'Trend Micro Announces Final Results of Its Share Buyback';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('a rebuild after editing one release', () => {
  const incremental = join(work, 'incremental');
  const clean = join(work, 'clean');
  let rebuildLog = '';

  /** The site in `rebuilt` is, file for file and byte for byte, the clean build's. */
  function expectCleanBuild(rebuilt: string): void {
    expect(treeDifferences(treeDigest(join(work, 'out-clean')), treeDigest(rebuilt))).toEqual([]);
  }

  beforeAll(() => {
    cpSync(SEED_CONTENT, incremental, { recursive: true });
    const first = buildSite({ content: incremental, outDir: join(work, 'out-1') });
    expect(first.status, first.output).toBe(0);

    const file = join(incremental, RELEASE);
    const source = readFileSync(file, 'utf8');
    expect(source).toContain(`headline: ${OLD}`);
    writeFileSync(
      file,
      source.replace(`headline: ${OLD}`, `headline: ${NEW}`).replace('819,000 shares', '819,500 shares'),
    );
    const rebuilt = buildSite({ content: incremental, outDir: join(work, 'out-2'), listPages: true });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    rebuildLog = rebuilt.output;

    // The same content, built from nothing.
    cpSync(incremental, clean, { recursive: true, filter: (path) => !path.includes('.astro-cache') });
    const full = buildSite({ content: clean, outDir: join(work, 'out-clean') });
    expect(full.status, full.output).toBe(0);
  }, 180_000);

  const cache = join(incremental, '.astro-cache');
  /** Every body in the cache's packs (src/stored-bodies.ts). */
  const storedBodies = () =>
    files(join(cache, 'bodies')).flatMap((file) =>
      Object.values(JSON.parse(readFileSync(join(cache, 'bodies', file), 'utf8')) as Record<string, string>),
    );

  it('keeps the bodies out of Astro’s content store, in one pack per collection', () => {
    expect(files(join(cache, 'bodies'))).toEqual(
      ['boilerplates', 'notices', 'releases'].map((collection) =>
        expect.stringMatching(new RegExp(`^${collection}/[0-9a-f]{32}\\.pack$`)),
      ),
    );
    const store = readFileSync(join(cache, 'data-store.json'), 'utf8');
    expect(store).toContain(NEW); // the headline is frontmatter, in the store
    expect(store).not.toContain('819,500 shares');
    expect(storedBodies().filter((html) => html.includes('819,500 shares'))).toHaveLength(1);
    // The body before the edit is no longer kept.
    expect(storedBodies().filter((html) => html.includes('819,000 shares'))).toEqual([]);
  });

  it('renders again the bodies deleted from the cache, and publishes what a clean build publishes', () => {
    const before = files(join(cache, 'bodies'));
    expect(before.filter((file) => file.startsWith('notices/'))).not.toEqual([]);
    // The bodies, and the cached pages, so that every page is rendered from the bodies anew.
    for (const made of ['bodies', 'dist', 'incremental-build.json']) rmSync(join(cache, made), { recursive: true });
    const again = buildSite({ content: incremental, outDir: join(work, 'out-3'), listPages: true });
    expect(again.status, again.output).toBe(0);
    expect(again.output).not.toMatch(/\((cached|restored)\)/);
    // Named by their HTML: the same names are the same bodies, releases, notices and boilerplates.
    expect(files(join(cache, 'bodies'))).toEqual(before);
    expectCleanBuild(join(work, 'out-3'));
  }, 120_000);

  it('reuses the pages the edit does not touch', () => {
    expect(rebuildLog).toMatch(/\((cached|restored)\)/);
    // The edited release's own page is rendered again.
    const line = rebuildLog.split('\n').find((l) => l.includes('/releases/2007-03-30-results-of-share-buyback/'));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/\((cached|restored)\)/);
  });

  it('publishes exactly what a clean build publishes', () => {
    expectCleanBuild(join(work, 'out-2'));
  });

  it('shows the edit on the page, in the lists, in the feeds and in the neighbour’s link', () => {
    const out = join(work, 'out-2');
    const read = (path: string) => readFileSync(join(out, path), 'utf8');
    expect(read('releases/2007-03-30-results-of-share-buyback/index.html')).toContain('819,500 shares');
    expect(read('releases/index.html')).toContain(NEW);
    expect(read('rss.xml')).toContain('819,500 shares');
    expect(read('releases/2007-11-26-final-terms-stock-acquisition-rights/index.html')).toContain(NEW);
    for (const path of [
      'releases/index.html',
      'rss.xml',
      'releases/2007-11-26-final-terms-stock-acquisition-rights/index.html',
    ]) {
      expect(read(path)).not.toContain(OLD);
    }
  });
});

describe('bodies that cannot be stored', () => {
  const content = join(work, 'blocked');
  const bodies = join(content, '.astro-cache', 'bodies');

  it('stop the build naming the folder, and are rendered by the next build once they can be', () => {
    cpSync(SEED_CONTENT, content, { recursive: true });
    // A file where the bodies folder should be: no body can be written.
    mkdirSync(dirname(bodies), { recursive: true });
    writeFileSync(bodies, '');
    const failed = buildSite({ content, outDir: join(work, 'out-blocked') });
    expect(failed.status).not.toBe(0);
    // Collections load side by side: the first one whose bodies it could not store stops the build.
    expect(failed.output).toMatch(
      /Cannot build (boilerplates|notices|releases):\nthe rendered bodies could not be stored in \S*\/bodies\/\1: ENOTDIR: not a directory, mkdir '\S*\/bodies\/\1'\n/,
    );

    rmSync(bodies);
    const built = buildSite({ content, outDir: join(work, 'out-unblocked') });
    expect(built.status, built.output).toBe(0);
    const page = readFileSync(
      join(work, 'out-unblocked/releases/2007-03-30-results-of-share-buyback/index.html'),
      'utf8',
    );
    expect(page).toContain('819,000 shares');
  }, 120_000);
});

describe('a body that does not render', () => {
  const content = join(work, 'broken');
  const releases = join(content, '.astro-cache', 'bodies', 'releases');
  const BROKEN = 'releases/2007-11-26-final-terms-stock-acquisition-rights.mdx';

  it('stops the build naming the file, while the bodies of the others are kept for the next build', () => {
    cpSync(SEED_CONTENT, content, { recursive: true });
    const file = join(content, BROKEN);
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, `${source}\n<Bogus />\n`);
    const failed = buildSite({ content, outDir: join(work, 'out-broken') });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('2007-11-26-final-terms-stock-acquisition-rights.mdx');
    // The other releases' bodies are stored: the next build renders only the file that failed.
    const kept = readdirSync(releases).map((pack) => readFileSync(join(releases, pack), 'utf8'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain('819,000 shares');
    expect(kept[0]).not.toContain('Bogus');

    writeFileSync(file, source);
    const fixed = buildSite({ content, outDir: join(work, 'out-fixed') });
    expect(fixed.status, fixed.output).toBe(0);
    expect(
      readFileSync(join(work, 'out-fixed/releases/2007-11-26-final-terms-stock-acquisition-rights/index.html'), 'utf8'),
    ).toContain('per Option');
  }, 120_000);
});
