/**
 * One legacy plain-text release → one release MDX file, plus new notice, boilerplate and contact
 * entries for closing sections the newsroom does not have yet. Pure: the script reads the files
 * and writes the result. Every source line lands in the release, in an entry it references, or in
 * the frontmatter; the report says which.
 */
import { load } from 'js-yaml';
import { datelineText } from '../dateline';
import { releaseSlug } from '../releases';
import { slugify } from '../taxonomy';
import { releaseFileSlug } from '../authoring/release-name';
import { yamlFields } from '../authoring/yaml';
import { text } from '../../schemas/fields';
import { releaseSchema } from '../../schemas/release';
import { parseFlow, parsePlain, startsStructure, type BodyNode } from './body';
import { parseContactBlock } from './contact-block';
import { impossibleDatelineDate, parseDateline, type WrittenDateline } from './dateline';
import { plainText } from './escape';
import { findContact, findText, freeId, type ExistingContact, type ExistingText } from './matching';
import { renderNodes, renderPlain } from './mdx';
import { splitSections, type Section } from './sections';
import { blocks, isBlank, skipBlank, toLines, unwrapLines, type SourceLine } from './source-lines';
import { tickersIn } from './tickers';

export interface ImportSettings {
  /** Categories declared in site.yaml. */
  categories: readonly string[];
  /** The issuer's names; "About <name>" is its boilerplate. */
  companyNames: readonly string[];
  /** The separator the site prints after the dateline's date. */
  datelineSeparator: string;
  /** Languages declared in site.yaml; imported releases are in the first (the default). */
  languages: readonly string[];
}

export interface ExistingEntries {
  notices: ExistingText[];
  boilerplates: ExistingText[];
  contacts: ExistingContact[];
}

export interface ImportInput {
  text: string;
  /** The source file's name, e.g. `2007-03-30-results-of-share-buyback.txt`. */
  sourceName: string;
  settings: ImportSettings;
  existing: ExistingEntries;
  /** Category for the release; the first declared one when not given. */
  category?: string | undefined;
}

export type CollectionOfEntry = 'notices' | 'boilerplates' | 'contacts';

interface NewFile {
  id: string;
  /** File name inside the collection folder. */
  fileName: string;
  text: string;
}

/** A new entry, with what a later import in the same run compares against. */
export type NewEntry =
  | (NewFile & { collection: 'notices' | 'boilerplates'; entry: ExistingText })
  | (NewFile & { collection: 'contacts'; entry: ExistingContact });

export interface ImportReport {
  recognised: string[];
  /** Lines kept as ordinary paragraphs because they fit no structure. */
  plain: { line: number; text: string }[];
  notes: string[];
}

export type ImportResult =
  | { ok: true; fileName: string; slug: string; mdx: string; created: NewEntry[]; report: ImportReport }
  | { ok: false; reason: string };

const MAX_SUBHEADLINE_BLOCKS = 3;

/**
 * The dateline's block: the first block after the headline that opens with a dateline; or, when
 * none does, the first of those blocks that opens with a dateline whose date does not exist.
 */
function findDateline(lines: readonly SourceLine[], after: number) {
  let i = skipBlank(lines, after);
  let impossible: { date: string; line: number } | undefined;
  for (let n = 0; n <= MAX_SUBHEADLINE_BLOCKS && i < lines.length; n++) {
    const dateline = parseDateline(lines[i]!.text);
    if (dateline) return { at: i, dateline };
    const date = impossibleDatelineDate(lines[i]!.text);
    if (date) impossible ??= { date, line: lines[i]!.line };
    while (i < lines.length && !isBlank(lines[i])) i++;
    i = skipBlank(lines, i);
  }
  return impossible && { impossible };
}

/** Release file name: the source's own name when it is already `YYYY-MM-DD-name`, else the headline's. */
function releaseName(sourceName: string, headline: string): string {
  const base = sourceName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const own = /^\d{4}-\d{2}-\d{2}-(.+)$/.exec(base)?.[1];
  return releaseFileSlug(own ?? headline) || 'release';
}

