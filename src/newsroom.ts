/**
 * The newsroom as the site sees it: every collection read once per build, references resolved,
 * and the list of published releases (drafts and embargoes removed, newest first) computed once,
 * with one edition per language derived from it. Every page, feed and index takes its releases
 * from here.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  ATTACHMENTS_FOLDER,
  attachmentType,
  emptyAttachmentMessage,
  missingAttachmentMessage,
  publishedAttachments,
} from './lib/attachments';
import { groupBy, neighbours, relatedReleases, type Neighbours } from './lib/archive';
import { cacheKey } from './lib/cache-key';
import { buildClock } from './lib/clock';
import { calendarDateInZone, yearOf, zonedTime } from './lib/dates';
import {
  compareNewestFirst,
  fileNameProblem,
  isPublished,
  laterCorrectionProblem,
  redirectClashes,
  releaseTiming,
  releaseSlug,
  sharedPathProblem,
  sharedPaths,
  translationMistakes,
} from './lib/releases';
import { folderLanguageProblem, otherLanguageProblem, usableIn } from './lib/check/entry-id';
import { displayPath, fieldProblem, folderFiles } from './lib/check/content-folder';
import { contentError, formatProblem, isContentError, type Problem } from './lib/check/problem';
import type { RenderedMetadata } from './loaders/render-mdx';
import {
  archiveVolumeDir,
  archiveVolumeYears,
  recentSearchYear,
  releaseLanguages,
  type SearchSplit,
} from './lib/search';
import { unknownIdMessage } from './lib/suggest';
import { attachmentPath, localePath, releasePath } from './lib/urls';
import type { Ticker } from './schemas/fields';
import { CONTENT_DIR, SITE_FILE } from './folders';
import { settings } from './settings';

export type Boilerplate = CollectionEntry<'boilerplates'>;
export type Contact = CollectionEntry<'contacts'>;
export type Notice = CollectionEntry<'notices'>;

/** A file a release lists in `attachments:`, as the site publishes it. */
export interface Attachment {
  /** Its name in content/attachments/. */
  file: string;
  /** The link's text, as the release gives it. */
  title: string;
  /** Where it is published below the base path: `attachments/<file>`, in every language. */
  path: string;
  /** The media type it is served with. */
  type: string;
  bytes: number;
  /** The file itself. */
  source: string;
}

export interface Release {
  id: string;
  /** `2007-03-30-results-of-share-buyback` */
  slug: string;
  /** Where the page lives below the base path, language prefix included: `ja/releases/…/`. */
  path: string;
  /** Its former addresses (`redirectFrom`), like `path`: each a page that leads to it. */
  redirects: string[];
  filePath: string;
  entry: CollectionEntry<'releases'>;
  data: CollectionEntry<'releases'>['data'];
  lang: string;
  /** Calendar date of issue, `YYYY-MM-DD`, in the issuer's zone. */
  date: string;
  instant: Date;
  /** ISO 8601 with the issuer's offset. */
  isoDate: string;
  /** The time of issue `HH:MM` the page shows beside the date, when the release has one (`issueTime`). */
  time?: string | undefined;
  year: number;
  categories: string[];
  tags: string[];
  summary: string;
  tickers: Ticker[];
  /** Kept off the site by a draft line, its own or (for a translation) its original's. */
  draft: boolean;
  /** Kept off the site until then: its own embargo or time of issue, or its original's, whichever is later. */
  embargo?: Date | undefined;
  /** Held by its date of issue, still to come, rather than by an embargo. */
  scheduled: boolean;
  /** The embargo, while it has not lifted: such a release is shown only under `astro dev`. */
  heldUntil?: Date | undefined;
  boilerplate: Boilerplate;
  contacts: Contact[];
  notices: Notice[];
  /** The files it lists in `attachments:`, published with it. */
  attachments: Attachment[];
  /** The published versions of this release in other languages. */
  translations: Release[];
}

/** The newsroom in one language: what its home page, lists, archives and feeds show. */
export interface Edition {
  lang: string;
  /** Published releases in this language, newest first. */
  releases: Release[];
  /** By year of issue; years newest first. */
  byYear: Map<number, Release[]>;
  /** By category, in the order categories are declared in site.yaml. */
  byCategory: Map<string, Release[]>;
  /** Each category's releases by year of issue, years newest first: the category's feed archives. */
  byCategoryYear: Map<string, Map<number, Release[]>>;
  /** By tag, tags in alphabetical order. */
  byTag: Map<string, Release[]>;
  /** The pinned release for the home page: the newest published one marked `featured`. */
  featured?: Release | undefined;
  /** The boilerplate in force at build time: the newest one in this language whose `since` has come. */
  currentBoilerplate: Boilerplate;
  /** The contacts in this language (the default language's when it has none). */
  contacts: Contact[];
}

