/**
 * The newsroom as the site sees it: every collection read once per build, references resolved,
 * and the list of published releases (drafts and embargoes removed, newest first) computed once.
 * Every page, feed and index takes its releases from here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { zonedTime } from './lib/dates';
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
  boilerplates: Boilerplate[];
  contacts: Contact[];
  notices: Notice[];
}

/** The build's clock. `NEWSROOM_NOW` (ISO 8601) injects one for tests and scheduled rebuilds. */
export function buildClock(): Date {
  const injected = process.env.NEWSROOM_NOW;
  if (!injected) return new Date();
  const now = new Date(injected);
  if (Number.isNaN(now.getTime()))
    throw new Error(`NEWSROOM_NOW: expected an ISO 8601 time, found ${JSON.stringify(injected)}`);
  return now;
}

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

  const visibility = { now: buildClock(), includeDrafts: import.meta.env.DEV };
  return {
    releases: all.filter((release) => isPublished(release, visibility)),
    all,
    boilerplates,
    contacts,
    notices,
  };
}

let newsroom: Promise<Newsroom> | undefined;

/** The newsroom, loaded on first use and shared by every page of the build. */
export function getNewsroom(): Promise<Newsroom> {
  if (!newsroom || import.meta.env.DEV) newsroom = load();
  return newsroom;
}
