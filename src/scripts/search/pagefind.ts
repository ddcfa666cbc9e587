/**
 * Pagefind's browser API, loaded from the built site (`<base>pagefind/pagefind.js`, written by
 * src/integrations/search-index.ts). Only the /search/ page loads it. Under `astro dev` the file
 * does not exist, so loading fails and the page explains why.
 */
import {
  EXCERPT_ELLIPSIS,
  readMatch,
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
 * The filters Pagefind adds to every page of an index it loads (`mergeFilter`), held in memory so
 * that filtering by them fetches nothing: the language the index is in (the site's code for it),
 * so that a search reads one language however many are loaded; and once the index is split, the
 * part the page is in (`recent`, or an archive volume's folder), so that one search can read each
 * part alone.
 */
const LANGUAGE = 'language';
const PART = 'part';

/** The options every index takes: the same, so every result's excerpt looks alike. */
const optionsFor = (base: string) => ({ baseUrl: base, excerptLength: 30, excerptEllipsis: EXCERPT_ELLIPSIS });

/**
 * The newsroom's search index, as the reader's browser loads it: one index per language and part,
 * each only when a search needs it. The first search reads the newsroom's default language (every
 * query is read with it) and the one it keeps to, in the first part (the whole archive, or once it
 * is split the latest years); another language when a search asks for it; the archive's volumes
 * when a search reads them.
 */
export interface SearchIndexes {
  /**
   * Whether a search in `language` (undefined: every language) would find the archive's volumes
   * loaded or loading, every one that holds the language: always where there is no split.
   */
  archiveLoaded(language: string | undefined): boolean;
  /**
   * True once an index failed to load: Pagefind keeps it among those it searches, and every later
   * search would fail on it, so the next search unloads Pagefind (`destroy`) and starts anew.
   */
  readonly failed: boolean;
  /**
   * A search of one part of the index. The `language` filter names the one language it reads;
   * without it, it reads every language.
   */
  search(term: string | null, options: PagefindSearchOptions, part: IndexPart): Promise<PagefindSearch>;
  /**
   * Unloads Pagefind, so that the next `loadSearchIndexes` starts again: Pagefind keeps an index
   * whose loading failed among those it searches, and every later search would fail on it.
   */
  destroy(): Promise<void>;
}

/** The index of a site whose index is not split. */
const WHOLE = '';

/** What a part of the index in one language makes of a word (`readMatch`). */
interface WordMatch {
  /** It has the word, as Pagefind reads it (stemmed, segmented), or a word beginning with it. */
  has: boolean;
  /** How much of the word the word it matches instead begins with. */
  reach: number;
}

/**
 * Loads Pagefind for a site published under `base` ("/" or "/newsroom/"). Pagefind keeps one index
 * per page language: `mainLanguage` is the newsroom's default, `languages` those its releases are
 * in; the page's own is read from `<html lang>`. `archive`: the archive's volumes, newest first,
 * once the index is split (the search page's ARCHIVE_ATTRIBUTE).
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
  try {
    return await start(pagefind, base, mainLanguage, languages, archive);
  } catch (error) {
    // Pagefind keeps an index that failed to load: unloaded, so that the next search starts anew.
    await pagefind.destroy().catch(() => undefined);
    throw error;
  }
}

/** `loadSearchIndexes` once Pagefind's script is loaded. */
async function start(
  pagefind: Pagefind,
  base: string,
  mainLanguage: string,
  languages: readonly string[],
  archive: readonly Pick<ArchiveVolume, 'dir' | 'languages'>[] | undefined,
): Promise<SearchIndexes> {
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
  const first = split ? 'recent' : WHOLE;
  const filtersOf = (part: string, language: string) => ({
    ...(part !== WHOLE && { [PART]: part }),
    [LANGUAGE]: language,
  });
  await pagefind.options({ mergeFilter: filtersOf(first, mainLanguage) });
  /**
   * Every language a page of the index is in, each in the first part: the About and Contacts pages
   * of every language the site has stay there (src/lib/search.ts). Pagefind would load its largest
   * index in place of a language a part does not have, so a volume is loaded only in its own
   * (`ArchiveVolume.languages`).
   */
  const everyLanguage = [...new Set([mainLanguage, ...languages, pageLanguage])];

  // Given as full URLs: Pagefind skips merging a bundle path that starts like its own, even when
  // the language differs.
  const bundleUrl = (dir: string) => new URL(`${base}${dir}/`, location.origin).href;
  /** The indexes loaded or loading, by part and language; the first part's default one is Pagefind's own. */
  const loaded = new Map<string, Promise<void>>([[`${first} ${mainLanguage}`, Promise.resolve()]]);
  /** Set once unloaded: a search still under way then must not load Pagefind again. */
  let destroyed = false;
  /** Set once an index failed to load (`SearchIndexes.failed`). */
  let failed = false;
  // Pagefind merges an index with the WebAssembly it already has: each costs its own metadata and
  // the word chunks a search reads, nothing more. It searches every index it has for every search,
  // so an index is loaded only once a search needs it.
  const loadIndex = (part: string, language: string) => {
    const key = `${part} ${language}`;
    if (destroyed) return Promise.reject(new Error('search index unloaded'));
    if (!loaded.has(key)) {
      const dir = part === WHOLE || part === 'recent' ? SEARCH_BUNDLE_DIR : part;
      const merging = pagefind.mergeIndex(bundleUrl(dir), {
        ...options,
        language,
        mergeFilter: filtersOf(part, language),
      });
      merging.catch(() => (failed = true));
      loaded.set(key, merging);
    }
    return loaded.get(key)!;
  };
  /** The archive's volumes, newest first. */
  const volumes = (archive ?? []).map(({ dir }) => dir);
  /** The parts a search can read alone: the first index and the volumes, or the one index. */
  const parts: readonly string[] = [first, ...volumes];
  /** Of the `wanted` languages, those the part `part` (one of `parts`) has pages in. */
  const holding = (part: string, wanted: readonly string[]) =>
    part === first
      ? wanted
      : wanted.filter((language) => archive?.find(({ dir }) => dir === part)?.languages.includes(language));
  /** Loads the indexes of `wanted` languages in the part `part`. */
  const load = (part: string, wanted: readonly string[]) =>
    Promise.all(holding(part, wanted).map((language) => loadIndex(part, language)));
  /** The languages a search reads: the one its `language` filter names, or every one. */
  const wantedBy = (chosen: string | undefined) =>
    chosen === undefined ? everyLanguage : everyLanguage.filter((language) => language === chosen);

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
  /** A search of one part in one language, its indexes loaded first. */
  const searchIndex = async (
    term: string | null,
    searchOptions: PagefindSearchOptions,
    part: string,
    language: string,
  ) => {
    await load(part, [language]);
    if (destroyed) throw new Error('search index unloaded');
    const filters = { ...searchOptions.filters, ...filtersOf(part, language) };
    const { results } = await pagefind.search(term, { ...searchOptions, filters });
    return results.map((result) => ({ ...result, data: () => readData(result) }));
  };
  /**
   * What a part of the index in one language makes of a word: read from the first page Pagefind's
   * search for the word alone finds there, and, where that page leaves it unsure, from Pagefind's
   * exact search, which finds the stem itself only. Undefined where no page has it or a word it
   * matches instead.
   */
  const matches = new Map<string, Promise<WordMatch | undefined>>();
  const matchIn = (part: string, language: string, word: string) => {
    const key = `${part} ${language} ${word}`;
    if (!matches.has(key)) {
      // Newest first, as a search is by default: the page whose excerpt is read is then, in a
      // search of one word, the first result listed, whose fragment is loaded anyway.
      const newest = { filters: {}, sort: { [SORT_KEY]: 'desc' as const } };
      const read = searchIndex(word, newest, part, language).then(async ([firstResult]) => {
        if (!firstResult) return undefined;
        const { match, reach } = readMatch((await firstResult.data()).excerpt, word);
        const has = match === 'word' || (await searchIndex(`"${word}"`, { filters: {} }, part, language)).length > 0;
        return { has, reach };
      });
      matches.set(key, read);
    }
    return matches.get(key)!;
  };
  /**
   * A search of one part of the index in the `wanted` languages, answered as one index of their
   * pages would. Pagefind keeps an index per language, and once split per part. For a word an
   * index does not have, it matches instead the longest word of that index the searched word
   * begins with, if there is one, and otherwise leaves the word out (a search of that word alone
   * finds nothing), so that a misspelt word does not empty the results. A word another of the
   * indexes has is no misspelling: no page here has it, so these pages are no answer (instead of
   * the pages with the shorter word, or with the query's other words). A word none has is matched,
   * as one index per language would, by the longest stem any part matches instead. Only the wanted
   * languages count: a search kept to one language is answered as its own index alone would.
   */
  const searchWhole = async (
    term: string | null,
    searchOptions: PagefindSearchOptions,
    part: string,
    wanted: readonly string[],
  ) => {
    const found = await Promise.all(
      wanted.map(async (language) => ({ language, results: await searchIndex(term, searchOptions, part, language) })),
    );
    const words = [...new Set(queryWords(term))];
    const listing = found.filter(({ results }) => results.length > 0).map(({ language }) => language);
    // One index of one language: no word can be in another.
    const oneIndex = parts.length === 1 && wanted.length === 1;
    const lacking = new Set<string>();
    if (!oneIndex && listing.length > 0) {
      for (const word of words) {
        const here = new Map(
          await Promise.all(wanted.map(async (language) => [language, await matchIn(part, language, word)] as const)),
        );
        const without = listing.filter((language) => !here.get(language)?.has);
        if (without.length === 0) continue;
        // Where this part has the word, the others need not be asked. Otherwise every other part
        // in every wanted language, read side by side.
        const hereHas = [...here.values()].some((match) => match?.has);
        const elsewhere = hereHas
          ? []
          : await Promise.all(
              parts
                .filter((other) => other !== part)
                .flatMap((other) =>
                  wanted.map(async (language) => ({ language, match: await matchIn(other, language, word) })),
                ),
            );
        const anywhere = hereHas || elsewhere.some(({ match }) => match?.has);
        // Pagefind keeps an index per language: one index of each would match its own longest stem.
        for (const language of without) {
          const reaches = elsewhere.flatMap((other) => (other.language === language ? [other.match?.reach ?? 0] : []));
          const reach = here.get(language)?.reach ?? 0;
          if (anywhere || reach < Math.max(reach, ...reaches)) lacking.add(language);
        }
      }
    }
    // Each language's list as its index sorted it; `search` ranks them together.
    return found.flatMap(({ language, results: listed }) => (lacking.has(language) ? [] : listed));
  };

  return {
    archiveLoaded: (language) =>
      volumes.every((dir) => holding(dir, wantedBy(language)).every((held) => loaded.has(`${dir} ${held}`))),
    get failed() {
      return failed;
    },
    destroy() {
      destroyed = true;
      return pagefind.destroy();
    },
    async search(term, searchOptions, part) {
      const { [LANGUAGE]: chosen, ...filters } = searchOptions.filters;
      const wanted = wantedBy(chosen);
      const withoutLanguage = { ...searchOptions, filters };
      // A year is in one volume: a search of each other one would find nothing.
      const read = !split
        ? [WHOLE]
        : part === 'recent'
          ? [first]
          : part === 'archive'
            ? volumesHolding(volumes, filters.year)
            : parts;
      const found = await Promise.all(read.map((index) => searchWhole(term, withoutLanguage, index, wanted)));
      const results = found.flat();
      // Newest first, one part after another: each volume holds only releases older than the one
      // before (and each language's list stays as its index sorted it). Best match first, ranked
      // together as Pagefind ranks merged indexes: by score.
      return { results: searchOptions.sort ? results : results.sort((a, b) => b.score - a.score) };
    },
  };
}

/** The words of a query as Pagefind splits it: at spaces, quotes (an exact phrase) aside. */
function queryWords(term: string | null): string[] {
  return (term ?? '').replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean);
}
