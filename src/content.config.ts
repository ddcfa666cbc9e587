/**
 * The content model: four collections loaded from the top-level `content/` folder, each validated
 * by its schema in src/schemas/. Site settings (content/site.yaml) are validated by src/settings.ts.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { withStrictDates } from './loaders/strict-dates';
import { boilerplateSchema } from './schemas/boilerplate';
import { contactSchema } from './schemas/contact';
import { noticeSchema } from './schemas/notice';
import { releaseSchema } from './schemas/release';
import { CONTENT_DIR, settings } from './settings';

const [firstCategory, ...otherCategories] = settings.categories;

const releases = defineCollection({
  loader: withStrictDates(
    glob({
      pattern: '**/*.mdx',
      base: `${CONTENT_DIR}/releases`,
      // The file path is the id. (Astro's default would take the `slug:` field instead, silently
      // merging two releases that share a slug; src/lib/releases.ts refuses those by name.)
      generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
    }),
    ['date', 'updated'],
  ),
  schema: releaseSchema({
    categories: [firstCategory!, ...otherCategories],
    boilerplate: reference('boilerplates'),
    contact: reference('contacts'),
    notice: reference('notices'),
  }),
});

const boilerplates = defineCollection({
  loader: withStrictDates(glob({ pattern: '**/*.mdx', base: `${CONTENT_DIR}/boilerplates` }), ['since']),
  schema: boilerplateSchema,
});

const notices = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${CONTENT_DIR}/notices` }),
  schema: noticeSchema,
});

const contacts = defineCollection({
  loader: glob({ pattern: '**/*.{yaml,yml}', base: `${CONTENT_DIR}/contacts` }),
  schema: contactSchema,
});

export const collections = { releases, boilerplates, notices, contacts };
