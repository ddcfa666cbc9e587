/**
 * The "Information" block that closes a legacy release, read into contacts:
 *   Mr. Mahendra Negi
 *   Chief Operating Officer / Chief Financial Officer / IR Officer
 *   Phone: +813-5334-4899
 *   Fax: +813-5334-4874
 *   ir@trendmicro.co.jp
 * Each contact ends with its email address, so one block can hold several people.
 */
import { contactSchema } from '../../schemas/contact';
import { plainText } from './escape';
import type { SourceLine } from './source-lines';

export interface ContactDraft {
  honorific?: string | undefined;
  name: string;
  titles: string[];
  organisation?: string | undefined;
  phone?: string | undefined;
  fax?: string | undefined;
  email: string;
}

const PHONE = /^(?:phone|tel|telephone)\.?\s*:?\s*(\+?[\d\s().-]{6,})$/i;
const FAX = /^(?:fax|facsimile)\.?\s*:?\s*(\+?[\d\s().-]{6,})$/i;
const EMAIL = /^(?:e-?mail\s*:?\s*)?(?:mailto:)?([^\s@]+@[^\s@]+\.[^\s@]+)$/i;
const HONORIFIC = /^(Mr\.?|Ms\.?|Mrs\.?|Miss|Dr\.?|Prof\.?)\s+(.+)$/;

type Parsed = { contacts: ContactDraft[] } | { reason: string };

/** The contacts of a block's lines, or the reason the block cannot become contact entries. */
export function parseContactBlock(lines: readonly SourceLine[]): Parsed {
  const contacts: ContactDraft[] = [];
  let texts: string[] = [];
  let phone: string | undefined;
  let fax: string | undefined;
  for (const source of lines) {
    const text = plainText(source.text).trim();
    if (!text) continue;
    const email = EMAIL.exec(text)?.[1];
    if (email) {
      const [name, titles, organisation, ...extra] = texts;
      if (!name) return { reason: `line ${source.line}: an email address without a name before it` };
      if (extra.length) {
        return { reason: `more lines before line ${source.line} than a contact has (name, titles, organisation)` };
      }
      const [, honorific, bare] = HONORIFIC.exec(name) ?? [];
      const draft: ContactDraft = {
        ...(honorific ? { honorific, name: bare! } : { name }),
        titles: titles ? titles.split(/\s+\/\s+/) : [],
        organisation,
        phone,
        fax,
        email,
      };
      const checked = contactSchema.safeParse(draft);
      if (!checked.success) return { reason: `line ${source.line}: ${checked.error.issues[0]!.message}` };
      contacts.push(draft);
      texts = [];
      phone = fax = undefined;
      continue;
    }
    const phoneNumber = PHONE.exec(text)?.[1];
    const faxNumber = FAX.exec(text)?.[1];
    if (phoneNumber) phone = phoneNumber.trim();
    else if (faxNumber) fax = faxNumber.trim();
    else texts.push(text);
  }
  if (texts.length || phone || fax) return { reason: 'the last contact has no email address after it' };
  if (!contacts.length) return { reason: 'no contact with a name and an email address' };
  return { contacts };
}
