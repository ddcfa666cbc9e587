/**
 * Ends every build with the time the next embargoed release lifts, so whoever schedules builds
 * (cron, a CI schedule) knows when to build again to publish it:
 *   [newsroom:embargo-notice] Next embargo lifts at 2007-03-30T15:00:00+09:00 (2007-03-30T06:00:00.000Z): content/releases/….mdx
 * The hook cannot see the content collections, so it reads the few fields it needs from the
 * files as written, and uses the build's own clock (NEWSROOM_NOW in tests).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentFiles, displayPath, releaseId } from '../lib/check/content-folder';
import { buildClock } from '../lib/clock';
import { isoInZone } from '../lib/dates';
import { writtenFields } from '../lib/frontmatter';
import { nextEmbargoLift, releaseTiming, type Publishable } from '../lib/releases';
import { calendarDate, instantWithOffset, timeOfDay } from '../schemas/fields';
import { CONTENT_DIR } from '../folders';
import { settings } from '../settings';

const embargoTime = instantWithOffset('the embargo time');

/**
 * Releases held back until a moment still to come or past, read from their frontmatter: until
 * their embargo or time of issue, or (for a translation) its original's when that is later
 * (`releaseTiming`). Drafts are left out: they publish on no date.
 */
export function embargoedReleases(releasesDir: string, timeZone: string): Publishable[] {
  const files = contentFiles(releasesDir, ['.mdx']).flatMap((file) => {
    const source = readFileSync(join(releasesDir, file), 'utf8');
    const fields = new Map(
      writtenFields(source, ['date', 'time', 'draft', 'embargo', 'translationOf']).map((f) => [f.field, f.value]),
    );
    // An invalid embargo, date or time is the content schema's to report; the build fails on it.
    const date = calendarDate('the date').safeParse(fields.get('date'));
    if (!date.success) return [];
    const embargo = embargoTime.safeParse(fields.get('embargo'));
    const time = timeOfDay.safeParse(fields.get('time'));
    const issue = {
      date: date.data,
      time: time.success ? time.data : undefined,
      embargo: embargo.success ? embargo.data : undefined,
      draft: fields.get('draft') === 'true',
    };
    return [{ file, id: releaseId(file), original: fields.get('translationOf'), issue }];
  });
  const issues = new Map(files.map(({ id, issue }) => [id, issue]));
  return files.flatMap(({ file, original, issue }) => {
    const { draft, embargo, instant } = releaseTiming(issue, original ? issues.get(original) : undefined, timeZone);
    return draft || !embargo ? [] : [{ id: join(releasesDir, file), date: issue.date, instant, draft, embargo }];
  });
}

/** How many of the files lifting at the same moment the notice names before it counts the rest. */
export const NAMED_FILES = 3;

/** The notice line: when the next embargo lifts and which files it publishes, or that none is waiting. */
export function embargoNoticeText(releases: readonly Publishable[], now: Date, timeZone: string): string {
  const lift = nextEmbargoLift(releases, now);
  if (!lift) return 'No embargoed release is waiting to be published.';
  const files = releases
    .filter((r) => r.embargo?.getTime() === lift.getTime())
    .map((r) => displayPath(r.id))
    .sort();
  const named = files.slice(0, NAMED_FILES).join(', ');
  const more = files.length > NAMED_FILES ? ` and ${files.length - NAMED_FILES} more` : '';
  const them = files.length === 1 ? 'it' : `these ${files.length}`;
  return `Next embargo lifts at ${isoInZone(lift, timeZone)} (${lift.toISOString()}): ${named}${more}. Build again then to publish ${them}.`;
}

export function embargoNotice(options: { releasesDir?: string; timeZone?: string } = {}): AstroIntegration {
  const releasesDir = options.releasesDir ?? join(CONTENT_DIR, 'releases');
  const timeZone = options.timeZone ?? settings.timeZone;
  return {
    name: 'newsroom:embargo-notice',
    hooks: {
      'astro:build:done': ({ logger }) => {
        logger.info(embargoNoticeText(embargoedReleases(releasesDir, timeZone), buildClock(), timeZone));
      },
    },
  };
}
