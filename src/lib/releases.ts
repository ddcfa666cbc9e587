/**
 * Pure queries over releases: which are published, in what order, at which URL, and how they
 * relate. Pages, feeds, sitemaps and search all go through these, via src/newsroom.ts.
 */

import { calendarDateInZone, isoInZone, zonedTime } from './dates';

/** What a release's frontmatter says of when it is issued and may be read. */
export interface IssueFields {
  /** `YYYY-MM-DD` in the issuer's zone. */
  date: string;
  /** `HH:MM` in the issuer's zone. */
  time?: string | undefined;
  embargo?: Date | undefined;
}

/**
 * When a release is issued: its `date` at its `time` in the issuer's zone, else at 00:00 — but
 * never before the embargo that holds it lifts, when that falls on the date of issue: a release is
 * not issued before it may be read. (Its own embargo may not lift later than its time: the schema
 * refuses that; a translation's `embargo` here is the later of its own and its original's.)
 * `time` is the time of day the page shows, when there is one.
 */
export function issueTime(
  fields: IssueFields,
  timeZone: string,
): { instant: Date; iso: string; time?: string | undefined } {
  const { date, time, embargo } = fields;
  const written = zonedTime(date, time, timeZone);
  if (embargo && embargo > written.instant && calendarDateInZone(embargo, timeZone) === date) {
    const iso = isoInZone(embargo, timeZone);
    return { instant: embargo, iso, time: iso.slice(11, 16) };
  }
  return { ...written, time };
}

/**
 * What keeps a release itself off the site: its draft line, and its embargo or its time of issue,
 * whichever is later — a release dated tomorrow is not published today.
 */
export function ownHold(fields: IssueFields & { draft: boolean }, timeZone: string): Hold {
  const issued = issueTime(fields, timeZone).instant;
  const { embargo } = fields;
  return { draft: fields.draft, embargo: embargo && embargo.getTime() > issued.getTime() ? embargo : issued };
}

/** What keeps a release off the site: a draft line, and the moment it may be published. */
export interface Hold {
  draft: boolean;
  /** Its embargo, or (`ownHold`) its time of issue when that is later. */
  embargo?: Date | undefined;
}

export interface Publishable extends Hold {
  id: string;
  date: string;
  instant: Date;
}

export interface Visibility {
  /** The clock of this build. */
  now: Date;
  /**
   * `true` under `astro dev`: drafts and releases under embargo are shown (marked) so authors can
   * preview them.
   */
  preview: boolean;
}

/**
 * A release is public when it is not a draft and its embargo, if any, has lifted; under `astro dev`
 * every release is shown.
 */
export function isPublished(release: Publishable, { now, preview }: Visibility): boolean {
  if (preview) return true;
  if (release.draft) return false;
  if (release.embargo && release.embargo.getTime() > now.getTime()) return false;
  return true;
}

/**
 * What holds a translation back: its own draft line and embargo, and its original's. A translation
 * published before its original would tell the news early, so it is a draft while the original is
 * one, and under embargo until the later of the two embargoes. An original (no `original`) keeps
 * its own.
 */
export function heldWithOriginal(release: Hold, original: Hold | undefined): Hold {
  if (!original) return { draft: release.draft, embargo: release.embargo };
  const embargoes = [release.embargo, original.embargo].filter((t): t is Date => t !== undefined);
  const latest = embargoes.sort((a, b) => b.getTime() - a.getTime())[0];
  return { draft: release.draft || original.draft, embargo: latest };
}

/** When a release is issued (`issueTime`) and what holds it back, with whether its date does. */
export interface Timing extends Hold {
  instant: Date;
  /** ISO 8601 with the issuer's offset. */
  iso: string;
  /** The time of day the page shows, when there is one. */
  time?: string | undefined;
  /** Held by its date of issue, still to come, rather than by an embargo. */
  scheduled: boolean;
}

/**
 * A release's timing, for every part of the site that tells or obeys it (pages, feeds, sitemaps,
 * the embargo notice, `npm run check`): issued when the later of its own and (for a translation)
 * its original's embargo lifts, if on its date of issue; held back by its own draft line, embargo
 * and time of issue, and its original's (`heldWithOriginal`).
 */
export function releaseTiming(
  fields: IssueFields & { draft: boolean },
  original: (IssueFields & { draft: boolean }) | undefined,
  timeZone: string,
): Timing {
  const embargoes = heldWithOriginal(fields, original);
  const issued = issueTime({ date: fields.date, time: fields.time, embargo: embargoes.embargo }, timeZone);
  const held = heldWithOriginal(ownHold(fields, timeZone), original && ownHold(original, timeZone));
  const scheduled = (held.embargo?.getTime() ?? -Infinity) > (embargoes.embargo?.getTime() ?? -Infinity);
  return { ...issued, ...held, scheduled };
}

