/**
 * `npm run build` (scripts/build.ts) never loses the previous good site: a failed or interrupted
 * build leaves `dist/` byte for byte as it was. And the same content builds the same bytes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { childEnvironment, ROOT } from '../support/build';
import { fixtureContent } from '../support/fixture-content';
import { treeDigest, treeDifferences } from '../support/tree';

const work = join(tmpdir(), `newsroom-safety-${process.pid}`);
const outDir = join(work, 'dist');
const env = (extra: Record<string, string> = {}) => childEnvironment(extra);
const build = (extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    cwd: ROOT,
    env: env(extra),
    encoding: 'utf8',
  });

describe('atomic builds', () => {
  let good: Map<string, string>;
  beforeAll(() => {
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    good = treeDigest(outDir);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps the previous site when the content is broken', () => {
    const broken = fixtureContent({});
    writeFileSync(join(broken, 'releases', '2008-01-01-broken.mdx'), '---\nheadline: Broken\n---\n\nNo date.\n');
    const result = build({ NEWSROOM_CONTENT: broken, NEWSROOM_CACHE_DIR: join(broken, '.astro-cache') });
    rmSync(broken, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('was left as it was');
    expect(treeDifferences(good, treeDigest(outDir))).toEqual([]);
    expect(readdirSync(work)).toEqual(['dist']); // no staging folder left behind
  });

  it.each([
    ['as soon as it has made its staging folder', () => readdirSync(work).some((name) => name.includes('-building-'))],
    // By then the staging folder holds the published pages as hard links, and Astro writes pages.
    ['while Astro writes the pages', (output: string) => output.includes('generating static routes')],
  ])('keeps the previous site when the build is interrupted %s', async (_when, ready) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', outDir], { cwd: ROOT, env: env() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (!ready(output) && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).not.toContain('Site written to');
    expect(treeDifferences(good, treeDigest(outDir))).toEqual([]);
    expect(readdirSync(work)).toEqual(['dist']);
  });

  it('replaces the site, and removes the old one after the build has finished', async () => {
    // What a build whose process is gone (the machine stopped) left behind goes too: an old site
    // whose deletion was cut short, and an unfinished new one.
    mkdirSync(join(work, '.dist-previous-999999999', 'releases'), { recursive: true });
    mkdirSync(join(work, '.dist-building-999999998', 'releases'), { recursive: true });
    const result = build();
    expect(result.status, result.stderr).toBe(0);
    expect(treeDifferences(good, treeDigest(outDir))).toEqual([]);
    // The old site goes in a detached process, so the build need not wait for it.
    const started = Date.now();
    while (readdirSync(work).length > 1 && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readdirSync(work)).toEqual(['dist']);
  });
});

it('builds the same bytes from the same content', () => {
  // The e2e global setup built the site once already; build again elsewhere and compare.
  const again = join(tmpdir(), `newsroom-again-${process.pid}`);
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', again], {
    cwd: ROOT,
    env: env({ TZ: 'Pacific/Honolulu' }),
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const differences = treeDifferences(treeDigest(inject('siteDir')), treeDigest(again));
  rmSync(again, { recursive: true, force: true });
  expect(differences).toEqual([]);
  expect(existsSync(again)).toBe(false);
});