export interface Newsroom {
  /** Published releases in every language, newest first. */
  releases: Release[];
  /** Every release, including drafts and embargoed ones. */
  all: Release[];
  /** One edition per language of content/site.yaml, the default language first. */
  editions: Map<string, Edition>;
  /** The languages published releases are in, the default first: search filters by them. */
  releaseLanguages: string[];
  /** Where the search index splits into the latest years and the archive; none: one index. */
  searchSplit: SearchSplit | undefined;
  /** The releases issued just before and after each release, in its language. */
  neighbours: Map<string, Neighbours<Release>>;
  /** Up to three related releases for each release, in its language, same category first. */
  related: Map<string, Release[]>;
  boilerplates: Boilerplate[];
  contacts: Contact[];
  notices: Notice[];
  /** The files the published releases attach, each once, by name. */
  attachments: Attachment[];
  /** The build's clock. */
  now: Date;
  /** Digests for the incremental build (see `pageKey`). */
  keys: CacheKeys;
}

export interface CacheKeys {
  /** What every page shows of the newsroom as a whole: settings, address, release languages. */
  frame: string;
  /** The frame and the archive navigation of list pages: years and categories with their counts. */
  archive: string;
  /** Each release as pages and feeds show it: its file, its boilerplate, contacts and notices,
   *  its other language versions. */
  releases: Map<string, string>;
}

export { buildClock };

/**
 * Finds entries by id; for a release in another language, the version in that language
 * (`ja/trend-micro` for `trend-micro`) comes first when it exists.
 */
function resolver<T extends { id: string }>(items: T[], collection: string) {
  const byId = new Map(items.map((item) => [item.id, item]));
  /** `where`: the file and field that name the entry. */
  return (id: string, lang: string, where: { file: string; field: PropertyKey[] }): T => {
    const found = (lang !== settings.defaultLanguage && byId.get(`${lang}/${id}`)) || byId.get(id);
    const { languages, defaultLanguage } = settings;
    const message = found
      ? otherLanguageProblem(id, lang, languages, defaultLanguage)
      : unknownIdMessage(
          displayPath(join(CONTENT_DIR, collection)),
          [...byId.keys()].filter((known) => usableIn(known, lang, languages, defaultLanguage)),
          id,
        );
    if (message) throw contentError(formatProblem(fieldProblem(where.file, where.field, message)));
    return found!;
  };
}

/**
 * Problems a build stops at, each with what it concerns (`of`): the build stops with all of them
 * under `heading`; under `npm run dev` (`previewing`) what they concern is returned, to be left out
 * of the preview, whose every page lists the problems (src/components/DevProblems.astro).
 */
function stopAt<T>(heading: string, found: readonly { of: T; problem: Problem }[], previewing: boolean): T[] {
  if (found.length && !previewing) {
    throw contentError(`${heading}:\n${found.map(({ problem }) => formatProblem(problem)).join('\n')}`);
  }
  return found.map(({ of }) => of);
}

