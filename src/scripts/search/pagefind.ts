/**
 * Pagefind's browser API, loaded from the built site (`<base>pagefind/pagefind.js`, written by
 * src/integrations/search-index.ts). Only the /search/ page loads it. Under `astro dev` the file
 * does not exist, so loading fails and the page explains why.
 */
import { SEARCH_BUNDLE_DIR, type PagefindSearchOptions } from '../../lib/search';

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
  data(): Promise<PagefindResultData>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundlePath: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: PagefindSearchOptions): Promise<{ results: PagefindResult[] }>;
}

/**
 * Loads Pagefind for a site published under `base` ("/" or "/newsroom/"). Pagefind keeps one index
 * per page language and searches the one matching <html lang>, so releases in the newsroom's
 * other languages are merged in: one search, narrowed by the language filter.
 */
export async function loadPagefind(base: string, languages: readonly string[]): Promise<Pagefind> {
  const bundlePath = `${base}${SEARCH_BUNDLE_DIR}/`;
  // A URL built at run time, so the bundler leaves it alone: the file exists only in built sites.
  const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
  // The merged indexes take their own options: the same, so every result's excerpt looks alike.
  const options = { baseUrl: base, excerptLength: 30, excerptEllipsis: '…' };
  await pagefind.options(options);
  await pagefind.init();
  const pageLanguage = document.documentElement.lang;
  // Given as a full URL: Pagefind skips merging a bundle path that starts like its own, even when
  // the language differs.
  const bundleUrl = new URL(bundlePath, location.origin).href;
  for (const language of languages) {
    if (language !== pageLanguage) await pagefind.mergeIndex(bundleUrl, { ...options, language });
  }
  return pagefind;
}
