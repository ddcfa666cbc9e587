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
  const folder = idLanguage(id, languages, defaultLanguage);
  if (folder === defaultLanguage) return undefined;
  const found = lang ?? defaultLanguage;
  if (found === folder) return undefined;
  // Worded alike whether lang: was left out (the check sees that) or filled in by the schema's
  // default (the build sees that).
  const because = found === defaultLanguage ? ' (the default when lang: is left out)' : '';
  return `expected lang: ${folder}, as the file is in the ${folder}/ folder, found ${found}${because}`;
}

/** The language an entry is written in, as its folder says (`ja/…`); the default language elsewhere. */
export function idLanguage(id: string, languages: readonly string[], defaultLanguage: string): string {
  const folder = id.includes('/') ? id.split('/')[0]! : undefined;
  return folder && languages.includes(folder) ? folder : defaultLanguage;
}

/**
 * Why a release in `lang` may not name the boilerplate, contact or notice `id`: it is another
 * language's (`ja/…` in an English release), whose text would be printed in a page of the wrong
 * language. A release may name its own language's entries and, where its language has none, the
 * default language's. Undefined when it is fine.
 */
export function otherLanguageProblem(
  id: string,
  lang: string,
  languages: readonly string[],
  defaultLanguage: string,
): string | undefined {
  const of = idLanguage(id, languages, defaultLanguage);
  if (of === lang || of === defaultLanguage) return undefined;
  return `expected an entry in the release's language (${lang}), found "${id}", which is in ${of}; name the ${lang} version, without the ${of}/ folder`;
}

/** Whether content in `lang` may name the entry `id` (see `otherLanguageProblem`). */
export const usableIn = (id: string, lang: string, languages: readonly string[], defaultLanguage: string) =>
  otherLanguageProblem(id, lang, languages, defaultLanguage) === undefined;
