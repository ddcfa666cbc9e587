import { describe, expect, it } from 'vitest';
import { impossibleDatelineDate, parseDateline } from '../../src/lib/importer/dateline';
import { tickersIn } from '../../src/lib/importer/tickers';

describe('datelines in the spellings of legacy releases', () => {
  it.each([
    [
      'TOKYO, Japan, March 30, 2007 -- Trend Micro (TSE: 4704) today',
      'TOKYO, Japan',
      '2007-03-30',
      'Trend Micro (TSE: 4704) today',
    ],
    [
      'Tokyo, Japan – June 30, 2009 - Trend Micro Incorporated',
      'Tokyo, Japan',
      '2009-06-30',
      'Trend Micro Incorporated',
    ],
    ['Tokyo, Japan –September 7, 2012 - Trend Micro', 'Tokyo, Japan', '2012-09-07', 'Trend Micro'],
    ['TOKYO, Japan, Feb. 15, 2010 -- Trend Micro', 'TOKYO, Japan', '2010-02-15', 'Trend Micro'],
    ['TOKYO, Japan, May 1st, 2008 — Trend Micro', 'TOKYO, Japan', '2008-05-01', 'Trend Micro'],
    ['TOKYO, Sept. 7, 2012 --Trend Micro', 'TOKYO', '2012-09-07', 'Trend Micro'],
    ['CUPERTINO, Calif., and TOKYO, Japan, Dec 3, 2007 --', 'CUPERTINO, Calif., and TOKYO, Japan', '2007-12-03', ''],
    // Day before month, as British and European releases write it.
    ['LONDON, UK, 30 March 2013 -- Trend Micro', 'LONDON, UK', '2013-03-30', 'Trend Micro'],
    ['Paris, France – 1st Sept. 2014 - Trend Micro', 'Paris, France', '2014-09-01', 'Trend Micro'],
  ])('%s', (text, location, date, rest) => {
    expect(parseDateline(text)).toMatchObject({ location, date, rest });
  });

  it('keeps the dateline as written, for the summary', () => {
    expect(parseDateline('Tokyo, Japan – June 30, 2009 - Trend Micro')?.written).toBe('Tokyo, Japan – June 30, 2009 -');
  });

  it.each([
    ['a day that does not exist', 'TOKYO, Japan, February 30, 2007 -- Trend Micro'],
    ['a day that does not exist, day first', 'LONDON, UK, 30 February 2013 -- Trend Micro'],
    ['no dash after the date', 'TOKYO, Japan, March 30, 2007 Trend Micro'],
    ['a sentence that mentions a date', 'Trend Micro announced on March 30, 2007 that it'],
    ['no location', 'March 30, 2007 -- Trend Micro'],
  ])('is not found in %s', (_, text) => {
    expect(parseDateline(text)).toBeUndefined();
  });

  it('tells a dateline whose date does not exist', () => {
    expect(impossibleDatelineDate('TOKYO, Japan, February 30, 2007 -- Trend Micro')).toBe('February 30, 2007');
    expect(impossibleDatelineDate('TOKYO, Japan, March 30, 2007 -- Trend Micro')).toBeUndefined();
    expect(impossibleDatelineDate('Trend Micro announced on February 30, 2007 that it')).toBeUndefined();
  });
});

describe('tickers from the parenthesis after the company name', () => {
  it('reads one or several, separated by semicolons or commas', () => {
    expect(tickersIn('Trend Micro (TSE: 4704; Nasdaq: TMIC), a leader')).toEqual(['TSE: 4704', 'Nasdaq: TMIC']);
    expect(tickersIn('Trend Micro (TSE: 4704), a leader')).toEqual(['TSE: 4704']);
    expect(tickersIn('Trend Micro (TSE:4704, NASDAQ: TMIC)')).toEqual(['TSE: 4704', 'NASDAQ: TMIC']);
  });

  it('skips parentheses that hold other text', () => {
    expect(tickersIn('pursuant to Article 165(2) of the law; Trend Micro (TSE: 4704)')).toEqual(['TSE: 4704']);
    expect(tickersIn('the Company (the "Company") announced (based on trade date)')).toEqual([]);
  });
});
