/**
 * `npm run build` over a published site reuses its unchanged pages as hard links
 * (src/lib/reused-pages.ts): the result must be byte for byte a clean build's, the published files
 * must never be written through a link, and a site built from other content is never reused.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, ROOT, SEED_CONTENT } from '../support/build';
import { fixtureContent, frontmatter } from '../support/fixture-content';
import { treeDifferences, treeDigest } from '../support/tree';

const work = mkdtempSync(join(tmpdir(), 'newsroom-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
const site = join(work, 'dist');
const EDITED = 'releases/2007-03-30-results-of-share-buyback/index.html';
/** A page the edit does not touch: a Japanese tag, whose folder name Astro's manifest escapes. */
const UNTOUCHED = 'ja/tags/ストックオプション/index.html';

interface BuildOptions {
  /** Astro's cache folder; by default one beside the content folder. */
  cache?: string;
  base?: string;
  /**
   * Variables of the shell the build started from; by default `_`, the program that started it, is
   * npm's.
   */
  shell?: Record<string, string>;
  /** Have Astro list every file it writes (NEWSROOM_LOG_PAGES). */
  listPages?: boolean;
  /** Milliseconds the build waits before it links the published pages, as a slow file system would. */
  linkingDelay?: number;
}

/** `npm run build` of a content folder, with that folder's own cache. */
function build(from: string, outDir: string, options: BuildOptions = {}) {
  const { cache = `${from}-cache`, base = '/', shell = { _: '/usr/bin/npm' }, listPages = false } = options;
  const { linkingDelay = 0 } = options;
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    cwd: ROOT,
    env: childEnvironment({
      NO_COLOR: '1',
      NEWSROOM_CONTENT: from,
      NEWSROOM_CACHE_DIR: cache,
      NEWSROOM_BASE: base,
      ...shell,
      ...(listPages ? { NEWSROOM_LOG_PAGES: '1' } : {}),
      ...(linkingDelay ? { NEWSROOM_LINKING_DELAY_MS: String(linkingDelay) } : {}),
    }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  expect(result.status, output).toBe(0);
  return output;
}

/** The same content built from nothing, in a folder of its own with a cache of its own. */
function cleanBuild(name: string, from = content, base = '/'): string {
  const copy = join(work, `${name}-content`);
  cpSync(from, copy, { recursive: true });
  build(copy, join(work, name), { cache: join(work, `${name}-cache`), base });
  return join(work, name);
}

/** Another name for every file of `dir` (a hard link): it shows whether a build wrote through one. */
function linkTree(dir: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(dir, entry.name), join(to, entry.name));
    else linkSync(join(dir, entry.name), join(to, entry.name));
  }
}

/** Every folder, so that one a clean build would not have (left empty) shows too. */
const folders = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

const sameFile = (a: string, b: string) => statSync(a).ino === statSync(b).ino;

/** `built` is, file for file, byte for byte and folder for folder, a clean build of `from`. */
function expectCleanBuild(name: string, built = site, from = content, base = '/') {
  const clean = cleanBuild(name, from, base);
  expect(treeDifferences(treeDigest(clean), treeDigest(built))).toEqual([]);
  expect(folders(built)).toEqual(folders(clean));
}

