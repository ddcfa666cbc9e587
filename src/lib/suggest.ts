/**
 * What an author most likely meant when a name is not one the site knows: a misspelt field
 * (`categorie`), an id with its file extension left on (`buyback.mdx`) or in other capitals. Pure;
 * shared by the schemas' messages, the build and `npm run check`.
 */

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), stopping past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous: number[] = before;
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/\.(mdx|md|ya?ml)$/, '');

/**
 * The candidate `word` most likely stands for: the same name but for capitals or a file extension,
 * else the nearest within a few edits (one per four characters, at least one, at most three).
 * Undefined when nothing is that close, or two candidates are equally close.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalise(word);
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 4)));
  let found: string | undefined;
  let nearest = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = distance(wanted, normalise(candidate), Math.min(limit, nearest));
    if (d < nearest) [found, nearest, tie] = [candidate, d, false];
    else if (d === nearest && d <= limit) tie = true;
  }
  return found !== undefined && nearest <= limit && !tie ? found : undefined;
}

/** ` (did you mean "x"?)` after a name that is not known, when one is close to it. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const meant = closest(word, candidates);
  return meant === undefined ? '' : ` (did you mean "${meant}"?)`;
}

/** At most ten ids, then "…": a message stays one readable line in an archive of thousands. */
export function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 10).join(', ');
  return ids.length > 10 ? `${shown}, …` : shown || 'none';
}

/** A reference (`contacts: [jane-doe]`) to no entry of the collection in `folder`. */
export function unknownIdMessage(folder: string, ids: readonly string[], found: string): string {
  return `expected the id of an entry in ${folder}/ (${listIds(ids)}), found "${found}"${didYouMean(found, ids)}`;
}
