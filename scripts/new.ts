/**
 * `npm run new -- "Headline" [--slug NAME] [--content DIR]`
 *
 * Starts a release: content/releases/YYYY-MM-DD-headline-words.mdx, dated today in the issuer's
 * time zone, with the default boilerplate and contacts and a comment on every field. It is a draft
 * until the author removes `draft: true`. Never overwrites a file. NEWSROOM_NOW sets "today" for tests.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newReleaseText } from '../src/lib/authoring/new-release';
import { releaseFileSlug } from '../src/lib/authoring/release-name';
import { displayPath, readCollection } from '../src/lib/check/content-folder';
import { usableIn } from '../src/lib/check/entry-id';
import { buildClock } from '../src/lib/clock';
import { calendarDateInZone } from '../src/lib/dates';
import { dayOf } from '../src/lib/frontmatter';
import { RELEASE_FILE_NAME, releaseSlug } from '../src/lib/releases';
import { releasePath, withBase } from '../src/lib/urls';

const USAGE = 'usage: npm run new -- "Headline of the release" [--slug NAME]';
const parseOptions = () =>
  parseArgs({
    allowPositionals: true,
    options: { slug: { type: 'string' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
let parsed: ReturnType<typeof parseOptions>;
try {
  parsed = parseOptions();
} catch (error) {
  // An unknown option, or --slug without its name.
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const headline = positionals.join(' ').trim();
if (!headline) {
  console.error(USAGE);
  process.exit(2);
}
// src/settings.ts reads the content folder named by NEWSROOM_CONTENT, like the build.
if (values.content) process.env.NEWSROOM_CONTENT = values.content;
const { CONTENT_DIR } = await import('../src/folders');
const { settings } = await import('../src/settings');

const date = calendarDateInZone(buildClock(), settings.timeZone);
const name = values.slug ?? releaseFileSlug(headline);
if (!RELEASE_FILE_NAME.test(name)) {
  console.error(
    `--slug: expected lower-case words joined by hyphens (e.g. share-buyback-results), found "${name}"` +
      (values.slug ? '' : ' from the headline; pass --slug NAME'),
  );
  process.exit(1);
}

const releasesDir = join(CONTENT_DIR, 'releases');
const path = join(releasesDir, `${date}-${name}.mdx`);
const shown = displayPath(path);
const slug = releaseSlug(`${date}-${name}`, date);

// The new release is in the default language: only releases in that language share its addresses
// (/releases/…; a translation lives under /ja/releases/…) and its usual dateline.
const releases = readCollection(CONTENT_DIR, 'releases', process.cwd()).filter(
  (r) => (r.data?.lang ?? settings.defaultLanguage) === settings.defaultLanguage,
);
/** A release's date as written. */
const dateOf = (data: Record<string, unknown> | undefined) => dayOf(data?.date) ?? '';
const sameUrl = releases.find(
  (r) => releaseSlug(r.id, dateOf(r.data), typeof r.data?.slug === 'string' ? r.data.slug : undefined) === slug,
);
if (existsSync(path) || sameUrl) {
  // The file itself first: it would publish at its own address too.
  const reason = existsSync(path)
    ? 'the file already exists'
    : `${sameUrl!.file} already publishes at /releases/${slug}/`;
  console.error(`${shown}: not created: ${reason}; choose another headline or pass --slug NAME`);
  process.exit(1);
}

// The location of the newest release is the issuer's usual dateline.
const newest = releases
  .filter((r) => typeof r.data?.location === 'string')
  .sort((a, b) => dateOf(b.data).localeCompare(dateOf(a.data)))[0];

const text = newReleaseText({
  headline,
  date,
  timeZone: settings.timeZone,
  location: (newest?.data?.location as string | undefined) ?? 'CITY, Country',
  categories: settings.categories,
  defaultBoilerplate: settings.defaultBoilerplate,
  defaultContacts: settings.defaultContacts,
  // A new release is in the default language: the notices it may name.
  notices: readCollection(CONTENT_DIR, 'notices', process.cwd())
    .map((n) => n.id)
    .filter((id) => usableIn(id, settings.defaultLanguage, settings.languages, settings.defaultLanguage)),
  company: {
    name: settings.company.name,
    shortName: settings.company.shortName,
    tickers: settings.company.tickers.map((t) => `${t.exchange}: ${t.symbol}`),
  },
});
mkdirSync(releasesDir, { recursive: true });
writeFileSync(path, text, { flag: 'wx' });

console.log(`Created ${shown}`);
console.log(`Preview: http://localhost:4321${withBase(process.env.NEWSROOM_BASE || '/', releasePath(slug))}`);
console.log('         (start npm run dev first; a draft shows there only, marked as a draft)');