async function load(): Promise<Newsroom> {
  const [loaded, loadedBoilerplates, loadedContacts, loadedNotices] = await Promise.all([
    getCollection('releases'),
    getCollection('boilerplates'),
    getCollection('contacts'),
    getCollection('notices'),
  ]);
  // A problem a build stops at leaves the files it concerns out of `npm run dev`'s preview for
  // now, whose every page lists the problems as `npm run check` finds them
  // (src/components/DevProblems.astro), rather than every page failing.
  const previewing = import.meta.env.NEWSROOM_PREVIEW === true;
  const misplaced = new Set<object>(
    stopAt(
      "Content in a language's folder, not in its language",
      [...loaded, ...loadedBoilerplates, ...loadedContacts, ...loadedNotices].flatMap((entry) => {
        const { id, filePath, data } = entry;
        const problem = folderLanguageProblem(id, data.lang, settings.languages, settings.defaultLanguage);
        return problem ? [{ of: entry, problem: fieldProblem(filePath ?? id, ['lang'], problem) }] : [];
      }),
      previewing,
    ),
  );
  const inPlace = <T extends object>(entries: T[]) => entries.filter((entry) => !misplaced.has(entry));
  const [entries, boilerplates, contacts, notices] = [
    inPlace(loaded),
    inPlace(loadedBoilerplates),
    inPlace(loadedContacts),
    inPlace(loadedNotices),
  ] as const;
  const boilerplate = resolver(boilerplates, 'boilerplates');
  const contact = resolver(contacts, 'contacts');
  const notice = resolver(notices, 'notices');
  const attachmentsDir = join(CONTENT_DIR, ATTACHMENTS_FOLDER);
  const attachmentFiles = folderFiles(attachmentsDir);
  const heldFiles = new Set(attachmentFiles);
  const attachment = (
    { file, title }: { file: string; title: string },
    where: { file: string; field: PropertyKey[] },
  ): Attachment => {
    if (!heldFiles.has(file)) {
      const message = missingAttachmentMessage(displayPath(attachmentsDir), attachmentFiles, file);
      throw contentError(formatProblem(fieldProblem(where.file, where.field, message)));
    }
    const source = join(attachmentsDir, file);
    const bytes = statSync(source).size;
    if (bytes === 0) {
      const message = emptyAttachmentMessage(displayPath(attachmentsDir), file);
      throw contentError(formatProblem(fieldProblem(where.file, where.field, message)));
    }
    return { file, title, path: attachmentPath(file), type: attachmentType(file), bytes, source };
  };

  const entryById = new Map(entries.map((entry) => [entry.id, entry]));
  const toRelease = (entry: CollectionEntry<'releases'>): Release => {
    const { data } = entry;
    const { lang } = data;
    // A translation is held back as long as its original is.
    const original = data.translationOf && entryById.get(data.translationOf.id)?.data;
    const filePath = entry.filePath ?? `${CONTENT_DIR}/releases/${entry.id}.mdx`;
    const { instant, iso, time, draft, embargo, scheduled } = releaseTiming(
      data,
      original || undefined,
      settings.timeZone,
    );
    const slug = releaseSlug(entry.id, data.date, data.slug);
    return {
      id: entry.id,
      slug,
      path: localePath(lang, settings.defaultLanguage, releasePath(slug)),
      redirects: data.redirectFrom.map((former) => localePath(lang, settings.defaultLanguage, releasePath(former))),
      filePath,
      entry,
      data,
      lang,
      date: data.date,
      instant,
      isoDate: iso,
      time,
      year: yearOf(data.date),
      categories: data.categories,
      tags: data.tags,
      summary: data.summary ?? (entry.rendered?.metadata as RenderedMetadata | undefined)?.summary ?? '',
      tickers: data.tickers ?? settings.company.tickers,
      draft,
      embargo,
      scheduled,
      boilerplate: data.boilerplate
        ? boilerplate(data.boilerplate.id, lang, { file: filePath, field: ['boilerplate'] })
        : boilerplate(settings.defaultBoilerplate, lang, { file: SITE_FILE, field: ['defaultBoilerplate'] }),
      contacts: data.contacts
        ? data.contacts.map((ref, i) => contact(ref.id, lang, { file: filePath, field: ['contacts', i] }))
        : settings.defaultContacts.map((id, i) =>
            contact(id, lang, { file: SITE_FILE, field: ['defaultContacts', i] }),
          ),
      notices: data.notices.map((ref, i) => notice(ref.id, lang, { file: filePath, field: ['notices', i] })),
      attachments: data.attachments.map((item, i) =>
        attachment(item, { file: filePath, field: ['attachments', i, 'file'] }),
      ),
      translations: [],
    };
  };
  // A release naming a boilerplate, contact, notice or attachment that does not exist stops a build.
  const resolved = entries.flatMap((entry): Release[] => {
    try {
      return [toRelease(entry)];
    } catch (error) {
      if (previewing && isContentError(error)) return [];
      throw error;
    }
  });
  const now = buildClock();
  const today = calendarDateInZone(now, settings.timeZone);
  const laterCorrections = stopAt(
    'Corrections dated after today',
    resolved.flatMap((release) => {
      const message = laterCorrectionProblem(release.data, today, settings.timeZone);
      return message ? [{ of: release, problem: fieldProblem(release.filePath, ['updated'], message) }] : [];
    }),
    previewing,
  );
  const badNames = stopAt(
    'Release file names that cannot be addresses',
    resolved.flatMap((release) => {
      const message = fileNameProblem(release.id, release.data.slug);
      return message
        ? [{ of: release, problem: { file: displayPath(release.filePath), field: '(file)', message } }]
        : [];
    }),
    previewing,
  );
  const clashes = stopAt(
    'Two releases at one address',
    sharedPaths(resolved, (release) => release.data.slug !== undefined).map(({ release, first }) => ({
      of: release,
      problem: fieldProblem(
        release.filePath,
        [release.data.slug ? 'slug' : 'date'],
        sharedPathProblem(release.path, displayPath(first.filePath)),
        'slug',
      ),
    })),
    previewing,
  );
  const redirects = stopAt(
    'Former addresses that are not free',
    redirectClashes(resolved, (release) => displayPath(release.filePath)).map(({ release, index, message }) => ({
      of: release,
      problem: fieldProblem(release.filePath, ['redirectFrom', index], message),
    })),
    previewing,
  );
  // Newest first, as the releases are listed (and the first mistake below is the newest).
  resolved.sort(compareNewestFirst);
  // Every translation is checked, drafts too, so a mistake shows before it is published.
  const versions = resolved.map((release) => ({
    id: release.id,
    lang: release.lang,
    translationOf: release.data.translationOf?.id,
    release,
  }));
  const ids = new Set(versions.map((version) => version.id));
  // An id no release has, first: a reference like any other. Under `astro dev` the original may
  // only be left out of the preview for now: the translation is shown without its link.
  const missing = versions.find(({ translationOf }) => translationOf !== undefined && !ids.has(translationOf));
  if (missing && !previewing) {
    // Suggested from the releases in another language: only one of those can be its original.
    const originals = versions.filter(({ lang }) => lang !== missing.lang).map(({ id }) => id);
    const message = unknownIdMessage(displayPath(join(CONTENT_DIR, 'releases')), originals, missing.translationOf!);
    throw contentError(formatProblem(fieldProblem(missing.release.filePath, ['translationOf'], message)));
  }
  const mistakes = translationMistakes(versions, (version) => version.release.filePath);
  if (mistakes[0] && !previewing) {
    const { release, message } = mistakes[0];
    throw contentError(formatProblem(fieldProblem(release.release.filePath, ['translationOf'], message)));
  }
  // Under `astro dev`, what a build would stop at is left out.
  const faulty = new Set([
    ...laterCorrections,
    ...badNames,
    ...clashes,
    ...redirects,
    ...mistakes.map(({ release }) => release.release),
  ]);
  const all = resolved.filter((release) => !faulty.has(release));

  for (const release of all) if (release.embargo && release.embargo > now) release.heldUntil = release.embargo;
  const releases = all.filter((release) => isPublished(release, { now, preview: previewing }));
  linkTranslations(releases);

  const editions = new Map(
    settings.languages.map((lang) => [lang, edition(lang, releases, { boilerplates, contacts, today, boilerplate })]),
  );
  const perLanguage = [...editions.values()];
  const languages = releaseLanguages(releases, settings.defaultLanguage);
  return {
    releases,
    all,
    editions,
    releaseLanguages: languages,
    searchSplit: searchSplit(releases),
    neighbours: new Map(perLanguage.flatMap((e) => [...neighbours(e.releases)])),
    related: new Map(perLanguage.flatMap((e) => [...relatedReleases(e.releases)])),
    boilerplates,
    contacts,
    notices,
    attachments: publishedAttachments(releases),
    now,
    keys: cacheKeys(releases, perLanguage, languages),
  };
}

