/**
 * The closing sections of a legacy release — a notice (forward-looking statements), the "About …"
 * boilerplate, the "Information" contact block — which the site keeps as shared entries and prints
 * after the body. Each starts with a heading line; the first one ends the body.
 */
import { isBlank, type SourceLine } from './source-lines';

export type SectionKind = 'notice' | 'boilerplate' | 'contacts';

export interface Section {
  kind: SectionKind;
  heading: SourceLine;
  /** The section's lines after its heading, blank lines included. */
  lines: SourceLine[];
}

export interface SectionHeadings {
  /** Headings of the notices and boilerplates that already exist. */
  knownNotices: readonly string[];
  knownBoilerplates: readonly string[];
  /** The issuer's names (site.yaml company name and short name): "About <name>" is its boilerplate. */
  companyNames: readonly string[];
}

const comparable = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const words = (text: string) => text.trim().split(/\s+/).length;

const NOTICE_HEADING = /forward[- ]looking statements|safe harbou?r/i;
const CONTACT_HEADING =
  /^(?:for (?:more|further) information(?:,? (?:please )?contact)?|information|(?:(?:media|press|investor|ir)(?: relations)? )?contacts?)\s*:?$/i;
const ABOUT = /^About\s+(.+?)\.?$/i;

/** What kind of closing section `text` is the heading of, if any. */
export function sectionKind(text: string, known: SectionHeadings): SectionKind | undefined {
  const line = text.trim();
  if (!line || words(line) > 12 || /[.;]$/.test(line)) return undefined;
  if (known.knownNotices.some((h) => comparable(h) === comparable(line)) || NOTICE_HEADING.test(line)) return 'notice';
  if (CONTACT_HEADING.test(line)) return 'contacts';
  const about = ABOUT.exec(line)?.[1];
  if (!about) return undefined;
  // "About the Buyback" inside a body is not a boilerplate: only the issuer's own "About" is.
  const names = known.companyNames.map(comparable);
  if (known.knownBoilerplates.some((h) => comparable(h) === comparable(line))) return 'boilerplate';
  return names.some((name) => name.includes(comparable(about)) || comparable(about).includes(name))
    ? 'boilerplate'
    : undefined;
}

/**
 * Splits lines into the body and the closing sections. A heading counts only at the start of a
 * block (after a blank line), as headings stand in a plain-text release.
 */
export function splitSections(
  lines: readonly SourceLine[],
  known: SectionHeadings,
): { body: SourceLine[]; sections: Section[] } {
  const sections: Section[] = [];
  let bodyEnd = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const startsBlock = i === 0 || isBlank(lines[i - 1]);
    const kind = startsBlock && !isBlank(lines[i]) ? sectionKind(lines[i]!.text, known) : undefined;
    if (!kind) {
      sections.at(-1)?.lines.push(lines[i]!);
      continue;
    }
    if (!sections.length) bodyEnd = i;
    sections.push({ kind, heading: lines[i]!, lines: [] });
  }
  return { body: lines.slice(0, bodyEnd), sections };
}
