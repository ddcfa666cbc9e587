/** Site settings: the one file (`content/site.yaml`) that names the issuer and shapes the site. */
import { z } from 'astro/zod';
import { language, list, text, ticker, webUrl } from './fields';

// Imported by astro.config.mjs, where `astro:content` does not exist yet, so references here are
// plain ids, checked against the collections by src/content.config.ts.
const id = (what: string) => text(what);

export const siteSchema = z.strictObject(
  {
    company: z.strictObject(
      {
        name: text('the company name'),
        shortName: text('the short company name').optional(),
        url: webUrl('the company website').optional(),
        tickers: list('the company tickers', ticker).default([]),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown company setting(s): ${issue.keys.join(', ')}`
            : 'expected company: with name, tickers',
      },
    ),
    title: text('the site title'),
    description: text('the site description'),
    url: webUrl('the canonical site URL'),
    timeZone: text('an IANA time zone such as Asia/Tokyo').refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { error: (issue) => `expected an IANA time zone such as Asia/Tokyo, found ${JSON.stringify(issue.input)}` },
    ),
    defaultLanguage: language.default('en'),
    datelineSeparator: text('the dateline separator').default('--'),
    categories: list('the declared categories', text('a category name')).min(1, {
      error: 'expected at least one category',
    }),
    defaultBoilerplate: id('the id of the default boilerplate (a file name in content/boilerplates/)'),
    defaultContacts: list('the default contacts', id('a contact id (a file name in content/contacts/)')).min(1, {
      error: 'expected at least one default contact',
    }),
    pageSize: z.int({ error: 'expected pageSize as a whole number' }).min(1).max(100).default(10),
    feedSize: z.int({ error: 'expected feedSize as a whole number' }).min(1).max(1000).default(20),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown setting(s): ${issue.keys.join(', ')}` : undefined),
  },
);

export type SiteSettings = z.output<typeof siteSchema>;