/**
 * Where the search index splits (SearchSplit), once the published releases, in every language,
 * are more than `searchRecentReleases`, and the archive's volumes, of at most as many each. A
 * release's instant of issue falls on its date in the newsroom's zone, so the releases of a year
 * and after are exactly those issued from its first moment on.
 */
function searchSplit(releases: Release[]): SearchSplit | undefined {
  const limit = settings.searchRecentReleases;
  const year = recentSearchYear(
    releases.map((release) => release.year),
    limit,
  );
  if (year === undefined) return undefined;
  const yearStart = (first: number) => zonedTime(`${first}-01-01`, undefined, settings.timeZone).instant.toISOString();
  const archived = releases.filter((release) => release.year < year);
  const firsts = archiveVolumeYears(
    archived.map((release) => release.year),
    limit,
  );
  const archive = firsts.map((firstYear, i) => {
    const until = firsts[i + 1] ?? year;
    const inVolume = archived.filter((release) => release.year >= firstYear && release.year < until);
    return {
      dir: archiveVolumeDir(firstYear),
      from: yearStart(firstYear),
      languages: releaseLanguages(inVolume, settings.defaultLanguage),
    };
  });
  return { year, from: yearStart(year), archive: archive.toReversed() };
}

function cacheKeys(releases: Release[], editions: Edition[], languages: string[]): CacheKeys {
  const digest = (entry: { id: string; digest?: string | number | undefined }) => `${entry.id}@${entry.digest}`;
  const frame = cacheKey(settings, import.meta.env.SITE, import.meta.env.BASE_URL, languages);
  const archive = cacheKey(
    frame,
    editions.map((edition) => ({
      lang: edition.lang,
      years: [...edition.byYear].map(([year, list]) => [year, list.length]),
      categories: [...edition.byCategory].map(([category, list]) => [category, list.length]),
    })),
  );
  const release = (r: Release) =>
    cacheKey(
      digest(r.entry),
      digest(r.boilerplate),
      r.contacts.map(digest),
      r.notices.map(digest),
      // Its pages and feed items show each file's size.
      r.attachments.map((a) => [a.file, a.bytes]),
      r.translations.map((t) => [t.path, digest(t.entry)]),
    );
  return { frame, archive, releases: new Map(releases.map((r) => [r.id, release(r)])) };
}

