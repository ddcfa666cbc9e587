/** A reusable statement, such as the forward-looking-statements notice (`content/notices/*.mdx`). */
import { z } from 'astro/zod';
import { language, text, unknownFields } from './fields';

const fields = {
  heading: text('the heading (e.g. "Notice Regarding Forward-looking Statements")'),
  /** Default: the site's default language (content/site.yaml). */
  lang: language.optional(),
};

export const noticeSchema = z.strictObject(fields, { error: unknownFields(Object.keys(fields)) });
