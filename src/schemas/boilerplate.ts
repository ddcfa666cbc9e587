/** An "About …" section, kept in dated versions (`content/boilerplates/*.mdx`). */
import { z } from 'astro/zod';
import { calendarDate, language, text, unknownFields } from './fields';

const fields = {
  heading: text('the heading (e.g. "About Trend Micro")'),
  /** First day this version is used; the About page shows the newest one. */
  since: calendarDate('the first day this version is used'),
  /** Default: the site's default language (content/site.yaml). */
  lang: language.optional(),
};

export const boilerplateSchema = z.strictObject(fields, { error: unknownFields(Object.keys(fields)) });
