/**
 * The id Astro's glob loader gives an entry, so references can be checked without a build: the
 * path inside the collection folder without its extension, each segment slugged the way
 * github-slugger does it (lower case, punctuation removed, spaces to hyphens), `/index` dropped.
 */
export function entryId(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.[^./]+$/, '')
    .split('/')
    .map((segment) =>
      segment
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
        .replace(/ /g, '-'),
    )
    .join('/')
    .replace(/\/index$/, '');
}
