/**
 * Sitemaps: last-modified dates of release pages for `@astrojs/sitemap` (set up in
 * astro.config.mjs), and the Google News sitemap of the releases of the last two days.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { zonedTime } from './dates';
import { correctedAt, escapeXml } from './feeds';
import { releaseSlug } from './releases';
import { absoluteUrl, isTranslatedPage, localePath, releasePath } from './urls';
import { writtenReleases } from './written-releases';

/** When a release page last changed: its correction, else its issue (ISO 8601, issuer's offset). */
export function lastModified(
  release: { isoDate: string; data: { updated?: string | undefined } },
  timeZone: string,
): string {
  return correctedAt(release, timeZone) ?? release.isoDate;
}

/** What the sitemap needs of a release page: when it last changed, and which release it translates. */
export interface ReleasePage {
  /** ISO 8601 with the issuer's offset. */
  lastModified: string;
  /** The original release's id, shared by all its language versions (`translationOf`, else its own). */
  original: string;
  /** Its former addresses (`redirectFrom`), paths like the release's own. */
  redirects: string[];
}

/**
 * Every release page by path below the base (`ja/releases/…/` for a Japanese one), read from the
 * frontmatter as written. The sitemap is written after the build by an integration that cannot
 * see the content collections, so it reads the few fields it needs.
 */
export function releasePages(releasesDir: string, timeZone: string, defaultLanguage = 'en'): Map<string, ReleasePage> {
  const found = new Map<string, ReleasePage>();
  const releases = writtenReleases(releasesDir, timeZone);
  for (const { redirectFrom, fields, id, issue, timing } of releases) {
    if (!issue || !timing) continue; // the content schema reports a missing date
    const inLanguage = (name: string) => localePath(fields.lang ?? defaultLanguage, defaultLanguage, releasePath(name));
    const path = inLanguage(releaseSlug(id, issue.date, fields.slug));
    found.set(path, {
      // Issued when the embargo holding it lifts: its own, or its original's when later.
      lastModified: lastModified({ isoDate: timing.iso, data: fields }, timeZone),
      original: fields.translationOf || id,
      redirects: redirectFrom.map(inLanguage),
    });
  }
  return found;
}

export interface Alternate {
  url: string;
  lang: string;
}

/**
 * The hreflang alternates of every page in `urls` (absolute, below `siteUrl`): its versions in the
 * site's languages, itself included, in sitemap order, for pages with more than one, then the
 * default language's version again as `x-default`, as the pages' heads declare them. A page's
 * language is its first path segment when that names a language, else the default. `versionOf`
 * names what a page is a version of, given its path below the site and below its language, or
 * nothing for a page with no versions. One pass over the URLs: `@astrojs/sitemap`'s own `i18n`
 * matching compares every page with every other.
 */
export function hreflangAlternates(
  urls: readonly string[],
  siteUrl: string,
  languages: readonly string[],
  versionOf: (path: string, pathInLanguage: string) => string | undefined,
): Map<string, Alternate[]> {
  const [defaultLanguage = 'en'] = languages;
  const groups = new Map<string, Alternate[]>();
  for (const url of urls) {
    if (!url.startsWith(siteUrl)) continue;
    const path = decodeURIComponent(url.slice(siteUrl.length));
    const first = path.split('/')[0]!;
    const lang = first !== defaultLanguage && languages.includes(first) ? first : defaultLanguage;
    const key = versionOf(path, lang === defaultLanguage ? path : path.slice(first.length + 1));
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push({ url, lang });
    else groups.set(key, [{ url, lang }]);
  }
  const alternates = new Map<string, Alternate[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => sitemapOrder(a.url, b.url));
    const fallback = group.find((version) => version.lang === defaultLanguage);
    const links = fallback ? [...group, { url: fallback.url, lang: 'x-default' }] : group;
    for (const { url } of group) alternates.set(url, links);
  }
  return alternates;
}

/** The order `@astrojs/sitemap` lists pages in. */
const sitemapOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

const RELEASE_URL = /\/releases\/(\d{4}-\d{2}-\d{2})-[^/]+\/$/;

