/**
 * Valid and invalid frontmatter for every collection, parsed from YAML the way Astro parses it
 * (js-yaml), so unquoted dates arrive as timestamps exactly as in a real build.
 */
import { load } from 'js-yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { issueField } from '../../src/lib/problems';
import { boilerplateSchema } from '../../src/schemas/boilerplate';
import { contactSchema } from '../../src/schemas/contact';
import { noticeSchema } from '../../src/schemas/notice';
import { releaseSchema } from '../../src/schemas/release';
import { siteSchema } from '../../src/schemas/site';

/** References as plain text: what the schemas check of them alone. */
const references = { boilerplate: z.string(), contact: z.string(), notice: z.string(), release: z.string() };
const release = releaseSchema({
  categories: ['Financial', 'Corporate', 'Product'],
  languages: ['en', 'ja'],
  ...references,
});

/** Each issue as a line: `fixture.mdx: field: message`. */
function problems(schema: z.ZodType, yaml: string): string {
  const result = schema.safeParse(load(yaml));
  if (result.success) return '';
  return result.error.issues
    .map((issue) => `fixture.mdx: ${issueField(issue).field || '(file)'}: ${issue.message}`)
    .join('\n');
}

const validRelease = `
headline: Trend Micro Announces Results of Share Buyback
date: 2007-03-30
location: TOKYO, Japan
tickers: [{ TSE: 4704 }, "Nasdaq: TMIC"]
categories: [Financial]
notices: [forward-looking-statements]
`;

