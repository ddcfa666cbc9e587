/**
 * Field types shared by the content schemas. Every field explains itself to an author:
 * messages say what was expected and what was found.
 */
import { z } from 'astro/zod';
import { didYouMean } from '../lib/suggest';
import { attachmentNameProblem } from '../lib/attachments';
import { FORMER_ADDRESS } from '../lib/releases';

/** Describes a value the way an author would recognise it in their YAML. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `the timestamp ${value.toISOString()}`;
  }
  if (Array.isArray(value)) return `a list (${JSON.stringify(value)})`;
  if (typeof value === 'object') return `a mapping (${JSON.stringify(value)})`;
  // JSON has no infinities: YAML's .inf is "number Infinity", not "number null".
  if (typeof value === 'number' && !Number.isFinite(value)) return `number ${value}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

const UNKNOWN_FIELDS = 'unknown field(s) ';

/**
 * The error for fields a content file's schema does not take, each with the one it most likely
 * meant: `unknown field(s) categorie (did you mean "categories"?); expected only the fields listed
 * in the README`. `known`: the schema's fields.
 */
export const unknownFields = (known: readonly string[]) => (issue: z.core.$ZodRawIssue) =>
  issue.code === 'unrecognized_keys'
    ? `${UNKNOWN_FIELDS}${issue.keys.map((key) => `${key}${didYouMean(key, known)}`).join(', ')}; expected only the fields listed in the README`
    : undefined;

/**
 * The fields an `unknownFields` message names, for a report that has the message but not the issue
 * (Astro's, which the build turns into one line per field: src/loaders/checked-files.ts).
 */
export function unknownFieldNames(message: string): string[] | undefined {
  if (!message.startsWith(UNKNOWN_FIELDS)) return undefined;
  return message
    .slice(UNKNOWN_FIELDS.length, message.indexOf(';'))
    .split(', ')
    .map((key) => key.replace(/ \(did you mean .*\)$/, ''));
}

/** Non-empty text; `what` names the field in the message. */
export const text = (what: string) =>
  z
    .string({ error: (issue) => `expected ${what} as text, found ${describe(issue.input)}` })
    .trim()
    .min(1, { error: `expected ${what}, found an empty text` });

/**
 * A whole number from `min` on (to `max`, when given); `name` names the setting in the message:
 * `expected pageSize as a whole number from 1 to 100, found number 0`.
 */
export const wholeNumber = (name: string, min: number, max?: number) => {
  const range = max === undefined ? `of ${min} or more` : `from ${min} to ${max}`;
  const number = z.int({
    error: (issue) => `expected ${name} as a whole number ${range}, found ${describe(issue.input)}`,
  });
  return max === undefined ? number.min(min) : number.min(min).max(max);
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `iso` is a calendar date `YYYY-MM-DD` naming a day that exists. */
export function isRealDate(iso: string): boolean {
  const m = CALENDAR_DATE.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

/**
 * A calendar date written `YYYY-MM-DD`. YAML turns an unquoted date into a timestamp at UTC
 * midnight; that is accepted and read back as the same calendar date, so the build machine's
 * time zone never shifts it. Output: the `YYYY-MM-DD` string.
 */
export const calendarDate = (what: string) =>
  z.unknown().transform((value, ctx): string => {
    const expected = `expected ${what} as a calendar date YYYY-MM-DD (for example 2007-03-30)`;
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      const iso = value.toISOString();
      if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: `${expected} without a time of day, found ${describe(value)}`,
      });
      return z.NEVER;
    }
    if (typeof value === 'string' && isRealDate(value.trim())) return value.trim();
    ctx.issues.push({ code: 'custom', input: value, message: `${expected}, found ${describe(value)}` });
    return z.NEVER;
  });

/** A time of day `HH:MM` (24-hour clock) in the issuer's time zone. */
export const timeOfDay = z
  .string({ error: (issue) => `expected a time of day HH:MM, found ${describe(issue.input)}` })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    error: (issue) => `expected a time of day HH:MM (24-hour clock, e.g. 09:00), found ${describe(issue.input)}`,
  });

const OFFSET_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An instant written with its UTC offset, in quotes: "2007-03-30T15:00:00+09:00". The quotes are
 * required because YAML silently reads an unquoted timestamp without offset as UTC, and an
 * embargo that lifts nine hours late (or early) is not a typo an issuer can afford.
 */
