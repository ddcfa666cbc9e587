/**
 * Search over releases: the names the index and the /search/ page agree on, and how one search
 * (words, filters, order) lives in the URL so it can be shared, reloaded and gone back to. Pure
 * functions, used at build time by the page templates and in the browser by the search script.
 */
import { groupBy } from './archive';

/** The folder of the built site that holds the index and Pagefind's browser script. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * The folder of the older years' indexes, once the archive is split (`searchSplit`): one index per
 * volume (`ArchiveVolume`), in a folder named after its first year (`pagefind-archive/2000/`). They
 * hold only releases; the About and Contacts pages stay in the first, so that every language the
 * site has is in it.
 */
export const ARCHIVE_BUNDLE_DIR = 'pagefind-archive';

/**
 * One volume of the archive's index: the releases issued from `from` (the first moment of its
 * first year in the newsroom's zone, as `toISOString()` writes it) until the next volume's.
 */
export interface ArchiveVolume {
  /** Its folder in the built site, named after its first year: `pagefind-archive/2000`. */
  dir: string;
  from: string;
  /** The languages of its releases (the default first). */
  languages: string[];
}

/** The folder of the archive's volume whose releases start in `firstYear`. */
export const archiveVolumeDir = (firstYear: number) => `${ARCHIVE_BUNDLE_DIR}/${firstYear}`;

/**
 * Where the index is split, once the newsroom has more releases than a first search should load
 * (`searchRecentReleases` in site.yaml): the first index holds the releases issued in `year` and
 * after, from the instant `from` (the year's first moment in the newsroom's zone, as
 * `toISOString()` writes it, which is how pages record their instant); the archive holds the
 * older ones, in volumes (`archive`, newest first) of at most as many releases each.
 */
export interface SearchSplit {
  year: number;
  from: string;
  archive: ArchiveVolume[];
}

/**
 * The first year of the first index: the latest whole years whose releases number at most
 * `limit` (at least the latest year, however many it has). Undefined when every release fits, or
 * all are of one year, and the site keeps one index. `years` holds one entry per published
 * release, in any language.
 */
export function recentSearchYear(years: readonly number[], limit: number): number | undefined {
  if (years.length <= limit) return undefined;
  let year: number | undefined;
  let total = 0;
  for (const [next, count] of yearCounts(years).toReversed()) {
    if (year !== undefined && total + count > limit) break;
    total += count;
    year = next;
  }
  // Every release in the latest year: nothing older to split off.
  return total < years.length ? year : undefined;
}

/**
 * The first years of the archive's volumes, oldest first: whole years, gathered from the oldest on
 * while a volume holds at most `limit` releases (at least one year each, however many it has).
 * Gathered from the oldest, so that the years the first index hands on as the newsroom grows
 * change only the newest volume, and each older one keeps its releases, and its index.
 * `years` holds one entry per archived release.
 */
export function archiveVolumeYears(years: readonly number[], limit: number): number[] {
  const firsts: number[] = [];
  let total = 0;
  for (const [year, count] of yearCounts(years)) {
    if (firsts.length === 0 || total + count > limit) {
      firsts.push(year);
      total = 0;
    }
    total += count;
  }
  return firsts;
}

/** How many of `years` each year is, oldest first. */
function yearCounts(years: readonly number[]): (readonly [number, number])[] {
  return [...groupBy(years, (year) => [year])]
    .map(([year, list]) => [year, list.length] as const)
    .sort(([a], [b]) => a - b);
}

/** The attributes of the built search page that tell the index writer where to split. */
export const SPLIT_FROM_ATTRIBUTE = 'data-split-from';
/** The archive's volumes, newest first, as JSON (`recordArchive`). */
export const ARCHIVE_ATTRIBUTE = 'data-archive';

/** The value of ARCHIVE_ATTRIBUTE: the volumes, for the search page's script and the index writer. */
export const recordArchive = (archive: readonly ArchiveVolume[]): string =>
  JSON.stringify(archive.map(({ dir, from, languages }): ArchiveVolume => ({ dir, from, languages })));

/**
 * The volumes of the archive (`dir`s, newest first) a search with the year filter `year` can find
 * anything in: the one holding the year, or, with no year, all.
 */
