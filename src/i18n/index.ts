/**
 * Interface strings, one dictionary per language. Adding a language means adding its dictionary
 * (src/i18n/dictionaries.ts; the site settings refuse a language without one), its content and
 * settings, never editing templates.
 */
import { datelineSeparatorIn } from '../lib/dateline';
import type { FeedNames } from '../lib/feeds';
import { settings } from '../settings';
import { dictionaries } from './dictionaries';
import type { Dictionary } from './en';

export type { Dictionary };

/** The interface strings of a language (the default language's when none is given). */
export function dictionary(lang: string | undefined): Dictionary {
  return dictionaries[lang ?? settings.defaultLanguage] ?? dictionaries[settings.defaultLanguage]!;
}

/**
 * The site's name, description, company name, category names and dateline separator as shown in
 * a language.
 */
export function siteIn(lang: string | undefined) {
  const localized = settings.localized[lang ?? settings.defaultLanguage] ?? {};
  return {
    title: localized.title ?? settings.title,
    description: localized.description ?? settings.description,
    companyName: localized.companyName ?? settings.company.name,
    companyShortName: localized.companyShortName ?? settings.company.shortName ?? settings.company.name,
    category: (category: string) => localized.categories?.[category] ?? category,
    datelineSeparator: datelineSeparatorIn(
      lang ?? settings.defaultLanguage,
      settings,
      dictionary(lang).datelineSeparator,
    ),
  };
}

/** How feeds are named in `lang`: its category names and its feed-title words and punctuation. */
export function feedNamesIn(lang: string | undefined): FeedNames {
  const { scope, titled, format } = dictionary(lang).feeds;
  return { category: siteIn(lang).category, scope, titled, format };
}

/**
 * The issuer as structured data names it, the same on every page whatever its language (nodes that
 * share an `@id` must agree): its name (`company.name`), and its names in the newsroom's other
 * languages as alternate names.
 */
export function issuerNames() {
  const name = settings.company.name;
  const others = settings.languages.map((code) => siteIn(code).companyName).filter((other) => other !== name);
  return { name, alternateNames: [...new Set(others)], url: settings.company.url };
}

/**
 * Static paths for a page that exists in every language: the default language at the root
 * (`lang` parameter left out), the others below their code. Each page gets its `lang` as a prop.
 */
export function languageRoutes() {
  return settings.languages.map((lang) => ({
    params: { lang: lang === settings.defaultLanguage ? undefined : lang },
    props: { lang },
  }));
}

/** The `[...lang]` route parameter of a language. */
export const langParam = (lang: string) => (lang === settings.defaultLanguage ? undefined : lang);

/** One language version of a page: its language and its path below the base path. */
export interface LanguageVersion {
  lang: string;
  path: string;
}
