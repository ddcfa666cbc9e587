/**
 * What a content folder already has, for `npm run import` to match a release's closing sections
 * against: notices and boilerplate versions (heading, text, since) and contacts.
 */
import { readCollection } from '../check/content-folder';
import { dayOf } from '../frontmatter';
import type { ContactDraft } from './contact-block';
import type { ExistingEntries } from './import-release';

export function existingEntries(contentDir: string): ExistingEntries {
  const texts = (collection: 'notices' | 'boilerplates') =>
    // An entry that cannot be read still holds its id, so it is never overwritten; it matches nothing.
    readCollection(contentDir, collection, process.cwd()).map((e) =>
      e.split && typeof e.data?.heading === 'string'
        ? { id: e.id, heading: e.data.heading, body: e.split.body, since: dayOf(e.data.since) }
        : { id: e.id, heading: '', body: '' },
    );
  const contacts = readCollection(contentDir, 'contacts', process.cwd()).map((e) => {
    const data = e.data as Partial<ContactDraft> | undefined;
    if (typeof data?.name !== 'string' || typeof data.email !== 'string') {
      return { id: e.id, contact: { name: '', titles: [], email: '' } };
    }
    const titles = Array.isArray(data.titles) ? data.titles.map(String) : [];
    const text = (value: unknown) => (value === undefined ? undefined : String(value));
    const contact: ContactDraft = {
      honorific: text(data.honorific),
      name: data.name,
      titles,
      organisation: text(data.organisation),
      phone: text(data.phone),
      fax: text(data.fax),
      email: data.email,
    };
    return { id: e.id, contact };
  });
  return { notices: texts('notices'), boilerplates: texts('boilerplates'), contacts };
}