describe('release frontmatter', () => {
  it('accepts a complete release and fills defaults', () => {
    const data = release.parse(load(validRelease));
    expect(data).toMatchObject({
      date: '2007-03-30',
      tickers: [
        { exchange: 'TSE', symbol: '4704' },
        { exchange: 'Nasdaq', symbol: 'TMIC' },
      ],
      tags: [],
      lang: 'en',
      draft: false,
    });
  });

  it('accepts every optional field', () => {
    const data = release.parse(
      load(`${validRelease}
subheadline: Board approves buyback
time: "15:00"
summary: Results of the buyback.
tags: [buyback]
boilerplate: trend-micro
contacts: [mahendra-negi]
lang: ja
draft: true
featured: true
embargo: "2007-03-30T15:00:00+09:00"
updated: 2007-04-02
attachments: [{ file: 2007-03-30-share-buyback.pdf, title: Notice as filed }]
correction: Corrected the aggregate cost.
slug: buyback-results
`),
    );
    expect(data.embargo?.toISOString()).toBe('2007-03-30T06:00:00.000Z');
    expect(data.updated).toBe('2007-04-02');
    expect(data.attachments).toEqual([{ file: '2007-03-30-share-buyback.pdf', title: 'Notice as filed' }]);
  });

  it.each([
    [
      'a missing headline',
      validRelease.replace(/headline:.*\n/, ''),
      'headline: expected the headline as text, found nothing',
    ],
    [
      'an impossible date (quoted; unquoted ones are caught as written by src/loaders/checked-files.ts)',
      validRelease.replace('2007-03-30', '"2007-02-30"'),
      'date: expected the date of issue as a calendar date YYYY-MM-DD',
    ],
    ['a date in another format', validRelease.replace('2007-03-30', '30/03/2007'), 'found string "30/03/2007"'],
    ['a date with a time of day', validRelease.replace('2007-03-30', '2007-03-30T10:00:00Z'), 'without a time of day'],
    [
      'an undeclared category',
      validRelease.replace('[Financial]', '[Finance]'),
      'categories[0]: expected one of the categories declared in content/site.yaml (Financial, Corporate, Product), found string "Finance"',
    ],
    ['no category', validRelease.replace('[Financial]', '[]'), 'categories: expected at least one category'],
    [
      'a malformed ticker',
      validRelease.replace('"Nasdaq: TMIC"', '"TMIC"'),
      'tickers[1]: expected a ticker written as "EXCHANGE: SYMBOL"',
    ],
    [
      'an embargo without offset',
      `${validRelease}embargo: "2007-03-30T15:00:00"`,
      'embargo: expected the embargo time in quotes with its UTC offset',
    ],
    [
      'an embargo on a day that does not exist',
      `${validRelease}embargo: "2030-02-30T10:00:00+09:00"`,
      'embargo: expected the embargo time on a day that exists, found string "2030-02-30T10:00:00+09:00": 2030-02-30 does not exist',
    ],
    [
      'an embargo at 24:00',
      `${validRelease}embargo: "2030-02-28T24:00:00+09:00"`,
      'embargo: expected the embargo time in quotes with its UTC offset',
    ],
    [
      'an unquoted embargo',
      `${validRelease}embargo: 2007-03-30T15:00:00+09:00`,
      'found a time without quotes, which YAML reads as 2007-03-30T06:00:00.000Z (UTC) — put the time in quotes as written',
    ],
    [
      'a correction without its date',
      `${validRelease}correction: Fixed a figure.`,
      'correction: expected updated: with the date of the correction',
    ],
    ['a bad slug', `${validRelease}slug: Share Buyback`, 'slug: expected the slug of lower-case letters'],
    [
      'a slug with the date the address has already',
      `${validRelease}slug: 2007-03-30-buyback-results`,
      'slug: expected the slug without a date, which the address has already (slug: share-buyback-results gives /releases/2007-03-30-share-buyback-results/), found string "2007-03-30-buyback-results"',
    ],
    ['a slug that is a date', `${validRelease}slug: "2007-03-30"`, 'slug: expected the slug without a date'],
    [
      'the same tag twice',
      `${validRelease}tags: [share buyback, Share Buyback]`,
      'tags[1]: expected each tag once, found "Share Buyback", the same tag as "share buyback"',
    ],
    ['an unknown field', `${validRelease}title: Oops`, 'unknown field(s) title'],
    [
      'a misspelt field',
      `${validRelease}sumary: Results`,
      'unknown field(s) sumary (did you mean "summary"?); expected only the fields listed in the README',
    ],
    [
      'an attachment given by its file name alone',
      `${validRelease}attachments: [results.pdf]`,
      'attachments[0]: expected an attachment as file: and title: (e.g. - { file: 2007-03-30-share-buyback.pdf, title: Notice as filed }), found string "results.pdf"',
    ],
    [
      'an attachment without its title',
      `${validRelease}attachments: [{ file: results.pdf }]`,
      "attachments[0].title: expected the attachment's title, which its link shows as text, found nothing",
    ],
    [
      'a misspelt attachment field',
      `${validRelease}attachments: [{ file: results.pdf, titel: Results }]`,
      'attachments[0].titel: unknown field(s) titel (did you mean "title"?)',
    ],
    [
      'an attachment whose name is not an address',
      `${validRelease}attachments: [{ file: Q3 Results.pdf, title: Results }]`,
      'attachments[0].file: expected the name of a file in content/attachments/ of lower-case letters and digits joined by hyphens, underscores or dots, ending in one of .pdf, .csv, .xlsx, .xls, .docx, .doc, .pptx, .ppt, .zip, .png, .jpg, .jpeg, .webp, .mp3, .mp4 (e.g. 2007-03-30-share-buyback.pdf), found "Q3 Results.pdf"',
    ],
    [
      'an attachment a browser would run',
      `${validRelease}attachments: [{ file: chart.svg, title: Chart }]`,
      'found "chart.svg"',
    ],
    [
      'the same attachment twice',
      `${validRelease}attachments: [{ file: results.pdf, title: A }, { file: results.pdf, title: B }]`,
      'attachments[1].file: expected each attachment once, found "results.pdf" a second time',
    ],
    [
      'a draft flag that is not a boolean',
      `${validRelease}draft: maybe`,
      'draft: expected draft: true or false, found string "maybe"',
    ],
  ])('rejects %s with a message naming the field', (_, yaml, message) => {
    expect(problems(release, yaml)).toContain(message);
  });

  it('says one thing at a time of a slug: its letters first', () => {
    const said = problems(release, `${validRelease}slug: 2007-03-30-Share-Buyback`);
    expect(said).toContain('slug: expected the slug of lower-case letters');
    expect(said).not.toContain('without a date');
  });
});