/** Top-level paragraphs and bullets: the text that fit no structure. */
function plainLines(nodes: readonly BodyNode[]): { line: number; text: string }[] {
  return nodes.flatMap((node) =>
    node.kind === 'paragraph'
      ? [{ line: node.source.line, text: node.text }]
      : node.kind === 'bullets'
        ? node.items.map((s) => ({ line: s.line, text: s.text.trim() }))
        : [],
  );
}

function describeNode(node: BodyNode): string | undefined {
  const at = (line: number) => `line ${line}`;
  switch (node.kind) {
    case 'terms': {
      const nested = node.items.flatMap((item) => item.value.map(describeNode).filter(Boolean));
      const kind = `${node.inline ? 'inline ' : ''}terms ${node.style} (${node.items.length} items, ${at(node.source.line)})`;
      return nested.length ? `${kind} with ${nested.join(', ')}` : kind;
    }
    case 'table':
      return `table (${node.rows.length} rows, ${at(node.rows[0]!.source.line)})`;
    case 'note': {
      const nested = node.children.map(describeNode).filter(Boolean);
      return `note "${node.label}" (${at(node.source.line)})${nested.length ? ` with ${nested.join(', ')}` : ''}`;
    }
    default:
      return undefined;
  }
}

const linesText = (lines: readonly SourceLine[]) => lines.map((l) => l.text).join('\n');

interface SectionOutcome {
  notices: string[];
  boilerplate?: string | undefined;
  contacts: string[];
  created: NewEntry[];
  /** Lines of sections that stay in the release as paragraphs. */
  leftover: SourceLine[];
}

/**
 * A notice or boilerplate section → the id of the matching entry, or a new entry. When only the
 * first paragraphs match (a trailing trademark line, say), the rest stays in the release.
 */
function textSection(
  section: Section,
  entries: readonly ExistingText[],
  newEntry: (body: string) => NewEntry,
): { id: string; leftover: SourceLine[]; matched: boolean } {
  const parts = blocks(section.lines);
  for (let k = parts.length; k > 0; k--) {
    const match = findText(entries, section.heading.text, linesText(parts.slice(0, k).flat()));
    if (match) return { id: match.id, leftover: parts.slice(k).flat(), matched: true };
  }
  return { id: newEntry(renderPlain(parsePlain(section.lines))).id, leftover: [], matched: false };
}

function readSections(
  sections: readonly Section[],
  input: ImportInput,
  date: string,
  report: ImportReport,
): SectionOutcome {
  const outcome: SectionOutcome = { notices: [], contacts: [], created: [], leftover: [] };
  // Entries made for an earlier section of this release count as existing for the next one.
  const notices = [...input.existing.notices];
  const boilerplates = [...input.existing.boilerplates];
  const contacts = [...input.existing.contacts];
  const ids = (entries: readonly { id: string }[]) => new Set(entries.map((e) => e.id));
  const create = (entry: NewEntry) => {
    outcome.created.push(entry);
    return entry;
  };

  for (const section of sections) {
    const where = `line ${section.heading.line}`;
    const heading = plainText(section.heading.text).trim();
    if (section.kind === 'notice') {
      const result = textSection(section, notices, (body) => {
        const id = freeId(slugify(heading), date, ids(notices));
        const entry = { id, heading, body };
        notices.push(entry);
        const text = `---\n${yamlFields({ heading })}\n---\n\n${body}\n`;
        return create({ collection: 'notices', id, fileName: `${id}.mdx`, text, entry });
      });
      outcome.notices.push(result.id);
      outcome.leftover.push(...result.leftover);
      report.recognised.push(
        `notice "${heading}" (${where}) → ${result.matched ? 'existing' : 'new'} notice ${result.id}`,
      );
    } else if (section.kind === 'boilerplate' && !outcome.boilerplate) {
      const result = textSection(section, boilerplates, (body) => {
        const id = freeId(slugify(heading.replace(/^About\s+/i, '')), date, ids(boilerplates));
        // Dated after every other version, this one becomes the About page's from its day on.
        if (boilerplates.some((b) => b.since) && boilerplates.every((b) => !b.since || b.since < date)) {
          report.notes.push(
            `boilerplate ${id} (since: ${date}) is the newest version: the About page shows its text; if the text in force today is another version, give that one a later since:`,
          );
        }
        const entry = { id, heading, body, since: date };
        boilerplates.push(entry);
        // `since`: this version is first seen in this release.
        const text = `---\n${yamlFields({ heading })}\nsince: ${date}\n---\n\n${body}\n`;
        return create({ collection: 'boilerplates', id, fileName: `${id}.mdx`, text, entry });
      });
      outcome.boilerplate = result.id;
      outcome.leftover.push(...result.leftover);
      report.recognised.push(
        `boilerplate "${heading}" (${where}) → ${result.matched ? 'existing' : 'new'} boilerplate ${result.id}`,
      );
    } else if (section.kind === 'contacts') {
      const parsed = parseContactBlock(section.lines);
      if ('reason' in parsed) {
        outcome.leftover.push(section.heading, ...section.lines);
        report.notes.push(`contact block at ${where} kept as plain text: ${parsed.reason}`);
        continue;
      }
      for (const contact of parsed.contacts) {
        const match = findContact(contacts, contact);
        const id = match?.id ?? freeId(slugify(contact.name), date, ids(contacts));
        if (!match) {
          const entry = { id, contact };
          contacts.push(entry);
          // Named by this release, but not offered on the Contacts page until someone says so.
          const text = `${yamlFields({ ...contact })}\nlisted: false\n`;
          report.notes.push(
            `contact ${id} is not on the Contacts page (listed: false): set listed: true if readers should call ${contact.name}`,
          );
          create({ collection: 'contacts', id, fileName: `${id}.yaml`, text, entry });
        }
        outcome.contacts.push(id);
        report.recognised.push(`contact ${contact.name} (${where}) → ${match ? 'existing' : 'new'} contact ${id}`);
      }
    } else {
      outcome.leftover.push(section.heading, ...section.lines);
      report.notes.push(`a second boilerplate at ${where} kept as plain text: a release has one boilerplate`);
    }
  }
  return outcome;
}

