/**
 * `npm run build` over a published site reuses its unchanged pages as hard links
 * (src/lib/reused-pages.ts): the result must be byte for byte a clean build's, the published files
 * must never be written through a link, and a site built from other content is never reused.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, ROOT } from '../support/build';
import { fixtureContent } from '../support/fixture-content';
import { treeDifferences, treeDigest } from '../support/tree';

const work = mkdtempSync(join(tmpdir(), 'newsroom-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
const site = join(work, 'dist');
const EDITED = 'releases/2007-03-30-results-of-share-buyback/index.html';
/** A page the edit does not touch: a Japanese tag, whose folder name Astro's manifest escapes. */
const UNTOUCHED = 'ja/tags/ストックオプション/index.html';

/** `npm run build` of a content folder, with that folder's own cache. */
function build(from: string, outDir: string, cache = `${from}-cache`) {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    cwd: ROOT,
    env: childEnvironment({ NO_COLOR: '1', NEWSROOM_CONTENT: from, NEWSROOM_CACHE_DIR: cache }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  expect(result.status, output).toBe(0);
  return output;
}

/** The same content built from nothing, in a folder of its own with a cache of its own. */
function cleanBuild(name: string): string {
  const copy = join(work, `${name}-content`);
  cpSync(content, copy, { recursive: true });
  build(copy, join(work, name), join(work, `${name}-cache`));
  return join(work, name);
}

/** Every folder, so that one a clean build would not have (left empty) shows too. */
const folders = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

const sameFile = (a: string, b: string) => statSync(a).ino === statSync(b).ino;

function expectCleanBuild(name: string) {
  const clean = cleanBuild(name);
  expect(treeDifferences(treeDigest(clean), treeDigest(site))).toEqual([]);
  expect(folders(site)).toEqual(folders(clean));
}

describe('npm run build over the published site', () => {
  let rebuildLog = '';

  beforeAll(() => {
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    build(content, site);
    // Other names for the published files: they show whether a build ever wrote through a link.
    linkSync(join(site, EDITED), join(work, 'edited-before.html'));
    linkSync(join(site, UNTOUCHED), join(work, 'untouched-before.html'));
    const release = join(content, 'releases/2007-03-30-results-of-share-buyback.mdx');
    writeFileSync(release, readFileSync(release, 'utf8').replace('819,000 shares', '819,500 shares'));
    rebuildLog = build(content, site);
  }, 180_000);

  it('keeps the unchanged pages of the published site instead of copying them', () => {
    expect(rebuildLog).toMatch(/\[newsroom\] [1-9]\d* unchanged pages kept from the published site/);
    expect(sameFile(join(site, UNTOUCHED), join(work, 'untouched-before.html'))).toBe(true);
    expect(sameFile(join(site, EDITED), join(work, 'edited-before.html'))).toBe(false);
  });

  it('never writes a page through its link to the published site', () => {
    expect(readFileSync(join(site, EDITED), 'utf8')).toContain('819,500 shares');
    expect(readFileSync(join(work, 'edited-before.html'), 'utf8')).toContain('819,000 shares');
  });

  it('publishes exactly what a clean build publishes', () => expectCleanBuild('clean-edited'), 120_000);

  it('drops the pages of a release that is no longer published', () => {
    rmSync(join(content, 'releases/ja/2007-03-30-results-of-share-buyback.mdx'));
    build(content, site);
    expect(readdirSync(join(site, 'ja/releases'))).not.toContain('2007-03-30-results-of-share-buyback');
    expectCleanBuild('clean-deleted');
  }, 180_000);

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