export function volumesHolding(volumes: readonly string[], year: string | undefined): string[] {
  if (year === undefined || !/^\d+$/.test(year)) return [...volumes];
  const holding = volumes.find((dir) => Number(dir.slice(ARCHIVE_BUNDLE_DIR.length + 1)) <= Number(year));
  return holding === undefined ? [] : [holding];
}

/** The folder of a volume, as `archiveVolumeDir` names it. */
const VOLUME_DIR = new RegExp(`^${ARCHIVE_BUNDLE_DIR}/\\d+$`);

/**
 * Reads the value of ARCHIVE_ATTRIBUTE; throws unless it is one: volumes in folders of
 * `pagefind-archive/`, newest first.
 */
export function readArchive(recorded: string): ArchiveVolume[] {
  const volumes: unknown = JSON.parse(recorded);
  const isVolume = (volume: unknown): volume is ArchiveVolume => {
    const { dir, from, languages } = (volume ?? {}) as Partial<Record<keyof ArchiveVolume, unknown>>;
    return (
      typeof dir === 'string' &&
      VOLUME_DIR.test(dir) &&
      typeof from === 'string' &&
      Array.isArray(languages) &&
      languages.every((language) => typeof language === 'string')
    );
  };
  const newestFirst = (list: ArchiveVolume[]) => list.every((volume, i) => i === 0 || volume.from < list[i - 1]!.from);
  if (!Array.isArray(volumes) || volumes.length === 0 || !volumes.every(isVolume) || !newestFirst(volumes)) {
    throw new Error(`expected the archive's volumes as ${ARCHIVE_ATTRIBUTE} records it, found ${recorded}`);
  }
  return volumes;
}

/**
 * The folders of built pages Pagefind reads (relative to the site, in every language): those of
 * release pages and the About and Contacts pages, the only pages marked `data-pagefind-body`. The
 * pattern also matches the first page of each year's list (`releases/2007/`), which Pagefind reads
 * and skips; leaving out every other list, tag and feed page saves reading thousands of files on a
 * large archive. It covers `releasePath` (src/lib/urls.ts) and the About and Contacts routes; the
 * search tests find all three, so a route that moves without this pattern fails them.
 */
export const INDEXED_FOLDERS = ['about', 'contacts', 'releases/*'] as const;

/** `INDEXED_FOLDERS` as Pagefind's glob: each in the default language and below any other's code. */
export const INDEXED_PAGES = `{${[...INDEXED_FOLDERS, ...INDEXED_FOLDERS.map((folder) => `*/${folder}`)].join(',')}}/index.html`;

/**
 * The sort key of an indexed page with no date of issue (About, Contacts): before any real date as
 * text, so it comes after every release in "newest first" results, however old the archive. (So
 * too, once the index is split, after the archive's releases, although it is in the first index.)
 */
export const UNDATED = '0000-01-01T00:00:00.000Z';

/**
 * What every indexed page records besides its text, from its `data-instant` and `data-lang`: the
 * instant it sorts by (`SORT_KEY`; Pagefind leaves a page without one out of sorted results
 * altogether, and the search script merges languages by the `instant` meta) and its language as a
 * meta (a result is read out in it; the full tag, where Pagefind's index names may shorten it). The
 * language filter needs no record: Pagefind keeps an index per language, and the search script
 * names each index's language as it loads it (src/scripts/search/pagefind.ts). A release adds its
 * own meta and filters (ReleaseIndexData.astro).
 */
export function searchRecord(
  instant: string,
  lang: string,
  more: { meta?: string[]; filters?: string[] } = {},
): Record<string, string> {
  const filters = more.filters ?? [];
  return {
    'data-pagefind-sort': `${SORT_KEY}[data-instant]`,
    'data-pagefind-meta': [...(more.meta ?? []), 'instant[data-instant]', 'lang[data-lang]'].join(', '),
    ...(filters.length > 0 && { 'data-pagefind-filter': filters.join(', ') }),
    'data-instant': instant,
    'data-lang': lang,
  };
}

/** The attributes that index a page other than a release (About, Contacts): its region, searched. */
export const indexedPage = (lang: string): Record<string, string> => ({
  'data-pagefind-body': '',
  ...searchRecord(UNDATED, lang),
});