/** The page prints notices, then the boilerplate, then contacts; say so when the source did not. */
function orderNote(sections: readonly Section[]): string | undefined {
  const rank = { notice: 0, boilerplate: 1, contacts: 2 } as const;
  const ranks = sections.map((s) => rank[s.kind]);
  return ranks.some((r, i) => i > 0 && r < ranks[i - 1]!)
    ? 'the page prints notices, then the boilerplate, then contacts; the source had them in another order'
    : undefined;
}

interface Header {
  headline: string;
  subheadline?: string | undefined;
  dateline: WrittenDateline;
  /** The lead paragraph's start, on the dateline's own line. */
  lead: SourceLine[];
  tickers: string[];
  /** Index of the first line after the dateline's. */
  next: number;
}

/** Headline, subheadline, dateline and tickers: what the frontmatter is made of. */
function readHeader(lines: readonly SourceLine[], input: ImportInput, report: ImportReport): Header | string {
  const first = skipBlank(lines, 0);
  if (first >= lines.length) return 'the file has no text';
  const found = findDateline(lines, first + 1);
  if (found && 'impossible' in found) {
    const { date, line } = found.impossible!;
    return `expected a dateline with a date that exists, found "${date}" (line ${line}), which does not exist`;
  }
  if (!found) {
    return `expected a dateline such as "TOKYO, Japan, March 30, 2007 --" at the start of a paragraph within the first ${MAX_SUBHEADLINE_BLOCKS + 1} paragraphs after the headline (line ${lines[first]!.line}), found none`;
  }
  const { at, dateline } = found;
  const subheadlineLines = lines.slice(first + 1, at).filter((l) => !isBlank(l));
  const subheadline = subheadlineLines.map((l) => plainText(l.text).trim()).join(' ') || undefined;
  report.recognised.push(`headline (line ${lines[first]!.line})`);
  if (subheadline) report.recognised.push(`subheadline (line ${subheadlineLines.map((l) => l.line).join(', ')})`);
  report.recognised.push(`dateline ${dateline.location}, ${dateline.date} (line ${lines[at]!.line})`);
  const { location, date } = dateline;
  const printed = datelineText({
    location,
    date,
    lang: 'en',
    separator: input.settings.datelineSeparator,
    isoDate: '',
  });
  if (printed !== dateline.written) report.notes.push(`dateline written "${dateline.written}" prints as "${printed}"`);
  const tickers = tickersIn(dateline.rest || (lines[skipBlank(lines, at + 1)]?.text ?? ''));
  if (tickers.length) report.recognised.push(`tickers ${tickers.join('; ')}`);
  return {
    headline: plainText(lines[first]!.text).trim(),
    subheadline,
    dateline,
    lead: dateline.rest ? [{ text: dateline.rest, line: lines[at]!.line }] : [],
    tickers,
    next: at + 1,
  };
}

