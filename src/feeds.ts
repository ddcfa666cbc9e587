/**
 * The newsroom's feeds as the site publishes them: the newest releases, one feed per year of
 * issue and one per category, each in RSS, Atom and JSON Feed. Every feed takes its releases
 * from getNewsroom(), so drafts and embargoed releases never reach a reader.
 */
import type { APIRoute } from 'astro';
import {
  assembleFeed,
  feedItem,
  feedResponse,
  type Feed,
  type FeedFormat,
  type FeedScope,
  type FeedSite,
  LATEST,
} from './lib/feeds';
import { renderReleaseHtml } from './lib/render-release';
import { categorySlug } from './lib/taxonomy';
import { getNewsroom, type Release } from './newsroom';
import { settings } from './settings';

const feedSite: FeedSite = {
  site: import.meta.env.SITE,
  base: import.meta.env.BASE_URL,
  title: settings.title,
  description: settings.description,
  language: settings.defaultLanguage,
  timeZone: settings.timeZone,
  publisher: { name: settings.company.name, url: settings.company.url },
};

async function releasesOf(scope: FeedScope): Promise<Release[]> {
  const newsroom = await getNewsroom();
  switch (scope.kind) {
    case 'latest':
      return newsroom.releases.slice(0, settings.feedSize);
    case 'year':
      return newsroom.byYear.get(scope.year) ?? [];
    case 'category':
      return newsroom.byCategory.get(scope.category) ?? [];
  }
}

/** One feed per year with releases, newest year first: the whole archive, year by year. */
export async function yearScopes(): Promise<Extract<FeedScope, { kind: 'year' }>[]> {
  return [...(await getNewsroom()).byYear.keys()].map((year) => ({ kind: 'year', year }));
}

/** One feed per category with releases, in the order site.yaml declares them. */
export async function categoryScopes(): Promise<Extract<FeedScope, { kind: 'category' }>[]> {
  return [...(await getNewsroom()).byCategory.keys()].map((category) => ({ kind: 'category', category }));
}

const feeds = new Map<string, Promise<Feed>>();

/** A scope's feed, assembled once per build and shared by its three formats. */
export function getFeed(scope: FeedScope): Promise<Feed> {
  const key = JSON.stringify(scope);
  let feed = feeds.get(key);
  // Under `astro dev` content changes between requests: rebuild, as getNewsroom() does.
  if (!feed || import.meta.env.NEWSROOM_PREVIEW === true) {
    feed = releasesOf(scope).then(async (releases) => {
      const items = await Promise.all(
        releases.map(async (release) => feedItem(release, await renderReleaseHtml(release), feedSite)),
      );
      return assembleFeed(scope, items, feedSite);
    });
    feeds.set(key, feed);
  }
  return feed;
}

/** The GET handler of a feed route; archive routes pass their scope as a prop. */
export function feedEndpoint(format: FeedFormat): APIRoute {
  return async ({ props }) => feedResponse(format, await getFeed((props as { scope?: FeedScope }).scope ?? LATEST));
}

/** Static paths of the per-year feed routes. */
export async function yearFeedPaths() {
  return (await yearScopes()).map((scope) => ({ params: { year: String(scope.year) }, props: { scope } }));
}

/** Static paths of the per-category feed routes, by category slug. */
export async function categoryFeedPaths() {
  return (await categoryScopes()).map((scope) => ({
    params: { category: categorySlug(scope.category) },
    props: { scope },
  }));
}
