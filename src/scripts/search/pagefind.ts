/**
 * Pagefind's browser API, loaded from the built site (`<base>pagefind/pagefind.js`, written by
 * src/integrations/search-index.ts). Only the /search/ page loads it. Under `astro dev` the file
 * does not exist, so loading fails and the page explains why.
 */
import {
  EXCERPT_ELLIPSIS,
  groupByLanguage,
  readMatch,
  resultLanguage,
  SEARCH_BUNDLE_DIR,
  SORT_KEY,
  volumesHolding,
  type IndexPart,
  type PagefindSearchOptions,
  type ArchiveVolume,
} from '../../lib/search';

export interface PagefindResultData {
  /** With the site's base path already in front. */
  url: string;
  /** Text with HTML entities escaped and the matched words in <mark>. */
  excerpt: string;
  /** Raw values from `data-pagefind-meta`: title, date, date_label on releases; lang on every page. */
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  /** Relevance: higher is better; under a sort, the rank within its index. */
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
}

interface Pagefind {
  destroy(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundlePath: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: PagefindSearchOptions): Promise<PagefindSearch>;
}

/**
 * The filter Pagefind adds to every page of an index it merges (`mergeFilter`), naming the index of
 * a split one the page is in (`recent`, or an archive volume's folder), so that one search can read
 * each index alone.
 */
const PART = 'part';

/** The options every index takes: the same, so every result's excerpt looks alike. */
const optionsFor = (base: string) => ({ baseUrl: base, excerptLength: 30, excerptEllipsis: EXCERPT_ELLIPSIS });

/**
 * The newsroom's search index, as the reader's browser loads it: the first index (the whole
 * archive, or once it is split the latest years), and the archive's volumes only when a search
 * needs them.
 */
export interface SearchIndexes {
  /** True once the archive's volumes are loaded (at once when there is no split). */
  readonly archiveLoaded: boolean;
  search(term: string | null, options: PagefindSearchOptions, part: IndexPart): Promise<PagefindSearch>;
  /**
   * Unloads Pagefind, so that the next `loadSearchIndexes` starts again: Pagefind keeps an index
   * whose loading failed among those it searches, and every later search would fail on it.
   */
  destroy(): Promise<void>;
}

/** The index of a site whose index is not split, read without a part filter. */
const WHOLE = '';

/**
 * Loads Pagefind for a site published under `base` ("/" or "/newsroom/"). Pagefind keeps one index
 * per page language, so the indexes of the newsroom's default language (`mainLanguage`), of the
 * languages its releases are in (`languages`) and of the page's own are merged: one search,
 * narrowed by the language filter. `archive`: the archive's volumes, newest first, once the index
 * is split (the search page's ARCHIVE_ATTRIBUTE).
 */
