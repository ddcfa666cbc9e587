/**
 * Releases as written, for the hooks that run once the build is done and cannot see the content
 * collections (the sitemap, the embargo notice): each release file's frontmatter fields they need,
 * and its timing worked out as the build does (`releaseTiming`: a translation is held with its
 * original). A file whose date does not parse has no timing; the content schema reports it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDate, instantWithOffset, timeOfDay } from '../schemas/fields';
import { contentFiles, releaseId } from './check/content-folder';
import { writtenFields } from './frontmatter';
import { releaseTiming, type IssueFields, type Timing } from './releases';

const TIMING_FIELDS = ['date', 'time', 'draft', 'embargo', 'translationOf'] as const;
const issueDate = calendarDate('the date');
const embargoTime = instantWithOffset('the embargo time');

export interface WrittenRelease {
  /** Relative to the releases folder. */
  file: string;
  id: string;
  source: string;
  /** The timing fields and those asked for, as written. */
  fields: Record<string, string | undefined>;
  issue: (IssueFields & { draft: boolean }) | undefined;
  timing: Timing | undefined;
}

/** Every release file in `releasesDir`, with the timing fields and the `more` fields as written. */
export function writtenReleases(releasesDir: string, timeZone: string, more: readonly string[] = []): WrittenRelease[] {
  const read = contentFiles(releasesDir, ['.mdx']).map((file) => {
    const source = readFileSync(join(releasesDir, file), 'utf8');
    const fields: Record<string, string | undefined> = Object.fromEntries(
      writtenFields(source, [...TIMING_FIELDS, ...more]).map(({ field, value }) => [field, value]),
    );
    const date = issueDate.safeParse(fields.date);
    const time = timeOfDay.safeParse(fields.time);
    const embargo = embargoTime.safeParse(fields.embargo);
    const issue = date.success
      ? {
          date: date.data,
          time: time.success ? time.data : undefined,
          embargo: embargo.success ? embargo.data : undefined,
          draft: fields.draft === 'true',
        }
      : undefined;
    return { file, id: releaseId(file), source, fields, issue };
  });
  const issues = new Map(read.map(({ id, issue }) => [id, issue]));
  return read.map((release) => {
    const original = release.fields.translationOf ? issues.get(release.fields.translationOf) : undefined;
    return { ...release, timing: release.issue && releaseTiming(release.issue, original, timeZone) };
  });
}
