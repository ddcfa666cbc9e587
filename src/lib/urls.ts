/**
 * Every URL of the site, as paths relative to the base (no leading slash), and the joins with the
 * base path and the site origin. One place decides where each page lives.
 */
import { categorySlug, tagSlug } from './taxonomy';

/** Joins `base` (e.g. "/" or "/newsroom/") and a site path (e.g. "releases/"). */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

/** Absolute URL of a site path for feeds, sitemaps and canonical links. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/**
 * A site path in a language: the default language at the root, every other one below its code
 * (`releases/` in Japanese is `ja/releases/`).
 */
export function localePath(lang: string, defaultLanguage: string, path: string): string {
  return lang === defaultLanguage ? path : `${lang}/${path.replace(/^\/+/, '')}`;
}

/**
 * Pages every language has, each the same page translated: they name one another as language
 * versions (hreflang links, the language switcher, the sitemap). Lists are not among them: each
 * language's lists show that language's releases.
 */
export const TRANSLATED_PAGES = {
  home: '',
  about: 'about/',
  feeds: 'feeds/',
  contacts: 'contacts/',
  search: 'search/',
} as const;
export type TranslatedPage = (typeof TRANSLATED_PAGES)[keyof typeof TRANSLATED_PAGES];
const translatedPages: ReadonlySet<string> = new Set(Object.values(TRANSLATED_PAGES));
export const isTranslatedPage = (path: string): path is TranslatedPage => translatedPages.has(path);

export const releasesPath = 'releases/';
export const releasePath = (slug: string) => `releases/${slug}/`;
export const yearPath = (year: number) => `releases/${year}/`;
export const categoryPath = (category: string) => `categories/${categorySlug(category)}/`;
export const tagPath = (tag: string) => `tags/${tagSlug(tag)}/`;
/** A file a release attaches (src/lib/attachments.ts): the same address in every language. */
export const attachmentPath = (file: string) => `attachments/${file}`;

/** Page `n` of a paginated list: page 1 is the list's own clean URL, then `…/page/2/`. */
export function listPagePath(listPath: string, n: number): string {
  return n <= 1 ? listPath : `${listPath}page/${n}/`;
}
