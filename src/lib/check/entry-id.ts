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

/**
 * What is wrong with an entry kept in a language's folder (`ja/…`) but not written in it: a
 * forgotten `lang: ja` would publish a Japanese boilerplate as the default language's, or a
 * Japanese release at the default language's address. Undefined when it is fine.
 */
export function folderLanguageProblem(
  id: string,
  lang: string | undefined,
  languages: readonly string[],
  defaultLanguage: string,
): string | undefined {
  const folder = id.includes('/') ? id.split('/')[0]! : undefined;
  if (!folder || folder === defaultLanguage || !languages.includes(folder)) return undefined;
  const found = lang ?? defaultLanguage;
  if (found === folder) return undefined;
  // Worded alike whether lang: was left out (the check sees that) or filled in by the schema's
  // default (the build sees that).
  const because = found === defaultLanguage ? ' (the default when lang: is left out)' : '';
  return `expected lang: ${folder}, as the file is in the ${folder}/ folder, found ${found}${because}`;
}
