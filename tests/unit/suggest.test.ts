import { describe, expect, it } from 'vitest';
import { closest, didYouMean, listIds, unknownIdMessage } from '../../src/lib/suggest';

describe('what an author meant', () => {
  const fields = ['headline', 'date', 'categories', 'contacts', 'correction', 'updated', 'tags', 'time'];
  it('finds a misspelt field, a name in other capitals or with its file extension', () => {
    expect(closest('categorie', fields)).toBe('categories');
    expect(closest('catgeories', fields)).toBe('categories');
    expect(closest('Headline', fields)).toBe('headline');
    expect(closest('2007-03-30-buyback.mdx', ['2007-03-30-buyback', '2007-11-26-terms'])).toBe('2007-03-30-buyback');
    expect(closest('jane-doe.yaml', ['jane-doe', 'john-roe'])).toBe('jane-doe');
  });
  it('suggests nothing far off, or when two are as close', () => {
    expect(closest('author', fields)).toBeUndefined();
    expect(closest('tim', ['time', 'tags', 'tie'])).toBeUndefined(); // time and tie: one edit each
    expect(closest('x', fields)).toBeUndefined();
    expect(didYouMean('author', fields)).toBe('');
    expect(didYouMean('categorie', fields)).toBe(' (did you mean "categories"?)');
  });
  it('lists at most ten ids, and names the one meant', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `release-${String(i).padStart(2, '0')}`);
    expect(listIds(ids)).toBe(`${ids.slice(0, 10).join(', ')}, …`);
    expect(listIds([])).toBe('none');
    expect(unknownIdMessage('content/contacts', ['jane-doe', 'john-roe'], 'jane-do')).toBe(
      'expected the id of an entry in content/contacts/ (jane-doe, john-roe), found "jane-do" (did you mean "jane-doe"?)',
    );
  });
});
