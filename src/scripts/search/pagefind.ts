/**
 * Pagefind's browser API, loaded from the built site (`<base>pagefind/pagefind.js`, written by
 * src/integrations/search-index.ts). Only the /search/ page loads it. Under `astro dev` the file
 * does not exist, so loading fails and the page explains why.
 */
import {
  groupByLanguage,
  marksAnotherWord,
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
const optionsFor = (base: string) => ({ baseUrl: base, excerptLength: 30, excerptEllipsis: '…' });

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
 * per page language and searches the one matching <html lang>, so releases in the newsroom's
 * other languages are merged in: one search, narrowed by the language filter. `archive`: the
 * archive's volumes, newest first, once the index is split (the search page's ARCHIVE_ATTRIBUTE).
 */
export async function loadSearchIndexes(
  base: string,
  languages: readonly string[],
  archive: readonly Pick<ArchiveVolume, 'dir' | 'languages'>[] | undefined,
): Promise<SearchIndexes> {
  const bundlePath = `${base}${SEARCH_BUNDLE_DIR}/`;
  // A URL built at run time, so the bundler leaves it alone: the file exists only in built sites.
  const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
  const options = optionsFor(base);
  await pagefind.options(options);
  await pagefind.init();
  const split = archive !== undefined;
  const recent = split ? { mergeFilter: { [PART]: 'recent' } } : {};
  if (split) await pagefind.options(recent);
  const pageLanguage = document.documentElement.lang;
  // Given as full URLs: Pagefind skips merging a bundle path that starts like its own, even when
  // the language differs.
  const bundleUrl = (dir: string) => new URL(`${base}${dir}/`, location.origin).href;
  for (const language of languages) {
    if (language !== pageLanguage) {
      await pagefind.mergeIndex(bundleUrl(SEARCH_BUNDLE_DIR), { ...options, ...recent, language });
    }
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
  const oneIndex = !split && languages.every((language) => language === pageLanguage);
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
   * The languages whose part of the index has the word, as Pagefind reads it (stemmed, segmented),
   * or a word beginning with it. Pagefind's search for the word alone finds them, and more: for a
   * word no word of an index begins with, it matches there the longest word of the index that the
   * searched word begins with ("acquisition" finds "a", "companionship" finds "company", stem
   * "compani"). So where the excerpt of the first page found marks neither the word nor a longer
   * one beginning with it (`marksAnotherWord`), which may as well be another form of the word's
   * own stem ("dividend" for "dividends"), Pagefind's exact search, which finds the stem itself
   * only, tells the two apart.
   */
  const known = new Map<string, Promise<Set<string>>>();
  const knownIn = async (index: string, word: string) => {
    if (index !== WHOLE && index !== 'recent') await loadArchive();
    const key = `${index} ${word}`;
    if (!known.has(key)) {
      // Newest first, as a search is by default: the page whose excerpt is read is then, in a
      // search of one word, the first result listed, whose fragment is loaded anyway.
      const newest = { filters: {}, sort: { [SORT_KEY]: 'desc' as const } };
      const languages = searchIndex(word, newest, index).then(async ({ results }) => {
        const firsts = groupByLanguage(results).map((list) => list[0]!);
        const excerpts = await Promise.all(firsts.map(async (result) => (await result.data()).excerpt));
        const doubtful = excerpts.map((excerpt) => marksAnotherWord(excerpt, word));
        const exact = doubtful.includes(true)
          ? new Set(
              (await searchIndex(`"${word}"`, { filters: {} }, index)).results.map(({ id }) => resultLanguage(id)),
            )
          : new Set<string>();
        const language = (result: PagefindResult) => resultLanguage(result.id);
        return new Set(firsts.filter((result, i) => !doubtful[i] || exact.has(language(result))).map(language));
      });
      known.set(key, languages);
    }
    return known.get(key)!;
  };
  /**
   * A search of one index, answered as one index of every page would. Pagefind keeps an index per
   * language, and once split per part. For a word an index does not have, it matches instead the
   * longest word of that index the searched word begins with, if there is one, and otherwise
   * leaves the word out (a search of that word alone finds nothing), so that a misspelt word does
   * not empty the results. A word another of the indexes has is no misspelling: no page here has
   * it, so these pages are no answer (instead of the pages with the shorter word, or with the
   * query's other words).
   */
  const searchWhole = async (term: string | null, searchOptions: PagefindSearchOptions, index: string) => {
    const found = await searchIndex(term, searchOptions, index);
    const words = [...new Set(queryWords(term))];
    if (found.results.length === 0 || words.length === 0 || oneIndex) return found;
    const languages = new Set(found.results.map((result) => resultLanguage(result.id)));
    const lacking = new Set<string>();
    for (const word of words) {
      const here = await knownIn(index, word);
      const without = [...languages].filter((language) => !here.has(language));
      if (without.length === 0) continue;
      let anywhere = here.size > 0;
      for (const other of indexes) if (!anywhere && other !== index) anywhere = (await knownIn(other, word)).size > 0;
      if (anywhere) for (const language of without) lacking.add(language);
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