/** Filters recorded on every release page and offered on the search page, in that order. */
export const SEARCH_FILTERS = ['year', 'category', 'language'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The Pagefind sort key holding a release's instant of issue (UTC ISO 8601, so it sorts as text). */
export const SORT_KEY = 'date';

export const SEARCH_ORDERS = ['newest', 'relevance'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];
/** Readers of a newsroom mostly want the latest release on a subject, so newest comes first. */
export const DEFAULT_ORDER: SearchOrder = 'newest';

export interface SearchState {
  /** The words typed, trimmed; empty when the reader only browses by filter. */
  q: string;
  filters: Partial<Record<SearchFilter, string>>;
  order: SearchOrder;
}

/** Reads a search from `?q=…&year=…&category=…&language=…&order=…`; unknown values fall back. */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of SEARCH_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const order = params.get('order');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    order: SEARCH_ORDERS.includes(order as SearchOrder) ? (order as SearchOrder) : DEFAULT_ORDER,
  };
}

/** The query string for a search (`?q=buyback&year=2007`), leaving out empty values and defaults. */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of SEARCH_FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.order !== DEFAULT_ORDER) params.set('order', state.order);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * True when there is something to search for: words, or at least one filter to browse by. A
 * language alone is none: it narrows a search (`searchLanguage`), as the page's own always does.
 */
export function hasCriteria(state: SearchState): boolean {
  return state.q !== '' || Object.keys(state.filters).some((name) => name !== 'language');
}

