import { describe, expect, it } from 'vitest';
import {
  ALL_LANGUAGES,
  groupByLanguage,
  languageChoices,
  ownLanguage,
  searchLanguage,
  hasCriteria,
  mergeNewestFirst,
  pagefindOptions,
  readSearchState,
  releaseLanguages,
  searchStateQuery,
  moreLabel,
  olderLabel,
  recentSearchYear,
  archiveVolumeYears,
  markedWords,
  showsWord,
  readMatch,
  readArchive,
  volumesHolding,
  recordArchive,
  searchPlan,
  searchSummary,
  typoPrefixes,
  headlineLength,
  wordParts,
} from '../../src/lib/search';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';

const EN = en.search.sentences;

const read = (query: string) => readSearchState(new URLSearchParams(query));

describe('a search in the URL', () => {
  it('reads words, filters and order, trimming and dropping empty values', () => {
    expect(read('?q=+share+buyback+&year=2007&category=&order=relevance')).toEqual({
      q: 'share buyback',
      filters: { year: '2007' },
      order: 'relevance',
    });
  });

  it('falls back to newest first for a missing or unknown order, and ignores unknown parameters', () => {
    expect(read('?q=x&order=sideways&colour=red')).toEqual({ q: 'x', filters: {}, order: 'newest' });
  });

  it('writes a short, stable query string that reads back the same', () => {
    const state = read('?order=newest&category=Financial&q=stock+options&year=2007');
    expect(searchStateQuery(state)).toBe('?q=stock+options&year=2007&category=Financial');
    expect(read(searchStateQuery(state))).toEqual(state);
    expect(searchStateQuery(read(''))).toBe('');
  });

  it('keeps HTML in a query as text', () => {
    const state = read(`?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(state.q).toBe('<script>alert(1)</script>');
    expect(searchSummary(0, state, [], EN)).toBe('No results for “<script>alert(1)</script>”.');
  });

  it('has criteria with words or with a filter alone', () => {
    expect(hasCriteria(read(''))).toBe(false);
    expect(hasCriteria(read('?order=relevance'))).toBe(false);
    expect(hasCriteria(read('?q=buyback'))).toBe(true);
    expect(hasCriteria(read('?year=2007'))).toBe(true);
    // A language narrows a search; alone it is none, as the page's own language alone is none.
    expect(hasCriteria(read('?language=ja'))).toBe(false);
    expect(hasCriteria(read('?language=all'))).toBe(false);
    expect(hasCriteria(read('?year=2007&language=ja'))).toBe(true);
  });
});

describe('Pagefind options', () => {
  it('sorts newest first by the date key, and leaves relevance to Pagefind', () => {
    expect(pagefindOptions(read('?q=x&year=2007'))).toEqual({ filters: { year: '2007' }, sort: { date: 'desc' } });
    expect(pagefindOptions(read('?q=x&order=relevance'))).toEqual({ filters: {} });
  });

  it('keeps a search to the page’s language unless the reader chooses another, or every one', () => {
    const relevance = '&order=relevance';
    expect(pagefindOptions(read(`?q=x${relevance}`), 'en')).toEqual({ filters: { language: 'en' } });
    expect(pagefindOptions(read(`?q=x&language=ja${relevance}`), 'en')).toEqual({ filters: { language: 'ja' } });
    expect(pagefindOptions(read(`?q=x&language=all${relevance}`), 'en')).toEqual({ filters: {} });
    // No language of its own (one language of releases, or none in the page's): every language.
    expect(pagefindOptions(read(`?q=x${relevance}`))).toEqual({ filters: {} });
    expect(pagefindOptions(read(`?q=x&language=all${relevance}`))).toEqual({ filters: {} });
    expect(searchLanguage(read('?q=x'), 'ja')).toBe('ja');
    expect(searchLanguage(read('?q=x&language=en'), 'ja')).toBe('en');
    expect(searchLanguage(read(`?q=x&language=${ALL_LANGUAGES}`), 'ja')).toBeUndefined();
  });

  it('offers the page’s language first, under no value, then the others and every language', () => {
    expect(languageChoices('en', ['en', 'ja'])).toEqual([
      { value: '', code: 'en' },
      { value: 'ja', code: 'ja' },
      { value: 'all' },
    ]);
    expect(languageChoices('ja', ['en', 'ja'])).toEqual([
      { value: '', code: 'ja' },
      { value: 'en', code: 'en' },
      { value: 'all' },
    ]);
    // One language of releases: the index has no language filter, the page no language of its own.
    expect(ownLanguage('en', ['en'])).toBeUndefined();
    expect(ownLanguage('ja', ['en', 'ja'])).toBe('ja');
    // A page in a language no release is in: no value means every language.
    expect(ownLanguage('de', ['en', 'ja'])).toBeUndefined();
    expect(languageChoices('de', ['en', 'ja'])).toEqual([
      { value: '' },
      { value: 'en', code: 'en' },
      { value: 'ja', code: 'ja' },
    ]);
  });
});

describe('the summary of a search', () => {
  it('counts results and names the words, filters and order', () => {
    expect(searchSummary(1, read('?q=buyback'), [], EN)).toBe('1 result for “buyback”, newest first.');
    expect(searchSummary(3, read('?q=shares&order=relevance'), ['2008', 'Financial'], EN)).toBe(
      '3 results for “shares” in 2008, Financial, best match first.',
    );
    expect(searchSummary(2, read('?year=2007'), ['2007'], EN)).toBe('2 results in 2007, newest first.');
    expect(searchSummary(0, read('?q=xyzzy&year=2008'), ['2008'], EN)).toBe('No results for “xyzzy” in 2008.');
  });
});

describe('languages', () => {
  it('lists the default language first, then the others by code', () => {
    const releases = ['ja', 'en', 'de', 'ja'].map((lang) => ({ data: { lang } }));
    expect(releaseLanguages(releases, 'en')).toEqual(['en', 'de', 'ja']);
    expect(releaseLanguages([{ data: { lang: 'ja' } }], 'en')).toEqual(['ja']);
  });

  it('groups results by the language in their id, keeping their order', () => {
    const ids = ['en_3', 'ja_9', 'en_1', 'pt-br_2', 'ja_4'].map((id) => ({ id }));
    expect(groupByLanguage(ids).map((group) => group.map(({ id }) => id))).toEqual([
      ['en_3', 'en_1'],
      ['ja_9', 'ja_4'],
      ['pt-br_2'],
    ]);
  });
});

describe('merging newest-first lists', () => {
  const collect = async <T>(items: AsyncIterable<T>, limit = Infinity) => {
    const out: T[] = [];
    for await (const item of items) {
      out.push(item);
      if (out.length >= limit) break;
    }
    return out;
  };

  it('interleaves lists by date, newest first', async () => {
    const en = ['2009-01-01', '2007-03-30', '2007-01-01'];
    const ja = ['2010-05-05', '2008-01-01'];
    const merged = await collect(mergeNewestFirst([en, ja], async (date) => date));
    expect(merged).toEqual(['2010-05-05', '2009-01-01', '2008-01-01', '2007-03-30', '2007-01-01']);
  });

  it('loads dates only for the items it has to compare', async () => {
    const loaded: string[] = [];
    const key = async (date: string) => {
      loaded.push(date);
      return date;
    };
    const lists = [
      ['2009', '2008', '2007', '2006'],
      ['2005', '2004'],
    ];
    expect(await collect(mergeNewestFirst(lists, key), 2)).toEqual(['2009', '2008']);
    expect(loaded.sort()).toEqual(['2005', '2008', '2009']);
  });

  it('ends at once for no results', async () => {
    expect(await collect(mergeNewestFirst<string>([[], []], async (date) => date))).toEqual([]);
  });
});

describe('search sentences in Japanese', () => {
  it('reads naturally, and the button counts what is left', () => {
    const JA = ja.search.sentences;
    expect(searchSummary(2, read('?q=自己株式'), [], JA)).toBe('「自己株式」の検索結果：2件（新しい順）。');
    expect(searchSummary(0, read('?q=xyzzy&year=2008'), ['2008年'], JA)).toBe(
      '「xyzzy」（2008年）に一致する結果はありません。',
    );
    // Filters listed as Japanese lists them; without words, the filters alone open the sentence.
    expect(searchSummary(3, read('?q=x&year=2008&category=Financial'), ['2008年', '財務・IR'], JA)).toBe(
      '「x」（2008年、財務・IR）の検索結果：3件（新しい順）。',
    );
    expect(searchSummary(2, read('?year=2008'), ['2008年'], JA)).toBe('2008年の検索結果：2件（新しい順）。');
    expect(moreLabel(25, 10, JA)).toBe('さらに10件表示');
    expect(moreLabel(1, 10, EN)).toBe('Show 1 more result');
  });
});

describe('a split index', () => {
  // 2007: 3 releases, 2008: 1, 2009: 1, 2010: 11.
  const years = [2007, 2007, 2007, 2008, 2009, ...Array.from({ length: 11 }, () => 2010)];

  it('starts its first part at the latest whole years that hold at most the limit', () => {
    expect(recentSearchYear(years, 12)).toBe(2009);
    expect(recentSearchYear(years, 13)).toBe(2008);
    expect(recentSearchYear(years.toReversed(), 12)).toBe(2009);
    // The latest year, however many releases it has.
    expect(recentSearchYear(years, 5)).toBe(2010);
    // Everything fits: one index.
    expect(recentSearchYear(years, 16)).toBeUndefined();
    expect(recentSearchYear([], 1)).toBeUndefined();
    // All of one year: nothing older to split off.
    expect(recentSearchYear([2010, 2010, 2010], 1)).toBeUndefined();
  });

  it('gathers the archive into volumes of whole years, from the oldest, of at most the limit each', () => {
    // 2000: 5, 2001: 4, 2002: 2, 2003: 7, 2004: 1, in any order.
    const archived = [
      ...Array.from({ length: 5 }, () => 2000),
      ...Array.from({ length: 4 }, () => 2001),
      2002,
      2002,
      ...Array.from({ length: 7 }, () => 2003),
      2004,
    ];
    expect(archiveVolumeYears(archived, 6)).toEqual([2000, 2001, 2003, 2004]);
    expect(archiveVolumeYears(archived.toReversed(), 6)).toEqual([2000, 2001, 2003, 2004]);
    expect(archiveVolumeYears(archived, 11)).toEqual([2000, 2003]);
    expect(archiveVolumeYears(archived, 100)).toEqual([2000]);
    // A year of more than the limit is a volume of its own.
    expect(archiveVolumeYears(archived, 3)).toEqual([2000, 2001, 2002, 2003, 2004]);
    // Releases the first index hands on to the newest year change only the newest volume.
    expect(archiveVolumeYears([...archived, 2004, 2004, 2004, 2004], 11)).toEqual([2000, 2003, 2004]);
  });

  it('tells a page with the word searched from one Pagefind may have found by another word', () => {
    const match = (excerpt: string, word: string) => readMatch(excerpt, word).match;
    // The word itself, in any case or with punctuation, or a longer word beginning with it.
    expect(match('final terms of stock <mark>Acquisition</mark> rights', 'acquisition')).toBe('word');
    expect(match('<mark>Network™</mark> infrastructure', '"network"')).toBe('word');
    expect(match('our <mark>shareholders</mark> approved', 'share')).toBe('word');
    expect(match('(<mark>TSE:</mark> 4704)', 'TSE:')).toBe('word');
    // A word Pagefind segmented, each part marked.
    expect(match('本日、<mark>自己</mark><mark>株式</mark>の取得', '自己株式')).toBe('word');
    // Parting from it where only an ending its stem leaves out is left: a word of its stem.
    expect(match('thanking them for their <mark>companionship.</mark>', 'company')).toBe('word');
    expect(match('the <mark>companies</mark> of the group', 'company')).toBe('word');
    expect(match('a privacy <mark>policy</mark>', 'policing')).toBe('word');
    expect(match('it <mark>announced</mark> today', 'announcement')).toBe('word');
    // A shorter word, which may be its stem or a word Pagefind matches instead of one its index
    // lacks ("seller" is its own stem), or one that parts from it otherwise.
    expect(match('Year-End <mark>Dividend</mark> (No. 9066)', 'dividends')).toBe('unsure');
    expect(match('shares they <mark>sell</mark>', 'seller')).toBe('unsure');
    expect(match('the <mark>company</mark> said', "company's")).toBe('unsure');
    expect(match('announced that <mark>a</mark> share buyback', 'acquisition')).toBe('unsure');
    expect(match('the <mark>Share</mark> buyback', 'shareholders')).toBe('unsure');
    expect(match('dividend number 3 of the <mark>company.</mark>', 'companionship')).toBe('unsure');
    expect(match('final terms of stock <mark>Acquisition</mark> rights', 'acquisitionx')).toBe('unsure');
    expect(match('本日、<mark>自己</mark>の取得', '自己株式')).toBe('unsure');
    // A possessive is the word too.
    expect(match('thanking them for their <mark>companionship.</mark>', "company's")).toBe('word');
    // An excerpt that marks nothing (the word matched in the title alone) leaves it to the exact search.
    expect(match('no mark at all', 'acquisition')).toBe('unsure');
  });

  it('measures how much of the searched word the stem of the word Pagefind matched begins with', () => {
    const reach = (excerpt: string, word: string) => readMatch(excerpt, word).reach;
    expect(reach('announced that <mark>a</mark> share buyback', 'acquisitionx')).toBe(1);
    expect(reach('stock <mark>Acquisition</mark> rights', 'acquisitionx')).toBe(8);
    expect(reach('of the <mark>company.</mark>', 'companionship')).toBe(6);
    // Words of one stem reach as far, however they end.
    for (const written of ['company', 'companies', 'Company’s']) {
      expect(reach(`the <mark>${written}</mark> said`, 'companiesx'), written).toBe(6);
    }
    expect(reach('the <mark>mines</mark>', 'minesx')).toBe(reach('<mark>mining</mark> policy', 'minesx'));
    expect(reach('no mark at all', 'acquisition')).toBe(0);
  });

  it('reads only the volume that holds the year a search is filtered by', () => {
    const volumes = ['pagefind-archive/2016', 'pagefind-archive/2008', 'pagefind-archive/2000'];
    expect(volumesHolding(volumes, '2012')).toEqual(['pagefind-archive/2008']);
    expect(volumesHolding(volumes, '2008')).toEqual(['pagefind-archive/2008']);
    expect(volumesHolding(volumes, '2017')).toEqual(['pagefind-archive/2016']);
    expect(volumesHolding(volumes, '1999')).toEqual([]);
    expect(volumesHolding(volumes, undefined)).toEqual(volumes);
    // A value the page does not offer filters nothing out here; Pagefind finds nothing for it.
    expect(volumesHolding(volumes, 'recent')).toEqual(volumes);
  });

  it('records the archive’s volumes for the search page, and reads them back', () => {
    const volume = {
      dir: 'pagefind-archive/2000',
      from: '1999-12-31T15:00:00.000Z',
      languages: ['en'],
    };
    const recorded = recordArchive([volume]);
    expect(readArchive(recorded)).toEqual([volume]);
    for (const wrong of [
      '[]',
      '{}',
      '[{"dir":"elsewhere/2000","from":"x","languages":[]}]',
      '[{"dir":"pagefind-archive/2000"}]',
      '[{"dir":"pagefind-archive/../site","from":"x","languages":[]}]',
      // Oldest first.
      '[{"dir":"pagefind-archive/2000","from":"1999","languages":[]},{"dir":"pagefind-archive/2008","from":"2007","languages":[]}]',
    ]) {
      expect(() => readArchive(wrong), wrong).toThrow(/expected the archive's volumes as data-archive records it/);
    }
    expect(() => readArchive('')).toThrow();
  });

  it('reads the part a year names, both for best match first, and the first part first otherwise', () => {
    const split = { year: 2009 };
    expect(searchPlan(read('?q=buyback'), split)).toBe('recent-first');
    expect(searchPlan(read('?category=Financial'), split)).toBe('recent-first');
    expect(searchPlan(read('?q=buyback&year=2009'), split)).toBe('recent');
    expect(searchPlan(read('?q=buyback&year=2008'), split)).toBe('archive');
    expect(searchPlan(read('?q=buyback&order=relevance'), split)).toBe('all');
    expect(searchPlan(read('?q=buyback&year=2008&order=relevance'), split)).toBe('archive');
    expect(searchPlan(read('?q=buyback&year=2008'), undefined)).toBe('all');
  });

  it('says what has been searched so far, and offers the older years', () => {
    const JA = ja.search.sentences;
    expect(searchSummary(11, read('?q=dividend'), [], EN, 2009)).toBe(
      '11 releases for “dividend” from 2009 on, newest first.',
    );
    expect(searchSummary(12, read('?category=Financial'), ['Financial'], EN, 2022)).toBe(
      '12 releases in Financial from 2022 on, newest first.',
    );
    expect(searchSummary(11, read('?q=dividend'), [], JA, 2009)).toBe(
      '「dividend」（2009年以降）のリリース：11件（新しい順）。',
    );
    expect(olderLabel(2009, EN)).toBe('Search releases before 2009');
    expect(olderLabel(2009, JA)).toBe('2009年より前のリリースも検索');
  });
});

describe('a correction for a misspelt word', () => {
  it('reads the words an excerpt marks, as one word where Pagefind marked its parts side by side', () => {
    expect(markedWords('Results of Share <mark>Buyback.</mark> … the <mark>buyback</mark> program')).toEqual([
      'buyback',
      'buyback',
    ]);
    expect(markedWords('<mark>自己</mark><mark>株式</mark>の取得')).toEqual(['自己株式']);
    expect(markedWords('no mark here')).toEqual([]);
  });
  it('searches the beginnings of a misspelt word, longest first, down to three letters', () => {
    expect(typoPrefixes('Buybak')).toEqual(['buyba', 'buyb', 'buy']);
    expect(typoPrefixes('stok')).toEqual(['sto']);
    expect(typoPrefixes('ab')).toEqual([]);
  });
  it('tells a word matched itself from a shorter word matched instead, or a word left out', () => {
    // The word, a longer one, or its stem with an ending dropped.
    expect(showsWord('Share <mark>Buyback.</mark>', 'buyback')).toBe(true);
    expect(showsWord('<mark>Companies</mark>', 'company')).toBe(true);
    expect(showsWord('interim <mark>dividend</mark>', 'Dividends')).toBe(true);
    expect(showsWord('<mark>sell</mark> shares', 'seller')).toBe(true);
    // Another word of the same stem.
    expect(showsWord('Trend Micro <mark>announces</mark>', 'announced')).toBe(true);
    expect(showsWord('the <mark>release</mark> of', 'released')).toBe(true);
    expect(showsWord('<mark>issue</mark> price', 'issued')).toBe(true);
    expect(showsWord('a <mark>run</mark> of', 'running')).toBe(true);
    expect(showsWord('<mark>planned</mark> purchase', 'plan')).toBe(true);
    // A shorter word matched instead of a misspelt one.
    expect(showsWord('<mark>a</mark> company', 'aquisition')).toBe(false);
    expect(showsWord('to <mark>buy</mark> back', 'buybakc')).toBe(false);
    expect(showsWord('Stock <mark>Options</mark>.', 'optionz')).toBe(false);
    // A word Pagefind left out: only the other word marked.
    expect(showsWord('<mark>Stock</mark> acquisition rights', 'optoins')).toBe(false);
    expect(showsWord('no mark here', 'buyback')).toBe(false);
  });
});

describe('an excerpt as a result shows it', () => {
  const HEADLINE = 'Trend Micro Announces Results of Share Buyback';
  const BODY = 'TOKYO, Japan, March 30, 2007 -- Trend Micro';

  it('drops the headline it begins with, and the full stop Pagefind puts after it', () => {
    const text = `${HEADLINE}. ${BODY}`;
    expect(text.slice(headlineLength(text, HEADLINE))).toBe(BODY);
    // Japanese: Pagefind's ASCII full stop after a heading goes with it.
    const ja = 'トレンドマイクロ、自己株式の取得結果に関するお知らせ. 東京、2007年3月30日';
    expect(ja.slice(headlineLength(ja, 'トレンドマイクロ、自己株式の取得結果に関するお知らせ'))).toBe(
      '東京、2007年3月30日',
    );
  });

  it('drops the end of the headline where the excerpt begins inside it, with the ellipsis', () => {
    for (const text of [`…of Share Buyback. ${BODY}`, `… Share Buyback. ${BODY}`]) {
      expect(text.slice(headlineLength(text, HEADLINE)), text).toBe(BODY);
    }
  });

  it('keeps an excerpt that does not begin with the headline', () => {
    for (const text of [
      `${BODY} announced`,
      // The headline's words running on into other words are not the headline.
      `${HEADLINE}s were announced`,
      // Part of a word of the headline is not its end.
      '…uyback. TOKYO',
      // Without an ellipsis, only the whole headline.
      `Share Buyback. ${BODY}`,
      // After one, the headline's end only with the full stop Pagefind puts after a heading.
      '…Buyback program was approved',
    ]) {
      expect(headlineLength(text, HEADLINE), text).toBe(0);
    }
    expect(headlineLength(BODY, '')).toBe(0);
    const alliance = '…Micro Incorporated (TSE: 4704) today';
    expect(headlineLength(alliance, 'Notice Regarding Alliance with Trend Micro')).toBe(0);
  });

  it('marks a word without the punctuation Pagefind marked along with it', () => {
    expect(wordParts('4704),')).toEqual(['', '4704', '),']);
    expect(wordParts('(TSE:')).toEqual(['(', 'TSE', ':']);
    expect(wordParts('Stock.')).toEqual(['', 'Stock', '.']);
    expect(wordParts('buyback')).toEqual(['', 'buyback', '']);
    expect(wordParts('自己株式')).toEqual(['', '自己株式', '']);
    expect(wordParts('),')).toEqual(['),', '', '']);
  });
});
