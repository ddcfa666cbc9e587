/**
 * `npm run check`: validates a content folder without building the site. The schemas are the
 * build's own (src/schemas/); what the build finds only by loading everything — references,
 * duplicate URLs, links to pages that will not exist, dates that roll over — is checked here from
 * the files as written, so thousands of releases take seconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { z } from 'astro/zod';
import { ATTACHMENTS_FOLDER, emptyAttachmentMessage, missingAttachmentMessage } from '../attachments';
import { buildClock } from '../clock';
import { calendarDateInZone, yearOf } from '../dates';
import { impossibleDate, writtenFields } from '../frontmatter';
import { fieldName, issueField } from '../problems';
import {
  fileNameProblem,
  laterCorrectionProblem,
  ownHold,
  redirectClashes,
  releaseTiming,
  releaseSlug,
  sharedPathProblem,
  sharedPaths,
  translationMistakes,
} from '../releases';
import { RELEASE_COMPONENT_NAMES } from '../release-components';
import { unknownIdMessage } from '../suggest';
import { attachmentPath, localePath, releasePath } from '../urls';
import { bodyProblems } from './mdx';
import { boilerplateSchema } from '../../schemas/boilerplate';
import { contactSchema } from '../../schemas/contact';
import { text } from '../../schemas/fields';
import { noticeSchema } from '../../schemas/notice';
import { COMPARED_WITH_DATE, releaseSchema } from '../../schemas/release';
import { siteSchema, type SiteSettings } from '../../schemas/site';
import {
  COLLECTION_FILES,
  displayPath,
  folderFiles,
  readCollection,
  readSource,
  sameIdProblems,
  strayFiles,
  writtenLanguage,
  type CollectionName,
  type ContentEntry,
} from './content-folder';
import { folderLanguageProblem, otherLanguageProblem, usableIn } from './entry-id';
import { fieldLine, parseYaml } from './frontmatter-source';
import { findLinks } from './links';
import { compareProblems, type Problem } from './problem';
import { linkProblem, sitePages, type LinkContext, type Unpublished } from './site-pages';

export interface CheckOptions {
  contentDir: string;
  /** Folder whose files links may point at (`/files/report.pdf`); the project's public/ by default. */
  publicDir?: string | undefined;
  /** Paths in messages are relative to this folder: the author's working directory. */
  displayRoot?: string | undefined;
  /** The instant embargoes are checked against: the build's clock (`NEWSROOM_NOW`) by default. */
  now?: Date | undefined;
  /**
   * What rendering each body found, by file and a digest of its text, kept from one check to the
   * next: under `npm run dev`, the check after a save renders only the file that changed.
   */
  renderedBodies?: Map<string, Problem[]> | undefined;
}

/** Calendar-date fields whose written form is checked for days that do not exist. */
const DATE_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
  releases: ['date', 'updated'],
  boilerplates: ['since'],
};

type Located = Pick<ContentEntry, 'file' | 'split'> & { yaml: string; yamlLine: number };

/** Zod issues as problems, each on the line of its field. */
function schemaProblems(entry: Located, issues: readonly z.ZodError['issues'][number][]): Problem[] {
  return issues.map((issue) => {
    const { path, field } = issueField(issue);
    const line = fieldLine(entry.yaml, entry.yamlLine, path) ?? entry.yamlLine;
    return { file: entry.file, line, field: field || '(frontmatter)', message: issue.message };
  });
}

const located = (entry: ContentEntry): Located => ({
  ...entry,
  yaml: entry.split?.yaml ?? entry.source ?? '',
  yamlLine: entry.split?.yamlLine ?? 1,
});

/** A problem with the field at `path` of an entry, on the line that holds it. */
function problemAt(entry: ContentEntry, path: PropertyKey[], message: string): Problem {
  const { yaml, yamlLine } = located(entry);
  return { file: entry.file, line: fieldLine(yaml, yamlLine, path), field: fieldName(path), message };
}