export interface PagefindSearchOptions {
  filters: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/**
 * The language filter's value for every language. Without a value, a search keeps to the page's
 * language, as a newsroom in one language would: each bilingual release is listed once, and the
 * other languages' results are offered beside (`searchLanguage`).
 */
export const ALL_LANGUAGES = 'all';

/**
 * The language a search page keeps to unless the reader chooses another: the page's, once
 * releases come in several languages (the page then offers a language filter) and some are in it.
 */
export function ownLanguage(pageLanguage: string, languages: readonly string[]): string | undefined {
  return languages.length > 1 && languages.includes(pageLanguage) ? pageLanguage : undefined;
}

/**
 * The language filter's choices on a search page in `pageLanguage`, for releases in `languages`:
 * the page's language under no value, each other language under its code, then every language.
 * Where no release is in the page's language (`ownLanguage`), no value means every language.
 */
export function languageChoices(
  pageLanguage: string,
  languages: readonly string[],
): { value: string; code?: string }[] {
  const own = ownLanguage(pageLanguage, languages);
  if (own === undefined) return [{ value: '' }, ...languages.map((code) => ({ value: code, code }))];
  const others = languages.filter((code) => code !== own).map((code) => ({ value: code, code }));
  return [{ value: '', code: own }, ...others, { value: ALL_LANGUAGES }];
}

/**
 * The language a search keeps to: the one chosen, or with none chosen `own` (the page's language,
 * when releases are in it; languageChoices); undefined for every language.
 */
export function searchLanguage(state: SearchState, own: string | undefined): string | undefined {
  const chosen = state.filters.language;
  return chosen === ALL_LANGUAGES ? undefined : chosen || own;
}

/**
 * The options Pagefind's `search()` takes for a search: no sort means Pagefind's relevance order.
 * `own`: the language a search keeps to when none is chosen (`searchLanguage`).
 */
export function pagefindOptions(state: SearchState, own?: string): PagefindSearchOptions {
  const filters: Record<string, string> = {};
  for (const [name, value] of Object.entries(state.filters)) if (value) filters[name] = value;
  const language = searchLanguage(state, own);
  if (language) filters.language = language;
  else delete filters.language;
  return state.order === 'newest' ? { filters, sort: { [SORT_KEY]: 'desc' } } : { filters };
}

/**
 * Which index a search reads, once the archive is split (`SearchSplit`): a year filter names the
 * part that holds the year; best match first needs every part, to rank every match; otherwise,
 * newest first, the first index is read first and the archive only when the reader asks for older
 * releases (or the first has too few to fill a page). With one index, `all`: everything loaded.
 */
export type SearchPlan = IndexPart | 'recent-first';

/** Which part of a split index a search reads; `all`: every part loaded (or the one index). */
export type IndexPart = 'recent' | 'archive' | 'all';

export function searchPlan(state: SearchState, split: { year: number } | undefined): SearchPlan {
  if (!split) return 'all';
  const year = Number(state.filters.year);
  if (state.filters.year && Number.isInteger(year)) return year >= split.year ? 'recent' : 'archive';
  return state.order === 'relevance' ? 'all' : 'recent-first';
}

/**
 * The sentence that sums up a search for sighted readers and screen readers alike, e.g.
 * `2 results for “buyback” in 2007, newest first.` `filterLabels` are the chosen filters as shown.
 */
export interface SummarySentences {
  none: string;
  one: string;
  many: string;
  words: string;
  within: string;
  /** `within` for a search with no words: the filters alone. */
  withinAlone: string;
  /** Between the filters named in `within`. */
  separator: string;
  /** Between sentences read out one after the other: a space, none in Japanese. */
  gap: string;
  /** The page title while a search is shown: `{q}` the words, `{page}` the page's own title. */
  title: string;
  /** Said when a search is submitted with no words and no filter. */
  nothing: string;
  newest: string;
  relevance: string;
  moreOne: string;
  moreMany: string;
  /** Only the first index searched so far: its releases, from its first year on. */
  partialOne: string;
  partialMany: string;
  since: string;
  /** The button that searches the archive too. */
  older: string;
  /**
   * Offered when a search with a misspelt word corrected finds something, and the search shown
   * found nothing or lacks that word: `{q}` is its link.
   */
  suggestion: string;
  /**
   * Offered where a search keeps to one language and others have results too (`elsewhereOnly`:
   * where it found nothing): `{languages}`, a link to each language's results.
   */
  elsewhere: string;
  elsewhereOnly: string;
}

/** Fills `{name}` placeholders, once each, with plain text (a query can never add placeholders). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * `since`: the first year of the first index, when only it has been searched; `count` then counts
 * the releases found in it.
 */
export function searchSummary(
  count: number,
  state: SearchState,
  filterLabels: string[],
  sentences: SummarySentences,
  since?: number,
): string {
  const words = state.q ? fill(sentences.words, { q: state.q }) : '';
  const filters = filterLabels.join(sentences.separator);
  const within = filterLabels.length > 0 ? fill(state.q ? sentences.within : sentences.withinAlone, { filters }) : '';
  const order = state.order === 'newest' ? sentences.newest : sentences.relevance;
  if (since !== undefined) {
    const template = count === 1 ? sentences.partialOne : sentences.partialMany;
    const from = fill(sentences.since, { year: String(since) });
    return fill(template, { count: String(count), words, within, since: from, order });
  }
  const template = count === 0 ? sentences.none : count === 1 ? sentences.one : sentences.many;
  return fill(template, { count: String(count), words, within, order });
}

/** The label of the "show more" button for `left` results not yet shown, `pageSize` at a time. */
export function moreLabel(left: number, pageSize: number, sentences: SummarySentences): string {
  const count = Math.min(left, pageSize);
  return count === 1 ? sentences.moreOne : fill(sentences.moreMany, { count: String(count) });
}

/** The label of the button that searches the releases issued before `year` too. */
export const olderLabel = (year: number, sentences: SummarySentences) => fill(sentences.older, { year: String(year) });

/** Languages of the given releases: the newsroom's default first, then the others by code. */
export function releaseLanguages(releases: readonly { data: { lang: string } }[], defaultLanguage: string): string[] {
  const others = new Set(releases.map((release) => release.data.lang));
  const first = others.delete(defaultLanguage) ? [defaultLanguage] : [];
  return [...first, ...[...others].sort()];
}

/** A word in lower case without the punctuation around it: "Buyback." and "buyback" are one word. */
export const bareWord = (word: string) => wordParts(word.toLocaleLowerCase())[1];

/**
 * A word and what is around it that is neither a letter nor a digit: `(TSE:` → `(`, `TSE`, `:`
 * (the middle empty for punctuation alone). Pagefind marks a word with the punctuation beside it
 * ("4704),"): a result marks the word alone.
 */
export function wordParts(text: string): [before: string, word: string, after: string] {
  const m = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(text)!;
  return m[2] ? [m[1]!, m[2], m[3]!] : [text, '', ''];
}

/**
 * What Pagefind's search for `word` alone matched on a page, read from the word its excerpt marks
 * first (marks side by side are one word Pagefind segmented, as in Japanese). Pagefind stems the
 * word and matches every word of its index that begins with the stem; for a word no word of its
 * index begins with, it matches instead the longest word of the index that the stem begins with
 * ("acquisition" finds "a", "companionship" finds "company", stem "compani"), so that a misspelt
 * word does not empty the results.
 *
 * - `word`: the marked word is the searched one or begins with it, or the two part where the
 *   searched word has only an ending left that English stems drop ("companionship" or "companies"
 *   for "company", "policy" for "policing"): a match of the word's stem. (The endings are an
 *   approximation of the stemmer's rules, which this script does not have.)
 * - `unsure`: the marked word is a shorter word the searched one begins with, which may be the
 *   same stem ("dividend" for "dividends") or a word matched instead ("sell" for "seller", whose
 *   stem keeps its ending), or the two part otherwise; only Pagefind's exact search, which finds
 *   the stem alone, tells which. So too an excerpt that marks nothing (the word matched in the
 *   title alone).
 * - `reach`: how many letters of the searched word the marked one's stem begins with (its ending
 *   left out, so that "companies" and "company" reach as far): among pages that are all matched
 *   instead, one index would match the longest stem.
 */
export function readMatch(excerpt: string, word: string): { match: 'word' | 'unsure'; reach: number } {
  const marked = /<mark>([^<]*)<\/mark>/.exec(excerpt.replaceAll('</mark><mark>', ''))?.[1];
  if (marked === undefined) return { match: 'unsure', reach: 0 };
  return wordMatch(bareWord(marked), bareWord(word));
}

/** `readMatch` of the marked word `found` for the searched one, both bare words (`bareWord`). */
function wordMatch(found: string, searched: string): { match: 'word' | 'unsure'; reach: number } {
  const shared = (a: string) => {
    let length = 0;
    while (length < Math.min(a.length, searched.length) && a[length] === searched[length]) length += 1;
    return length;
  };
  const common = shared(found);
  const rest = searched.slice(common);
  // A shorter word the searched one begins with is unsure however it ends: the stemmer keeps many
  // such endings ("seller" is its own stem, so "sell" is Pagefind's match instead of it).
  const prefix = common === found.length && rest !== '';
  const match = rest === '' || (!prefix && common > 0 && STEM_ENDING.test(rest)) ? 'word' : 'unsure';
  return { match, reach: shared(stemOf(found)) };
}

/**
 * The endings of English words a stem leaves out (Snowball's English stemmer, which Pagefind uses):
 * an inflection, perhaps after the stem's last letter written otherwise ("y" of "company", stem
 * "compani"; "e" of "mine", stem of "mining"), and a possessive.
 */
const ENDINGS =
  's|es|ies|ied|ed|ing|ings|ingly|edly|ly|ily|er|ers|est|ion|ions|ation|ations|al|ally|ment|ments|ness|ful|ity|ities|ive|ize|ized|izes|izing|ise|ised|ism|ist|ists|able|ably|ible|ous|ate|ated|ates|ating';
const STEM_ENDING = new RegExp(`^[yie]?(?:${ENDINGS})?(?:['’]s?)?$`);
const WORD_ENDING = new RegExp(`[yie]?(?:${ENDINGS})?(?:['’]s?)?$`);

/** A word without the ending its stem leaves out ("compan" for "companies" and "company"). */
function stemOf(word: string): string {
  const at = WORD_ENDING.exec(word)?.index ?? word.length;
  // A short word is its own stem.
  return at >= 3 ? word.slice(0, at) : word;
}

/** The language of the index a Pagefind result comes from: its id starts with it (`en_6fceec9`). */
export const resultLanguage = (id: string) => id.slice(0, id.lastIndexOf('_'));

/** Groups Pagefind results by the language of their index, keeping their order. */
export function groupByLanguage<T extends { id: string }>(results: readonly T[]): T[][] {
  return [...groupBy(results, (result) => [resultLanguage(result.id)]).values()];
}

/**
 * Merges lists that are each newest first into one newest-first sequence. Pagefind sorts within
 * one language's index only: results merged from several are ordered by score, which under a sort
 * is just the rank within each index. `keyOf` (the instant of issue, sortable as text) is awaited
 * only for the item at the front of each list, so taking ten results costs about ten loads.
 */
export async function* mergeNewestFirst<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => Promise<string>,
): AsyncGenerator<T> {
  const next = lists.map(() => 0);
  const keyAt = (list: number) => {
    const item = lists[list]![next[list]!];
    return item === undefined ? undefined : keyOf(item);
  };
  const fronts = await Promise.all(lists.map((_, list) => keyAt(list)));
  for (;;) {
    let newest = -1;
    for (const [list, key] of fronts.entries()) {
      if (key !== undefined && (newest === -1 || key > fronts[newest]!)) newest = list;
    }
    if (newest === -1) return;
    yield lists[newest]![next[newest]!]!;
    next[newest]! += 1;
    fronts[newest] = await keyAt(newest);
  }
}

