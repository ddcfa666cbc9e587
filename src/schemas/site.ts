/** Site settings: the one file (`content/site.yaml`) that names the issuer and shapes the site. */
import { z } from 'astro/zod';
import { dictionaries } from '../i18n/dictionaries';
import { language, list, text, ticker, webUrl, wholeNumber } from './fields';

// Imported by astro.config.mjs, where `astro:content` does not exist yet, so references here are
// plain ids, checked against the collections by src/content.config.ts.
const id = (what: string) => text(what);

export const siteSchema = z
  .strictObject(
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
      /** Every language the newsroom publishes in; one alone means no language switcher. */
      languages: list('the languages', language).default([]),
      /**
       * Per language: the site, the company and the categories as shown in it, and its dateline
       * separator where it is not the language's own (src/i18n/).
       */
      localized: z
        .record(
          language,
          z.strictObject({
            title: text('the site title in this language').optional(),
            description: text('the site description in this language').optional(),
            companyName: text('the company name in this language').optional(),
            companyShortName: text('the short company name in this language').optional(),
            categories: z.record(z.string(), text('a category name in this language')).optional(),
            datelineSeparator: text('the dateline separator in this language').optional(),
          }),
          {
            error: (issue) => `expected localized: as a mapping of language tags, found ${JSON.stringify(issue.input)}`,
          },
        )
        .default({}),
      datelineSeparator: text('the dateline separator').default('--'),
      categories: list('the declared categories', text('a category name')).min(1, {
        error: 'expected at least one category',
      }),
      defaultBoilerplate: id('the id of the default boilerplate (a file name in content/boilerplates/)'),
      defaultContacts: list('the default contacts', id('a contact id (a file name in content/contacts/)')).min(1, {
        error: 'expected at least one default contact',
      }),
      pageSize: wholeNumber('pageSize', 1, 100).default(10),
      feedSize: wholeNumber('feedSize', 1, 1000).default(20),
      // The most releases a reader's first search loads the index of (src/newsroom.ts: searchSplit).
      searchRecentReleases: wholeNumber('searchRecentReleases', 1).default(3000),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `unknown setting(s): ${issue.keys.join(', ')}` : undefined,
    },
  )
  // Each language is one the interface is translated into: its pages would have no words.
  .superRefine((site, ctx) => {
    const translated = Object.keys(dictionaries);
    const untranslated = (lang: string) => !translated.includes(lang);
    const problem = (path: (string | number)[], lang: string) =>
      ctx.addIssue({
        code: 'custom',
        path,
        message: `expected a language the interface is translated into (${translated.join(', ')}), found "${lang}"; add src/i18n/${lang}.ts and list it in src/i18n/dictionaries.ts`,
      });
    if (untranslated(site.defaultLanguage)) problem(['defaultLanguage'], site.defaultLanguage);
    site.languages.forEach((lang, i) => {
      if (lang !== site.defaultLanguage && untranslated(lang)) problem(['languages', i], lang);
    });
  })
  // The default language always comes first in the list of languages.
  .transform((site) => ({
    ...site,
    languages: [site.defaultLanguage, ...site.languages.filter((lang) => lang !== site.defaultLanguage)],
  }))
  .superRefine((site, ctx) => {
    for (const lang of Object.keys(site.localized)) {
      if (!site.languages.includes(lang)) {
        ctx.addIssue({
          code: 'custom',
          path: ['localized', lang],
          message: `expected a language listed in languages (${site.languages.join(', ')}), found "${lang}"`,
        });
      }
    }
  });

export type SiteSettings = z.output<typeof siteSchema>;
