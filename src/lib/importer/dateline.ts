/**
 * The dateline that opens a legacy release, in the spellings issuers used over the years:
 *   TOKYO, Japan, March 30, 2007 -- Trend Micro …
 *   Tokyo, Japan – June 30, 2009 - Trend Micro …
 *   Tokyo, Japan –September 7, 2012 - Trend Micro …
 *   LONDON, UK, 30 March 2013 -- Trend Micro …   (day before month, as British releases write it)
 * The site prints the dateline from `location` and `date`, in the house style of site.yaml.
 */

export interface WrittenDateline {
  location: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The dateline as written, up to and including the dash after the date. */
  written: string;
  /** The text after the dateline: the start of the lead paragraph. */
  rest: string;
}

const MONTHS = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sept', 'sep'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

const MONTH_NAMES = MONTHS.flat().join('|');
const DASH = '(?:--|[-–—])';

const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th)?';
const MONTH = `(?<month>${MONTH_NAMES})\\.?`;
/** Month before day ("March 30, 2007"), then day before month ("30 March 2013"). */
const DATELINES = [`${MONTH}\\s+${DAY},?`, `${DAY}\\s+${MONTH},?`].map(
  (date) =>
    new RegExp(
      `^(?<location>\\S.*?)\\s*(?:,|${DASH})\\s*${date}\\s+(?<year>\\d{4})\\s*${DASH}(?=\\s|$|[^-–—])\\s*`,
      'i',
    ),
);

/** The first way of writing a dateline that `text` opens with. */
const matchDateline = (text: string) =>
  DATELINES.map((pattern) => pattern.exec(text)).find((m) => m?.groups) ?? undefined;

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const iso = date.toISOString().slice(0, 10);
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? iso : undefined;
}

/**
 * The date as written when `text` opens with a dateline whose date does not exist ("February 30,
 * 2010"), so the importer can say so instead of finding no dateline.
 */
export function impossibleDatelineDate(text: string): string | undefined {
  const m = matchDateline(text.trim());
  if (!m?.groups || parseDateline(text)) return undefined;
  return `${m.groups.month} ${m.groups.day}, ${m.groups.year}`;
}

/** The dateline at the start of `text`, or undefined when the text does not open with one. */
export function parseDateline(text: string): WrittenDateline | undefined {
  const m = matchDateline(text.trim());
  if (!m?.groups) return undefined;
  const { location, month, day, year } = m.groups;
  const monthNumber = MONTHS.findIndex((names) => names.includes(month!.toLowerCase())) + 1;
  const date = isoDate(Number(year), monthNumber, Number(day));
  if (!date) return undefined;
  return {
    location: location!.trim(),
    date,
    written: m[0].trim(),
    rest: text.trim().slice(m[0].length).trim(),
  };
}
