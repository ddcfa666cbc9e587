/**
 * Pagefind's browser API, loaded from the built site (`<base>pagefind/pagefind.js`, written by
 * src/integrations/search-index.ts). Only the /search/ page loads it. Under `astro dev` the file
 * does not exist, so loading fails and the page explains why.
 */
import {
  ARCHIVE_BUNDLE_DIR,
  resultLanguage,
  SEARCH_BUNDLE_DIR,
  type IndexPart,
  type PagefindSearchOptions,
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
 * The filter Pagefind adds to every page of an index it merges (`mergeFilter`), naming the part
 * of a split index the page is in, so that one search can read either part alone.
 */
const PART = 'part';

/** The options every index takes: the same, so every result's excerpt looks alike. */
const optionsFor = (base: string) => ({ baseUrl: base, excerptLength: 30, excerptEllipsis: '…' });

/**
 * The newsroom's search index, as the reader's browser loads it: the first index (the whole
 * archive, or once it is split the latest years), and the archive's only when a search needs it.
 */
export interface SearchIndexes {
  /** True once the archive's index is loaded (at once when there is no split). */
  readonly archiveLoaded: boolean;
  search(term: string | null, options: PagefindSearchOptions, part: IndexPart): Promise<PagefindSearch>;
  /**
   * Unloads Pagefind, so that the next `loadSearchIndexes` starts again: Pagefind keeps an index
   * whose loading failed among those it searches, and every later search would fail on it.
   */
  destroy(): Promise<void>;
}

/**
 * Loads Pagefind for a site published under `base` ("/" or "/newsroom/"). Pagefind keeps one index
 * per page language and searches the one matching <html lang>, so releases in the newsroom's
 * other languages are merged in: one search, narrowed by the language filter. `archiveLanguages`:
 * the languages of the archive's index, once the index is split.
 */
export async function loadSearchIndexes(
  base: string,
  languages: readonly string[],
  archiveLanguages: readonly string[] | undefined,
): Promise<SearchIndexes> {
  const bundlePath = `${base}${SEARCH_BUNDLE_DIR}/`;
  // A URL built at run time, so the bundler leaves it alone: the file exists only in built sites.
  const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
  const options = optionsFor(base);
  await pagefind.options(options);
  await pagefind.init();
  const split = archiveLanguages !== undefined;
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

  let archive: Promise<void> | undefined;
  let archiveLoaded = !split;
  // Pagefind merges an index with the WebAssembly it already has: the archive costs its own
  // metadata and the word chunks a search reads, nothing more.
  const loadArchive = () =>
    (archive ??= Promise.all(
      (archiveLanguages ?? []).map((language) =>
        pagefind.mergeIndex(bundleUrl(ARCHIVE_BUNDLE_DIR), {
          ...options,
          mergeFilter: { [PART]: 'archive' },
          language,
        }),
      ),
    ).then(() => {
      archiveLoaded = true;
    }));

  /** The indexes a search can read alone: the two parts of a split index, or the one index. */
  const parts: readonly IndexPart[] = split ? ['recent', 'archive'] : ['all'];
  // With one index of one language, no word can be in another index.
  const oneIndex = !split && languages.every((language) => language === pageLanguage);
  const searchPart = (term: string | null, searchOptions: PagefindSearchOptions, part: IndexPart) =>
    pagefind.search(
      term,
      part === 'all' ? searchOptions : { ...searchOptions, filters: { ...searchOptions.filters, [PART]: part } },
    );
  /**
   * The languages whose index in the part has the word, as Pagefind reads it (stemmed, segmented):
   * those with a page that has it.
   */
  const known = new Map<string, Promise<Set<string>>>();
  const knownIn = async (part: IndexPart, word: string) => {
    if (part === 'archive') await loadArchive();
    const key = `${part} ${word}`;
    if (!known.has(key)) {
      const languages = searchPart(word, { filters: {} }, part).then(
        ({ results }) => new Set(results.map((result) => resultLanguage(result.id))),
      );
      known.set(key, languages);
    }
    return known.get(key)!;
  };
  /**
   * A search of one index (a part, or the whole), answered as one index of every page would.
   * Pagefind leaves out of a search the words an index does not have, so that a misspelt word does
   * not empty the results. But it keeps an index per language, and once split per part, and a word
   * another of them has is no misspelling: no page here has it, so these pages are no answer
   * (instead of the pages with the query's other words).
   */
  const searchWhole = async (term: string | null, searchOptions: PagefindSearchOptions, part: IndexPart) => {
    const found = await searchPart(term, searchOptions, part);
    const words = [...new Set(queryWords(term))];
    if (found.results.length === 0 || words.length < 2 || oneIndex) return found;
    const languages = new Set(found.results.map((result) => resultLanguage(result.id)));
    const lacking = new Set<string>();
    for (const word of words) {
      const here = await knownIn(part, word);
      const without = [...languages].filter((language) => !here.has(language));
      if (without.length === 0) continue;
      let anywhere = here.size > 0;
      for (const other of parts) if (!anywhere && other !== part) anywhere = (await knownIn(other, word)).size > 0;
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
      if (part !== 'all' || !split) return searchWhole(term, searchOptions, part);
      // Both parts, ranked together as Pagefind ranks merged indexes: by score.
      const [recent, archive] = await Promise.all([
        searchWhole(term, searchOptions, 'recent'),
        searchWhole(term, searchOptions, 'archive'),
      ]);
      return { results: [...recent.results, ...archive.results].sort((a, b) => b.score - a.score) };
    },
  };
}

/** The words of a query as Pagefind splits it: at spaces, quotes (an exact phrase) aside. */
function queryWords(term: string | null): string[] {
  return (term ?? '').replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean);
}