/**
 * The words an excerpt marks, in lower case and without the punctuation around them (marks side
 * by side are one word Pagefind segmented): what a search matched on the page.
 */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.replaceAll('</mark><mark>', '').matchAll(/<mark>([^<]*)<\/mark>/g)]
    .map(([, marked]) => bareWord(marked!))
    .filter(Boolean);
}

/**
 * Whether an excerpt shows `word` itself matched: a marked word that is it, or begins with it, or
 * parts from it only by an ending its stem drops (`readMatch`), including a shorter one with just
 * such an ending left ("dividend" for "dividends", "sell" for "seller"), or one of the same stem
 * ("announces" for "announced", "run" for "running"). Not when Pagefind matched another word
 * instead ("a" for "aquisition", "buy" for "buybakc"), left the word out ("stock" alone marked for
 * "stock optoins"), or the excerpt shows other words only.
 */
export function showsWord(excerpt: string, word: string): boolean {
  const searched = bareWord(word);
  return markedWords(excerpt).some(
    (marked) =>
      wordMatch(marked, searched).match === 'word' ||
      (searched.startsWith(marked) && STEM_ENDING.test(searched.slice(marked.length))) ||
      undoubled(stemOf(marked)) === undoubled(stemOf(searched)),
  );
}

/** A stem without the doubled letter an ending brings ("runn" of "running", "plann" of "planned"). */
const undoubled = (stem: string) => stem.replace(/(\p{L})\1$/u, '$1');