/** A date written as 2007-02-30, which YAML would silently turn into March 2. */
function writtenDateProblems(entry: ContentEntry): Problem[] {
  const fields = DATE_FIELDS[entry.collection];
  if (!fields || !entry.source || !entry.split) return [];
  const offset = entry.split.yamlLine - 1; // writtenFields counts from a `---` on line 1
  return writtenFields(entry.source, fields).flatMap(({ field, line, value }) => {
    const message = impossibleDate(value);
    return message ? [{ file: entry.file, line: line + offset, field, message }] : [];
  });
}

/**
 * A reference (`contacts: [jane-doe]`) to an entry that does not exist, naming those that do and
 * may be named (`usable`: in the release's language or the default one).
 */
function referenceProblem(
  value: unknown,
  folder: string,
  ids: ReadonlySet<string>,
  usable: (id: string) => boolean = () => true,
): string | undefined {
  if (typeof value !== 'string' || ids.has(value)) return undefined;
  return unknownIdMessage(folder, [...ids].filter(usable), value);
}

function referencesOf(
  data: Record<string, unknown>,
): { path: PropertyKey[]; collection: CollectionName; id: unknown }[] {
  const list = (key: string, collection: CollectionName) =>
    Array.isArray(data[key]) ? (data[key] as unknown[]).map((id, i) => ({ path: [key, i], collection, id })) : [];
  return [
    ...(data.boilerplate === undefined
      ? []
      : [{ path: ['boilerplate'], collection: 'boilerplates' as const, id: data.boilerplate }]),
    ...list('contacts', 'contacts'),
    ...list('notices', 'notices'),
    ...(data.translationOf === undefined
      ? []
      : [{ path: ['translationOf'], collection: 'releases' as const, id: data.translationOf }]),
  ];
}

interface SiteRead {
  file: string;
  settings?: SiteSettings | undefined;
  raw?: Record<string, unknown> | undefined;
  yaml: string;
  problems: Problem[];
}

function readSite(contentDir: string, displayRoot: string): SiteRead {
  const path = join(contentDir, 'site.yaml');
  const file = displayPath(path, displayRoot);
  const { source, problem } = readSource(path, file);
  if (source === undefined) return { file, yaml: '', problems: [problem!] };
  const parsed = parseYaml(source);
  if ('message' in parsed)
    return { file, yaml: source, problems: [{ file, line: parsed.line, field: '(file)', message: parsed.message }] };
  const raw = typeof parsed.data === 'object' && parsed.data !== null ? (parsed.data as Record<string, unknown>) : {};
  const result = siteSchema.safeParse(raw);
  const problems = result.success ? [] : schemaProblems({ file, yaml: source, yamlLine: 1 }, result.error.issues);
  return { file, settings: result.success ? result.data : undefined, raw, yaml: source, problems };
}

/** Declared categories, even from a site.yaml that fails elsewhere, so releases are still checked. */
function declaredCategories(site: SiteRead): [string, ...string[]] {
  const written = site.settings?.categories ?? site.raw?.categories;
  const names = Array.isArray(written) ? written.filter((c): c is string => typeof c === 'string') : [];
  // An enum needs one name; this one matches nothing, so every category is reported.
  return names.length ? (names as [string, ...string[]]) : ['(no categories declared in site.yaml)'];
}

function declaredLanguages(site: SiteRead): [string, ...string[]] {
  // As written when site.yaml has a problem elsewhere, so its languages are not reported again in
  // every file that uses them.
  const written = site.settings?.languages ?? site.raw?.languages;
  const languages = Array.isArray(written) ? written.filter((l): l is string => typeof l === 'string') : [];
  return languages.length ? (languages as [string, ...string[]]) : ['en'];
}

function publicFiles(publicDir: string): Set<string> {
  if (!existsSync(publicDir)) return new Set();
  return new Set(readdirSync(publicDir, { recursive: true, encoding: 'utf8' }).map((p) => p.split(sep).join('/')));
}

