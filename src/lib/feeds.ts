/**
 * Feeds of releases: which feeds exist and where, what each item carries, and the RSS 2.0,
 * Atom 1.0 and JSON Feed 1.1 documents. Pure: release text arrives as rendered HTML, and every
 * date comes from content, never from the clock, so two builds of the same content write the
 * same bytes.
 */
import { getRssString, type RSSOptions } from '@astrojs/rss';
import { en } from '../i18n/en';
import { formatLongDate, zonedTime } from './dates';
import { escapeHtml } from './html';
import { categorySlug, tagSlug } from './taxonomy';
import { absoluteUrl, categoryPath, releasePath, withBase, yearPath } from './urls';

/**
 * Which releases a feed carries. Two subscription feeds — the newest releases, and the newest of
 * one category — each with archives by year: every release of a year, and every release of a
 * category in a year. A feed reader reaches the whole archive from either by following the
 * archive links (RFC 5005), and no document grows with the size of the archive.
 */
export type FeedScope =
  | { kind: 'latest' }
  | { kind: 'year'; year: number }
  | { kind: 'category'; category: string }
  | { kind: 'categoryYear'; category: string; year: number };

export const LATEST: FeedScope = { kind: 'latest' };

export const FEED_FORMATS = {
  rss: { file: 'rss.xml', type: 'application/rss+xml', name: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', name: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', name: 'JSON Feed' },
} as const;

export type FeedFormat = keyof typeof FEED_FORMATS;
export const feedFormats = Object.keys(FEED_FORMATS) as FeedFormat[];

/**
 * Site path of the folder holding a scope's three feeds. The main feeds sit at the site root,
 * where readers look for them; archives sit under `feeds/` so they never collide with pages.
 */
export function feedFolder(scope: FeedScope): string {
  switch (scope.kind) {
    case 'latest':
      return '';
    case 'year':
      return `feeds/${scope.year}/`;
    case 'category':
      return `feeds/categories/${categorySlug(scope.category)}/`;
    case 'categoryYear':
      return `feeds/categories/${categorySlug(scope.category)}/${scope.year}/`;
  }
}

/** Site path of one feed, e.g. `feeds/2007/atom.xml`. */
export const feedPath = (scope: FeedScope, format: FeedFormat) => `${feedFolder(scope)}${FEED_FORMATS[format].file}`;

/** Site path of the page a feed mirrors: the home page, a year's archive, a category's page. */
export function scopePagePath(scope: FeedScope): string {
  switch (scope.kind) {
    case 'latest':
      return '';
    case 'year':
      return yearPath(scope.year);
    case 'category':
    case 'categoryYear':
      return categoryPath(scope.category);
  }
}

/**
 * How a language names feeds: its categories, and the words and punctuation of a feed's title
 * ("Example Newsroom: Financial, 2007", "…：財務・IR（2007年）"). English by default.
 */
export interface FeedNames {
  category: (category: string) => string;
  scope: (parts: { category?: string; year?: number }) => string;
  titled: (siteTitle: string, scope: string) => string;
  format: (title: string, format: string) => string;
}

const ENGLISH_NAMES: FeedNames = {
  category: (category) => category,
  scope: en.feeds.scope,
  titled: en.feeds.titled,
  format: en.feeds.format,
};

/** What a reader's feed list shows, e.g. "Trend Micro Newsroom: 2007", "…ニュースルーム：2007年". */
export function feedTitle(scope: FeedScope, siteTitle: string, names: FeedNames = ENGLISH_NAMES): string {
  switch (scope.kind) {
    case 'latest':
      return siteTitle;
    case 'year':
      return names.titled(siteTitle, names.scope({ year: scope.year }));
    case 'category':
      return names.titled(siteTitle, names.scope({ category: names.category(scope.category) }));
    case 'categoryYear':
      return names.titled(siteTitle, names.scope({ category: names.category(scope.category), year: scope.year }));
  }
}

export function feedDescription(scope: FeedScope, siteDescription: string, publisher: string): string {
  switch (scope.kind) {
    case 'latest':
      return siteDescription;
    case 'year':
      return en.feeds.yearDescription(publisher, scope.year);
    case 'category':
      return en.feeds.categoryDescription(publisher, scope.category);
    case 'categoryYear':
      return en.feeds.categoryYearDescription(publisher, scope.category, scope.year);
  }
}

export interface FeedLink {
  title: string;
  type: string;
  /** Site-relative, with the base path. */
  href: string;
}