/**
 * What is wrong with a correction dated (`updated`) after today in the issuer's zone (`today`,
 * `YYYY-MM-DD` in `timeZone`): a correction is dated the day it was made, and a mistyped year would
 * tell feed readers and search engines of a change still to come. A release to be issued after
 * today may give its own date of issue as the correction's. Undefined when it is fine.
 */
export function laterCorrectionProblem(
  { updated, date }: { updated?: string | undefined; date: string },
  today: string,
  timeZone: string,
): string | undefined {
  if (updated === undefined || updated <= today || updated <= date) return undefined;
  const latest =
    date > today ? `its date of issue (${date}), as it is still to be issued` : `today (${today} in ${timeZone})`;
  return `expected the date the correction was made, on or before ${latest}, found ${updated}`;
}

/** Newest first: by instant of issue, then by id so that equal times still sort the same way. */
export function compareNewestFirst(a: Publishable, b: Publishable): number {
  return b.instant.getTime() - a.instant.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The next embargo to lift after `now`, so a scheduler knows when to rebuild. */
export function nextEmbargoLift(releases: readonly Publishable[], now: Date): Date | undefined {
  return releases
    .map((r) => r.embargo)
    .filter((t): t is Date => t !== undefined && t.getTime() > now.getTime())
    .sort((a, b) => a.getTime() - b.getTime())[0];
}

/** The date a release's file name and address begin with: `2007-03-30-`. */
export const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/**
 * The name a release is published under, after its date: the slug override, or the file name
 * without any date prefix. `results-of-share-buyback`.
 */
export function releaseName(id: string, override?: string): string {
  return override ?? (id.split('/').pop() ?? id).replace(DATE_PREFIX, '');
}

/**
 * The URL slug of a release: its date of issue, then its name (`releaseName`).
 * `2007-03-30-results-of-share-buyback`.
 */
export function releaseSlug(id: string, date: string, override?: string): string {
  return `${date}-${releaseName(id, override)}`;
}

/**
 * A release file name that can be its address: words of lower-case letters (of any script, so
 * `npm run new` and `npm run import` may name a Japanese release in Japanese) and digits, joined by
 * single hyphens. No spaces, capitals or punctuation.
 */
export const RELEASE_FILE_NAME = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+)*$/u;

/**
 * A former address of a release (`redirectFrom`), as the last part of its URL: the date of issue
 * then a name as a file name may have it, as `/releases/2007-03-29-results-of-share-buyback/` has.
 */
export const FORMER_ADDRESS = new RegExp(`${DATE_PREFIX.source}${RELEASE_FILE_NAME.source.slice(1)}`, 'u');

/**
 * Former addresses (`redirects`: pages below the base, like `path`) that a release cannot keep:
 * one that is a release's address now, its own included, one that a release before it (by file)
 * keeps, or one it lists twice. Each with its index in `redirects`. Shared by the build and
 * `npm run check`, which name the same file whatever order the files were read in.
 */
export function redirectClashes<T extends { path: string; redirects: readonly string[] }>(
  releases: readonly T[],
  fileOf: (release: T) => string,
): { release: T; index: number; message: string }[] {
  const current = new Map(releases.map((release) => [release.path, release]));
  const former = new Map<string, T>();
  // Only releases with former addresses can clash, in the order of their files, each named once.
  const named = releases
    .filter((release) => release.redirects.length > 0)
    .map((release) => ({ release, file: fileOf(release) }));
  const byFile = named.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map(({ release }) => release);
  return byFile.flatMap((release) =>
    release.redirects.flatMap((path, index) => {
      const now = current.get(path);
      const kept = former.get(path);
      const found = `found /${path}`;
      let message: string | undefined;
      if (now === release) message = `expected a former address of this release, ${found}, its address now`;
      else if (now) message = `expected an address no other release has, ${found}, the address of ${fileOf(now)}`;
      else if (kept === release) message = `expected each former address once, ${found} twice`;
      else if (kept)
        message = `expected an address no other release has, ${found}, a former address of ${fileOf(kept)}`;
      else former.set(path, release);
      return message ? [{ release, index, message }] : [];
    }),
  );
}

/**
 * What is wrong with a release's file name when, without `slug:`, it becomes the address: a space,
 * a capital or any other character an address should not carry. Undefined when it is fine.
 */
