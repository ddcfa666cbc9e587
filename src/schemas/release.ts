/** Frontmatter of a press release (`content/releases/*.mdx`). */
import { z } from 'astro/zod';
import { isoInZone, zonedTime } from '../lib/dates';
import { DATE_PREFIX } from '../lib/releases';
import { tagSlug } from '../lib/taxonomy';
import {
  attachment,
  calendarDate,
  describe,
  formerAddress,
  instantWithOffset,
  isRealDate,
  language,
  list,
  slug,
  text,
  ticker,
  timeOfDay,
  unknownFields,
} from './fields';

/**
 * Marks (in an issue's `params`) a problem found by comparing a field with the date of issue: wrong
 * when that date is one YAML rolled over (2007-02-30 read as March 2), which is reported instead.
 */
export const COMPARED_WITH_DATE = 'comparedWithDate';

/**
 * Built as a function because what is valid depends on the site settings (declared categories)
 * and on the other collections (references), both supplied by src/content.config.ts.
 */
export function releaseSchema<
  B extends z.ZodType,
  C extends z.ZodType,
  N extends z.ZodType,
  R extends z.ZodType,
>(options: {
  categories: readonly [string, ...string[]];
  languages: readonly [string, ...string[]];
  boilerplate: B;
  contact: C;
  notice: N;
  release: R;
  /** The issuer's zone (site.yaml `timeZone`), for the rules that join date, time and embargo. */
  timeZone?: string | undefined;
}) {
  const category = z.enum(options.categories, {
    error: (issue) =>
      `expected one of the categories declared in content/site.yaml (${options.categories.join(', ')}), found ${describe(issue.input)}`,
  });
  const fields = {
    headline: text('the headline'),
    subheadline: text('the subheadline').optional(),
    date: calendarDate('the date of issue'),
    time: timeOfDay.optional(),
    location: text('the dateline location (e.g. "TOKYO, Japan")'),
    tickers: list('the tickers', ticker).optional(),
    summary: text('the summary').optional(),
    categories: list('the categories', category).min(1, { error: 'expected at least one category' }),
    tags: list('the tags', text('a tag')).default([]),
    boilerplate: options.boilerplate.optional(),
    contacts: list('the contacts', options.contact)
      .min(1, { error: 'expected at least one contact (or leave the field out to use the defaults)' })
      .optional(),
    notices: list('the notices', options.notice).default([]),
    lang: language
      .refine((lang) => options.languages.includes(lang), {
        error: (issue) =>
          `expected one of the languages declared in content/site.yaml (${options.languages.join(', ')}), found ${describe(issue.input)}`,
      })
      .default(options.languages[0]),
    /** The release this one translates (its id: the file path without .mdx). */
    translationOf: options.release.optional(),
    draft: z
      .boolean({ error: (issue) => `expected draft: true or false, found ${describe(issue.input)}` })
      .default(false),
    featured: z
      .boolean({ error: (issue) => `expected featured: true or false, found ${describe(issue.input)}` })
      .default(false),
    embargo: instantWithOffset('the embargo time').optional(),
    updated: calendarDate('the date of the correction').optional(),
    correction: text('the correction note').optional(),
    slug: slug('the slug')
      // The address puts the date of issue before it: a date in the slug would print it twice.
      .refine((value) => !DATE_PREFIX.test(`${value}-`), {
        error: (issue) =>
          `expected the slug without a date, which the address has already (slug: share-buyback-results gives /releases/2007-03-30-share-buyback-results/), found ${describe(issue.input)}`,
      })
      .optional(),
    /** Addresses the release had before (a new date or file name): they lead to it. */
    redirectFrom: list('the former addresses', formerAddress).default([]),
    /** Files published with the release (content/attachments/), each with its link's title. */
    attachments: list('the attachments', attachment).default([]),
  };
  return z.strictObject(fields, { error: unknownFields(Object.keys(fields)) }).superRefine((data, ctx) => {
    // Each on the line the author wrote, naming the field that is missing.
    if (data.correction && !data.updated) {
      ctx.addIssue({
        code: 'custom',
        path: ['correction'],
        message: 'expected updated: with the date of the correction, since correction is set',
      });
    }
    if (data.updated && !data.correction) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: 'expected correction: with a note saying what changed, since updated is set',
      });
    }
    // "Share Buyback" and "share buyback" are one tag page: two links to it would read as two tags.
    const seen = new Map<string, string>();
    data.tags.forEach((tag, i) => {
      const first = seen.get(tagSlug(tag));
      if (first === undefined) seen.set(tagSlug(tag), tag);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['tags', i],
          message: `expected each tag once, found "${tag}", the same tag as "${first}"`,
        });
    });
    const attached = new Set<string>();
    data.attachments.forEach(({ file }, i) => {
      if (attached.has(file))
        ctx.addIssue({
          code: 'custom',
          path: ['attachments', i, 'file'],
          message: `expected each attachment once, found "${file}" a second time`,
        });
      attached.add(file);
    });
    const withDate = { params: { [COMPARED_WITH_DATE]: true } };
    if (options.timeZone)
      timeProblems(data, options.timeZone).forEach((issue) => ctx.addIssue({ ...issue, ...withDate }));
    if (data.updated && data.updated < data.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `expected a date on or after the date of issue (${data.date}), found ${data.updated}`,
        ...withDate,
      });
    }
  });
}

/**
 * A time of issue the issuer's clocks never showed (skipped when daylight saving starts), an
 * embargo lifting after the day of issue, and a time of issue before the embargo lifts: each would
 * make the page, feeds and sitemaps say the release was issued when it was not.
 */
function timeProblems(
  data: { date: string; time?: string | undefined; embargo?: Date | undefined },
  timeZone: string,
): { code: 'custom'; path: string[]; message: string }[] {
  const { date, time, embargo } = data;
  // A date or time of issue that failed its own check has said so already: no instant to work out.
  if (typeof date !== 'string' || !isRealDate(date)) return [];
  const written =
    time === undefined || !timeOfDay.safeParse(time).success ? undefined : zonedTime(date, time, timeZone);
  if (written && isoInZone(written.instant, timeZone) !== written.iso) {
    const message = `expected a time of day that exists on ${date} in ${timeZone}, found ${time}, which its clocks skip (daylight saving time begins)`;
    return [{ code: 'custom', path: ['time'], message }];
  }
  if (!embargo) return [];
  const lifts = isoInZone(embargo, timeZone);
  if (lifts.slice(0, 10) > date) {
    const message = `expected an embargo lifting on or before the date of issue (${date}), found one lifting on ${lifts.slice(0, 10)}: a release cannot be issued before it may be read; set date: to ${lifts.slice(0, 10)}`;
    return [{ code: 'custom', path: ['embargo'], message }];
  }
  if (written && written.instant.getTime() < embargo.getTime()) {
    const message = `expected a time of issue no earlier than the embargo (${lifts.slice(11, 16)}), found ${time}; leave time: out to issue the release when the embargo lifts`;
    return [{ code: 'custom', path: ['time'], message }];
  }
  return [];
}