/**
 * The beginnings of a misspelt word to search for, longest first, for the words of the index it
 * may have meant: Pagefind finds every word a searched word begins, so "buyba" finds "buyback",
 * which "buybak" does not, and "opt" finds "options" for "optoins". Down to three letters: a
 * shorter beginning finds too many words to read.
 */
export function typoPrefixes(word: string): string[] {
  const letters = [...word.toLocaleLowerCase()];
  const prefixes: string[] = [];
  for (let length = letters.length - 1; length >= 3; length -= 1) {
    prefixes.push(letters.slice(0, length).join(''));
  }
  return prefixes;
}

/** What Pagefind puts where it cuts an excerpt (the search page's `excerptEllipsis`). */
export const EXCERPT_ELLIPSIS = '…';
const ELLIPSIS_START = new RegExp(`^${EXCERPT_ELLIPSIS}\\s*`, 'u');

/**
 * How many characters at the start of an excerpt's text repeat the result's headline: the whole
 * headline, or its end where Pagefind's excerpt begins inside it (after its ellipsis), with the
 * full stop and space Pagefind puts after a heading; 0 when the excerpt does not begin with it. A
 * result shows its headline above the excerpt, so the excerpt need not say it again.
 */
export function headlineLength(text: string, headline: string): number {
  const title = headline.trim();
  if (!title) return 0;
  // The ellipsis, and the space Pagefind may put after it.
  const cut = ELLIPSIS_START.exec(text)?.[0].length ?? 0;
  // The headline from its start, or from the start of one of its words after an ellipsis.
  const starts = cut === 0 ? [0] : [...title.matchAll(/(?<=\s)\S/gu)].map((m) => m.index).concat(0);
  for (const start of starts.sort((a, b) => a - b)) {
    const rest = title.slice(start);
    if (!text.startsWith(rest, cut)) continue;
    const after = text.slice(cut + rest.length);
    // Followed by the full stop Pagefind puts after a heading (or a space, for the whole headline):
    // not the headline's last words as the text's own ("…Micro Incorporated" for "…Trend Micro").
    const separator = (start === 0 && cut === 0 ? /^(?:\.?\s+|\.?$)/u : /^\.(?:\s+|$)/u).exec(after);
    if (separator) return cut + rest.length + separator[0].length;
  }
  return 0;
}
