/**
 * Static paths of the paginated release lists (all releases, a year, a category, a tag) in every
 * language: one list per key of a grouping of each edition, page 1 at the list's own URL.
 */
import { langParam } from './i18n';
import { pagePaths, type Page } from './lib/archive';
import { getNewsroom, pageKey, type Edition, type Release } from './newsroom';
import { settings } from './settings';

export interface ListPageProps<K> {
  lang: string;
  key: K;
  list: Page<Release>;
  /** The other languages whose edition has this list too (a year's, a category's…). */
  listedIn: string[];
}

export async function listPagePaths<K>(
  lists: (edition: Edition) => Map<K, Release[]>,
  params: (key: K) => Record<string, string> = () => ({}),
  /** `always`: the list has a page even when empty (see `paginate`). */
  options: { always?: boolean } = {},
) {
  const newsroom = await getNewsroom();
  // A list's route (its parameters) is what another language's list must share with it: two tags
  // written differently can have one address (`Share Buyback`, `share buyback`).
  const route = (key: K) => JSON.stringify(params(key));
  const editions = [...newsroom.editions.values()].map((edition) => {
    const grouped = lists(edition);
    const routes = new Set([...grouped].flatMap(([key, releases]) => (releases.length > 0 ? [route(key)] : [])));
    return { lang: edition.lang, lists: grouped, routes };
  });
  return editions.flatMap((edition) =>
    [...edition.lists].flatMap(([key, releases]) => {
      const listedIn = editions
        .filter((other) => other !== edition && other.routes.has(route(key)))
        .map((other) => other.lang);
      return pagePaths(releases, settings.pageSize, options).map(({ page, list }) => ({
        params: { lang: langParam(edition.lang), ...params(key), page },
        props: { lang: edition.lang, key, list, listedIn } satisfies ListPageProps<K>,
        // List pages also show the archive navigation (years and categories, with counts).
        cacheKey: pageKey(
          newsroom,
          list.items,
          newsroom.keys.archive,
          edition.lang,
          key,
          list.number,
          list.count,
          list.total,
          listedIn,
        ),
      }));
    }),
  );
}