/** The `<link rel="alternate">` targets announcing a scope's feeds to browsers and readers. */
export function feedLinks(
  scope: FeedScope,
  siteTitle: string,
  base: string,
  names: FeedNames = ENGLISH_NAMES,
): FeedLink[] {
  return feedFormats.map((format) => ({
    title: names.format(feedTitle(scope, siteTitle, names), FEED_FORMATS[format].name),
    type: FEED_FORMATS[format].type,
    href: withBase(base, feedPath(scope, format)),
  }));
}

/** The years that have releases in a feed's stream (all releases, or one category's), newest first. */
export type ArchiveYears = readonly number[];

/**
 * The feeds a feed document links to (RFC 5005, Feed Paging and Archiving): an archive links to
 * its subscription feed (`current`) and to the archives of the years before and after it; a
 * subscription feed to its newest archive (`prev-archive`). `years` are those with releases in the
 * feed's stream, newest first.
 */
export interface ArchiveLinks {
  current?: FeedScope | undefined;
  prevArchive?: FeedScope | undefined;
  nextArchive?: FeedScope | undefined;
  /**
   * An archive of a year that is over in its stream (a newer year has releases), marked as such
   * for readers (RFC 5005 `fh:archive`), which need not fetch it again. The newest year's archive
   * still grows, so it is not marked.
   */
  complete?: boolean;
}

type ArchiveLink = Exclude<keyof ArchiveLinks, 'complete'>;

export function archiveLinks(scope: FeedScope, years: ArchiveYears): ArchiveLinks {
  const archive = (year: number | undefined): FeedScope | undefined => {
    if (year === undefined) return undefined;
    return scope.kind === 'latest' || scope.kind === 'year'
      ? { kind: 'year', year }
      : { kind: 'categoryYear', category: scope.category, year };
  };
  switch (scope.kind) {
    case 'latest':
    case 'category':
      return { prevArchive: archive(years[0]) };
    case 'year':
    case 'categoryYear': {
      const at = years.indexOf(scope.year);
      return {
        current: scope.kind === 'year' ? LATEST : { kind: 'category', category: scope.category },
        prevArchive: at < 0 ? undefined : archive(years[at + 1]),
        nextArchive: at <= 0 ? undefined : archive(years[at - 1]),
        complete: at > 0,
      };
    }
  }
}

/** The site a feed belongs to, as feeds need it: absolute addresses, language, issuer. */
export interface FeedSite {
  /** Origin of the published site, e.g. `https://newsroom.example.com`. */
  site: string;
  /** Base path, e.g. `/` or `/newsroom/`. */
  base: string;
  title: string;
  description: string;
  language: string;
  timeZone: string;
  publisher: { name: string; url?: string | undefined };
  /** A year's or category's description in the site's language (default: English). */
  describe?: ((scope: Exclude<FeedScope, { kind: 'latest' }>) => string) | undefined;
  /** Category names and feed titles in the site's language (default: English, as declared). */
  names?: FeedNames | undefined;
  /** A correction note's words in the site's language (default: English). */
  correctionWords?: CorrectionWords | undefined;
  /** The base path of what every language shares (attachments): `base` without a language prefix. */
  sharedBase?: string | undefined;
}

/** The parts of a release a feed item is made from. */
export interface FeedRelease {
  slug: string;
  /** ISO 8601 with the issuer's offset. */
  isoDate: string;
  summary: string;
  data: {
    headline: string;
    subheadline?: string | undefined;
    categories: readonly string[];
    tags: readonly string[];
    lang: string;
    updated?: string | undefined;
    correction?: string | undefined;
  };
  /** The files it attaches, each at `path` below the shared base. */
  attachments?: readonly { title: string; path: string; type: string; bytes: number }[] | undefined;
}

