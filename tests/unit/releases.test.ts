import { describe, expect, it } from 'vitest';
import { newReleaseText } from '../../src/lib/authoring/new-release';
import {
  compareNewestFirst,
  FORMER_ADDRESS,
  heldWithOriginal,
  isPublished,
  issueTime,
  laterCorrectionProblem,
  nextEmbargoLift,
  ownHold,
  redirectClashes,
  releaseSlug,
  secondTranslations,
  sharedPathProblem,
  sharedPaths,
  summaryFromBody,
  translationMistakes,
  translationProblem,
  truncate,
} from '../../src/lib/releases';

const at = (iso: string) => new Date(iso);
const release = (id: string, instant: string, extra: { draft?: boolean; embargo?: Date } = {}) => ({
  id,
  date: instant.slice(0, 10),
  instant: at(instant),
  draft: false,
  ...extra,
});

describe('the date of a correction', () => {
  const TOKYO = 'Asia/Tokyo';
  it('is today or before, in the issuer’s zone', () => {
    const today = '2026-11-23';
    expect(laterCorrectionProblem({ date: '2007-03-30', updated: '2026-11-23' }, today, TOKYO)).toBeUndefined();
    expect(laterCorrectionProblem({ date: '2007-03-30', updated: '2007-04-02' }, today, TOKYO)).toBeUndefined();
    expect(laterCorrectionProblem({ date: '2007-03-30' }, today, TOKYO)).toBeUndefined();
    expect(laterCorrectionProblem({ date: '2007-03-30', updated: '2026-11-24' }, today, TOKYO)).toBe(
      'expected the date the correction was made, on or before today (2026-11-23 in Asia/Tokyo), found 2026-11-24',
    );
  });
  it('may be the date of issue of a release issued ahead of time', () => {
    const today = '2026-11-23';
    expect(laterCorrectionProblem({ date: '2026-12-01', updated: '2026-12-01' }, today, TOKYO)).toBeUndefined();
    expect(laterCorrectionProblem({ date: '2026-12-01', updated: '2026-12-02' }, today, TOKYO)).toBe(
      'expected the date the correction was made, on or before its date of issue (2026-12-01), as it is still to be issued, found 2026-12-02',
    );
  });
});

