/** An investor-relations or media contact (`content/contacts/*.yaml`). */
import { z } from 'astro/zod';
import { describe, language, list, text, unknownFields } from './fields';

const phoneNumber = (what: string) =>
  text(what).regex(/^\+?[\d\s().-]{6,}$/, {
    error: (issue) => `expected ${what} with digits, spaces, dots or hyphens, found ${describe(issue.input)}`,
  });

const fields = {
  honorific: text('the honorific (e.g. "Mr.", "Ms.")').optional(),
  name: text('the contact name'),
  titles: list('the job titles', text('a job title')).default([]),
  organisation: text('the organisation').optional(),
  phone: phoneNumber('the phone number').optional(),
  fax: phoneNumber('the fax number').optional(),
  email: z.email({
    error: (issue) => `expected an email address such as ir@example.com, found ${describe(issue.input)}`,
  }),
  /**
   * On the Contacts page (the default): `false` for someone releases name but readers should no
   * longer call, such as the contact of an old release brought in by `npm run import`.
   */
  listed: z
    .boolean({ error: (issue) => `expected listed: true or false, found ${describe(issue.input)}` })
    .default(true),
  /** Default: the site's default language (content/site.yaml). */
  lang: language.optional(),
};

export const contactSchema = z.strictObject(fields, { error: unknownFields(Object.keys(fields)) });