/** Two files of one collection that Astro would give the same id (releases: `duplicateSlugs`). */
const duplicateIds = (entries: readonly ContentEntry[]): Problem[] =>
  sameIdProblems(entries.filter((entry) => entry.collection !== 'releases'));

type ReleaseData = z.output<ReturnType<typeof releaseSchema>>;

/** A valid release and the address it publishes at. */
interface ListedRelease {
  entry: ContentEntry;
  slug: string;
  /** The page below the base path, language prefix included (`ja/releases/…/`). */
  path: string;
  /** Its former addresses (`redirectFrom`), like `path`. */
  redirects: string[];
  data: ReleaseData;
}

/**
 * Checks references to entries: `(id, collection)` → a message when no such entry exists; with the
 * language of the content that names it, also when the entry is another language's.
 */
type ReferenceCheck = (id: unknown, collection: CollectionName, lang?: string) => string | undefined;

function siteReferenceProblems(site: SiteRead, references: ReferenceCheck): Problem[] {
  const raw = site.raw ?? {};
  const defaults = [
    { path: ['defaultBoilerplate'], collection: 'boilerplates' as const, id: raw.defaultBoilerplate },
    ...(Array.isArray(raw.defaultContacts) ? raw.defaultContacts : []).map((id, i) => ({
      path: ['defaultContacts', i],
      collection: 'contacts' as const,
      id,
    })),
  ];
  // The defaults serve releases in the default language first.
  const lang = declaredLanguages(site)[0];
  return defaults.flatMap(({ path, collection, id }) => {
    const message = references(id, collection, lang);
    return message ? [{ file: site.file, line: fieldLine(site.yaml, 1, path), field: fieldName(path), message }] : [];
  });
}

/** Schema, written dates and references of one entry; a valid release also comes back listed. */
function checkEntry(
  entry: ContentEntry,
  schema: z.ZodType,
  references: ReferenceCheck,
  languages: readonly string[],
): { problems: Problem[]; listed?: ListedRelease } {
  const defaultLanguage = languages[0]!;
  if (!entry.data) return { problems: entry.problems };
  const { yaml, yamlLine } = located(entry);
  const dates = writtenDateProblems(entry);
  const result = schema.safeParse(entry.data);
  // A rolled-over date is reported once, as written: not again by the schema, nor in the schema's
  // comparisons with the date of issue (`updated` before it), made with the day YAML rolled it to.
  const rolled = new Set(dates.map((p) => p.field));
  const issues = (result.success ? [] : result.error.issues).filter(
    (issue) =>
      !rolled.has(String(issue.path[0])) &&
      !(rolled.has('date') && issue.code === 'custom' && issue.params?.[COMPARED_WITH_DATE] === true),
  );
  const problems = [...entry.problems, ...schemaProblems(located(entry), issues), ...dates];
  const written = writtenLanguage(entry.data, defaultLanguage);
  for (const { path, collection, id } of referencesOf(entry.collection === 'releases' ? entry.data : {})) {
    const message = references(id, collection, written);
    if (message) problems.push(problemAt(entry, path, message));
  }
  const lang = result.success ? (entry.data.lang as string | undefined) : undefined;
  const misplaced = result.success && folderLanguageProblem(entry.id, lang, languages, defaultLanguage);
  if (misplaced)
    problems.push({
      file: entry.file,
      line: fieldLine(yaml, yamlLine, ['lang']) ?? yamlLine,
      field: 'lang',
      message: misplaced,
    });
  // A release in the wrong language's folder has no page yet: its address, links and translation
  // wait until its lang: is mended.
  if (entry.collection !== 'releases' || !result.success || dates.length || misplaced) return { problems };
  const data = result.data as ReleaseData;
  const badName = fileNameProblem(entry.id, data.slug);
  if (badName) problems.push({ file: entry.file, field: '(file)', message: badName });
  const slug = releaseSlug(entry.id, data.date, data.slug);
  const inLanguage = (name: string) => localePath(data.lang, defaultLanguage, releasePath(name));
  const redirects = data.redirectFrom.map(inLanguage);
  return { problems, listed: { entry, data, slug, path: inLanguage(slug), redirects } };
}

