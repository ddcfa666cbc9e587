/**
 * The content model: four collections loaded from the top-level `content/` folder, each validated
 * by its schema in src/schemas/. Site settings (content/site.yaml) are validated by src/settings.ts.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTION_FILES, collectionPattern, releaseId } from './lib/check/content-folder';
import { RELEASE_COMPONENT_NAMES } from './lib/release-components';
import { checkedFiles } from './loaders/checked-files';
import { boilerplateSchema } from './schemas/boilerplate';
import { contactSchema } from './schemas/contact';
import { noticeSchema } from './schemas/notice';
import { text } from './schemas/fields';
import { releaseSchema } from './schemas/release';
import { CONTENT_DIR } from './folders';
import { settings } from './settings';

const [firstCategory, ...otherCategories] = settings.categories;
// What an MDX body may use without importing it, checked when each file loads.
const components = RELEASE_COMPONENT_NAMES;
const [defaultLanguage, ...otherLanguages] = settings.languages;
// Each folder holds only the files its loader reads (`collectionPattern`): a release saved as .md
// stops the build instead of going missing.
const folder = (collection: keyof typeof COLLECTION_FILES) => ({
  path: `${CONTENT_DIR}/${collection}`,
  extensions: COLLECTION_FILES[collection].extensions,
});

const releaseFiles = {
  pattern: collectionPattern('releases'),
  base: `${CONTENT_DIR}/releases`,
  // The file path is the id. (Astro's default would take the `slug:` field instead, silently
  // merging two releases that share a slug; src/lib/releases.ts refuses those by name.)
  generateId: ({ entry }: { entry: string }) => releaseId(entry),
  // Each body is kept as the HTML rendered when it loaded (src/loaders/checked-files.ts,
  // src/stored-bodies.ts).
  retainBody: false,
};

const releases = defineCollection({
  loader: checkedFiles(glob(releaseFiles), {
    dates: ['date', 'updated'],
    components,
    folder: folder('releases'),
    // Ids from paths alone (`generateId` above): a file unchanged since the last build is not
    // parsed, and a build hands the glob loader only the files that changed.
    idFromPath: true,
    reading: (files) => glob({ ...releaseFiles, pattern: files }),
  }),
  // Each reference is first an id as text, with the words `npm run check` uses for it, then
  // Astro's reference to the entry.
  schema: releaseSchema({
    categories: [firstCategory!, ...otherCategories],
    languages: [defaultLanguage!, ...otherLanguages],
    boilerplate: text('the boilerplate id').pipe(reference('boilerplates')),
    contact: text('a contact id').pipe(reference('contacts')),
    notice: text('a notice id').pipe(reference('notices')),
    release: text('the id of the translated release').pipe(reference('releases')),
    timeZone: settings.timeZone,
  }),
});

const boilerplates = defineCollection({
  loader: checkedFiles(
    glob({ pattern: collectionPattern('boilerplates'), base: `${CONTENT_DIR}/boilerplates`, retainBody: false }),
    {
      dates: ['since'],
      components,
      folder: folder('boilerplates'),
    },
  ),
  schema: boilerplateSchema,
});

const notices = defineCollection({
  loader: checkedFiles(
    glob({ pattern: collectionPattern('notices'), base: `${CONTENT_DIR}/notices`, retainBody: false }),
    {
      components,
      folder: folder('notices'),
    },
  ),
  schema: noticeSchema,
});

const contacts = defineCollection({
  loader: checkedFiles(glob({ pattern: collectionPattern('contacts'), base: `${CONTENT_DIR}/contacts` }), {
    folder: folder('contacts'),
  }),
  schema: contactSchema,
});

export const collections = { releases, boilerplates, notices, contacts };