export async function loadSearchIndexes(
  base: string,
  mainLanguage: string,
  languages: readonly string[],
  archive: readonly Pick<ArchiveVolume, 'dir' | 'languages'>[] | undefined,
): Promise<SearchIndexes> {
  const bundlePath = `${base}${SEARCH_BUNDLE_DIR}/`;
  // A URL built at run time, so the bundler leaves it alone: the file exists only in built sites.
  const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
  const options = optionsFor(base);
  await pagefind.options(options);
  // Pagefind reads a query, for every index it merged too, with the code of its first index's
  // language (its WebAssembly: English stems words, Japanese has no stemmer), and takes that
  // language from <html lang> as it starts, with no option to choose it. So the attribute names
  // the newsroom's default language while Pagefind starts, and a query is read the same way on
  // every language's search page ("company" finds "companies" on the Japanese one too).
  const root = document.documentElement;
  const pageLanguage = root.lang;
  root.lang = mainLanguage;
  const starting = pagefind.init();
  root.lang = pageLanguage;
  await starting;
  const split = archive !== undefined;
  const recent = split ? { mergeFilter: { [PART]: 'recent' } } : {};
  if (split) await pagefind.options(recent);
  // Given as full URLs: Pagefind skips merging a bundle path that starts like its own, even when
  // the language differs.
  const bundleUrl = (dir: string) => new URL(`${base}${dir}/`, location.origin).href;
  const merged = [...new Set([...languages, pageLanguage])].filter((language) => language !== mainLanguage);
  for (const language of merged) {
    await pagefind.mergeIndex(bundleUrl(SEARCH_BUNDLE_DIR), { ...options, ...recent, language });
  }

  let archiveLoading: Promise<void> | undefined;
  let archiveLoaded = !split;
  // Pagefind merges an index with the WebAssembly it already has: each volume costs its own
  // metadata and the word chunks a search reads, nothing more.
  const loadArchive = () =>
    (archiveLoading ??= Promise.all(
      (archive ?? []).flatMap(({ dir, languages: volumeLanguages }) =>
        volumeLanguages.map((language) =>
          pagefind.mergeIndex(bundleUrl(dir), { ...options, mergeFilter: { [PART]: dir }, language }),
        ),
      ),
    ).then(() => {
      archiveLoaded = true;
    }));

  /** The archive's volumes, by their part filter, newest first. */
  const volumes = (archive ?? []).map(({ dir }) => dir);
  /** The indexes a search can read alone: the first index and the volumes, or the one index. */
  const indexes: readonly string[] = split ? ['recent', ...volumes] : [WHOLE];
  // With one index of one language, no word can be in another index.
  const oneIndex = !split && merged.length === 0;
  /**
   * Each page's data, read one search at a time: Pagefind writes the excerpt of the search that
   * asks into one object per page, so two reads at once could each see the other's. Different
   * pages load side by side.
   */
  const reading = new Map<string, Promise<PagefindResultData | void>>();
  const readData = (result: PagefindResult): Promise<PagefindResultData> => {
    const read = (reading.get(result.id) ?? Promise.resolve()).then(async () => ({ ...(await result.data()) }));
    reading.set(
      result.id,
      read.catch(() => undefined),
    );
    return read;
  };
  const searchIndex = async (term: string | null, searchOptions: PagefindSearchOptions, index: string) => {
    const { results } = await pagefind.search(
      term,
      index === WHOLE ? searchOptions : { ...searchOptions, filters: { ...searchOptions.filters, [PART]: index } },
    );
    return { results: results.map((result) => ({ ...result, data: () => readData(result) })) };
  };
  /**
   * What a part of the index makes of a word, in each of its languages: whether it has the word, as
   * Pagefind reads it (stemmed, segmented), or a word beginning with it; and how much of the word
   * the word it matches instead begins with (`readMatch`). Read from the first page Pagefind's
   * search for the word alone finds there, and, where that page leaves it unsure, from Pagefind's
   * exact search, which finds the stem itself only.
   */
  const matches = new Map<string, Promise<Map<string, { has: boolean; reach: number }>>>();
  const matchesIn = async (index: string, word: string) => {
    if (index !== WHOLE && index !== 'recent') await loadArchive();
    const key = `${index} ${word}`;
    if (!matches.has(key)) {
      // Newest first, as a search is by default: the page whose excerpt is read is then, in a
      // search of one word, the first result listed, whose fragment is loaded anyway.
      const newest = { filters: {}, sort: { [SORT_KEY]: 'desc' as const } };
      const read = searchIndex(word, newest, index).then(async ({ results }) => {
        const firsts = groupByLanguage(results).map((list) => list[0]!);
        const readings = await Promise.all(
          firsts.map(async (result) => readMatch((await result.data()).excerpt, word)),
        );
        const exact = readings.some(({ match }) => match === 'unsure')
          ? new Set(
              (await searchIndex(`"${word}"`, { filters: {} }, index)).results.map(({ id }) => resultLanguage(id)),
            )
          : new Set<string>();
        return new Map(
          firsts.map((result, i) => {
            const language = resultLanguage(result.id);
            const { match, reach } = readings[i]!;
            return [language, { has: match === 'word' || exact.has(language), reach }];
          }),
        );
      });
      matches.set(key, read);
    }
    return matches.get(key)!;
  };
  /**
   * A search of one index, answered as one index of every page would. Pagefind keeps an index per
   * language, and once split per part. For a word an index does not have, it matches instead the
   * longest word of that index the searched word begins with, if there is one, and otherwise
   * leaves the word out (a search of that word alone finds nothing), so that a misspelt word does
   * not empty the results. A word another of the indexes has is no misspelling: no page here has
   * it, so these pages are no answer (instead of the pages with the shorter word, or with the
   * query's other words). A word none has is matched, as one index per language would, by the
   * longest stem any part matches instead.
   */
  const searchWhole = async (term: string | null, searchOptions: PagefindSearchOptions, index: string) => {
    const found = await searchIndex(term, searchOptions, index);
    const words = [...new Set(queryWords(term))];
    if (found.results.length === 0 || words.length === 0 || oneIndex) return found;
    const languages = new Set(found.results.map((result) => resultLanguage(result.id)));
    const lacking = new Set<string>();
    const hasIt = (read: Map<string, { has: boolean }>) => [...read.values()].some(({ has }) => has);
    for (const word of words) {
      const here = await matchesIn(index, word);
      const without = [...languages].filter((language) => !here.get(language)?.has);
      if (without.length === 0) continue;
      let anywhere = hasIt(here);
      for (const other of indexes) if (!anywhere && other !== index) anywhere = hasIt(await matchesIn(other, word));
      // Pagefind keeps an index per language: one index of each would match its own longest stem.
      const longest = new Map<string, number>();
      if (!anywhere) {
        for (const other of indexes) {
          for (const [language, { reach }] of await matchesIn(other, word)) {
            longest.set(language, Math.max(longest.get(language) ?? 0, reach));
          }
        }
      }
      for (const language of without) {
        if (anywhere || (here.get(language)?.reach ?? 0) < (longest.get(language) ?? 0)) lacking.add(language);
      }
    }
    return { results: found.results.filter((result) => !lacking.has(resultLanguage(result.id))) };
  };

  return {
    get archiveLoaded() {
      return archiveLoaded;
    },
    destroy: () => pagefind.destroy(),
    async search(term, searchOptions, part) {
      if (part !== 'recent') await loadArchive();
      if (!split) return searchWhole(term, searchOptions, WHOLE);
      if (part === 'recent') return searchWhole(term, searchOptions, 'recent');
      // A year is in one volume: a search of each other one would find nothing. (Pagefind still
      // fetches every merged index's word chunks for a search of any of them.)
      const read = part === 'all' ? indexes : volumesHolding(volumes, searchOptions.filters.year);
      const found = await Promise.all(read.map((index) => searchWhole(term, searchOptions, index)));
      const results = found.flatMap(({ results: listed }) => listed);
      // Newest first, one index after another: each volume holds only releases older than the one
      // before. Best match first, ranked together as Pagefind ranks merged indexes: by score.
      return { results: searchOptions.sort ? results : results.sort((a, b) => b.score - a.score) };
    },
  };
}

/** The words of a query as Pagefind splits it: at spaces, quotes (an exact phrase) aside. */
function queryWords(term: string | null): string[] {
  return (term ?? '').replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean);
}
