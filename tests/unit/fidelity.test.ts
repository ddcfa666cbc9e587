import { describe, expect, it } from 'vitest';
import { firstMissingLine, normaliseLine, sourceLines } from '../support/fidelity';

describe('the fidelity check itself', () => {
  const source =
    'Headline\n\n1. Purchase period\n\nFrom March 22\n- Item one\nSee [Trend Micro.com](#) and <http://x.example/>\n';
  const lines = sourceLines(source);

  it('reads Markdown syntax in the source as the text it renders to', () => {
    expect(lines).toEqual([
      'Headline',
      '1. Purchase period',
      'From March 22',
      'Item one',
      'See Trend Micro.com and http://x.example/',
    ]);
    expect(normaliseLine('Directors of the Company:\t1 persons')).toBe('Directors of the Company: 1 persons');
  });

  it('passes when every line appears in order', () => {
    const page =
      'Nav Headline 1. Purchase period\nFrom March 22 Item one See Trend Micro.com and http://x.example/ Footer';
    expect(firstMissingLine(lines, page)).toBeUndefined();
  });

  it('fails when a line is dropped', () => {
    const page = 'Headline 1. Purchase period Item one See Trend Micro.com and http://x.example/';
    expect(firstMissingLine(lines, page)).toEqual({ index: 2, line: 'From March 22' });
  });

  it('fails when two lines are reordered', () => {
    const page = 'Headline From March 22 1. Purchase period Item one See Trend Micro.com and http://x.example/';
    expect(firstMissingLine(lines, page)).toMatchObject({ index: 2, line: 'From March 22', foundEarlierAt: 9 });
  });
});