describe.each(['/', '/newsroom/'])('npm run build over the published site, base %s', (base) => {
  const site = join(work, `dist${base.replaceAll('/', '-')}`);
  const content = join(work, `content${base.replaceAll('/', '-')}`);
  const before = join(work, `before${base.replaceAll('/', '-')}`);
  let published: Map<string, string>;
  let rebuildLog = '';

  beforeAll(() => {
    cpSync(SEED_CONTENT, content, { recursive: true });
    build(content, site, { base });
    published = treeDigest(site);
    // Other names for every published file: they show whether the rebuild wrote through a link.
    linkTree(site, before);
    const release = join(content, 'releases/2007-03-30-results-of-share-buyback.mdx');
    writeFileSync(release, readFileSync(release, 'utf8').replace('819,000 shares', '819,500 shares'));
    rebuildLog = build(content, site, { base });
  }, 180_000);

  it('keeps the unchanged pages of the published site instead of copying them', () => {
    expect(rebuildLog).toMatch(/\[newsroom\] [1-9]\d* unchanged pages kept from the published site/);
    expect(sameFile(join(site, UNTOUCHED), join(before, UNTOUCHED))).toBe(true);
    expect(sameFile(join(site, EDITED), join(before, EDITED))).toBe(false);
  });

  it('never writes a page, list or feed through its link to the published site', () => {
    expect(readFileSync(join(site, EDITED), 'utf8')).toContain('819,500 shares');
    expect(readFileSync(join(before, EDITED), 'utf8')).toContain('819,000 shares');
    expect(treeDifferences(published, treeDigest(before))).toEqual([]);
    expect(rebuildLog).not.toContain('written through');
  });

  it("sums up Astro's line per file in one: how many were rendered and how many kept", () => {
    expect(rebuildLog).not.toContain('├─');
    const summary =
      /└─ (\d+) files: (\d+) rendered, (\d+) unchanged since the last build \(NEWSROOM_LOG_PAGES=1 lists them\)\n/.exec(
        rebuildLog,
      );
    expect(summary, rebuildLog).not.toBeNull();
    const [files, rendered, kept] = summary!.slice(1).map(Number) as [number, number, number];
    expect(rendered).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
    expect(rendered + kept).toBe(files);
  });

  it('writes the search index anew, as a page it reads changed, and says how long it took', () => {
    const said =
      /\[newsroom:search-index\] indexed en: 4, ja: 4 of \d+ pages into pagefind\/ \((\d+) of its (\d+) files the published ones\) in \d+\.\d\ds\n/.exec(
        rebuildLog,
      );
    expect(said, rebuildLog).not.toBeNull();
    expect(rebuildLog).not.toContain('the published index kept');
    // The files Pagefind made again in the same bytes are the published ones, linked; the rest new.
    const index = join(site, 'pagefind');
    const files = readdirSync(index, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const linked = files.filter((entry) => {
      const file = relative(index, join(entry.parentPath, entry.name));
      return existsSync(join(before, 'pagefind', file)) && sameFile(join(index, file), join(before, 'pagefind', file));
    });
    expect([linked.length, files.length]).toEqual(said!.slice(1).map(Number));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.length).toBeLessThan(files.length);
  });

  it('publishes exactly what a clean build publishes', () => {
    expectCleanBuild(`clean-edited${base.replaceAll('/', '-')}`, site, content, base);
  }, 120_000);
});