export const instantWithOffset = (what: string) =>
  z.unknown().transform((value, ctx): Date => {
    const expected = `expected ${what} in quotes with its UTC offset, e.g. "2007-03-30T15:00:00+09:00"`;
    const m = typeof value === 'string' ? OFFSET_TIMESTAMP.exec(value.trim()) : null;
    if (m && !isRealDate(m[1]!)) {
      // new Date() would roll 2030-02-30 over into March: an embargo lifting on a day nobody chose.
      const message = `expected ${what} on a day that exists, found ${describe(value)}: ${m[1]} does not exist`;
      ctx.issues.push({ code: 'custom', input: value, message });
      return z.NEVER;
    }
    if (m) {
      const instant = new Date(m[0]);
      if (!Number.isNaN(instant.getTime())) return instant;
    }
    // YAML has already turned an unquoted time into an instant in UTC: say so, rather than show
    // the author a time they never wrote as if they had.
    const found =
      value instanceof Date && !Number.isNaN(value.getTime())
        ? `a time without quotes, which YAML reads as ${value.toISOString()} (UTC) — put the time in quotes as written`
        : describe(value);
    ctx.issues.push({ code: 'custom', input: value, message: `${expected}, found ${found}` });
    return z.NEVER;
  });

/** A web address: only http(s) is accepted, so no `javascript:` or `data:` URL reaches a page. */
export const webUrl = (what: string) =>
  z
    .string({ error: (issue) => `expected ${what} as an http(s) URL, found ${describe(issue.input)}` })
    .trim()
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), {
      error: (issue) => `expected ${what} as an http(s) URL, found ${describe(issue.input)}`,
    });

/** URL-safe slug: lower-case words joined by hyphens. */
export const slug = (what: string) =>
  z
    .string({ error: (issue) => `expected ${what} as text, found ${describe(issue.input)}` })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      // A slug that is not one is not checked further.
      abort: true,
      error: (issue) =>
        `expected ${what} of lower-case letters, digits and single hyphens (e.g. share-buyback-results), found ${describe(issue.input)}`,
    });

/** A former address of a release (`redirectFrom`): the last part of its URL. */
export const formerAddress = z
  .string({ error: (issue) => `expected a former address as text, found ${describe(issue.input)}` })
  .regex(FORMER_ADDRESS, {
    error: (issue) =>
      `expected the last part of a former address, the date then the name (e.g. 2007-03-29-results-of-share-buyback for /releases/2007-03-29-results-of-share-buyback/), found ${describe(issue.input)}`,
  });

/**
 * A file a release attaches (`attachments:`): its name in content/attachments/ and the title its
 * link shows. Whether the file is there is checked where the folder is read (src/newsroom.ts,
 * `npm run check`).
 */
export const attachment = z.strictObject(
  {
    file: z
      .string({ error: (issue) => `expected the attachment's file name as text, found ${describe(issue.input)}` })
      .superRefine((name, ctx) => {
        const problem = attachmentNameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    title: text("the attachment's title, which its link shows"),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? `expected an attachment as file: and title: (e.g. - { file: 2007-03-30-share-buyback.pdf, title: Notice as filed }), found ${describe(issue.input)}`
        : unknownFields(['file', 'title'])(issue),
  },
);

/** BCP 47 language tag such as `en` or `ja`. */
export const language = z
  .string({ error: (issue) => `expected a language tag such as "en" or "ja", found ${describe(issue.input)}` })
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    error: (issue) => `expected a language tag such as "en" or "ja", found ${describe(issue.input)}`,
  });

export interface Ticker {
  exchange: string;
  symbol: string;
}

/**
 * A stock ticker. Authors write it as they would in a release: `TSE: 4704` (a YAML mapping) or
 * `"TSE: 4704"` (a string); `{ exchange: TSE, symbol: "4704" }` also works.
 */
export const ticker = z.unknown().transform((value, ctx): Ticker => {
  const found = describe(value);
  let pair: [unknown, unknown] | undefined;
  if (typeof value === 'string') {
    const m = /^\s*([^:]+?)\s*:\s*(\S.*?)\s*$/.exec(value);
    if (m) pair = [m[1], m[2]];
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if ('exchange' in obj && 'symbol' in obj && keys.length === 2) pair = [obj.exchange, obj.symbol];
    else if (keys.length === 1) pair = [keys[0], obj[keys[0]!]];
  }
  const [exchange, symbol] = pair ?? [];
  if (
    typeof exchange === 'string' &&
    exchange.trim() &&
    (typeof symbol === 'string' || typeof symbol === 'number') &&
    String(symbol).trim()
  ) {
    return { exchange: exchange.trim(), symbol: String(symbol).trim() };
  }
  ctx.issues.push({
    code: 'custom',
    input: value,
    message: `expected a ticker written as "EXCHANGE: SYMBOL" (e.g. TSE: 4704), found ${found}`,
  });
  return z.NEVER;
});

/** A list of names with an author-readable message. */
export const list = <T extends z.ZodType>(what: string, item: T) =>
  z.array(item, { error: (issue) => `expected ${what} as a list, found ${describe(issue.input)}` });