export interface FeedItem {
  /** The permalink: it never changes, so readers never show a release twice. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The full release as HTML with absolute URLs. */
  contentHtml: string;
  /** ISO 8601 with the issuer's offset. */
  published: string;
  /** ISO 8601 with the issuer's offset; only for corrected releases. */
  updated?: string | undefined;
  /** Each category as declared (the site's addresses are made from it) and in the feed's language. */
  categories: { name: string; label: string }[];
  tags: string[];
  language: string;
  /** The files the release attaches: enclosures in RSS and Atom, attachments in JSON Feed. */
  attachments: { url: string; title: string; type: string; bytes: number }[];
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * When a corrected release changed: 00:00 issuer time on the day of the correction. A correction
 * made on the day of issue cannot precede the release, so it is never earlier than publication.
 */
export function correctedAt(
  release: { isoDate: string; data: { updated?: string | undefined } },
  timeZone: string,
): string | undefined {
  const { updated } = release.data;
  return updated ? later(zonedTime(updated, undefined, timeZone).iso, release.isoDate) : undefined;
}

/** The newest publication or correction among `items`: a channel's last change. */
export function lastChange(items: readonly Pick<FeedItem, 'published' | 'updated'>[]): string | undefined {
  return items
    .map((item) => item.updated ?? item.published)
    .reduce<string | undefined>((newest, time) => (newest ? later(newest, time) : time), undefined);
}

const URL_ATTRIBUTE = /(\s(?:href|src|poster|cite)\s*=\s*)(["'])(.*?)\2/gi;
const SRCSET_ATTRIBUTE = /(\ssrcset\s*=\s*)(["'])(.*?)\2/gi;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
// Build-only attributes (scoped-style ids, search-index hints) mean nothing in a reader.
const BUILD_ATTRIBUTE = /\sdata-(?:astro-[\w-]+|pagefind-[\w-]+)(?:=(?:"[^"]*"|'[^']*'|[^\s>]*))?/g;
// Characters XML 1.0 forbids; one stray control character would make the whole feed unreadable.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function resolveUrl(value: string, pageUrl: string): string {
  const trimmed = value.trim();
  if (!trimmed || HAS_SCHEME.test(trimmed)) return value;
  return new URL(trimmed, pageUrl).href;
}

/**
 * Makes every link and image address in `html` absolute, resolved against the release's own
 * URL as a browser on the release page would, because a feed reader has no page to resolve
 * against. `mailto:`, `tel:` and other absolute addresses are left alone.
 */
export function absoluteHtmlUrls(html: string, pageUrl: string): string {
  return html
    .replace(URL_ATTRIBUTE, (_, attr: string, quote: string, value: string) => {
      return `${attr}${quote}${resolveUrl(value, pageUrl)}${quote}`;
    })
    .replace(SRCSET_ATTRIBUTE, (_, attr: string, quote: string, value: string) => {
      const candidates = value.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [resolveUrl(url, pageUrl), ...descriptor].join(' ');
      });
      return `${attr}${quote}${candidates.join(', ')}${quote}`;
    });
}

// An attribute's value however quoted, read whole, so that a `</li>` or a `>` quoted in a title is
// not taken for a tag or its end; and a tag's attributes, one after another.
const VALUE = `(?:"[^"]*"|'[^']*'|[^\\s"'=<>\`]+)`;
const ATTRIBUTES = `(?:\\s+[^\\s"'>/=]+(?:\\s*=\\s*${VALUE})?)*`;
// Any start or end tag, every one read whole (a list's tag quoted in another's title is text); and
// one attribute.
const TAG = new RegExp(`<(\\/?)([a-z][^\\s/>]*)(${ATTRIBUTES})\\s*\\/?>`, 'gi');
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// Numbering a <div> cannot take.
const LIST_ONLY = new Set(['type', 'start', 'reversed']);

/**
 * Numbered terms as a reader without the site's stylesheet should see them. On the site they are an
 * `<ol class="terms">` (src/lib/release-components.ts) whose own markers the stylesheet hides,
 * because each term prints its number as text — "1.", "(1)", "(a)", as the release does, which a
 * list's markers cannot all show. A feed reader has no such stylesheet and would show both: "1. 1.
 * Purchase period". So in a feed each terms list and the items directly in it become blocks
 * (`<div>`), each term still opening with its number; every other list stays a list.
 */
export function termsAsBlocks(html: string): string {
  // A release without terms is returned as it is, without reading every tag.
  if (!/<ol\b[^>]*\bterms\b/i.test(html)) return html;
  // For each list (ol, ul) and item (li) open at this point: whether it became a block.
  const open: { list: boolean; block: boolean }[] = [];
  return html.replace(TAG, (tag, close: string, tagName: string, attributes: string) => {
    const name = tagName.toLowerCase();
    if (name !== 'ol' && name !== 'ul' && name !== 'li') return tag;
    if (close) return open.pop()?.block ? '</div>' : tag;
    const kept = [...attributes.matchAll(ATTRIBUTE)].filter(
      ([, attribute]) => !LIST_ONLY.has(attribute!.toLowerCase()),
    );
    const classes = kept.flatMap(([, attribute, ...values]) =>
      attribute!.toLowerCase() === 'class' ? (values.find((v) => v !== undefined) ?? '').split(/\s+/) : [],
    );
    const block =
      name === 'li'
        ? (open.findLast((element) => element.list)?.block ?? false)
        : name === 'ol' && classes.includes('terms');
    open.push({ list: name !== 'li', block });
    return block ? `<div${kept.map(([whole]) => whole).join('')}>` : tag;
  });
}

/**
 * Attributes that tie an element to the rest of its page: ids (with the labels that point at them)
 * and tab stops. A reader that shows several items on one page would get the same id once per
 * release, labels naming another item's section, and a tab stop on a table that is not scrolling.
 */
const PAGE_ATTRIBUTE_NAME = '(?:id|aria-labelledby|aria-describedby|tabindex)';
const PAGE_ATTRIBUTE = new RegExp(`\\s${PAGE_ATTRIBUTE_NAME}\\s*=\\s*${VALUE}`, 'gi');
// A tag with one of those attributes, its other values read whole.
const TAG_WITH_PAGE_ATTRIBUTE = new RegExp(
  `<[a-z](?:[^>"']|"[^"]*"|'[^']*')*?\\s${PAGE_ATTRIBUTE_NAME}\\s*=(?:[^>"']|"[^"]*"|'[^']*')*>`,
  'gi',
);

/**
 * Release HTML as a feed reader should get it: terms numbered once (`termsAsBlocks`), no build-only
 * attributes or attributes that belong to the page, nothing XML forbids. Links to a place in the
 * page keep working: `absoluteHtmlUrls` points them at the release's page.
 */
export function cleanFeedHtml(html: string): string {
  return termsAsBlocks(html)
    .replace(BUILD_ATTRIBUTE, '')
    .replace(TAG_WITH_PAGE_ATTRIBUTE, (tag) => tag.replace(PAGE_ATTRIBUTE, ''))
    .replace(XML_FORBIDDEN, '');
}

/** The words of a correction note, as the release page writes it ("Correction", "Updated"). */
export interface CorrectionWords {
  correction: string;
  updated: string;
}

/**
 * What the page shows above the release text but the release text itself lacks: the
 * subheadline, and the correction note readers need when an item comes back as updated, in the
 * words of the page (English by default).
 */
export function itemPreface(
  release: FeedRelease,
  words: CorrectionWords = { correction: en.release.correction, updated: en.release.updated },
): string {
  const { subheadline, updated, correction, lang } = release.data;
  const parts: string[] = [];
  if (subheadline) parts.push(`<p><em>${escapeHtml(subheadline)}</em></p>`);
  if (updated && correction) {
    const when = `<time datetime="${updated}">${escapeHtml(formatLongDate(updated, lang))}</time>`;
    parts.push(
      `<p><strong>${escapeHtml(words.correction)}</strong> ${escapeHtml(words.updated)} ${when}: ${escapeHtml(correction)}</p>`,
    );
  }
  return parts.join('');
}

/** One release as a feed item; `releaseHtml` is the rendered release text. */
export function feedItem(release: FeedRelease, releaseHtml: string, site: FeedSite): FeedItem {
  const url = absoluteUrl(site.site, site.base, releasePath(release.slug));
  return {
    id: url,
    url,
    title: release.data.headline,
    summary: release.summary,
    contentHtml: absoluteHtmlUrls(cleanFeedHtml(itemPreface(release, site.correctionWords) + releaseHtml), url),
    published: release.isoDate,
    updated: correctedAt(release, site.timeZone),
    categories: release.data.categories.map((name) => ({ name, label: site.names?.category(name) ?? name })),
    tags: [...release.data.tags],
    language: release.data.lang,
    attachments: (release.attachments ?? []).map(({ title, path, type, bytes }) => ({
      url: absoluteUrl(site.site, site.sharedBase ?? site.base, path),
      title,
      type,
      bytes,
    })),
  };
}

export interface Feed {
  scope: FeedScope;
  title: string;
  description: string;
  language: string;
  /** The page the feed mirrors. */
  pageUrl: string;
  /** Each format's own address. */
  self: Record<FeedFormat, string>;
  /** The feeds this one links to, each in every format (see `archiveLinks`). */
  archives: { [Link in ArchiveLink]?: Record<FeedFormat, string> };
  /** An archive that will not change (see `ArchiveLinks`). */
  complete: boolean;
  /** Last change of the content in the feed; undefined only for a feed with no items. */
  updated: string | undefined;
  publisher: FeedSite['publisher'];
  /** Absolute addresses of the category and tag indexes, naming the vocabulary of categories. */
  schemes: { categories: string; tags: string };
  items: FeedItem[];
}

/** Each format's address of a scope's feed. */
const feedUrls = (scope: FeedScope, url: (path: string) => string) =>
  Object.fromEntries(feedFormats.map((format) => [format, url(feedPath(scope, format))])) as Record<FeedFormat, string>;

/**
 * A scope's feed: channel details and items, in the order given (newest first), and its links to
 * the feeds `archiveLinks` gives for the scope and its years.
 */
export function assembleFeed(scope: FeedScope, items: FeedItem[], site: FeedSite, years: ArchiveYears): Feed {
  const url = (path: string) => absoluteUrl(site.site, site.base, path);
  const { complete = false, ...links } = archiveLinks(scope, years);
  const archives: Feed['archives'] = {};
  for (const [link, target] of Object.entries(links) as [ArchiveLink, FeedScope | undefined][]) {
    if (target) archives[link] = feedUrls(target, url);
  }
  return {
    scope,
    title: feedTitle(scope, site.title, site.names),
    description:
      scope.kind !== 'latest' && site.describe
        ? site.describe(scope)
        : feedDescription(scope, site.description, site.publisher.name),
    language: site.language,
    pageUrl: url(scopePagePath(scope)),
    self: feedUrls(scope, url),
    archives,
    complete,
    updated: lastChange(items),
    publisher: site.publisher,
    schemes: { categories: url('categories/'), tags: url('tags/') },
    items,
  };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|([+-]\d{2}):?(\d{2}))$/;

/**
 * RFC 822 date as RSS wants it, keeping the wall-clock time and offset of `iso`:
 * `2007-03-30T00:00:00+09:00` → `Fri, 30 Mar 2007 00:00:00 +0900`. (`Date#toUTCString` would
 * say 29 Mar 15:00 GMT: the same instant, but not the date the issuer printed.)
 */
export function rfc822(iso: string): string {
  const m = ISO_WITH_OFFSET.exec(iso);
  if (!m) throw new Error(`expected an ISO 8601 time with an offset, found ${JSON.stringify(iso)}`);
  const [, y, mo, d, h, mi, s = '00', zulu, offsetHours, offsetMinutes] = m as unknown as string[];
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  const offset = zulu === 'Z' ? '+0000' : `${offsetHours}${offsetMinutes}`;
  return `${weekday}, ${d} ${MONTHS[Number(mo) - 1]} ${y} ${h}:${mi}:${s} ${offset}`;
}

/** RFC 5005 link relations, as `ArchiveLinks` names them. */
const ARCHIVE_RELATIONS: Record<ArchiveLink, string> = {
  current: 'current',
  prevArchive: 'prev-archive',
  nextArchive: 'next-archive',
};

/** A feed's archive links as Atom link elements (`link` in Atom, `atom:link` in RSS). */
function archiveLinkElements(feed: Feed, format: 'rss' | 'atom', element: string): string[] {
  return (Object.keys(ARCHIVE_RELATIONS) as ArchiveLink[]).flatMap((link) => {
    const href = feed.archives[link]?.[format];
    return href
      ? [`<${element} href="${escapeXml(href)}" rel="${ARCHIVE_RELATIONS[link]}" type="${FEED_FORMATS[format].type}"/>`]
      : [];
  });
}

const XML_SPECIAL = /[&<>"]/g;
const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  // (A release's full text in every feed that carries it: tens of thousands of characters each.)
  return text.replace(XML_FORBIDDEN, '').replace(XML_SPECIAL, (c) => XML_ENTITIES[c]!);
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** RFC 5005's namespace, for `fh:archive`. */
const HISTORY_NS = 'http://purl.org/syndication/history/1.0';

/** Options for `@astrojs/rss`, which writes the RSS 2.0 document. */
export function rssOptions(feed: Feed): RSSOptions {
  const channel = [
    `<language>${escapeXml(feed.language)}</language>`,
    feed.updated ? `<lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(feed.self.rss)}" rel="self" type="${FEED_FORMATS.rss.type}"/>`,
    ...archiveLinkElements(feed, 'rss', 'atom:link'),
    feed.complete ? '<fh:archive/>' : '',
  ];
  return {
    title: feed.title,
    description: feed.description,
    site: feed.pageUrl,
    xmlns: { atom: ATOM_NS, ...(feed.complete && { fh: HISTORY_NS }) },
    customData: channel.join(''),
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      description: item.summary,
      content: item.contentHtml,
      categories: [...item.categories.map((category) => category.label), ...item.tags],
      // RSS 2.0 readers take one enclosure per item (the RSS Advisory Board's profile): the first
      // file; Atom and JSON Feed carry them all.
      ...(item.attachments[0] && {
        enclosure: { url: item.attachments[0].url, length: item.attachments[0].bytes, type: item.attachments[0].type },
      }),
      // Given as text, not as `pubDate`, which `@astrojs/rss` would write in GMT.
      customData: [
        `<pubDate>${rfc822(item.published)}</pubDate>`,
        item.updated ? `<atom:updated>${item.updated}</atom:updated>` : '',
      ].join(''),
    })),
  };
}

export const rssXml = (feed: Feed): Promise<string> => getRssString(rssOptions(feed));

// RFC 4287 requires a feed-level <updated>; only a newsroom with no releases at all lacks one.
const NO_CONTENT_YET = '1970-01-01T00:00:00Z';

/** The Atom 1.0 document (RFC 4287). */
export function atomXml(feed: Feed): string {
  const { publisher, schemes } = feed;
  const category = (scheme: string, term: string, label: string) =>
    `<category term="${escapeXml(term)}" label="${escapeXml(label)}" scheme="${escapeXml(scheme)}"/>`;
  const entries = feed.items.map((item) =>
    [
      `<entry xml:lang="${escapeXml(item.language)}">`,
      `<id>${escapeXml(item.id)}</id>`,
      `<title type="text">${escapeXml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      ...item.attachments.map(
        ({ url, title, type, bytes }) =>
          `<link rel="enclosure" type="${escapeXml(type)}" length="${bytes}" title="${escapeXml(title)}" href="${escapeXml(url)}"/>`,
      ),
      `<published>${item.published}</published>`,
      `<updated>${item.updated ?? item.published}</updated>`,
      ...item.categories.map(({ name, label }) => category(schemes.categories, categorySlug(name), label)),
      ...item.tags.map((tag) => category(schemes.tags, tagSlug(tag), tag)),
      `<summary type="text">${escapeXml(item.summary)}</summary>`,
      `<content type="html">${escapeXml(item.contentHtml)}</content>`,
      `</entry>`,
    ].join('\n'),
  );
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="${ATOM_NS}"${feed.complete ? ` xmlns:fh="${HISTORY_NS}"` : ''} xml:lang="${escapeXml(feed.language)}">`,
    `<id>${escapeXml(feed.self.atom)}</id>`,
    `<title type="text">${escapeXml(feed.title)}</title>`,
    `<subtitle type="text">${escapeXml(feed.description)}</subtitle>`,
    `<link rel="self" type="${FEED_FORMATS.atom.type}" href="${escapeXml(feed.self.atom)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    ...archiveLinkElements(feed, 'atom', 'link'),
    ...(feed.complete ? ['<fh:archive/>'] : []),
    `<updated>${feed.updated ?? NO_CONTENT_YET}</updated>`,
    `<author><name>${escapeXml(publisher.name)}</name>${publisher.url ? `<uri>${escapeXml(publisher.url)}</uri>` : ''}</author>`,
    ...entries,
    `</feed>`,
    '',
  ].join('\n');
}

/** The JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
export function jsonFeed(feed: Feed): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.self.json,
    // JSON Feed's pagination: the feed with the releases before these.
    next_url: feed.archives.prevArchive?.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher.name, url: feed.publisher.url }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.published,
      date_modified: item.updated,
      tags: [...item.categories.map((category) => category.label), ...item.tags],
      language: item.language,
      attachments: item.attachments.length
        ? item.attachments.map(({ url, title, type, bytes }) => ({
            url,
            mime_type: type,
            title,
            size_in_bytes: bytes,
          }))
        : undefined,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The feed in one format, served with its media type. */
export async function feedResponse(format: FeedFormat, feed: Feed): Promise<Response> {
  const text = format === 'rss' ? await rssXml(feed) : format === 'atom' ? atomXml(feed) : jsonFeed(feed);
  // Bytes, not the string: a Response re-checks a string body character by character, which on a
  // year's full text costs more than writing the feed.
  const body = new TextEncoder().encode(text);
  return new Response(body, { headers: { 'Content-Type': `${FEED_FORMATS[format].type}; charset=utf-8` } });
}
