/** Site paths joined with the base path and a language prefix, for links in templates. */
import { withSiteAddresses } from './lib/html';
import { absoluteUrl, localePath, withBase } from './lib/urls';
import { settings } from './settings';

/** A site path (e.g. `releases/`) as a link in `lang` (default: the site's default language). */
export const href = (path: string, lang: string = settings.defaultLanguage) =>
  withBase(import.meta.env.BASE_URL, localePath(lang, settings.defaultLanguage, path));

/** The same path below the base in `lang`, without the base: for canonical and feed URLs. */
export const sitePath = (path: string, lang: string = settings.defaultLanguage) =>
  localePath(lang, settings.defaultLanguage, path);

/** A site path (below the base, language prefix included) as an absolute URL on the site. */
export const pageUrl = (path: string) => absoluteUrl(import.meta.env.SITE, import.meta.env.BASE_URL, path);

/** The id of the issuer's `Organization` node in the JSON-LD of every page that names it. */
export const organizationId = () => `${pageUrl('')}#organization`;

/**
 * A rendered body's links and images to the site below the base path, each link with its full
 * address for paper (`withSiteAddresses`).
 */
export const siteAddresses = (html: string) => withSiteAddresses(html, import.meta.env.SITE, import.meta.env.BASE_URL);