export function fileNameProblem(id: string, override?: string): string | undefined {
  if (override !== undefined) return undefined;
  const name = id.split('/').pop() ?? id;
  if (RELEASE_FILE_NAME.test(name)) return undefined;
  return `expected a file name of lower-case letters, digits and single hyphens, as it becomes the release's address, found "${name}" (rename the file, or set slug:)`;
}

interface Translatable {
  /** The release's own id (its file path without .mdx). */
  id: string;
  lang: string;
  /** The id of the release it translates, if any. */
  translationOf?: string | undefined;
}

/**
 * What is wrong with a translation's `translationOf`, given the release it names (an id no release
 * has is a reference like any other: src/lib/suggest.ts): it must name an original, not another
 * translation or itself, in another language. Shared by the build and `npm run check`.
 */
export function translationProblem(release: Translatable, id: string, original: Translatable): string | undefined {
  if (id === release.id) return `expected the id of the release it translates, found "${id}", this release itself`;
  if (original.translationOf !== undefined) {
    return `expected the original release, found "${id}", itself a translation of "${original.translationOf}"`;
  }
  if (original.lang === release.lang) {
    return `expected a release in another language than ${release.lang}, found "${id}" (${original.lang})`;
  }
  return undefined;
}

/**
 * Translations that translate a release into a language it already has a translation in, each with
 * the first one by id (file path), whatever order they come in: the page can link only one version
 * per language, and the build and the check blame the same file.
 */
export function secondTranslations<T extends Translatable>(releases: readonly T[]): { release: T; first: T }[] {
  const seen = new Map<string, T>();
  const byId = [...releases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byId.flatMap((release) => {
    if (release.translationOf === undefined) return [];
    const key = `${release.translationOf}\u0000${release.lang}`;
    const first = seen.get(key);
    if (!first) seen.set(key, release);
    return first ? [{ release, first }] : [];
  });
}

/** What is wrong with a second translation into one language (see `secondTranslations`). */
export const secondTranslationProblem = ({ lang, translationOf }: Translatable, firstFile: string) =>
  `expected one ${lang} version of "${translationOf}", found a second: ${firstFile} already is one`;

/**
 * Every translation whose `translationOf` is wrong, with what is wrong (`translationProblem`, then
 * `secondTranslations`); `fileOf` names the first version in the message about a second. An id no
 * release has is not among them: it is a reference like any other. The build stops at the first,
 * `npm run check` lists them all.
 */
export function translationMistakes<T extends Translatable>(
  releases: readonly T[],
  fileOf: (release: T) => string,
): { release: T; message: string }[] {
  const byId = new Map(releases.map((release) => [release.id, release]));
  const misnamed = releases.flatMap((release) => {
    const id = release.translationOf;
    const original = id === undefined ? undefined : byId.get(id);
    const message = original && translationProblem(release, id!, original);
    return message ? [{ release, message }] : [];
  });
  const doubled = secondTranslations(releases).map(({ release, first }) => ({
    release,
    message: secondTranslationProblem(release, fileOf(first)),
  }));
  return [...misnamed, ...doubled];
}

/**
 * Releases that would publish at the address (`path`, below the base) of one before them, each
 * with that first one: two files, one page, which the build and the check refuse. Of two, the one
 * a `slug:` moved there (`moved`) is the one at fault, when the other is at its own file's address.
 */
export function sharedPaths<T extends { path: string }>(
  releases: readonly T[],
  moved: (release: T) => boolean = () => false,
): { release: T; first: T }[] {
  const seen = new Map<string, T>();
  return releases.flatMap((release) => {
    const first = seen.get(release.path);
    if (!first) {
      seen.set(release.path, release);
      return [];
    }
    if (!moved(first) || moved(release)) return [{ release, first }];
    // The one at its own file's address stays, for a third release there to be told of.
    seen.set(release.path, release);
    return [{ release: first, first: release }];
  });
}

/** What is wrong with a release that publishes where another one does (see `sharedPaths`). */
export const sharedPathProblem = (path: string, firstFile: string) =>
  `publishes at /${path}, like ${firstFile}; rename one file or set slug: to another name`;

/**
 * Plain text of the first paragraph of an MDX body, for lists, feeds and meta descriptions when
 * the author wrote no summary. Comments (`{/* … *\/}`, such as `npm run new`'s notes) are left
 * out; components, headings and imports are skipped; links keep their text.
 */
export function summaryFromBody(body: string, maxLength = 280): string {
  const paragraph =
    body
      .replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '')
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block && !/^(<|import\s|export\s|#|\{)/.test(block)) ?? '';
  const text = paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(text, maxLength);
}

/** Cuts at a word boundary and marks the cut with an ellipsis. */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
