/**
 * `npm run new -- "Headline" [--slug NAME] [--lang CODE] [--content DIR]`
 * `npm run new -- --translation-of ID [--lang CODE] "Headline" [--slug NAME] [--content DIR]`
 *
 * Starts a release: content/releases/YYYY-MM-DD-headline-words.mdx, dated today in the issuer's
 * time zone, with the default boilerplate and contacts and a comment on every field. It is a draft
 * until the author removes `draft: true`. Never overwrites a file. NEWSROOM_NOW sets "today" for tests.
 *
 * With --lang, a release in another of the site's languages, in content/releases/<lang>/. With
 * --translation-of, starts a translation of the release ID (its file name without .mdx) into
 * --lang (the one other language, when the site has two): content/releases/<lang>/ under the
 * original's name and date, with the original's shared fields and its body to translate.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { newReleaseText, translationText } from '../src/lib/authoring/new-release';
import { releaseFileSlug } from '../src/lib/authoring/release-name';
import { displayPath, readCollection, writtenLanguage, type ContentEntry } from '../src/lib/check/content-folder';
import { usableIn } from '../src/lib/check/entry-id';
import { buildClock } from '../src/lib/clock';
import { calendarDateInZone } from '../src/lib/dates';
import { dayOf } from '../src/lib/frontmatter';
import { RELEASE_FILE_NAME, releaseName, releaseSlug } from '../src/lib/releases';
import { didYouMean } from '../src/lib/suggest';
import { localePath, releasePath, withBase } from '../src/lib/urls';

const USAGE = [
  'usage: npm run new -- "Headline of the release" [--slug NAME] [--lang CODE]',
  '       npm run new -- --translation-of RELEASE-ID [--lang CODE] "Headline in that language"',
].join('\n');
const parseOptions = () =>
  parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      content: { type: 'string' },
      lang: { type: 'string' },
      'translation-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
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
const { siteIn } = await import('../src/i18n');

/** Stops with a message and exit status 1. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const allReleases = readCollection(CONTENT_DIR, 'releases', process.cwd());
/** A release's language as written. */
const langOf = (r: ContentEntry) => writtenLanguage(r.data, settings.defaultLanguage);
/** A release's date as written. */
const dateOf = (data: Record<string, unknown> | undefined) => dayOf(data?.date) ?? '';

/** The release a translation is of, and the language it is into, from --translation-of and --lang. */
function translated(id: string): { original: ContentEntry & { data: Record<string, unknown> }; lang: string } {
  const known = allReleases.map((r) => r.id);
  const original = allReleases.find((r) => r.id === id);
  if (!original) {
    fail(
      `--translation-of: expected the id of a release (its file name in content/releases/ without .mdx, e.g. ${known[0] ?? '2007-03-30-results-of-share-buyback'}), found "${id}"${didYouMean(id, known)}`,
    );
  }
  if (!original.data) fail(`${original.file}: cannot be read; run npm run check to see why`);
  if (typeof original.data.translationOf === 'string') {
    fail(
      `--translation-of: ${original.file} is itself a translation, of ${original.data.translationOf}; translate that`,
    );
  }
  const from = langOf(original);
  const others = settings.languages.filter((code) => code !== from);
  const lang = values.lang ?? (others.length === 1 ? others[0]! : undefined);
  if (lang === undefined || !others.includes(lang)) {
    fail(
      `--lang: expected one of the languages in content/site.yaml other than the original’s (${others.join(', ') || 'none'}), found ${values.lang ? `"${values.lang}"` : 'none'}`,
    );
  }
  const already = allReleases.find((r) => r.data?.translationOf === id && langOf(r) === lang);
  if (already) fail(`--translation-of: ${id} already has a translation into ${lang}: ${already.file}`);
  return { original: original as ContentEntry & { data: Record<string, unknown> }, lang };
}

/** The newest location written by a release in `lang`: the issuer's usual dateline in it. */
function usualLocation(lang: string): string | undefined {
  return allReleases
    .filter((r) => langOf(r) === lang && typeof r.data?.location === 'string')
    .sort((a, b) => dateOf(b.data).localeCompare(dateOf(a.data)))[0]?.data?.location as string | undefined;
}

const translation = values['translation-of']?.replace(/\.mdx$/, '');
const { original, lang } = translation
  ? translated(translation)
  : { original: undefined, lang: values.lang ?? settings.defaultLanguage };
if (!settings.languages.includes(lang)) {
  fail(
    `--lang: expected one of the languages in content/site.yaml (${settings.languages.join(', ')}), found "${lang}"`,
  );
}

/** The slug a release's frontmatter writes, if any. */
const slugOf = (data: Record<string, unknown> | undefined) => (typeof data?.slug === 'string' ? data.slug : undefined);
// A translation is issued with its original, under the name the original is published under (its
// address in the other language) unless --slug says otherwise.
const date = original ? dateOf(original.data) : calendarDateInZone(buildClock(), settings.timeZone);
const name = values.slug ?? (original ? releaseName(original.id, slugOf(original.data)) : releaseFileSlug(headline));
if (!RELEASE_FILE_NAME.test(name)) {
  fail(
    `--slug: expected lower-case words joined by hyphens (e.g. share-buyback-results), found "${name}"` +
      (values.slug ? '' : ' from the headline; pass --slug NAME'),
  );
}

const releasesDir = join(CONTENT_DIR, 'releases', ...(lang === settings.defaultLanguage ? [] : [lang]));
const path = join(releasesDir, `${date}-${name}.mdx`);
const shown = displayPath(path);
const slug = releaseSlug(`${date}-${name}`, date);
const address = localePath(lang, settings.defaultLanguage, releasePath(slug));

// Only releases in the same language share its addresses (/releases/…; a translation lives
// under /ja/releases/…) and its usual dateline.
const sameUrl = allReleases.find(
  (r) => langOf(r) === lang && releaseSlug(r.id, dateOf(r.data), slugOf(r.data)) === slug,
);
if (existsSync(path) || sameUrl) {
  // The file itself first: it would publish at its own address too.
  const reason = existsSync(path) ? 'the file already exists' : `${sameUrl!.file} already publishes at /${address}`;
  fail(
    `${shown}: not created: ${reason}; choose another ${original ? 'name with --slug NAME' : 'headline or pass --slug NAME'}`,
  );
}

const text = original
  ? translationText({
      headline,
      lang,
      original: {
        id: original.id,
        file: original.file,
        data: original.data,
        body: original.split?.body ?? '',
      },
      date,
      location: usualLocation(lang) ?? (original.data.location as string | undefined) ?? 'CITY, Country',
    })
  : newReleaseText({
      headline,
      date,
      lang: lang === settings.defaultLanguage ? undefined : lang,
      timeZone: settings.timeZone,
      location: usualLocation(lang) ?? 'CITY, Country',
      categories: settings.categories,
      defaultBoilerplate: settings.defaultBoilerplate,
      defaultContacts: settings.defaultContacts,
      // The notices a release in its language may name.
      notices: readCollection(CONTENT_DIR, 'notices', process.cwd())
        .map((n) => n.id)
        .filter((id) => usableIn(id, lang, settings.languages, settings.defaultLanguage)),
      company: {
        name: siteIn(lang).companyName,
        shortName: siteIn(lang).companyShortName,
        tickers: settings.company.tickers.map((t) => `${t.exchange}: ${t.symbol}`),
      },
    });
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, text, { flag: 'wx' });

console.log(`Created ${shown}`);
console.log(`Preview: http://localhost:4321${withBase(process.env.NEWSROOM_BASE || '/', address)}`);
console.log('         (start npm run dev first; a draft shows there only, marked as a draft)');
