/**
 * Whether a section of a legacy release is an entry the newsroom already has. Texts are compared
 * as a reader sees them: whitespace collapsed, Markdown links and escapes read as their text,
 * bullets as their items, so `[Trend Micro.com](#)` matches `[Trend Micro.com](https://…)`.
 */
import type { ContactDraft } from './contact-block';
import { plainText } from './escape';

/** The text of Markdown/MDX as a reader sees it, for comparison only. */
export function comparableText(markdown: string): string {
  return plainText(markdown.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' '))
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A notice or boilerplate the newsroom has: its heading and its MDX body. */
export interface ExistingText {
  id: string;
  heading: string;
  body: string;
  /** A boilerplate version's first day (`since`), `YYYY-MM-DD`. */
  since?: string | undefined;
}

export interface ExistingContact {
  id: string;
  contact: ContactDraft;
}

/** The entry whose heading and text are those of the section, if any. */
export function findText(entries: readonly ExistingText[], heading: string, body: string): ExistingText | undefined {
  const wanted = { heading: comparableText(heading), body: comparableText(body) };
  return entries.find((e) => comparableText(e.heading) === wanted.heading && comparableText(e.body) === wanted.body);
}

/**
 * A phone or fax number as dialled: its digits, and the + of an international one. Releases write
 * the same number many ways (`+813-5334-4899`, `+81 3 5334 4899`, `+81 (3) 5334-4899`).
 */
const dialled = (number: string) => number.replace(/[^\d+]/g, '');

/**
 * The contact the block describes: same name and email, and every detail the block gives (title,
 * phone, fax, …) the same, numbers as dialled. Details the block leaves out may be on file: an
 * older release that printed no organisation still names the same person.
 */
export function findContact(entries: readonly ExistingContact[], contact: ContactDraft): ExistingContact | undefined {
  const same = (a: string | undefined, b: string | undefined) => a === undefined || a === b;
  const sameNumber = (a: string | undefined, b: string | undefined) =>
    a === undefined || (b !== undefined && dialled(a) === dialled(b));
  return entries.find(
    ({ contact: known }) =>
      known.name === contact.name &&
      known.email.toLowerCase() === contact.email.toLowerCase() &&
      same(contact.honorific, known.honorific) &&
      same(contact.organisation, known.organisation) &&
      sameNumber(contact.phone, known.phone) &&
      sameNumber(contact.fax, known.fax) &&
      (contact.titles.length === 0 || contact.titles.join(' / ') === known.titles.join(' / ')),
  );
}

/**
 * An id for a new entry: the name slug when free, else with the release date (a new version of a
 * boilerplate from that day), else numbered.
 */
export function freeId(base: string, date: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) {
    const id = n === 1 ? `${base}-${date}` : `${base}-${date}-${n}`;
    if (!taken.has(id)) return id;
  }
}