export function checkContent({
  contentDir,
  publicDir,
  displayRoot = process.cwd(),
  now = buildClock(),
  renderedBodies,
}: CheckOptions): Problem[] {
  const site = readSite(contentDir, displayRoot);
  // Settings that cannot be read (not UTF-8, broken YAML) would have every release's categories and
  // language reported as unknown: the one problem to mend first is said alone.
  if (site.raw === undefined) return site.problems;
  const collections: Record<CollectionName, ContentEntry[]> = {
    releases: readCollection(contentDir, 'releases', displayRoot),
    boilerplates: readCollection(contentDir, 'boilerplates', displayRoot),
    notices: readCollection(contentDir, 'notices', displayRoot),
    contacts: readCollection(contentDir, 'contacts', displayRoot),
  };
  const ids = (collection: CollectionName) => new Set(collections[collection].map((e) => e.id));
  const known = {
    releases: ids('releases'),
    boilerplates: ids('boilerplates'),
    notices: ids('notices'),
    contacts: ids('contacts'),
  };
  const languages = declaredLanguages(site);
  // Each release's language as written, as the build reads it.
  const releaseLanguage = new Map(
    collections.releases.map(({ id, data }) => [id, writtenLanguage(data, languages[0])]),
  );
  const references: ReferenceCheck = (id, collection, lang) => {
    // A release names another only as its original (translationOf): one in another language.
    const original = collection === 'releases';
    const usable = (known: string) =>
      lang === undefined ||
      (original ? releaseLanguage.get(known) !== lang : usableIn(known, lang, languages, languages[0]));
    const folder = displayPath(join(contentDir, collection), displayRoot);
    return (
      referenceProblem(id, folder, known[collection], usable) ??
      (lang !== undefined && !original && typeof id === 'string'
        ? otherLanguageProblem(id, lang, languages, languages[0])
        : undefined)
    );
  };
  const schemas: Record<CollectionName, z.ZodType> = {
    releases: releaseSchema({
      categories: declaredCategories(site),
      languages: declaredLanguages(site),
      boilerplate: text('the boilerplate id'),
      contact: text('a contact id'),
      notice: text('a notice id'),
      release: text('the id of the translated release'),
      timeZone: site.settings?.timeZone,
    }),
    boilerplates: boilerplateSchema,
    notices: noticeSchema,
    contacts: contactSchema,
  };

  const problems = [...site.problems, ...siteReferenceProblems(site, references)];
  for (const collection of Object.keys(collections) as CollectionName[]) {
    problems.push(...strayFiles(join(contentDir, collection), COLLECTION_FILES[collection].extensions, displayRoot));
  }
  const listed: ListedRelease[] = [];
  for (const entries of Object.values(collections)) {
    problems.push(...duplicateIds(entries));
    for (const entry of entries) {
      const checked = checkEntry(entry, schemas[entry.collection], references, declaredLanguages(site));
      problems.push(...checked.problems);
      // The body as the build renders it: syntax, only the release components, valid attributes.
      if (entry.source !== undefined && entry.relativePath.endsWith('.mdx') && entry.data) {
        const key =
          renderedBodies && `${entry.file}\u0000${createHash('sha256').update(entry.source).digest('base64')}`;
        let found = key === undefined ? undefined : renderedBodies!.get(key);
        if (!found) {
          found = bodyProblems(entry.source, entry.file, RELEASE_COMPONENT_NAMES);
          if (key !== undefined) renderedBodies!.set(key, found);
        }
        problems.push(...found);
      }
      if (checked.listed) listed.push(checked.listed);
    }
  }
  problems.push(...missingAttachments(listed, contentDir, displayRoot));
  problems.push(...duplicateSlugs(listed), ...redirectProblems(listed), ...translationProblems(listed));
  problems.push(...laterCorrections(listed, now, site.settings?.timeZone));
  problems.push(...linkProblems(collections, listed, site, publicDir ?? join(process.cwd(), 'public'), now));
  return problems.sort(compareProblems);
}

