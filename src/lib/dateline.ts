/** The wire-style dateline that opens a release: "TOKYO, Japan, March 30, 2007 --". */
import { formatLongDate } from './dates';
import { escapeHtml } from './html';

export interface DatelineParts {
  location: string;
  date: string;
  isoDate: string;
  lang: string;
  separator: string;
  /** The language's order, e.g. `{location}, {date} {separator}` (src/i18n/). */
  pattern?: string;
}

const ENGLISH = '{location}, {date} {separator}';

/**
 * What follows the dateline's date in `lang`: the separator `content/site.yaml` gives it under
 * `localized`, else the issuer's (`datelineSeparator`) in the default language and the language's
 * own (its dictionary's: "――" in Japanese) in the others.
 */
export function datelineSeparatorIn(
  lang: string,
  site: {
    defaultLanguage: string;
    datelineSeparator: string;
    localized: Record<string, { datelineSeparator?: string | undefined }>;
  },
  languageOwn: string,
): string {
  return (
    site.localized[lang]?.datelineSeparator ?? (lang === site.defaultLanguage ? site.datelineSeparator : languageOwn)
  );
}

function fillDateline(pattern: string, parts: Record<'location' | 'date' | 'separator', string>): string {
  return pattern.replace(/\{(location|date|separator)\}/g, (_, name: 'location' | 'date' | 'separator') => parts[name]);
}

export function datelineText({ location, date, lang, separator, pattern = ENGLISH }: DatelineParts): string {
  return fillDateline(pattern, { location, date: formatLongDate(date, lang), separator });
}

export function datelineHtml({ location, date, isoDate, lang, separator, pattern = ENGLISH }: DatelineParts): string {
  const html = fillDateline(pattern, {
    location: escapeHtml(location),
    date: `<time datetime="${isoDate}">${escapeHtml(formatLongDate(date, lang))}</time>`,
    separator: escapeHtml(separator),
  });
  // Bold as <b>, not by the stylesheet alone: a feed reader shows it so too.
  return `<b class="dateline">${html}</b>`;
}
