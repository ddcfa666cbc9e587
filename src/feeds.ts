/**
 * The newsroom's feeds as the site publishes them, in every language: the newest releases, one
 * feed per year of issue and one per category, each in RSS, Atom and JSON Feed. Every feed takes
 * its releases from the language's edition (src/newsroom.ts), so drafts and embargoed releases
 * never reach a reader.
 */
import type { APIRoute } from 'astro';
import { dictionary, feedNamesIn, langParam, siteIn } from './i18n';
import {
  archiveLinks,
  assembleFeed,
  feedItem,
  feedResponse,
  type ArchiveYears,
  type Feed,
  type FeedFormat,
  type FeedItem,
  type FeedScope,
  type FeedSite,
  LATEST,
} from './lib/feeds';
import { renderReleaseHtml } from './render-release';
import { categorySlug } from './lib/taxonomy';
import { href } from './links';
import { getEdition, getNewsroom, pageKey, type Release } from './newsroom';
import { settings } from './settings';

/**
 * The site as a language's feeds see it. Its base path includes the language prefix, so every
 * address in a Japanese feed (items, self links, pages) points into the Japanese site.
 */
export function feedSite(lang: string): FeedSite {
  const site = siteIn(lang);
  const t = dictionary(lang).feeds;
  return {
    site: import.meta.env.SITE,
    base: href('', lang),
    title: site.title,
    description: site.description,
    language: lang,
    timeZone: settings.timeZone,
    publisher: { name: site.companyName, url: settings.company.url },
    names: feedNamesIn(lang),
    correctionWords: { correction: dictionary(lang).release.correction, updated: dictionary(lang).release.updated },
    sharedBase: href(''),
    describe: (scope) => {
      switch (scope.kind) {
        case 'year':
          return t.yearDescription(site.companyName, scope.year);
        case 'category':
          return t.categoryDescription(site.companyName, site.category(scope.category));
        case 'categoryYear':
          return t.categoryYearDescription(site.companyName, site.category(scope.category), scope.year);
      }
    },
  };
}

async function releasesOf(scope: FeedScope, lang: string): Promise<Release[]> {
  const edition = await getEdition(lang);
  switch (scope.kind) {
    case 'latest':
      return edition.releases.slice(0, settings.feedSize);
    case 'year':
      return edition.byYear.get(scope.year) ?? [];
    case 'category':
      return (edition.byCategory.get(scope.category) ?? []).slice(0, settings.feedSize);
    case 'categoryYear':
      return edition.byCategoryYear.get(scope.category)?.get(scope.year) ?? [];
  }
}

/** The years with releases in a scope's stream (every release, or one category's), newest first. */
async function archiveYears(scope: FeedScope, lang: string): Promise<ArchiveYears> {
  const edition = await getEdition(lang);
  const years =
    scope.kind === 'latest' || scope.kind === 'year' ? edition.byYear : edition.byCategoryYear.get(scope.category);
  return [...(years?.keys() ?? [])];
}

/** One feed per year with releases in `lang`, newest year first: the whole archive, year by year. */
export async function yearScopes(lang: string): Promise<Extract<FeedScope, { kind: 'year' }>[]> {
  return (await archiveYears(LATEST, lang)).map((year) => ({ kind: 'year', year }));
}

/** One feed per category with releases in `lang`, in the order site.yaml declares them. */
export async function categoryScopes(lang: string): Promise<Extract<FeedScope, { kind: 'category' }>[]> {
  return [...(await getEdition(lang)).byCategory.keys()].map((category) => ({ kind: 'category', category }));
}

/** A category's archives in `lang`: one feed per year with releases in it, newest year first. */
export async function categoryArchiveScopes(
  lang: string,
  category: string,
): Promise<Extract<FeedScope, { kind: 'categoryYear' }>[]> {
  const years = await archiveYears({ kind: 'category', category }, lang);
  return years.map((year) => ({ kind: 'categoryYear', category, year }));
}

const feeds = new Map<string, Promise<Feed>>();
const items = new Map<string, Promise<FeedItem>>();

/**
 * A release as a feed item, made once per build: the main, year and category feeds that carry it
 * share the item (and its full text) instead of each rendering and rewriting its links again.
 */
function releaseItem(release: Release, site: FeedSite): Promise<FeedItem> {
  const key = `${site.language} ${release.id}`;
  let item = items.get(key);
  if (!item || import.meta.env.NEWSROOM_PREVIEW === true) {
    item = renderReleaseHtml(release).then((html) => feedItem(release, html, site));
    items.set(key, item);
  }
  return item;
}

/** A scope's feed in a language, assembled once per build and shared by its three formats. */
export function getFeed(scope: FeedScope, lang: string): Promise<Feed> {
  const key = JSON.stringify([scope, lang]);
  let feed = feeds.get(key);
  // Under `astro dev` content changes between requests: rebuild, as getNewsroom() does.
  if (!feed || import.meta.env.NEWSROOM_PREVIEW === true) {
    const site = feedSite(lang);
    feed = releasesOf(scope, lang).then(async (releases) => {
      const items = await Promise.all(releases.map((release) => releaseItem(release, site)));
      return assembleFeed(scope, items, site, await archiveYears(scope, lang));
    });
    feeds.set(key, feed);
  }
  return feed;
}

interface FeedProps {
  lang: string;
  scope?: FeedScope;
}

/** The GET handler of a feed route; routes pass their language and scope as props. */
export function feedEndpoint(format: FeedFormat): APIRoute {
  return async ({ props }) => {
    const { lang, scope = LATEST } = props as FeedProps;
    return feedResponse(format, await getFeed(scope, lang));
  };
}

/**
 * The incremental-build key of a feed: its releases, in full, the feeds it links to, and the frame
 * every page shows.
 */
async function feedKey(scope: FeedScope, lang: string): Promise<string> {
  const links = archiveLinks(scope, await archiveYears(scope, lang));
  return pageKey(await getNewsroom(), await releasesOf(scope, lang), 'feed', scope, lang, links);
}

/**
 * Static paths of a feed route in every language: one per scope `scopes` gives for the language,
 * with the route parameters `params` names it by.
 */
async function feedPaths<S extends FeedScope>(
  scopes: (lang: string) => Promise<S[]>,
  params: (scope: S) => Record<string, string> = () => ({}),
) {
  const paths = await Promise.all(
    settings.languages.map(async (lang) =>
      Promise.all(
        (await scopes(lang)).map(async (scope) => ({
          params: { lang: langParam(lang), ...params(scope) },
          props: { lang, scope },
          cacheKey: await feedKey(scope, lang),
        })),
      ),
    ),
  );
  return paths.flat();
}

/** Static paths of the main feed routes: one per language. */
export const latestFeedPaths = () => feedPaths(async () => [LATEST]);

/** Static paths of the per-year feed routes. */
export const yearFeedPaths = () => feedPaths(yearScopes, (scope) => ({ year: String(scope.year) }));

/** Static paths of the per-category feed routes, by category slug. */
export const categoryFeedPaths = () =>
  feedPaths(categoryScopes, (scope) => ({ category: categorySlug(scope.category) }));

/** Static paths of the per-category archive routes, by category slug and year. */
export const categoryArchiveFeedPaths = () =>
  feedPaths(
    async (lang) =>
      (await Promise.all((await categoryScopes(lang)).map((c) => categoryArchiveScopes(lang, c.category)))).flat(),
    (scope) => ({ category: categorySlug(scope.category), year: String(scope.year) }),
  );
