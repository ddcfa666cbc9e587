/**
 * Releases as written, for the hooks that run once the build is done and cannot see the content
 * collections (the sitemap, the embargo notice): each release file's frontmatter fields they need,
 * and its timing worked out as the build does (`releaseTiming`: a translation is held with its
 * original). A file whose date does not parse has no timing; the content schema reports it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDate, instantWithOffset, timeOfDay } from '../schemas/fields';
import { parseYaml, splitFrontmatter } from './check/frontmatter-source';
import { contentFiles, releaseId } from './check/content-folder';
import { writtenFields } from './frontmatter';
import { releaseTiming, type IssueFields, type Timing } from './releases';

/** The fields the hooks read: those of a release's timing, and the sitemap's. */
const WRITTEN_FIELDS = ['date', 'time', 'draft', 'embargo', 'translationOf', 'updated', 'slug', 'lang'] as const;
const issueDate = calendarDate('the date');
const embargoTime = instantWithOffset('the embargo time');

export interface WrittenRelease {
  /** Relative to the releases folder. */
  file: string;
  id: string;
  /** Its former addresses (`redirectFrom`), as written: the schema checks them. */
  redirectFrom: string[];
  /** The fields of WRITTEN_FIELDS the file has, as written. */
  fields: Partial<Record<(typeof WRITTEN_FIELDS)[number], string>>;
  issue: (IssueFields & { draft: boolean }) | undefined;
  timing: Timing | undefined;
}

type Read = Omit<WrittenRelease, 'timing'>;

/**
 * Each file as last read, by folder and path, with its modification time and size then: the sitemap
 * and the embargo notice of one build ask for the same 10,000 files, unchanged in between. (A file
 * rewritten to the same size within the file system's timestamp resolution would be missed; a
 * build's hooks run a second apart, on files no one edits then.)
 */
const lastRead = new Map<string, { mtimeMs: number; size: number; read: Read }>();

function readRelease(releasesDir: string, file: string): Read {
  const path = join(releasesDir, file);
  const { mtimeMs, size } = statSync(path);
  // By folder and file: the id is the file's path in its folder.
  const key = `${releasesDir}\0${file}`;
  const known = lastRead.get(key);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.read;
  const source = readFileSync(path, 'utf8');
  const fields: WrittenRelease['fields'] = Object.fromEntries(
    writtenFields(source, WRITTEN_FIELDS).map(({ field, value }) => [field, value]),
  );
  const date = issueDate.safeParse(fields.date);
  // Most releases give neither: a field left out is not parsed (zod's failures are costly).
  const time = fields.time === undefined ? undefined : timeOfDay.safeParse(fields.time);
  const embargo = fields.embargo === undefined ? undefined : embargoTime.safeParse(fields.embargo);
  const issue = date.success
    ? {
        date: date.data,
        time: time?.success ? time.data : undefined,
        embargo: embargo?.success ? embargo.data : undefined,
        draft: fields.draft === 'true',
      }
    : undefined;
  const read = { file, id: releaseId(file), redirectFrom: formerAddresses(source), fields, issue };
  lastRead.set(key, { mtimeMs, size, read });
  return read;
}

/** The `redirectFrom` list of a release's frontmatter, read as YAML from the few files that have one. */
function formerAddresses(source: string): string[] {
  if (!source.includes('redirectFrom')) return [];
  const split = splitFrontmatter(source);
  const parsed = split && parseYaml(split.yaml);
  const data = parsed && 'data' in parsed ? (parsed.data as { redirectFrom?: unknown }) : undefined;
  const list = data?.redirectFrom;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The last answer for a folder and time zone, with the files it was read from: asked again with
 * every file as it was then (the embargo notice, after the sitemap), it is given again rather than
 * each release's timing worked out anew.
 */
const lastAnswer = new Map<string, { read: Read[]; releases: readonly WrittenRelease[] }>();

/** Every release file in `releasesDir`, with the fields of WRITTEN_FIELDS as written. */
export function writtenReleases(releasesDir: string, timeZone: string): readonly WrittenRelease[] {
  const read = contentFiles(releasesDir, ['.mdx']).map((file) => readRelease(releasesDir, file));
  const key = `${releasesDir}\0${timeZone}`;
  const last = lastAnswer.get(key);
  if (last && last.read.length === read.length && last.read.every((release, i) => release === read[i])) {
    return last.releases;
  }
  const issues = new Map(read.map(({ id, issue }) => [id, issue]));
  const releases = read.map((release) => {
    const original = release.fields.translationOf ? issues.get(release.fields.translationOf) : undefined;
    return { ...release, timing: release.issue && releaseTiming(release.issue, original, timeZone) };
  });
  lastAnswer.set(key, { read, releases });
  return releases;
}