/**
 * Options for `@astrojs/sitemap`: release pages carry their last-modified time (from content, so
 * builds are repeatable), every page its versions in the other languages, and the sitemap index
 * lists the Google News sitemap too.
 */
export function sitemapOptions(options: {
  releasesDir: string;
  timeZone: string;
  site: string;
  base: string;
  /** The site's languages, the default first: each page's versions become hreflang alternates. */
  languages: readonly string[];
}): NonNullable<SitemapOptions> {
  const siteUrl = absoluteUrl(options.site, options.base, '');
  const [defaultLocale = 'en'] = options.languages;
  const multilingual = options.languages.length > 1;
  let releases: Map<string, ReleasePage> | undefined;
  const releasesByPath = () => (releases ??= releasePages(options.releasesDir, options.timeZone, defaultLocale));
  // The sitemap's pages, as `filter` sees them, all before the first `serialize`.
  let pages: string[] = [];
  let alternates: Map<string, Alternate[]> | undefined;
  let serialized = false;
  let formerPaths: Set<string> | undefined;
  return {
    customSitemaps: [absoluteUrl(options.site, options.base, 'news-sitemap.xml')],
    // Plain page URLs, plus hreflang alternates (xhtml:link) when there are several languages.
    namespaces: { news: false, xhtml: multilingual, image: false, video: false },
    filter(url) {
      // A second build in the same process starts afresh.
      if (serialized)
        [pages, alternates, releases, formerPaths, serialized] = [[], undefined, undefined, undefined, false];
      // A release's former address (`redirectFrom`) only leads to the release: no page of its own.
      formerPaths ??= new Set([...releasesByPath().values()].flatMap((release) => release.redirects));
      if (formerPaths.size && formerPaths.has(decodeURIComponent(url.slice(siteUrl.length)))) return false;
      if (multilingual) pages.push(url);
      return true;
    },
    serialize(item) {
      serialized = true;
      if (multilingual) {
        // As the pages declare them: a release and its translations, and the translated pages.
        alternates ??= hreflangAlternates(pages, siteUrl, options.languages, (path, pathInLanguage) => {
          if (isTranslatedPage(pathInLanguage)) return `page:${pathInLanguage}`;
          const release = RELEASE_URL.test(`/${path}`) ? releasesByPath().get(path) : undefined;
          return release && `release:${release.original}`;
        });
        const links = alternates.get(item.url);
        if (links) item = { ...item, links };
      }
      const m = RELEASE_URL.exec(item.url);
      if (!m) return item;
      // URLs arrive percent-encoded; slugs are kept as written. Should a slug ever fail to match,
      // the date of issue in the URL is still right.
      const path = decodeURIComponent(item.url.slice(siteUrl.length));
      const lastmod = releasesByPath().get(path)?.lastModified ?? zonedTime(m[1]!, undefined, options.timeZone).iso;
      return { ...item, lastmod };
    },
  };
}

/** Releases published in the `hours` before `now`: what a Google News sitemap lists. */
export function recentReleases<T extends { instant: Date }>(releases: readonly T[], now: Date, hours = 48): T[] {
  const since = now.getTime() - hours * 3_600_000;
  return releases.filter((release) => release.instant.getTime() >= since && release.instant <= now);
}

export interface NewsEntry {
  url: string;
  title: string;
  /** ISO 8601 with the issuer's offset. */
  published: string;
  language: string;
}

/** A Google News sitemap (https://www.google.com/schemas/sitemap-news/0.9). */
export function newsSitemapXml(publication: string, entries: readonly NewsEntry[]): string {
  const urls = entries.map((entry) =>
    [
      '<url>',
      `<loc>${escapeXml(entry.url)}</loc>`,
      '<news:news>',
      `<news:publication><news:name>${escapeXml(publication)}</news:name><news:language>${escapeXml(entry.language)}</news:language></news:publication>`,
      `<news:publication_date>${entry.published}</news:publication_date>`,
      `<news:title>${escapeXml(entry.title)}</news:title>`,
      '</news:news>',
      '</url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: every page may be crawled; both sitemaps are named. */
export function robotsTxt(sitemaps: readonly string[]): string {
  return ['User-agent: *', 'Allow: /', '', ...sitemaps.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
