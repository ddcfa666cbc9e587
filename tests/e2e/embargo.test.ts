/**
 * Embargoes with an injected clock: a fixture newsroom (tests/fixtures/embargo/) is built just
 * before and exactly at the moment an embargo lifts. Before, the release is on no page, list, feed
 * or sitemap; at the moment, it is published. Each build ends by saying when the next embargo
 * lifts (drafts never count), so a scheduler knows when to build again.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from '../support/build';

const FIXTURE = join(ROOT, 'tests/fixtures/embargo');
const WORK = join(ROOT, process.env.NEWSROOM_TEST_DIST ?? '.test-dist', 'embargo');
// Built from a copy: a build keeps its content cache beside the content it reads.
const CONTENT = join(WORK, 'content');
const EMBARGOED = 'releases/2007-03-30-embargoed-results/index.html';

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

  it('mentions the embargoed release on no page, list, feed or sitemap', () => {
    expect(existsSync(join(site.outDir, EMBARGOED))).toBe(false);
    const files = publishedText(site.outDir);
    expect(files.length).toBeGreaterThan(3);
    const leaks = files.filter(({ text }) => /Embargoed Results|2007-03-30-embargoed-results/.test(text));
    expect(leaks.map(({ file }) => file)).toEqual([]);
  });

  it('prints when the next embargo lifts, leaving out the draft that would lift earlier', () => {
    expect(site.result.output).toContain('/releases/2007-03-30-embargoed-results.mdx. Build again then to publish it.');
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

  it('publishes the release and lists it on the home page', () => {
    expect(site.result.status, site.result.output).toBe(0);
    expect(readFileSync(join(site.outDir, EMBARGOED), 'utf8')).toContain('Example Announces Embargoed Results');
    expect(readFileSync(join(site.outDir, 'index.html'), 'utf8')).toContain('2007-03-30-embargoed-results/');
  });

  it('keeps the later embargo and the draft unpublished, and names the next lift', () => {
    expect(existsSync(join(site.outDir, 'releases/2007-04-02-later-embargo/index.html'))).toBe(false);
    expect(existsSync(join(site.outDir, 'releases/2007-03-28-draft-with-embargo/index.html'))).toBe(false);
    expect(site.result.output).toContain('Next embargo lifts at 2007-04-02T09:00:00+09:00');
  });
});
