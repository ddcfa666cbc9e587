/**
 * The newsroom as the site sees it: every collection read once per build, references resolved,
 * and the list of published releases (drafts and embargoes removed, newest first) computed once.
 * Every page, feed and index takes its releases from here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupBy, neighbours, relatedReleases, type Neighbours } from './lib/archive';
import { buildClock } from './lib/clock';
import { calendarDateInZone, zonedTime } from './lib/dates';
import { assertUniqueSlugs, compareNewestFirst, isPublished, releaseSlug, summaryFromBody } from './lib/releases';
import type { Ticker } from './schemas/fields';
import { settings } from './settings';

export type Boilerplate = CollectionEntry<'boilerplates'>;
export type Contact = CollectionEntry<'contacts'>;
export type Notice = CollectionEntry<'notices'>;

export interface Release {
  id: string;
  /** `2007-03-30-results-of-share-buyback` */
  slug: string;
  filePath: string;
  entry: CollectionEntry<'releases'>;
  data: CollectionEntry<'releases'>['data'];
  /** Calendar date of issue, `YYYY-MM-DD`, in the issuer's zone. */
  date: string;
  instant: Date;
  /** ISO 8601 with the issuer's offset. */
  isoDate: string;
  year: number;
  categories: string[];
  tags: string[];
  summary: string;
  tickers: Ticker[];
  draft: boolean;
  embargo?: Date | undefined;
  boilerplate: Boilerplate;
  contacts: Contact[];
  notices: Notice[];
}

export interface Newsroom {
  /** Published releases, newest first. */
  releases: Release[];
  /** Every release, including drafts and embargoed ones. */
  all: Release[];
  /** Published releases by year of issue; years newest first. */
  byYear: Map<number, Release[]>;
  /** Published releases by category, in the order categories are declared in site.yaml. */
  byCategory: Map<string, Release[]>;
  /** Published releases by tag, tags in alphabetical order. */
  byTag: Map<string, Release[]>;
  /** The releases issued just before and after each release. */
  neighbours: Map<string, Neighbours<Release>>;
  /** Up to three related releases for each release, same category first. */
  related: Map<string, Release[]>;
  /** The pinned release for the home page: the newest published one marked `featured`. */
  featured?: Release | undefined;
  /** The boilerplate in force at build time: the newest one whose `since` has come. */
  currentBoilerplate: Boilerplate;
  boilerplates: Boilerplate[];
  contacts: Contact[];
  notices: Notice[];
  /** The build's clock. */
  now: Date;
}

export { buildClock };

function resolver<T extends { id: string }>(items: T[], collection: string) {
  const byId = new Map(items.map((item) => [item.id, item]));
  return (id: string, where: string): T => {
    const found = byId.get(id);
    if (!found) {
      const known = [...byId.keys()].join(', ') || 'none';
      throw new Error(`${where}: expected the id of an entry in content/${collection}/ (${known}), found "${id}"`);
    }
    return found;
  };
}

async function load(): Promise<Newsroom> {
  const [entries, boilerplates, contacts, notices] = await Promise.all([
    getCollection('releases'),
    getCollection('boilerplates'),
    getCollection('contacts'),
    getCollection('notices'),
  ]);
  const boilerplate = resolver(boilerplates, 'boilerplates');
  const contact = resolver(contacts, 'contacts');
  const notice = resolver(notices, 'notices');

  const all = entries.map((entry): Release => {
    const { data } = entry;
    const filePath = entry.filePath ?? `content/releases/${entry.id}.mdx`;
    const { instant, iso } = zonedTime(data.date, data.time, settings.timeZone);
    return {
      id: entry.id,
      slug: releaseSlug(entry.id, data.date, data.slug),
      filePath,
      entry,
      data,
      date: data.date,
      instant,
      isoDate: iso,
      year: Number(data.date.slice(0, 4)),
      categories: data.categories,
      tags: data.tags,
      summary: data.summary ?? summaryFromBody(entry.body ?? ''),
      tickers: data.tickers ?? settings.company.tickers,
      draft: data.draft,
      embargo: data.embargo,
      boilerplate: data.boilerplate
        ? boilerplate(data.boilerplate.id, `${filePath}: boilerplate`)
        : boilerplate(settings.defaultBoilerplate, 'content/site.yaml: defaultBoilerplate'),
      contacts: data.contacts
        ? data.contacts.map((ref, i) => contact(ref.id, `${filePath}: contacts[${i}]`))
        : settings.defaultContacts.map((id, i) => contact(id, `content/site.yaml: defaultContacts[${i}]`)),
      notices: data.notices.map((ref, i) => notice(ref.id, `${filePath}: notices[${i}]`)),
    };
  });
  assertUniqueSlugs(all);
  all.sort(compareNewestFirst);

  const now = buildClock();
  const releases = all.filter((release) =>
    isPublished(release, { now, includeDrafts: import.meta.env.NEWSROOM_PREVIEW === true }),
  );
  const byCategory = groupBy(releases, (r) => r.categories);
  const today = calendarDateInZone(now, settings.timeZone);
  const inForce = boilerplates
    .filter((b) => b.data.lang === settings.defaultLanguage && b.data.since <= today)
    .sort((a, b) => (a.data.since < b.data.since ? 1 : -1));
  return {
    releases,
    all,
    byYear: groupBy(releases, (r) => [r.year]),
    byCategory: new Map(settings.categories.flatMap((c) => (byCategory.has(c) ? [[c, byCategory.get(c)!]] : []))),
    byTag: new Map([...groupBy(releases, (r) => r.tags)].sort(([a], [b]) => a.localeCompare(b, 'en'))),
    neighbours: neighbours(releases),
    related: relatedReleases(releases),
    featured: releases.find((r) => r.data.featured),
    currentBoilerplate: inForce[0] ?? boilerplate(settings.defaultBoilerplate, 'content/site.yaml: defaultBoilerplate'),
    boilerplates,
    contacts,
    notices,
    now,
  };
}

let newsroom: Promise<Newsroom> | undefined;

/** The newsroom, loaded on first use and shared by every page of the build. */
export function getNewsroom(): Promise<Newsroom> {
  if (!newsroom || import.meta.env.NEWSROOM_PREVIEW === true) newsroom = load();
  return newsroom;
}
