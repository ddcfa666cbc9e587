import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { embargoedReleases, embargoNotice, embargoNoticeText } from '../../src/integrations/embargo-notice';
import { ROOT } from '../support/build';

const RELEASES = join(ROOT, 'tests/fixtures/embargo/releases');

describe('the embargo notice printed after a build', () => {
  const releases = embargoedReleases(RELEASES, 'Asia/Tokyo');

  it('reads from the files as written when each release may be published: its embargo, else its time of issue', () => {
    // Drafts are left out; a translation is held with its original.
    expect(releases.map((r) => [r.id.slice(RELEASES.length + 1), r.embargo?.toISOString()]).sort()).toEqual([
      ['2007-03-29-already-public.mdx', '2007-03-28T15:00:00.000Z'],
      ['2007-03-30-embargoed-results.mdx', '2007-03-30T06:00:00.000Z'],
      ['2007-04-01-dated-later.mdx', '2007-03-31T15:00:00.000Z'],
      ['2007-04-02-later-embargo.mdx', '2007-04-02T00:00:00.000Z'],
      ['ja/2007-03-30-embargoed-results.mdx', '2007-03-30T06:00:00.000Z'],
    ]);
    // Issued when its embargo lifts, on its day of issue.
    const embargoed = releases.find((r) => r.id.endsWith('/2007-03-30-embargoed-results.mdx'));
    expect(embargoed?.instant.toISOString()).toBe('2007-03-30T06:00:00.000Z');
  });

  it('names the next lift in the issuer’s zone and in UTC, then the one after, then none', () => {
    expect(embargoNoticeText(releases, new Date('2007-03-30T05:59:59Z'), 'Asia/Tokyo')).toMatch(
      /^Next embargo lifts at 2007-03-30T15:00:00\+09:00 \(2007-03-30T06:00:00\.000Z\): .*\/2007-03-30-embargoed-results\.mdx, .*\/ja\/2007-03-30-embargoed-results\.mdx\. Build again then to publish these 2\.$/,
    );
    // A release dated later, without an embargo, waits for its date: so the notice says.
    expect(embargoNoticeText(releases, new Date('2007-03-30T06:00:00Z'), 'Asia/Tokyo')).toMatch(
      /^Next release dated ahead due at 2007-04-01T00:00:00\+09:00 \(2007-03-31T15:00:00\.000Z\), its date of issue: \S*\/2007-04-01-dated-later\.mdx\. Build again then to publish it\.$/,
    );
    expect(embargoNoticeText(releases, new Date('2007-03-31T15:00:00Z'), 'Asia/Tokyo')).toContain(
      'Next embargo lifts at 2007-04-02T09:00:00+09:00',
    );
    expect(embargoNoticeText(releases, new Date('2007-04-02T00:00:00Z'), 'Asia/Tokyo')).toBe(
      'No release is waiting for its embargo or its date of issue.',
    );
  });

  it('names the first three files lifting at the same moment, in order, and counts the rest', () => {
    const lift = new Date('2007-03-30T06:00:00Z');
    const at = (names: string[]) =>
      names.map((name) => ({
        id: join(RELEASES, name),
        date: '2007-03-30',
        instant: lift,
        draft: false,
        embargo: lift,
      }));
    const five = at(['e.mdx', 'c.mdx', 'a.mdx', 'd.mdx', 'b.mdx']);
    const text = embargoNoticeText(five, new Date('2007-03-30T00:00:00Z'), 'Asia/Tokyo');
    expect(text).toMatch(/: \S*\/a\.mdx, \S*\/b\.mdx, \S*\/c\.mdx and 2 more\. Build again then to publish these 5\.$/);
    expect(text).not.toContain('d.mdx');
    expect(embargoNoticeText(five.slice(0, 2), new Date('2007-03-30T00:00:00Z'), 'Asia/Tokyo')).toMatch(
      /: \S*\/c\.mdx, \S*\/e\.mdx\. Build again then to publish these 2\.$/,
    );
  });

  it('speaks of an embargo where one holds any of the releases due, of the date of issue where none does', () => {
    const lift = new Date('2007-03-31T15:00:00Z');
    const held = (name: string, scheduled: boolean) => ({
      id: join(RELEASES, name),
      date: '2007-04-01',
      instant: lift,
      draft: false,
      embargo: lift,
      scheduled,
    });
    const before = new Date('2007-03-31T00:00:00Z');
    expect(embargoNoticeText([held('a.mdx', true), held('b.mdx', true)], before, 'Asia/Tokyo')).toMatch(
      /^Next releases dated ahead due at 2007-04-01T00:00:00\+09:00 \(2007-03-31T15:00:00\.000Z\), their date of issue: /,
    );
    expect(embargoNoticeText([held('a.mdx', true), held('b.mdx', false)], before, 'Asia/Tokyo')).toMatch(
      /^Next embargo lifts at 2007-04-01T00:00:00\+09:00 \(2007-03-31T15:00:00\.000Z\): \S*\/a\.mdx, \S*\/b\.mdx\./,
    );
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('logs it when the build is done, on the build clock (NEWSROOM_NOW)', () => {
    vi.stubEnv('NEWSROOM_NOW', '2007-03-30T00:00:00Z');
    const info = vi.fn();
    const hook = embargoNotice({ releasesDir: RELEASES, timeZone: 'Asia/Tokyo' }).hooks['astro:build:done']!;
    hook({ logger: { info } } as unknown as Parameters<typeof hook>[0]);
    expect(info).toHaveBeenCalledWith(expect.stringContaining('Next embargo lifts at 2007-03-30T15:00:00+09:00'));
  });
});