describe('when a release is issued (with the issuer’s zone)', () => {
  const zoned = (timeZone: string) =>
    releaseSchema({ categories: ['Financial'], languages: ['en'], ...references, timeZone });
  const base = 'headline: Results\nlocation: TOKYO, Japan\ncategories: [Financial]\n';
  it.each([
    [
      'an embargo lifting after the day of issue',
      'Asia/Tokyo',
      'date: 2007-03-30\nembargo: "2007-04-02T09:00:00+09:00"',
      'embargo: expected an embargo lifting on or before the date of issue (2007-03-30), found one lifting on 2007-04-02: a release cannot be issued before it may be read; set date: to 2007-04-02',
    ],
    [
      'a time of issue before the embargo lifts',
      'Asia/Tokyo',
      'date: 2007-03-30\ntime: "09:00"\nembargo: "2007-03-30T15:00:00+09:00"',
      'time: expected a time of issue no earlier than the embargo (15:00), found 09:00; leave time: out to issue the release when the embargo lifts',
    ],
    [
      'a time the clocks skip',
      'America/New_York',
      'date: 2025-03-09\ntime: "02:30"',
      'time: expected a time of day that exists on 2025-03-09 in America/New_York, found 02:30, which its clocks skip (daylight saving time begins)',
    ],
    // Each said once, as its field's own check says it: no instant is worked out from it.
    ...['3pm', '15:00+09:00', '25:00', '9:00'].map((time) => [
      `a time of day written "${time}"`,
      'Asia/Tokyo',
      `date: 2007-03-30\ntime: "${time}"\nembargo: "2007-03-30T15:00:00+09:00"`,
      `time: expected a time of day HH:MM (24-hour clock, e.g. 09:00), found string "${time}"`,
    ]),
    [
      'a date of issue written otherwise, with a time',
      'Asia/Tokyo',
      'date: 30/03/2007\ntime: "15:00"\nembargo: "2007-03-30T15:00:00+09:00"',
      'date: expected the date of issue as a calendar date YYYY-MM-DD (for example 2007-03-30), found string "30/03/2007"',
    ],
  ])('refuses %s', (_, timeZone, yaml, message) => {
    expect(problems(zoned(timeZone), `${base}${yaml}`)).toBe(`fixture.mdx: ${message}`);
  });
  it('takes an embargo on the day of issue, a time after it, and an embargo lifting days before', () => {
    for (const yaml of [
      'date: 2007-03-30\nembargo: "2007-03-30T15:00:00+09:00"',
      'date: 2007-03-30\ntime: "15:30"\nembargo: "2007-03-30T15:00:00+09:00"',
      'date: 2007-03-30\nembargo: "2007-03-28T15:00:00+09:00"',
      // 23:30 in New York on March 29 is March 30 in Tokyo: the issuer's zone decides.
      'date: 2007-03-30\nembargo: "2007-03-29T23:30:00-04:00"',
    ]) {
      expect(problems(zoned('Asia/Tokyo'), `${base}${yaml}`), yaml).toBe('');
    }
  });
});

