import { describe, expect, it } from 'vitest';
import { groupBy, neighbours, pagePaths, pageWindow, paginate, relatedReleases } from '../../src/lib/archive';
import { categoryPath, listPagePath, releasePath, tagPath, withBase, yearPath } from '../../src/lib/urls';

const r = (id: string, date: string, categories: string[], tags: string[] = []) => ({
  id,
  year: Number(date.slice(0, 4)),
  instant: new Date(`${date}T00:00:00Z`),
  categories,
  tags,
});
// Newest first.
const releases = [
  r('f', '2009-06-01', ['Product']),
  r('e', '2008-09-01', ['Financial'], ['buyback']),
  r('d', '2008-03-01', ['Corporate']),
  r('c', '2007-09-01', ['Financial']),
  r('b', '2007-06-01', ['Product']),
  r('a', '2007-03-01', ['Financial'], ['buyback']),
];

describe('archive views', () => {
  it('groups by year and by category, keeping newest first', () => {
    expect([...groupBy(releases, (x) => [x.year])].map(([y, list]) => [y, list.map((x) => x.id)])).toEqual([
      [2009, ['f']],
      [2008, ['e', 'd']],
      [2007, ['c', 'b', 'a']],
    ]);
    expect(
      groupBy(releases, (x) => x.tags)
        .get('buyback')!
        .map((x) => x.id),
    ).toEqual(['e', 'a']);
  });

  it('links each release to the one before and after it', () => {
    const n = neighbours(releases);
    expect(n.get('f')).toEqual({ previous: releases[1], next: undefined });
    expect(n.get('c')!.previous!.id).toBe('b');
    expect(n.get('c')!.next!.id).toBe('d');
    expect(n.get('a')!.previous).toBeUndefined();
  });

  it('relates same-category releases first, nearest in time, then others, at most three', () => {
    const related = relatedReleases(releases);
    expect(related.get('c')!.map((x) => x.id)).toEqual(['a', 'e', 'b']);
    expect(related.get('f')!.map((x) => x.id)).toEqual(['b', 'e', 'd']);
    expect(related.get('d')!.map((x) => x.id)).toHaveLength(3);
    expect(related.get('d')!.map((x) => x.id)).not.toContain('d');
  });

  it('takes the nearest in time, newer or older, not one older and one newer in turn', () => {
    const financial = [
      r('july-2019', '2019-07-15', ['Financial']),
      r('march-2019', '2019-03-01', ['Financial']),
      r('january-2019', '2019-01-01', ['Financial']),
      r('november-2007', '2007-11-26', ['Financial']),
      r('march-2007', '2007-03-30', ['Financial']),
    ];
    expect(
      relatedReleases(financial)
        .get('january-2019')!
        .map((x) => x.id),
    ).toEqual(['march-2019', 'july-2019', 'november-2007']);
  });
});

describe('pagination', () => {
  it('links the first, the last and the pages around the current one', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 1000)).toEqual([1, 2, 3, undefined, 1000]);
    expect(pageWindow(500, 1000)).toEqual([1, undefined, 498, 499, 500, 501, 502, undefined, 1000]);
    expect(pageWindow(999, 1000)).toEqual([1, undefined, 997, 998, 999, 1000]);
  });
  it('makes no page for an empty list, unless asked for one', () => {
    expect(paginate([], 10)).toEqual([]);
    expect(paginate([], 10, { always: true })).toEqual([{ number: 1, count: 1, items: [], total: 0 }]);
  });
  it('gives page 1 the clean URL and later pages /page/N/', () => {
    const paths = pagePaths([1, 2, 3, 4, 5], 2);
    expect(paths.map((p) => p.page)).toEqual([undefined, 'page/2', 'page/3']);
    expect(paths[2]!.list).toEqual({ number: 3, count: 3, items: [5], total: 5 });
    expect(listPagePath('releases/2007/', 1)).toBe('releases/2007/');
    expect(listPagePath('releases/2007/', 2)).toBe('releases/2007/page/2/');
  });
});

describe('URLs', () => {
  it('are readable, date-prefixed for releases, and honour the base path', () => {
    expect(releasePath('2007-03-30-results-of-share-buyback')).toBe('releases/2007-03-30-results-of-share-buyback/');
    expect(yearPath(2007)).toBe('releases/2007/');
    expect(categoryPath('Investor Relations')).toBe('categories/investor-relations/');
    expect(tagPath('Share Buyback')).toBe('tags/share-buyback/');
    expect(withBase('/newsroom/', 'releases/')).toBe('/newsroom/releases/');
    expect(withBase('/', '')).toBe('/');
  });
});

describe('taxonomy slugs', () => {
  it('keep Japanese tags whole and drop Latin accents', async () => {
    const { tagSlug } = await import('../../src/lib/taxonomy');
    expect(tagSlug('ストックオプション')).toBe('ストックオプション');
    expect(tagSlug('Résumé & Results')).toBe('resume-results');
  });
});
