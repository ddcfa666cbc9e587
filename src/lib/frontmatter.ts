/**
 * Reads calendar dates as the author typed them. YAML turns `date: 2007-02-30` into a timestamp
 * that silently rolls over to March 2; only the raw text shows the typo.
 */

export interface WrittenDate {
  field: string;
  line: number;
  value: string;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

/** Top-level `field: value` lines of the frontmatter for the given fields, with line numbers. */
export function writtenFields(source: string, fields: readonly string[]): WrittenDate[] {
  const block = FRONTMATTER.exec(source)?.[1];
  if (block === undefined) return [];
  const found: WrittenDate[] = [];
  block.split(/\r?\n/).forEach((text, i) => {
    const m = /^([A-Za-z]+):\s*(.*?)\s*(?:#.*)?$/.exec(text);
    if (m && fields.includes(m[1]!))
      found.push({ field: m[1]!, line: i + 2, value: m[2]!.replace(/^(['"])(.*)\1$/, '$2') });
  });
  return found;
}

/**
 * A calendar date read from YAML as `YYYY-MM-DD` (`date:`, `since:`): YAML reads an unquoted date
 * as a Date at UTC midnight, a quoted one as text.
 */
export const dayOf = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;

/** A message when a written `YYYY-MM-DD` names no real day (e.g. 2007-02-30), else undefined. */
export function impossibleDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined; // other spellings are the schema's to reject
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) === value) return undefined;
  return `expected a real calendar date YYYY-MM-DD, found ${value}, which does not exist`;
}
