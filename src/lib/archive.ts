/**
 * Derived views of the published releases — years, categories, tags, neighbours in time,
 * related releases, pages of a list. Each is computed once per build from the one sorted list.
 */

export interface Archivable {
  id: string;
  year: number;
  categories: readonly string[];
  tags: readonly string[];
}

/** Groups a newest-first list by a key, keeping the order inside each group. */
export function groupBy<T, K>(items: readonly T[], keys: (item: T) => readonly K[]): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export interface Neighbours<T> {
  /** The release issued just before. */
  previous?: T | undefined;
  /** The release issued just after. */
  next?: T | undefined;
}

/** Previous (older) and next (newer) release for each release of a newest-first list. */
export function neighbours<T extends { id: string }>(newestFirst: readonly T[]): Map<string, Neighbours<T>> {
  return new Map(newestFirst.map((item, i) => [item.id, { previous: newestFirst[i + 1], next: newestFirst[i - 1] }]));
}

/**
 * Up to `count` related releases for each release: those sharing a category first, nearest in time
 * (before or after), then the nearest others. Walks outwards from each release in the newest-first
 * lists, so the cost is linear.
 */
export function relatedReleases<T extends Archivable & { instant: Date }>(
  newestFirst: readonly T[],
  count = 3,
): Map<string, T[]> {
  const byCategory = groupBy(newestFirst, (r) => r.categories);
  // Where each release sits in each of its categories' lists, so no lookup scans a list.
  const position = new Map<string, number>();
  for (const [category, list] of byCategory) list.forEach((r, i) => position.set(`${category}\n${r.id}`, i));
  const overall = new Map(newestFirst.map((r, i) => [r.id, i]));

  /** The `want` releases of `list` nearest in time to the one at `at`, the older first when as near. */
  const nearest = (list: readonly T[], at: number, exclude: Set<string>, want: number): T[] => {
    const picked: T[] = [];
    const time = list[at]!.instant.getTime();
    let newer = at - 1;
    let older = at + 1;
    while (picked.length < want && (newer >= 0 || older < list.length)) {
      const [before, after] = [list[older], list[newer]];
      const takeOlder =
        !after || (before !== undefined && time - before.instant.getTime() <= after.instant.getTime() - time);
      const candidate = takeOlder ? before! : after;
      if (takeOlder) older += 1;
      else newer -= 1;
      if (!exclude.has(candidate.id)) {
        picked.push(candidate);
        exclude.add(candidate.id);
      }
    }
    return picked;
  };

  const related = new Map<string, T[]>();
  for (const release of newestFirst) {
    const exclude = new Set([release.id]);
    const picked: T[] = [];
    for (const category of release.categories) {
      const list = byCategory.get(category)!;
      const at = position.get(`${category}\n${release.id}`)!;
      picked.push(...nearest(list, at, exclude, count - picked.length));
    }
    if (picked.length < count)
      picked.push(...nearest(newestFirst, overall.get(release.id)!, exclude, count - picked.length));
    related.set(release.id, picked);
  }
  return related;
}

export interface Page<T> {
  /** 1-based. */
  number: number;
  count: number;
  items: T[];
  total: number;
}

/**
 * Splits a list into pages. An empty list has no pages, so a year or category without releases
 * gets none; with `always` it has one empty page (the list of all releases, before the first).
 */
export function paginate<T>(items: readonly T[], pageSize: number, { always = false } = {}): Page<T>[] {
  const count = Math.max(Math.ceil(items.length / pageSize), always ? 1 : 0);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * pageSize, (i + 1) * pageSize),
    total: items.length,
  }));
}

/**
 * Static paths for a paginated list: page 1 at the list's own URL (rest parameter undefined),
 * later pages at `page/N`.
 */
export function pagePaths<T>(
  items: readonly T[],
  pageSize: number,
  options: { always?: boolean } = {},
): { page: string | undefined; list: Page<T> }[] {
  return paginate(items, pageSize, options).map((list) => ({
    page: list.number === 1 ? undefined : `page/${list.number}`,
    list,
  }));
}

/**
 * The page numbers a list's navigation shows: the first, the last, and `around` on each side of
 * the current page; `undefined` marks a gap. Keeps every list page small, however long the list.
 */
export function pageWindow(current: number, count: number, around = 2): (number | undefined)[] {
  const shown: (number | undefined)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= around) shown.push(n);
    else if (shown.at(-1) !== undefined) shown.push(undefined);
  }
  return shown;
}