/** The frontmatter lines; validated with the build's own schema before anything is written. */
function frontmatterLines(
  input: ImportInput,
  header: Header,
  category: string,
  outcome: SectionOutcome,
): string[] | string {
  const lines = [
    `# Imported from ${input.sourceName.replace(/^.*[\\/]/, '')} by npm run import.`,
    yamlFields({ headline: header.headline, subheadline: header.subheadline }),
    `date: ${header.dateline.date}`,
    yamlFields({ location: header.dateline.location, tickers: header.tickers, categories: [category] }),
    outcome.boilerplate ? `boilerplate: ${outcome.boilerplate}` : '',
    outcome.contacts.length ? `contacts: [${outcome.contacts.join(', ')}]` : '',
    outcome.notices.length ? `notices: [${outcome.notices.join(', ')}]` : '',
  ].filter(Boolean);
  const checked = releaseSchema({
    categories: input.settings.categories as [string, ...string[]],
    languages: input.settings.languages as [string, ...string[]],
    boilerplate: text('the boilerplate id'),
    contact: text('a contact id'),
    notice: text('a notice id'),
    release: text('the id of the translated release'),
  }).safeParse(load(lines.join('\n')));
  return checked.success
    ? lines
    : `the release would not be valid: ${checked.error.issues.map((i) => i.message).join('; ')}`;
}

export function importRelease(input: ImportInput): ImportResult {
  const category = input.category ?? input.settings.categories[0];
  if (!category || !input.settings.categories.includes(category)) {
    const declared = input.settings.categories.join(', ');
    return { ok: false, reason: `expected a category declared in site.yaml (${declared}), found "${category ?? ''}"` };
  }
  const lines = unwrapLines(toLines(input.text), startsStructure);
  const report: ImportReport = { recognised: [], plain: [], notes: [] };
  const header = readHeader(lines, input, report);
  if (typeof header === 'string') return { ok: false, reason: header };

  const headings = {
    knownNotices: input.existing.notices.map((n) => n.heading),
    knownBoilerplates: input.existing.boilerplates.map((b) => b.heading),
    companyNames: input.settings.companyNames,
  };
  const { body, sections } = splitSections([...header.lead, ...lines.slice(header.next)], headings);
  const nodes = parseFlow(body);
  const plain = plainLines(nodes);
  if (header.lead.length && plain[0]?.line === header.lead[0]!.line) {
    report.recognised.push(`lead paragraph (line ${plain.shift()!.line})`);
  }
  for (const node of nodes) {
    const described = describeNode(node);
    if (described) report.recognised.push(described);
  }
  const outcome = readSections(sections, input, header.dateline.date, report);
  const tail = parseFlow(outcome.leftover);
  report.plain.push(...plain, ...plainLines(tail));
  if (tail.length) report.notes.push('text after the closing sections is printed at the end of the body, before them');
  const order = orderNote(sections);
  if (order) report.notes.push(order);
  if (!outcome.boilerplate) report.notes.push('no "About …" boilerplate recognised: the page shows the default one');
  if (!outcome.contacts.length) report.notes.push('no contact recognised: the page shows the default contacts');

  const frontmatter = frontmatterLines(input, header, category, outcome);
  if (typeof frontmatter === 'string') return { ok: false, reason: frontmatter };
  const name = `${header.dateline.date}-${releaseName(input.sourceName, header.headline)}`;
  return {
    ok: true,
    fileName: `${name}.mdx`,
    slug: releaseSlug(name, header.dateline.date),
    mdx: `---\n${frontmatter.join('\n')}\n---\n\n${renderNodes([...nodes, ...tail])}\n`,
    created: outcome.created,
    report,
  };
}
