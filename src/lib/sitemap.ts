/**
 * Sitemaps: last-modified dates of release pages for `@astrojs/sitemap` (set up in
 * astro.config.mjs), and the Google News sitemap of the releases of the last two days.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SitemapOptions } from '@astrojs/sitemap';
import { zonedTime } from './dates';
import { contentFiles, releaseId } from './check/content-folder';
import { correctedAt, escapeXml } from './feeds';
import { writtenFields } from './frontmatter';
import { releaseSlug } from './releases';
import { absoluteUrl, localePath, releasePath } from './urls';

/** When a release page last changed: its correction, else its issue (ISO 8601, issuer's offset). */
export function lastModified(
  release: { isoDate: string; data: { updated?: string | undefined } },
  timeZone: string,
): string {
  return correctedAt(release, timeZone) ?? release.isoDate;
}

/**
 * Last-modified time of every release, by page path below the base (`ja/releases/…/` for a
 * Japanese one), read from the frontmatter as written. The sitemap is written after the build by
 * an integration that cannot see the content collections, so it reads the few fields it needs.
 */
export function releaseLastModified(
  releasesDir: string,
  timeZone: string,
  defaultLanguage = 'en',
): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of contentFiles(releasesDir, ['.mdx'])) {
    const fields = Object.fromEntries(
      writtenFields(readFileSync(join(releasesDir, file), 'utf8'), ['date', 'time', 'updated', 'slug', 'lang']).map(
        (field) => [field.field, field.value],
      ),
    );
    if (!fields.date) continue; // the content schema reports it
    const id = releaseId(file);
    const isoDate = zonedTime(fields.date, fields.time, timeZone).iso;
    const path = localePath(
      fields.lang ?? defaultLanguage,
      defaultLanguage,
      releasePath(releaseSlug(id, fields.date, fields.slug)),
    );
    found.set(path, lastModified({ isoDate, data: fields }, timeZone));
  }
  return found;
}

const RELEASE_URL = /\/releases\/(\d{4}-\d{2}-\d{2})-[^/]+\/$/;

/**
 * Options for `@astrojs/sitemap`: release pages carry their last-modified time (from content, so
 * builds are repeatable), and the sitemap index lists the Google News sitemap too.
 */
export function sitemapOptions(options: {
  releasesDir: string;
  timeZone: string;
  site: string;
  base: string;
  /** The site's languages, the default first: each page's versions become hreflang alternates. */
  languages: readonly string[];
}): NonNullable<SitemapOptions> {
  let modified: Map<string, string> | undefined;
  const [defaultLocale = 'en'] = options.languages;
  const multilingual = options.languages.length > 1;
  return {
    customSitemaps: [absoluteUrl(options.site, options.base, 'news-sitemap.xml')],
    // Plain page URLs, plus hreflang alternates (xhtml:link) when there are several languages.
    namespaces: { news: false, xhtml: multilingual, image: false, video: false },
    ...(multilingual && {
      i18n: { defaultLocale, locales: Object.fromEntries(options.languages.map((lang) => [lang, lang])) },
    }),
    serialize(item) {
      const m = RELEASE_URL.exec(item.url);
      if (!m) return item;
      modified ??= releaseLastModified(options.releasesDir, options.timeZone, defaultLocale);
      // URLs arrive percent-encoded; slugs are kept as written. Should a slug ever fail to match,
      // the date of issue in the URL is still right.
      const path = decodeURIComponent(item.url.slice(absoluteUrl(options.site, options.base, '').length));
      const lastmod = modified.get(path) ?? zonedTime(m[1]!, undefined, options.timeZone).iso;
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
