/** The wire-style dateline that opens a release: "TOKYO, Japan, March 30, 2007 --". */
import { formatLongDate } from './dates';
import { escapeHtml } from './html';

export interface DatelineParts {
  location: string;
  date: string;
  isoDate: string;
  lang: string;
  separator: string;
}

export function datelineText({ location, date, lang, separator }: DatelineParts): string {
  return `${location}, ${formatLongDate(date, lang)} ${separator}`;
}

export function datelineHtml({ location, date, isoDate, lang, separator }: DatelineParts): string {
  return (
    `<span class="dateline">${escapeHtml(location)}, ` +
    `<time datetime="${isoDate}">${escapeHtml(formatLongDate(date, lang))}</time> ${escapeHtml(separator)}</span>`
  );
}
