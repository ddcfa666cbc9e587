/** Values of the Open Graph tags social sites read (BaseHead). */
import { memoised } from './memoised';

/**
 * Open Graph's `og:locale` for a page in `lang`: language and territory, `ja_JP`, `en_US`. A code
 * without a territory gets its most likely one (Unicode's likely subtags), as Open Graph wants
 * both; a page that says nothing is taken for `en_US`.
 */
export const openGraphLocale: (lang: string) => string = memoised((lang) => {
  // Once per language: every page asks, and working out the likely territory is not cheap.
  const { language, region } = new Intl.Locale(lang).maximize();
  return region ? `${language}_${region}` : language;
});