/**
 * The incremental-build key of a page that shows `releases` (and `more`, e.g. its page number):
 * it changes when one of them, or the frame every page shows (settings, languages), changes.
 */
export function pageKey(newsroom: Newsroom, releases: readonly Release[], ...more: unknown[]): string {
  return cacheKey(
    newsroom.keys.frame,
    releases.map((r) => newsroom.keys.releases.get(r.id) ?? r.id),
    more,
  );
}

/** The key of a release's page: the release, the releases it links to, and the newsroom. */
export function releasePageKey(newsroom: Newsroom, release: Release): string {
  const { previous, next } = newsroom.neighbours.get(release.id) ?? {};
  const linked = [previous, next, ...(newsroom.related.get(release.id) ?? [])];
  return pageKey(newsroom, [release, ...linked.filter((r): r is Release => r !== undefined)], 'release');
}

/**
 * Links the language versions of each release: a translation names its original
 * (`translationOf`), and every published version lists the other published ones.
 */
function linkTranslations(published: Release[]): void {
  const groups = new Map<string, Release[]>();
  for (const release of published) {
    const original = release.data.translationOf?.id ?? release.id;
    const group = groups.get(original);
    if (group) group.push(release);
    else groups.set(original, [release]);
  }
  for (const group of groups.values()) {
    for (const release of group) release.translations = group.filter((other) => other !== release);
  }
}

function edition(
  lang: string,
  published: Release[],
  from: {
    boilerplates: Boilerplate[];
    contacts: Contact[];
    today: string;
    boilerplate: ReturnType<typeof resolver<Boilerplate>>;
  },
): Edition {
  const releases = published.filter((r) => r.lang === lang);
  const byCategory = groupBy(releases, (r) => r.categories);
  const languageOf = (item: { data: { lang?: string | undefined } }) => item.data.lang ?? settings.defaultLanguage;
  const inLanguage = <T extends { data: { lang?: string | undefined } }>(items: T[]) => {
    const own = items.filter((item) => languageOf(item) === lang);
    return own.length ? own : items.filter((item) => languageOf(item) === settings.defaultLanguage);
  };
  const inForce = inLanguage(from.boilerplates)
    .filter((b) => b.data.since <= from.today)
    .sort((a, b) => (a.data.since < b.data.since ? 1 : -1));
  return {
    lang,
    releases,
    byYear: groupBy(releases, (r) => [r.year]),
    byCategory: new Map(settings.categories.flatMap((c) => (byCategory.has(c) ? [[c, byCategory.get(c)!]] : []))),
    byCategoryYear: new Map([...byCategory].map(([c, list]) => [c, groupBy(list, (r) => [r.year])])),
    byTag: new Map([...groupBy(releases, (r) => r.tags)].sort(([a], [b]) => a.localeCompare(b, lang))),
    featured: releases.find((r) => r.data.featured),
    currentBoilerplate:
      inForce[0] ??
      from.boilerplate(settings.defaultBoilerplate, lang, { file: SITE_FILE, field: ['defaultBoilerplate'] }),
    // The Contacts page: those readers may call (`listed`), in this language where it has them.
    contacts: inLanguage(from.contacts.filter((contact) => contact.data.listed)),
  };
}

let newsroom: Promise<Newsroom> | undefined;

/** The newsroom, loaded on first use and shared by every page of the build. */
export function getNewsroom(): Promise<Newsroom> {
  if (!newsroom || import.meta.env.NEWSROOM_PREVIEW === true) newsroom = load();
  return newsroom;
}

/** The newsroom in one language (the default language when none is given). */
export async function getEdition(lang: string | undefined = settings.defaultLanguage): Promise<Edition> {
  const found = (await getNewsroom()).editions.get(lang);
  if (!found)
    throw new Error(`No edition in "${lang}": languages in content/site.yaml are ${settings.languages.join(', ')}`);
  return found;
}