/** Translations that name another translation, themselves, or a release in their own language. */
function translationProblems(listed: readonly ListedRelease[]): Problem[] {
  const versions = listed.map((release) => ({
    id: release.entry.id,
    lang: release.data.lang,
    translationOf: release.data.translationOf as string | undefined,
    release,
  }));
  return translationMistakes(versions, (version) => version.release.entry.file).map(({ release, message }) =>
    problemAt(release.release.entry, ['translationOf'], message),
  );
}

/** Attachments (`attachments[0].file`) that content/attachments/ does not hold, or holds empty. */
function missingAttachments(listed: readonly ListedRelease[], contentDir: string, displayRoot: string): Problem[] {
  const folder = join(contentDir, ATTACHMENTS_FOLDER);
  const files = folderFiles(folder);
  const held = new Set(files);
  const shown = displayPath(folder, displayRoot);
  return listed.flatMap(({ entry, data }) =>
    data.attachments.flatMap(({ file }, i) => {
      const message = !held.has(file)
        ? missingAttachmentMessage(shown, files, file)
        : statSync(join(folder, file)).size === 0
          ? emptyAttachmentMessage(shown, file)
          : undefined;
      return message ? [problemAt(entry, ['attachments', i, 'file'], message)] : [];
    }),
  );
}

/** Corrections dated after today in the issuer's zone (`laterCorrectionProblem`). */
function laterCorrections(listed: readonly ListedRelease[], now: Date, timeZone: string | undefined): Problem[] {
  if (timeZone === undefined) return [];
  const today = calendarDateInZone(now, timeZone);
  return listed.flatMap(({ entry, data }) => {
    const message = laterCorrectionProblem(data, today, timeZone);
    return message ? [problemAt(entry, ['updated'], message)] : [];
  });
}

/** Former addresses that a release has now, or that another keeps. */
function redirectProblems(listed: readonly ListedRelease[]): Problem[] {
  return redirectClashes(listed, (release) => release.entry.file).map(({ release, index, message }) =>
    problemAt(release.entry, ['redirectFrom', index], message),
  );
}

function duplicateSlugs(listed: readonly ListedRelease[]): Problem[] {
  return sharedPaths(listed, ({ data }) => data.slug !== undefined).map(({ release: { entry, path }, first }) => {
    const { yaml, yamlLine } = located(entry);
    const line = fieldLine(yaml, yamlLine, ['slug']) ?? fieldLine(yaml, yamlLine, ['date']);
    return { file: entry.file, line, field: 'slug', message: sharedPathProblem(path, first.entry.file) };
  });
}

