/**
 * Which pages a built site will have, worked out from the content alone, so `npm run check` can
 * say that a link inside a release points nowhere. The routes are the ones src/pages/ generates;
 * their paths come from src/lib/urls.ts and src/lib/feeds.ts, so a moved page moves here too.
 * When a page is added to or removed from src/pages/, change FIXED_PAGES or sitePages() here.
 */
import { groupBy, paginate } from '../archive';
import { isoInZone } from '../dates';
import { closest } from '../suggest';
import { feedFormats, feedPath, LATEST, type FeedScope } from '../feeds';
import { categoryPath, listPagePath, releasePath, releasesPath, tagPath, yearPath } from '../urls';

/** Pages that exist whatever the content says. Paths are site-relative, without the base. */
export const FIXED_PAGES = ['', releasesPath, 'contacts/', 'about/', 'search/', 'feeds/'] as const;

export interface ListedRelease {
  slug: string;
  year: number;
  categories: readonly string[];
  tags: readonly string[];
}

/** Every page and feed of a site whose listed (not draft) releases are `releases`. */
export function sitePages(releases: readonly ListedRelease[], pageSize: number): Set<string> {
  const pages = new Set<string>(FIXED_PAGES);
  // A list and its later pages (`releases/page/2/` …), paginated as the build paginates it.
  const addList = (path: string, items: readonly ListedRelease[]) =>
    paginate(items, pageSize).forEach((page) => pages.add(listPagePath(path, page.number)));
  addList(releasesPath, releases);
  const scopes: FeedScope[] = [LATEST];
  for (const release of releases) pages.add(releasePath(release.slug));
  for (const [year, list] of groupBy(releases, (r) => [r.year])) {
    addList(yearPath(year), list);
    scopes.push({ kind: 'year', year });
  }
  for (const [category, list] of groupBy(releases, (r) => r.categories)) {
    addList(categoryPath(category), list);
    scopes.push({ kind: 'category', category });
    for (const year of groupBy(list, (r) => [r.year]).keys()) scopes.push({ kind: 'categoryYear', category, year });
  }
  for (const [tag, list] of groupBy(releases, (r) => r.tags)) addList(tagPath(tag), list);
  for (const scope of scopes) for (const format of feedFormats) pages.add(feedPath(scope, format));
  return pages;
}

/** What keeps a page off the site for now (see `LinkContext.unpublished`). */
export interface Unpublished {
  draft: boolean;
  embargo?: Date | undefined;
  /** For a translation held back by its original: that original's file. */
  original?: string | undefined;
  /** The page is a file releases attach (`attachments/…`), held back with the first to be published. */
  attachment?: boolean | undefined;
  /** Held by its date of issue, still to come, rather than by an embargo. */
  scheduled?: boolean | undefined;
}

export interface LinkContext {
  /** Every page of the site (see sitePages). */
  pages: ReadonlySet<string>;
  /** Files in public/, site-relative (`files/report.pdf`). */
  publicFiles: ReadonlySet<string>;
  /**
   * Releases with no page in a build now, by the page they will have (`ja/releases/…/`): drafts,
   * and releases whose embargo has not lifted (with its time), which a link must not reveal; for a
   * translation held back by its original, that original's file. Also the files only such
   * releases attach (`attachments/…`).
   */
  unpublished: ReadonlyMap<string, Unpublished>;
  /** Releases' former addresses (`redirectFrom`), each with the release's address now. */
  moved?: ReadonlyMap<string, string>;
  /** The issuer's time zone, to tell an embargo time as authors write it. */
  timeZone?: string | undefined;
  /**
   * When the page the link is on is itself under embargo, until when: it may link to releases whose
   * embargo lifts no later, and to the pages they add.
   */
  heldUntil?: Date | undefined;
  /** The site's canonical URL (site.yaml `url`): absolute links to it are checked too. */
  siteUrl: string;
  /** The page the link is on (`releases/2007-03-30-x/`), for relative links; none for shared text. */
  onPage?: string | undefined;
}

/** Why a link inside the content points at no page of the site, or undefined when it is fine. */
export function linkProblem(href: string, context: LinkContext): string | undefined {
  const site = new URL(context.siteUrl);
  const isAbsolute = /^[a-z][a-z\d+.-]*:/i.test(href) || href.startsWith('//');
  if (href.startsWith('#') || href === '') return undefined;
  if (!isAbsolute && !href.startsWith('/') && context.onPage === undefined) {
    return `expected a link starting with / (such as /about/), found the relative link "${href}", which changes meaning on every page this text appears on`;
  }
  let url: URL;
  try {
    url = new URL(href, new URL(`/${context.onPage ?? ''}`, site));
  } catch {
    return `expected a valid link, found "${href}"`;
  }
  if (url.host !== site.host || !/^https?:$/.test(url.protocol)) return undefined;
  let path: string;
  try {
    path = decodeURI(url.pathname).replace(/^\/+/, '');
  } catch {
    return `expected a valid link, found "${href}", whose %-escapes do not decode`;
  }
  if (context.pages.has(path) || context.publicFiles.has(path)) return undefined;
  if (context.pages.has(`${path}/`)) return `expected the link with a trailing slash (/${path}/), found "${href}"`;
  const release = /^releases\/([^/]+)\/$/.exec(path)?.[1];
  // A former address leads to the release once it is published: until then, neither has a page.
  const now = context.moved?.get(path);
  const held = context.unpublished.get(now ?? path);
  const byOriginal = held?.original ? `, held back with its original ${held.original}` : '';
  // Linked from a release held at least as long: both are published together.
  if (
    held &&
    !held.draft &&
    held.embargo &&
    context.heldUntil &&
    held.embargo.getTime() <= context.heldUntil.getTime()
  ) {
    return undefined;
  }
  const until = held?.embargo && isoInZone(held.embargo, context.timeZone ?? 'UTC');
  if (held?.attachment) {
    if (held.draft)
      return `expected a link to a published page, found "${href}", a file only draft releases attach, which is not published until one of them is`;
    if (held.scheduled)
      return `expected a link to a published page, found "${href}", a file only releases issued from ${until} on attach, which is not published before then`;
    return `expected a link to a published page, found "${href}", a file attached to a release under embargo until ${until}, which the link would reveal before then`;
  }
  if (held?.draft)
    return held.original
      ? `expected a link to a published page, found "${href}", a translation whose original ${held.original} is a draft: it has no page until that draft: true is removed`
      : `expected a link to a published page, found "${href}", a draft release, which has no page until draft: true is removed`;
  if (held?.embargo) {
    if (held.scheduled)
      return `expected a link to a published page, found "${href}", a release issued at ${until}${byOriginal}, which has no page before then`;
    return `expected a link to a published page, found "${href}", a release under embargo until ${until}${byOriginal}, which the link would reveal before then`;
  }
  if (now) return `expected the release's address, found "${href}", a former address of it: link to /${now}`;
  const file = /^attachments\/([^/]+)$/.exec(path)?.[1];
  const because = release
    ? `: no release publishes at /releases/${release}/`
    : file
      ? `: no release lists ${file} in its attachments`
      : '';
  // A release's address follows its date:, which may since have moved from the file name's.
  const meant = closest(path, context.pages);
  const hint = meant === undefined ? '' : ` (did you mean "/${meant}"?)`;
  return `expected a link to a page of the site, found "${href}", which is not one${because}${hint}`;
}
