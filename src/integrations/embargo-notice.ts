/**
 * Ends every build with the time the next embargoed release lifts, so whoever schedules builds
 * (cron, a CI schedule) knows when to build again to publish it:
 *   [newsroom:embargo-notice] Next embargo lifts at 2007-03-30T15:00:00+09:00 (2007-03-30T06:00:00.000Z): content/releases/….mdx
 * The hook cannot see the content collections, so it reads the few fields it needs from the
 * files as written, and uses the build's own clock (NEWSROOM_NOW in tests).
 */
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { displayPath } from '../lib/check/content-folder';
import { buildClock } from '../lib/clock';
import { isoInZone } from '../lib/dates';
import { nextEmbargoLift, type Publishable } from '../lib/releases';
import { writtenReleases } from '../lib/written-releases';
import { CONTENT_DIR } from '../folders';
import { settings } from '../settings';

/**
 * Releases held back until a moment still to come or past, read from their frontmatter: until
 * their embargo or time of issue, or (for a translation) its original's when that is later
 * (`releaseTiming`). Drafts are left out: they publish on no date.
 */
export function embargoedReleases(releasesDir: string, timeZone: string): HeldRelease[] {
  return writtenReleases(releasesDir, timeZone).flatMap(({ file, issue, timing }) =>
    !issue || !timing || timing.draft || !timing.embargo
      ? []
      : [
          {
            id: join(releasesDir, file),
            date: issue.date,
            instant: timing.instant,
            draft: false,
            embargo: timing.embargo,
            scheduled: timing.scheduled,
          },
        ],
  );
}

/** How many of the files lifting at the same moment the notice names before it counts the rest. */
export const NAMED_FILES = 3;

/**
 * A release held back until a moment: `scheduled` when its date (and time) of issue holds it,
 * rather than an embargo (`releaseTiming`).
 */
export type HeldRelease = Publishable & { scheduled?: boolean };

/**
 * The notice line: when the next embargo lifts (or, where no embargo holds them, the next releases
 * dated ahead are due) and which files it publishes, or that none is waiting.
 */
export function embargoNoticeText(releases: readonly HeldRelease[], now: Date, timeZone: string): string {
  const lift = nextEmbargoLift(releases, now);
  if (!lift) return 'No release is waiting for its embargo or its date of issue.';
  const lifting = releases.filter((r) => r.embargo?.getTime() === lift.getTime());
  const files = lifting.map((r) => displayPath(r.id)).sort();
  const named = files.slice(0, NAMED_FILES).join(', ');
  const more = files.length > NAMED_FILES ? ` and ${files.length - NAMED_FILES} more` : '';
  const them = files.length === 1 ? 'it' : `these ${files.length}`;
  const when = `${isoInZone(lift, timeZone)} (${lift.toISOString()})`;
  const next = lifting.every((r) => r.scheduled)
    ? `Next ${files.length === 1 ? 'release' : 'releases'} dated ahead due at ${when}, ${files.length === 1 ? 'its' : 'their'} date of issue`
    : `Next embargo lifts at ${when}`;
  return `${next}: ${named}${more}. Build again then to publish ${them}.`;
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