function linkProblems(
  collections: Record<CollectionName, ContentEntry[]>,
  listed: readonly ListedRelease[],
  site: SiteRead,
  publicDir: string,
  now: Date,
): Problem[] {
  // What keeps each release off the site; a translation is held as long as its original.
  const byId = new Map(listed.map((release) => [release.entry.id, release]));
  const originalOf = ({ data }: ListedRelease) =>
    typeof data.translationOf === 'string' ? byId.get(data.translationOf) : undefined;
  const timeZone = site.settings?.timeZone ?? 'UTC';
  const own = (release: ListedRelease) => ownHold(release.data, timeZone);
  const holds = new Map(
    listed.map((release) => [release, releaseTiming(release.data, originalOf(release)?.data, timeZone)]),
  );
  const hold = (release: ListedRelease) => holds.get(release)!;
  /** The original, when it is what holds a translation back (a link's message names it). */
  const heldBy = (release: ListedRelease) => {
    const { draft, embargo } = hold(release);
    const itself = own(release);
    const byOriginal =
      (draft && !itself.draft) || (embargo !== undefined && embargo.getTime() !== itself.embargo?.getTime());
    return byOriginal ? originalOf(release)?.entry.file : undefined;
  };
  const heldUntil = (release: ListedRelease) => {
    const { embargo } = hold(release);
    return embargo && embargo.getTime() > now.getTime() ? embargo : undefined;
  };
  // Each language has the same pages, below its prefix (ja/releases/…), for its own releases.
  const [defaultLanguage, ...otherLanguages] = declaredLanguages(site);
  /** The site's pages once the embargoes up to `at` have lifted (drafts never have one). */
  const pagesAt = (at: Date) => {
    const published = listed.filter((release) => {
      const { draft, embargo } = hold(release);
      return !draft && (!embargo || embargo <= at);
    });
    const pages = new Set<string>();
    for (const lang of [defaultLanguage, ...otherLanguages]) {
      const inLanguage = published.filter(({ data }) => data.lang === lang);
      const own = sitePages(
        inLanguage.map(({ slug, data }) => ({
          slug,
          year: yearOf(data.date),
          categories: data.categories,
          tags: data.tags,
        })),
        site.settings?.pageSize ?? 10,
      );
      for (const page of own) pages.add(localePath(lang, defaultLanguage, page));
    }
    // What the published releases attach, in no language's folder.
    for (const { data } of published) for (const { file } of data.attachments) pages.add(attachmentPath(file));
    return pages;
  };
  const pagesBy = new Map<number, Set<string>>();
  const pagesOnceLifted = (at: Date) => {
    if (!pagesBy.has(at.getTime())) pagesBy.set(at.getTime(), pagesAt(at));
    return pagesBy.get(at.getTime())!;
  };
  const held = listed.filter((release) => hold(release).draft || heldUntil(release));
  const unpublished = new Map<string, Unpublished>(
    held.map((release) => [
      release.path,
      {
        draft: hold(release).draft,
        embargo: heldUntil(release),
        original: heldBy(release),
        scheduled: hold(release).scheduled,
      },
    ]),
  );
  // A file that only held releases attach goes out with the first of them to be published.
  const publishedNow = pagesOnceLifted(now);
  const firstOut = (release: ListedRelease) => (hold(release).draft ? Infinity : heldUntil(release)!.getTime());
  for (const release of held.toSorted((a, b) => firstOut(a) - firstOut(b))) {
    for (const { file } of release.data.attachments) {
      const path = attachmentPath(file);
      if (!publishedNow.has(path) && !unpublished.has(path))
        unpublished.set(path, {
          draft: hold(release).draft,
          embargo: heldUntil(release),
          attachment: true,
          scheduled: hold(release).scheduled,
        });
    }
  }
  const context: Omit<LinkContext, 'onPage' | 'pages'> = {
    publicFiles: publicFiles(publicDir),
    unpublished,
    moved: new Map(listed.flatMap((release) => release.redirects.map((former) => [former, release.path]))),
    timeZone: site.settings?.timeZone,
    siteUrl: site.settings?.url ?? 'https://newsroom.invalid/',
  };
  const listedOf = new Map(listed.map((release) => [release.entry, release]));
  const withBody = [...collections.releases, ...collections.boilerplates, ...collections.notices];
  return withBody.flatMap((entry) => {
    if (!entry.split) return [];
    const release = listedOf.get(entry);
    // A release that failed validation has no page; its links are still checked as if on the site root.
    const onPage = entry.collection === 'releases' ? (release?.path ?? '') : undefined;
    // A release under embargo links to the site as it will be when it is published.
    const held = release && heldUntil(release);
    const pages = pagesOnceLifted(held ?? now);
    return findLinks(entry.split.body, entry.split.bodyLine).flatMap(({ href, line }) => {
      const message = linkProblem(href, { ...context, pages, onPage, heldUntil: held });
      return message ? [{ file: entry.file, line, field: 'body', message }] : [];
    });
  });
}