describe('boilerplate, notice and contact frontmatter', () => {
  it('accepts valid entries', () => {
    expect(boilerplateSchema.parse(load('heading: About Trend Micro\nsince: 2007-01-01'))).toEqual({
      heading: 'About Trend Micro',
      since: '2007-01-01',
    });
    expect(noticeSchema.parse(load('heading: Notice Regarding Forward-looking Statements\nlang: ja'))).toEqual({
      heading: 'Notice Regarding Forward-looking Statements',
      lang: 'ja',
    });
    expect(
      contactSchema.parse(
        load(
          'honorific: Mr.\nname: Mahendra Negi\ntitles: [IR Officer]\nphone: "+813-5334-4899"\nemail: ir@trendmicro.co.jp',
        ),
      ),
    ).toMatchObject({ name: 'Mahendra Negi', titles: ['IR Officer'] });
  });

  it.each([
    [boilerplateSchema, 'since: 2007-01-01', 'heading: expected the heading'],
    [
      boilerplateSchema,
      'heading: About\nsince: last year',
      'since: expected the first day this version is used as a calendar date',
    ],
    [
      noticeSchema,
      'heading: ""',
      'heading: expected the heading (e.g. "Notice Regarding Forward-looking Statements"), found an empty text',
    ],
    [
      contactSchema,
      'name: A\nemail: not-an-email',
      'email: expected an email address such as ir@example.com, found string "not-an-email"',
    ],
    [contactSchema, 'email: a@b.co', 'name: expected the contact name as text, found nothing'],
    [contactSchema, 'name: A\nemail: a@b.co\nphone: call us', 'phone: expected the phone number with digits'],
    [contactSchema, 'name: A\nemail: a@b.co\ntitles: IR Officer', 'titles: expected the job titles as a list'],
  ])('rejects invalid entries (%#)', (schema, yaml, message) => {
    expect(problems(schema as z.ZodType, yaml)).toContain(message);
  });
});

describe('site settings', () => {
  const validSite = `
company: { name: Trend Micro Incorporated, tickers: [{ TSE: 4704 }] }
title: Newsroom
description: Releases.
url: https://newsroom.example.com
timeZone: Asia/Tokyo
categories: [Financial]
defaultBoilerplate: trend-micro
defaultContacts: [mahendra-negi]
`;
  it('accepts valid settings and fills defaults', () => {
    expect(siteSchema.parse(load(validSite))).toMatchObject({
      pageSize: 10,
      datelineSeparator: '--',
      defaultLanguage: 'en',
    });
  });
  it.each([
    [
      'an unknown time zone',
      validSite.replace('Asia/Tokyo', 'Tokyo'),
      'timeZone: expected an IANA time zone such as Asia/Tokyo, found "Tokyo"',
    ],
    [
      'a javascript: URL',
      validSite.replace('https://newsroom.example.com', 'javascript:alert(1)'),
      'url: expected the canonical site URL as an http(s) URL',
    ],
    ['no categories', validSite.replace('[Financial]', '[]'), 'categories: expected at least one category'],
    ['an unknown setting', `${validSite}colour: blue`, 'unknown setting(s): colour'],
    [
      'an unknown company setting, named with its mapping',
      validSite.replace('name: Trend Micro Incorporated', 'name: Trend Micro Incorporated, nme: TM'),
      'fixture.mdx: company.nme: unknown company setting(s): nme',
    ],
    [
      'a default language the interface is not translated into',
      `${validSite}defaultLanguage: en-US`,
      'defaultLanguage: expected a language the interface is translated into (en, ja), found "en-US"; add src/i18n/en-US.ts and list it in src/i18n/dictionaries.ts',
    ],
    [
      'a page size of none',
      `${validSite}pageSize: 0`,
      'pageSize: expected pageSize as a whole number from 1 to 100, found number 0',
    ],
    [
      'a feed size in words',
      `${validSite}feedSize: twenty`,
      'feedSize: expected feedSize as a whole number from 1 to 1000, found string "twenty"',
    ],
    [
      'an infinite page size',
      `${validSite}pageSize: .inf`,
      'pageSize: expected pageSize as a whole number from 1 to 100, found number Infinity',
    ],
    [
      'a fractional search limit',
      `${validSite}searchRecentReleases: 1.5`,
      'searchRecentReleases: expected searchRecentReleases as a whole number of 1 or more, found number 1.5',
    ],
    [
      'another language the interface is not translated into',
      `${validSite}languages: [en, de]`,
      'languages[1]: expected a language the interface is translated into (en, ja), found "de"',
    ],
  ])('rejects %s', (_, yaml, message) => {
    expect(problems(siteSchema, yaml)).toContain(message);
  });
});
