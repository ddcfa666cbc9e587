/**
 * Dates in the issuer's time zone. A release's date of issue is a calendar date (`YYYY-MM-DD`)
 * where the issuer is; nothing here reads the build machine's time zone.
 */
import { memoised } from './memoised';

const LONG_OFFSET = /GMT([+-])(\d{2}):?(\d{2})?/;

const offsetFormat = memoised(
  (zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }),
);
const longDateFormat = memoised((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }));
const dateTimeFormat = memoised((languageAndZone) => {
  const [lang, zone] = languageAndZone.split(' ');
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
    timeZoneName: 'short',
  });
});

/** Minutes east of UTC of `zone` at `instant` (540 for Asia/Tokyo). */
export function zoneOffsetMinutes(zone: string, instant: Date): number {
  const name = offsetFormat(zone)
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const m = name ? LONG_OFFSET.exec(name) : null;
  if (!m) return 0; // "GMT" alone: UTC
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** `+09:00` for 540 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export interface ZonedTime {
  /** The instant. */
  instant: Date;
  /** ISO 8601 with the zone's offset, e.g. `2007-03-30T00:00:00+09:00`. */
  iso: string;
}

/**
 * The instant and ISO text of a date, time and zone (`${date} ${time} ${zone}`), each worked out
 * once: asking the zone for its offset is the costly part (an Intl formatter's parts, twice), and an
 * archive has thousands of releases on the same days at the same hours, each asked for by the pages,
 * the sitemap and the embargo notice.
 */
const zonedTimes = memoised((key) => {
  const [date, time, zone] = key.split(' ') as [string, string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = (time || '00:00').split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset on days when the zone changes it (daylight saving).
  let offset = zoneOffsetMinutes(zone, new Date(wall));
  offset = zoneOffsetMinutes(zone, new Date(wall - offset * 60_000));
  return { ms: wall - offset * 60_000, iso: `${date}T${time || '00:00'}:00${formatOffset(offset)}` };
});

/** The instant at which the wall-clock `date` + `time` (default 00:00) happens in `zone`. */
export function zonedTime(date: string, time: string | undefined, zone: string): ZonedTime {
  const { ms, iso } = zonedTimes(`${date} ${time ?? ''} ${zone}`);
  // A new Date each time: callers may keep it, and a Date can be changed.
  return { instant: new Date(ms), iso };
}

/** ISO 8601 of `instant` as wall-clock time in `zone` with its offset (no milliseconds). */
export function isoInZone(instant: Date, zone: string): string {
  const offset = zoneOffsetMinutes(zone, instant);
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${wall}${formatOffset(offset)}`;
}

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `zone`. */
export function calendarDateInZone(instant: Date, zone: string): string {
  return isoInZone(instant, zone).slice(0, 10);
}

const longDates = new Map<string, string>();

/**
 * "March 30, 2007" (en) or "2007年3月30日" (ja) for a calendar date. Formatting a calendar date
 * needs no zone: it is read and written in UTC, where it cannot shift.
 */
export function formatLongDate(date: string, lang: string): string {
  // An archive prints each date on many pages (lists, feeds, neighbours): format each once.
  const key = `${lang} ${date}`;
  let formatted = longDates.get(key);
  if (formatted === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    formatted = longDateFormat(lang).format(new Date(Date.UTC(y, m - 1, d)));
    longDates.set(key, formatted);
  }
  return formatted;
}

/**
 * An instant of issue with its time, as the issuer's zone tells it: "February 14, 2008 at 15:30
 * GMT+9" (en), "2008年2月14日 15:30 JST" (ja). For releases that give their `time`: a disclosure's
 * hour matters to the market.
 */
export function formatDateAndTime(instant: Date, lang: string, zone: string): string {
  return dateTimeFormat(`${lang} ${zone}`).format(instant);
}

/** The year of a calendar date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
