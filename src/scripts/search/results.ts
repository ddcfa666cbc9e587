/**
 * The results of one search, handed out a page at a time in the order the reader chose. Each
 * result's data (headline, date, excerpt) is a separate small download, so it is loaded only when
 * its page is shown, and at most once.
 */
import { groupByLanguage, mergeNewestFirst, type SearchOrder } from '../../lib/search';
import type { PagefindResult, PagefindResultData } from './pagefind';

export interface ResultPages {
  total: number;
  /** The next `count` results' data; an empty list once all were taken. */
  take(count: number): Promise<PagefindResultData[]>;
}

export function resultPages(results: readonly PagefindResult[], order: SearchOrder): ResultPages {
  const loaded = new Map<string, Promise<PagefindResultData>>();
  const load = (result: PagefindResult) => {
    if (!loaded.has(result.id)) loaded.set(result.id, result.data());
    return loaded.get(result.id)!;
  };
  const byLanguage = groupByLanguage(results);
  // One language (or relevance order): Pagefind's order is already the reader's.
  const ordered: Iterator<PagefindResult> | AsyncIterator<PagefindResult> =
    order === 'newest' && byLanguage.length > 1
      ? mergeNewestFirst(byLanguage, async (result) => (await load(result)).meta.instant ?? '')
      : results[Symbol.iterator]();
  return {
    total: results.length,
    async take(count) {
      const page: PagefindResult[] = [];
      while (page.length < count) {
        const step = await ordered.next();
        if (step.done) break;
        page.push(step.value);
      }
      return Promise.all(page.map(load));
    },
  };
}