describe('npm run build over a published site that changed', () => {
  beforeAll(() => {
    cpSync(SEED_CONTENT, content, { recursive: true });
    build(content, site);
  }, 120_000);

  /** A build that keeps the published search index: it says so, and Pagefind wrote no new file. */
  function buildKeepingIndex(options: BuildOptions = {}): string {
    const entry = join(site, 'pagefind/pagefind-entry.json');
    const entryBefore = statSync(entry).ino;
    const log = build(content, site, options);
    expect(log).toMatch(/\[newsroom:search-index\] no indexed page changed: the published index kept/);
    expect(statSync(entry).ino).toBe(entryBefore);
    return log;
  }

  it('keeps every release page, feed and the search index when nothing changed, whatever shell started the build', () => {
    // Another program in `_`, and a one-letter variable the first build's shell did not have; and
    // pages linked only once Astro would have begun to generate them, had it not waited for them
    // (it would then copy each from its cache: "(restored)").
    const log = buildKeepingIndex({
      shell: { _: '/usr/bin/npx', W: '/tmp/elsewhere' },
      listPages: true,
      linkingDelay: 8000,
    });
    const lines = log.split('\n').filter((line) => line.includes('├─'));
    const feeds = lines.filter((line) => /├─ \S*\/(atom\.xml|rss\.xml|feed\.json)\b/.test(line));
    const releases = lines.filter((line) => /├─ \S*\/releases\/[^/]*[^/\d][^/]*\/index\.html/.test(line));
    expect(feeds.length).toBeGreaterThan(20);
    expect(releases.length).toBeGreaterThan(3);
    expect([...feeds, ...releases].filter((line) => !line.includes('(cached)'))).toEqual([]);
    expectCleanBuild('clean-unchanged');
  }, 120_000);

  it('keeps the search index when the pages it reads are rendered again to the same bytes', () => {
    // Every page's key covers the settings, so every page is rendered again; the release pages come
    // out the same, as the feed size shows in feeds only.
    const settings = join(content, 'site.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^feedSize: \d+$/m, 'feedSize: 7'));
    const log = buildKeepingIndex();
    expect(log).toContain('[newsroom] 0 unchanged pages kept from the published site');
    expectCleanBuild('clean-feed-size');
  }, 120_000);

  it('writes the search index anew when the published one lost a file', () => {
    const bundle = join(site, 'pagefind/fragment');
    rmSync(join(bundle, readdirSync(bundle)[0]!));
    const log = build(content, site);
    expect(log).toMatch(/\[newsroom:search-index\] indexed en: 4, ja: 4 of \d+ pages/);
    expectCleanBuild('clean-index-mended');
  }, 120_000);

  it('drops the pages of a release that is no longer published', () => {
    rmSync(join(content, 'releases/ja/2007-03-30-results-of-share-buyback.mdx'));
    // The build says which page went, and what to do should the release have moved.
    expect(build(content, site)).toContain(
      'newsroom: 1 release page of the published site is no longer built: ja/releases/2007-03-30-results-of-share-buyback/. A release unpublished, deleted or moved',
    );
    expect(readdirSync(join(site, 'ja/releases'))).not.toContain('2007-03-30-results-of-share-buyback');
    expectCleanBuild('clean-deleted');
  }, 180_000);

  it('writes an attachment again when its file changed, and drops it when no release lists it', () => {
    const release = join(content, 'releases/2007-11-26-final-terms-stock-acquisition-rights.mdx');
    const text = readFileSync(release, 'utf8');
    mkdirSync(join(content, 'attachments'), { recursive: true });
    const file = join(content, 'attachments', 'terms.pdf');
    writeFileSync(file, '%PDF-1.4 first');
    writeFileSync(release, text.replace(/^date:/m, 'attachments: [{ file: terms.pdf, title: Terms }]\ndate:'));
    build(content, site);
    const published = join(site, 'attachments/terms.pdf');
    expect(readFileSync(published, 'utf8')).toBe('%PDF-1.4 first');
    // The same size, other bytes: the page is the same, the file is not.
    writeFileSync(file, '%PDF-1.4 again');
    build(content, site);
    expect(readFileSync(published, 'utf8')).toBe('%PDF-1.4 again');
    expectCleanBuild('clean-attachment');
    writeFileSync(release, text);
    build(content, site);
    expect(readdirSync(site)).not.toContain('attachments');
    expectCleanBuild('clean-unattached');
  }, 240_000);

  it('writes the search index anew when a page it read was changed by hand in the published site', () => {
    const page = join(site, EDITED);
    writeFileSync(page, readFileSync(page, 'utf8').replace('819,000 shares', '819,001 shares'));
    const log = build(content, site);
    // The page itself is kept as it is (edit content/, never dist/), but the index is not stale.
    expect(readFileSync(page, 'utf8')).toContain('819,001 shares');
    expect(log).toMatch(/\[newsroom:search-index\] indexed en: 4, ja: \d+ of \d+ pages/);
  }, 120_000);

  it('reuses nothing from a site built since from other content', () => {
    const other = fixtureContent({});
    rmSync(join(other, 'releases/2007-11-26-final-terms-stock-acquisition-rights.mdx'));
    rmSync(join(other, 'releases/ja/2007-11-26-final-terms-stock-acquisition-rights.mdx'));
    build(other, site);
    rmSync(other, { recursive: true, force: true });
    rmSync(`${other}-cache`, { recursive: true, force: true });
    // Had this build trusted its own cache's record, it would have kept the other site's pages.
    const log = build(content, site);
    expect(log).not.toMatch(/unchanged pages kept/);
    expectCleanBuild('clean-again');
  }, 180_000);
});

describe('npm run build over a published site whose search index is split', () => {
  const split = join(work, 'dist-split');
  let from: string;
  const second = 'releases/2010-02-15-dividend-b.mdx';
  const older = 'releases/2008-06-15-dividend-c.mdx';
  const entry = (dir: string) => join(split, dir, 'pagefind-entry.json');
  beforeAll(() => {
    // 2010 in the first part; the archive in two volumes, the 2007 seeds (four releases, more
    // than two) and 2008.
    from = fixtureContent({
      settings: { searchRecentReleases: '2' },
      releases: [
        ['a', '2010-01-15'],
        ['b', '2010-02-15'],
        ['c', '2008-06-15'],
      ].map(([letter, date]) => ({
        file: `${date}-dividend-${letter}.mdx`,
        frontmatter: frontmatter(`Dividend ${letter!.toUpperCase()}`, date!),
        body: `Trend Micro today announced a dividend.\n\nThe record date is March 31, ${date!.slice(0, 4)}.`,
      })),
    });
    const log = build(from, split);
    expect(log).toMatch(
      / into pagefind\/; en: 1 of 1 pages into pagefind-archive\/2008\/; en: 2, ja: 2 of 4 pages into pagefind-archive\/2007\/ in /,
    );
  }, 120_000);
  afterAll(() => {
    rmSync(from, { recursive: true, force: true });
    rmSync(`${from}-cache`, { recursive: true, force: true });
  });

  /** Edits a release past its first paragraph, which other releases show as the summary of a related release. */
  const edit = (release: string) => {
    const file = join(from, release);
    writeFileSync(file, readFileSync(file, 'utf8').replace('March 31', 'March 30'));
  };

  it('keeps the parts none of whose pages changed, and writes the other anew', () => {
    edit(second);
    const archiveBefore = ['2007', '2008'].map((volume) => statSync(entry(`pagefind-archive/${volume}`)).ino);
    const log = build(from, split);
    expect(log).toMatch(
      /indexed en: 4, ja: 2 of \d+ pages into pagefind\/ \(\d+ of its \d+ files the published ones\); pagefind-archive\/2008\/ kept, as none of its pages changed; pagefind-archive\/2007\/ kept, as none of its pages changed in /,
    );
    expect(['2007', '2008'].map((volume) => statSync(entry(`pagefind-archive/${volume}`)).ino)).toEqual(archiveBefore);
    expectCleanBuild('clean-split', split, from);
  }, 180_000);

  it('writes only the volume of an older release edited, and keeps the first part and the other volume', () => {
    edit(older);
    const [first, volume2007] = [entry('pagefind'), entry('pagefind-archive/2007')].map((file) => statSync(file).ino);
    const log = build(from, split);
    expect(log).toMatch(
      /indexed en: 1 of 1 pages into pagefind-archive\/2008\/ \(\d+ of its \d+ files the published ones\); pagefind\/ kept, as none of its pages changed; pagefind-archive\/2007\/ kept, as none of its pages changed in /,
    );
    expect([entry('pagefind'), entry('pagefind-archive/2007')].map((file) => statSync(file).ino)).toEqual([
      first,
      volume2007,
    ]);
    expectCleanBuild('clean-split-older', split, from);
  }, 180_000);
});
