import { describe, expect, it } from 'vitest';
import {
  calendarDateInZone,
  formatDateAndTime,
  formatLongDate,
  isoInZone,
  zonedTime,
  zoneOffsetMinutes,
} from '../../src/lib/dates';

describe('dates in the issuer’s time zone', () => {
  it('puts a Tokyo date of issue at Tokyo midnight, +09:00, whatever the machine’s zone', () => {
    // vitest.config.ts runs unit tests with TZ=Pacific/Honolulu (UTC-10).
    const { instant, iso } = zonedTime('2007-03-30', undefined, 'Asia/Tokyo');
    expect(iso).toBe('2007-03-30T00:00:00+09:00');
    expect(instant.toISOString()).toBe('2007-03-29T15:00:00.000Z');
    expect(calendarDateInZone(instant, 'Asia/Tokyo')).toBe('2007-03-30');
  });

  it('honours a time of day', () => {
    expect(zonedTime('2007-11-26', '15:30', 'Asia/Tokyo').iso).toBe('2007-11-26T15:30:00+09:00');
  });

  it('gives each caller its own instant, however often the same time is asked for', () => {
    const first = zonedTime('2007-11-26', '15:30', 'Asia/Tokyo');
    first.instant.setUTCFullYear(1999);
    const again = zonedTime('2007-11-26', '15:30', 'Asia/Tokyo');
    expect(again.instant.toISOString()).toBe('2007-11-26T06:30:00.000Z');
    // The same wall-clock time in another zone is another instant.
    expect(zonedTime('2007-11-26', '15:30', 'UTC').instant.toISOString()).toBe('2007-11-26T15:30:00.000Z');
  });

  it('follows daylight saving in zones that have it', () => {
    expect(zonedTime('2007-07-01', '09:00', 'America/New_York').iso).toBe('2007-07-01T09:00:00-04:00');
    expect(zonedTime('2007-01-01', '09:00', 'America/New_York').iso).toBe('2007-01-01T09:00:00-05:00');
    expect(zoneOffsetMinutes('UTC', new Date())).toBe(0);
  });

  it('writes instants with the zone’s offset', () => {
    expect(isoInZone(new Date('2007-03-29T15:00:00Z'), 'Asia/Tokyo')).toBe('2007-03-30T00:00:00+09:00');
  });

  it('formats a calendar date without shifting it', () => {
    expect(formatLongDate('2007-03-30', 'en')).toBe('March 30, 2007');
    expect(formatLongDate('2007-11-26', 'ja')).toBe('2007年11月26日');
    // With its time, in the issuer's zone (the build machine's TZ does not matter).
    const instant = new Date('2008-02-14T06:30:00Z');
    expect(formatDateAndTime(instant, 'en', 'Asia/Tokyo')).toBe('February 14, 2008 at 15:30 GMT+9');
    expect(formatDateAndTime(instant, 'ja', 'Asia/Tokyo')).toBe('2008年2月14日 15:30 JST');
  });

  it('does not depend on the machine zone', () => {
    expect(process.env.TZ).toBe('Pacific/Honolulu');
    expect(new Date(2007, 2, 30).getTimezoneOffset()).toBe(600);
  });
});