describe('publication', () => {
  const now = at('2007-03-30T06:00:00Z');
  it('hides drafts outside dev and shows them in dev', () => {
    const draft = release('a', '2007-03-29T15:00:00Z', { draft: true });
    expect(isPublished(draft, { now, preview: false })).toBe(false);
    expect(isPublished(draft, { now, preview: true })).toBe(true);
  });
  it('hides an embargoed release until its embargo lifts, and shows it in dev', () => {
    const embargoed = release('b', '2007-03-29T15:00:00Z', { embargo: at('2007-03-30T06:00:01Z') });
    expect(isPublished(embargoed, { now, preview: false })).toBe(false);
    expect(isPublished(embargoed, { now, preview: true })).toBe(true);
    expect(isPublished(embargoed, { now: at('2007-03-30T06:00:01Z'), preview: false })).toBe(true);
    expect(nextEmbargoLift([embargoed, release('c', '2007-01-01T00:00:00Z')], now)).toEqual(at('2007-03-30T06:00:01Z'));
  });
  it('holds a translation as long as its original: draft while it is, under the later embargo', () => {
    const early = at('2007-03-30T06:00:00Z');
    const late = at('2007-03-31T06:00:00Z');
    expect(heldWithOriginal({ draft: false }, undefined)).toEqual({ draft: false, embargo: undefined });
    expect(heldWithOriginal({ draft: false }, { draft: false, embargo: late })).toEqual({
      draft: false,
      embargo: late,
    });
    expect(heldWithOriginal({ draft: false, embargo: early }, { draft: false, embargo: late })).toEqual({
      draft: false,
      embargo: late,
    });
    expect(heldWithOriginal({ draft: false, embargo: late }, { draft: false, embargo: early })).toEqual({
      draft: false,
      embargo: late,
    });
    expect(heldWithOriginal({ draft: false }, { draft: true })).toEqual({ draft: true, embargo: undefined });
    expect(heldWithOriginal({ draft: true }, { draft: false })).toEqual({ draft: true, embargo: undefined });
  });
  it('sorts newest first, ties by id', () => {
    const list = [
      release('b', '2007-03-29T15:00:00Z'),
      release('c', '2007-11-25T15:00:00Z'),
      release('a', '2007-03-29T15:00:00Z'),
    ];
    expect(list.sort(compareNewestFirst).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('slugs', () => {
  it('prefixes the date of issue and drops a date already in the file name', () => {
    expect(releaseSlug('2007-03-30-results-of-share-buyback', '2007-03-30')).toBe(
      '2007-03-30-results-of-share-buyback',
    );
    expect(releaseSlug('2007/buyback', '2007-03-30')).toBe('2007-03-30-buyback');
    expect(releaseSlug('2007-03-30-x', '2007-03-30', 'share-buyback-results')).toBe('2007-03-30-share-buyback-results');
  });
  it('finds each release published at the address of one before it', () => {
    const a = { path: 'releases/2007-03-30-x/', filePath: 'content/releases/a.mdx' };
    const ja = { path: 'ja/releases/2007-03-30-x/', filePath: 'content/releases/ja/a.mdx' };
    const b = { path: 'releases/2007-03-30-x/', filePath: 'content/releases/b.mdx' };
    const c = { path: 'releases/2007-03-30-x/', filePath: 'content/releases/c.mdx' };
    expect(sharedPaths([a, ja])).toEqual([]);
    expect(sharedPaths([a, ja, b, c])).toEqual([
      { release: b, first: a },
      { release: c, first: a },
    ]);
    expect(sharedPathProblem(b.path, a.filePath)).toBe(
      'publishes at /releases/2007-03-30-x/, like content/releases/a.mdx; rename one file or set slug: to another name',
    );
    // The one a slug: moved there is at fault, not the one at its own file's address.
    const moved = (release: { filePath: string }) => release === a;
    expect(sharedPaths([a, b], moved)).toEqual([{ release: a, first: b }]);
    expect(sharedPaths([b, a], moved)).toEqual([{ release: a, first: b }]);
    expect(sharedPaths([a, b, c], moved)).toEqual([
      { release: a, first: b },
      { release: c, first: b },
    ]);
  });
});

describe('when a release is issued and may be published', () => {
  const tokyo = 'Asia/Tokyo';
  it('is issued at its date and time, or when its embargo lifts on that day, else at 00:00', () => {
    expect(issueTime({ date: '2007-03-30', time: '15:30' }, tokyo)).toMatchObject({
      iso: '2007-03-30T15:30:00+09:00',
      time: '15:30',
    });
    const embargo = at('2007-03-30T06:00:00Z');
    expect(issueTime({ date: '2007-03-30', embargo }, tokyo)).toEqual({
      instant: embargo,
      iso: '2007-03-30T15:00:00+09:00',
      time: '15:00',
    });
    expect(issueTime({ date: '2007-03-30' }, tokyo)).toMatchObject({
      iso: '2007-03-30T00:00:00+09:00',
      time: undefined,
    });
    // A translation held until its original's embargo, its own time earlier: issued when it lifts.
    expect(issueTime({ date: '2007-03-30', time: '09:00', embargo }, tokyo)).toMatchObject({ time: '15:00' });
    // An embargo that lifted days before leaves the time of issue as written.
    expect(issueTime({ date: '2007-04-02', embargo }, tokyo)).toMatchObject({ iso: '2007-04-02T00:00:00+09:00' });
  });
  it('is held until its embargo or its time of issue, whichever is later: a release dated later waits', () => {
    expect(ownHold({ date: '2026-12-15', draft: false }, tokyo).embargo?.toISOString()).toBe(
      '2026-12-14T15:00:00.000Z',
    );
    const early = at('2026-12-10T00:00:00Z');
    expect(ownHold({ date: '2026-12-15', embargo: early, draft: false }, tokyo).embargo?.toISOString()).toBe(
      '2026-12-14T15:00:00.000Z',
    );
    const late = at('2026-12-15T06:00:00Z');
    expect(ownHold({ date: '2026-12-15', embargo: late, draft: true }, tokyo)).toEqual({ draft: true, embargo: late });
    const hold = ownHold({ date: '2026-12-15', draft: false }, tokyo);
    expect(
      isPublished(
        { id: 'x', date: '2026-12-15', instant: hold.embargo!, ...hold },
        { now: at('2026-12-14T14:59:59Z'), preview: false },
      ),
    ).toBe(false);
    expect(
      isPublished(
        { id: 'x', date: '2026-12-15', instant: hold.embargo!, ...hold },
        { now: at('2026-12-14T15:00:00Z'), preview: false },
      ),
    ).toBe(true);
  });
});

describe('summary from the first paragraph', () => {
  it('skips components and keeps link text', () => {
    expect(
      summaryFromBody('\n<Terms>\n</Terms>\n\nTrend Micro [today](https://x.example) *announced* results.\n\nMore.'),
    ).toBe('Trend Micro today announced results.');
  });
  it('leaves out comments, such as the notes of npm run new, run into the paragraph or not', () => {
    expect(summaryFromBody('{/* The first paragraph. */}\nTrend Micro today announced results.\n\nMore.')).toBe(
      'Trend Micro today announced results.',
    );
    expect(summaryFromBody('{/*\nA note\n\nover two paragraphs\n*/}\n\nTrend Micro today announced results.')).toBe(
      'Trend Micro today announced results.',
    );
    // A release written from npm run new's template, its first sentence replaced, its notes left in.
    const template = newReleaseText({
      headline: 'Results',
      date: '2026-11-22',
      location: 'TOKYO, Japan',
      timeZone: 'Asia/Tokyo',
      categories: ['Financial'],
      defaultBoilerplate: 'trend-micro',
      defaultContacts: ['mahendra-negi'],
      notices: [],
      company: { name: 'Trend Micro Incorporated', tickers: ['TSE: 4704'] },
    });
    const body = template
      .slice(template.indexOf('\n---', 4) + 4)
      .replace(/today announced …/, 'today announced results.');
    expect(summaryFromBody(body)).toBe('Trend Micro Incorporated (TSE: 4704) today announced results.');
  });
  it('cuts long text at a word', () => {
    expect(truncate('one two three four five', 12)).toBe('one two…');
  });
});

describe('translations', () => {
  const original = { id: 'buyback', lang: 'en' };
  it('name an original in another language, not a translation or themselves', () => {
    const ja = { id: 'ja/buyback', lang: 'ja', translationOf: 'buyback' };
    expect(translationProblem(ja, 'buyback', original)).toBeUndefined();
    expect(translationProblem({ ...ja, translationOf: 'ja/buyback' }, 'ja/buyback', ja)).toBe(
      'expected the id of the release it translates, found "ja/buyback", this release itself',
    );
    expect(translationProblem({ id: 'ja/x', lang: 'ja' }, 'ja/buyback', ja)).toContain(
      'itself a translation of "buyback"',
    );
    expect(translationProblem({ id: 'x', lang: 'en' }, 'buyback', original)).toContain('in another language than en');
  });
  it('blame the same second translation whatever order they come in', () => {
    const first = { id: 'ja/2007-buyback', lang: 'ja', translationOf: 'buyback' };
    const second = { id: 'ja/2008-buyback-again', lang: 'ja', translationOf: 'buyback' };
    const english = { id: 'buyback', lang: 'en' };
    for (const order of [
      [first, second, english],
      [second, english, first],
    ]) {
      expect(secondTranslations(order)).toEqual([{ release: second, first }]);
    }
  });
  it('list every mistaken translation, leaving unknown ids to the references', () => {
    const english = { id: 'buyback', lang: 'en' };
    const ja = { id: 'ja/buyback', lang: 'ja', translationOf: 'buyback' };
    const again = { id: 'ja/buyback-again', lang: 'ja', translationOf: 'buyback' };
    const sameLanguage = { id: 'buyback-en', lang: 'en', translationOf: 'buyback' };
    const unknown = { id: 'ja/x', lang: 'ja', translationOf: 'nothing' };
    const file = (release: { id: string }) => `content/releases/${release.id}.mdx`;
    expect(translationMistakes([english, ja, again, sameLanguage, unknown], file)).toEqual([
      { release: sameLanguage, message: 'expected a release in another language than en, found "buyback" (en)' },
      {
        release: again,
        message: 'expected one ja version of "buyback", found a second: content/releases/ja/buyback.mdx already is one',
      },
    ]);
  });
});

describe('former addresses', () => {
  const release = (file: string, path: string, redirects: string[] = []) => ({ file, path, redirects });
  const clashes = (releases: ReturnType<typeof release>[]) =>
    redirectClashes(releases, (r) => r.file).map(({ release: r, index, message }) => `${r.file}[${index}]: ${message}`);

  it('accepts addresses no release has, and refuses one a release has now, its own, one kept before, or one twice', () => {
    const first = release('a.mdx', 'releases/2008-01-10-a/', ['releases/2008-01-09-a/']);
    const second = release('b.mdx', 'releases/2008-01-11-b/', [
      'releases/2008-01-10-a/',
      'releases/2008-01-09-a/',
      'releases/2008-01-11-b/',
      'releases/2008-01-08-b/',
      'releases/2008-01-08-b/',
    ]);
    const expected = [
      'b.mdx[0]: expected an address no other release has, found /releases/2008-01-10-a/, the address of a.mdx',
      'b.mdx[1]: expected an address no other release has, found /releases/2008-01-09-a/, a former address of a.mdx',
      'b.mdx[2]: expected a former address of this release, found /releases/2008-01-11-b/, its address now',
      'b.mdx[4]: expected each former address once, found /releases/2008-01-08-b/ twice',
    ];
    expect(clashes([first, second])).toEqual(expected);
    // The same file is named whatever order the files come in (the build's and the check's differ).
    expect(clashes([second, first])).toEqual(expected);
  });

  it('takes the last part of an address: the date, then a name as a file name may have it', () => {
    for (const good of ['2007-03-29-results-of-share-buyback', '2007-03-29-自己株式の取得結果']) {
      expect(FORMER_ADDRESS.test(good), good).toBe(true);
    }
    for (const bad of [
      '/releases/2007-03-29-x/',
      'results-of-share-buyback',
      '2007-03-29-Results',
      '2007-03-29-a--b',
    ]) {
      expect(FORMER_ADDRESS.test(bad), bad).toBe(false);
    }
  });
});
