/**
 * The results of one search, handed out a page at a time in the order the reader chose. Each
 * result's data (headline, date, excerpt) is a separate small download, so it is loaded only when
 * its page is shown, and at most once.
 */
import { groupByLanguage, mergeNewestFirst, UNDATED, type SearchOrder } from '../../lib/search';
import type { PagefindResult, PagefindResultData } from './pagefind';

export interface ResultPages {
  /** How many results there are to list. */
  total: number;
  /** The next `count` results' data; an empty list once all were taken. */
  take(count: number): Promise<PagefindResultData[]>;
}

/** Result data by result id, shared by the searches that list the same results. */
export type LoadedResults = Map<string, Promise<PagefindResultData>>;

/** A result's data, loaded once. */
function loadResult(loaded: LoadedResults, result: PagefindResult): Promise<PagefindResultData> {
  if (!loaded.has(result.id)) loaded.set(result.id, result.data());
  return loaded.get(result.id)!;
}

/**
 * How many of a newest-first search's results are releases: the pages with no date of issue
 * (About, Contacts: UNDATED) are the last of each language's results. Loads those last results.
 */
export async function releaseCount(results: readonly PagefindResult[], loaded: LoadedResults): Promise<number> {
  const undatedAtEnd = async (list: readonly PagefindResult[]) => {
    let undated = 0;
    for (let i = list.length - 1; i >= 0; i -= 1) {
      if ((await loadResult(loaded, list[i]!)).meta.instant !== UNDATED) break;
      undated += 1;
    }
    return undated;
  };
  const undated = await Promise.all(groupByLanguage(results).map(undatedAtEnd));
  return results.length - undated.reduce((sum, count) => sum + count, 0);
}

/**
 * `searches`: the results of one search in each part of the index that was read (each newest
 * first, or one list in relevance order). `limit`: list only that many, the first.
 */
export function resultPages(
  searches: readonly (readonly PagefindResult[])[],
  order: SearchOrder,
  { loaded = new Map(), limit }: { loaded?: LoadedResults; limit?: number } = {},
): ResultPages {
  const load = (result: PagefindResult) => loadResult(loaded, result);
  const lists = searches.flatMap((results) => groupByLanguage(results));
  // One list (one language, or relevance order): Pagefind's order is already the reader's.
  const ordered: Iterator<PagefindResult> | AsyncIterator<PagefindResult> =
    order === 'newest' && lists.length > 1
      ? mergeNewestFirst(lists, async (result) => (await load(result)).meta.instant ?? '')
      : searches.flat()[Symbol.iterator]();
  const total = Math.min(
    limit ?? Infinity,
    searches.reduce((sum, results) => sum + results.length, 0),
  );
  let taken = 0;
  return {
    total,
    async take(count) {
      const page: PagefindResult[] = [];
      while (page.length < count && taken < total) {
        const step = await ordered.next();
        if (step.done) break;
        page.push(step.value);
        taken += 1;
      }
      return Promise.all(page.map(load));
    },
  };
}
