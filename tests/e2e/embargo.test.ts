/**
 * Embargoes with an injected clock: a fixture newsroom (tests/fixtures/embargo/) is built just
 * before and exactly at the moment an embargo lifts. Before, the release — and its Japanese
 * translation, which has no embargo of its own — is on no page, list, feed or sitemap; at the
 * moment, both are published. Each build ends by saying when the next embargo lifts (drafts never
 * count), so a scheduler knows when to build again.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, childEnvironment, ROOT, type BuildResult } from '../support/build';

const FIXTURE = join(ROOT, 'tests/fixtures/embargo');
const WORK = join(ROOT, process.env.NEWSROOM_TEST_DIST ?? '.test-dist', 'embargo');
// Built from a copy: a build keeps its content cache beside the content it reads.
const CONTENT = join(WORK, 'content');
const EMBARGOED = 'releases/2007-03-30-embargoed-results/index.html';
// Its translation, held back as long as the original is.
const TRANSLATION = `ja/${EMBARGOED}`;

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  cpSync(FIXTURE, CONTENT, { recursive: true });
});

function build(name: string, now: string): { outDir: string; result: BuildResult } {
  const outDir = join(WORK, name);
  return { outDir, result: buildSite({ outDir, content: CONTENT, now }) };
}

/** Every page, feed and sitemap of a built site, as text. */
function publishedText(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(html|xml|json|txt)$/.test(file))
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

describe('one second before the embargo lifts (14:59:59 in Tokyo)', () => {
  let site: ReturnType<typeof build>;
  beforeAll(() => {
    site = build('before', '2007-03-30T05:59:59Z');
  });

  it('builds, and publishes the releases without embargo', () => {
    expect(site.result.status, site.result.output).toBe(0);
    expect(existsSync(join(site.outDir, 'releases/2007-03-29-already-public/index.html'))).toBe(true);
  });

  it('mentions the embargoed release and its translation on no page, list, feed or sitemap', () => {
    expect(existsSync(join(site.outDir, EMBARGOED))).toBe(false);
    expect(existsSync(join(site.outDir, TRANSLATION))).toBe(false);
    const files = publishedText(site.outDir);
    expect(files.length).toBeGreaterThan(3);
    const leaks = files.filter(({ text }) =>
      /Embargoed Results|エグザンプル、決算を発表|2007-03-30-embargoed-results/.test(text),
    );
    expect(leaks.map(({ file }) => file)).toEqual([]);
  });

  it('prints when the next embargo lifts, with the translation it publishes, leaving out the draft that would lift earlier', () => {
    expect(site.result.output).toMatch(
      /\/releases\/2007-03-30-embargoed-results\.mdx, \S*\/releases\/ja\/2007-03-30-embargoed-results\.mdx\. Build again then to publish these 2\./,
    );
    expect(site.result.output).toContain(
      'Next embargo lifts at 2007-03-30T15:00:00+09:00 (2007-03-30T06:00:00.000Z): ',
    );
  });
});

describe('at the moment the embargo lifts', () => {
  let site: ReturnType<typeof build>;
  beforeAll(() => {
    site = build('at', '2007-03-30T06:00:00Z');
  });

  it('publishes the release and its translation, and lists it on the home page', () => {
    expect(site.result.status, site.result.output).toBe(0);
    expect(readFileSync(join(site.outDir, EMBARGOED), 'utf8')).toContain('Example Announces Embargoed Results');
    expect(readFileSync(join(site.outDir, TRANSLATION), 'utf8')).toContain('エグザンプル、決算を発表');
    expect(readFileSync(join(site.outDir, 'index.html'), 'utf8')).toContain('2007-03-30-embargoed-results/');
  });

  it('keeps the later embargo, the release dated later and the draft unpublished, and names the next release due', () => {
    expect(existsSync(join(site.outDir, 'releases/2007-04-02-later-embargo/index.html'))).toBe(false);
    expect(existsSync(join(site.outDir, 'releases/2007-04-01-dated-later/index.html'))).toBe(false);
    expect(existsSync(join(site.outDir, 'releases/2007-03-30-draft-with-embargo/index.html'))).toBe(false);
    expect(site.result.output).toContain('Next release dated ahead due at 2007-04-01T00:00:00+09:00');
  });

  it('gives the release the time its embargo lifted as its time of issue, on the page and in the feeds', () => {
    const page = readFileSync(join(site.outDir, EMBARGOED), 'utf8');
    expect(page).toMatch(/<time datetime="2007-03-30T15:00:00\+09:00"[^>]*>March 30, 2007 at 15:00 GMT\+9<\/time>/);
    const rss = readFileSync(join(site.outDir, 'rss.xml'), 'utf8');
    expect(rss).toContain('<pubDate>Fri, 30 Mar 2007 15:00:00 +0900</pubDate>');
    // The translation, held with its original, is issued when the original's embargo lifts too.
    expect(readFileSync(join(site.outDir, TRANSLATION), 'utf8')).toMatch(/<time datetime="2007-03-30T15:00:00\+09:00"/);
    const japanese = readFileSync(join(site.outDir, 'ja/rss.xml'), 'utf8');
    expect(japanese).toContain('<pubDate>Fri, 30 Mar 2007 15:00:00 +0900</pubDate>');
    const sitemap = readFileSync(join(site.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toMatch(/ja\/releases\/2007-03-30-embargoed-results\/<\/loc><lastmod>2007-03-30T06:00:00.000Z</);
  });
});

it('refuses, in `npm run check`, a link that would reveal the translation before its original lifts', () => {
  const content = mkdtempSync(join(tmpdir(), 'newsroom-embargo-check-'));
  cpSync(FIXTURE, content, { recursive: true });
  writeFileSync(
    join(content, 'releases', '2007-03-29-links-ahead.mdx'),
    '---\nheadline: Links ahead\ndate: 2007-03-29\nlocation: TOKYO, Japan\ncategories: [Financial]\n---\n\n' +
      'See [the Japanese version](/ja/releases/2007-03-30-embargoed-results/).\n',
  );
  const check = (now: string) =>
    spawnSync(
      process.execPath,
      ['--import', './scripts/support/resolve-ts.ts', 'scripts/check.ts', '--content', content],
      {
        cwd: ROOT,
        env: childEnvironment({ NEWSROOM_NOW: now }),
        encoding: 'utf8',
      },
    );
  try {
    const before = check('2007-03-30T05:59:59Z');
    expect(before.status).toBe(1);
    expect(before.stdout).toContain(
      'found "/ja/releases/2007-03-30-embargoed-results/", a release under embargo until 2007-03-30T15:00:00+09:00, held back with its original',
    );
    expect(check('2007-03-30T06:00:00Z').status).toBe(0);
  } finally {
    rmSync(content, { recursive: true, force: true });
  }
});
