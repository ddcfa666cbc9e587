/** A plain-text release as numbered lines, the unit the importer classifies and never drops. */

export interface SourceLine {
  /** The line as written, without its line break or trailing spaces. */
  text: string;
  /** 1-based line number in the source file, for the summary. */
  line: number;
}

/** Splits a source text into lines; a byte-order mark and Windows line breaks are read through. */
export function toLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ text: raw.trimEnd(), line: i + 1 }));
}

export const isBlank = (line: SourceLine | undefined) => line !== undefined && line.text.trim() === '';

/** Index of the first non-blank line at or after `from` (or `to` when there is none). */
export function skipBlank(lines: readonly SourceLine[], from: number, to = lines.length): number {
  let i = from;
  while (i < to && isBlank(lines[i])) i++;
  return i;
}

/** End (exclusive) of the block of consecutive non-blank lines starting at `from`. */
export function blockEnd(lines: readonly SourceLine[], from: number, to = lines.length): number {
  let i = from;
  while (i < to && !isBlank(lines[i])) i++;
  return i;
}

/** The blocks (runs of non-blank lines) of a range, as the paragraphs a reader sees. */
export function blocks(lines: readonly SourceLine[], from = 0, to = lines.length): SourceLine[][] {
  const found: SourceLine[][] = [];
  for (let i = skipBlank(lines, from, to); i < to; i = skipBlank(lines, blockEnd(lines, i, to), to)) {
    found.push(lines.slice(i, blockEnd(lines, i, to)));
  }
  return found;
}

/** A text with a line longer than this was not wrapped by its author's editor. */
const LONGEST_WRAPPED_LINE = 100;
const ROW = /^[^:\t]{1,80}:\s+\S/;
// "Phone: …", "Fax: …", an address alone: the lines of a contact block, never a wrapped line's end.
const FIELD = /^(?:[A-Za-z][A-Za-z .-]{0,20}:\s|\S+@\S+$)/;

/**
 * Joins hard-wrapped paragraphs. Archives kept as e-mail text are often wrapped at 70–80 columns;
 * a text with no line longer than 100 characters is read as wrapped, and a line that reaches
 * three quarters of its longest line continues on the next, unless it ends a label (":"), the two
 * lines look like table rows, or the next line starts a structure of its own or a field
 * ("Phone: …"). Texts written one
 * paragraph per line, like the seeds, are left as they are. A joined line keeps the first number.
 */
export function unwrapLines(lines: readonly SourceLine[], startsStructure: (text: string) => boolean): SourceLine[] {
  const longest = Math.max(0, ...lines.map((l) => l.text.trim().length));
  if (longest > LONGEST_WRAPPED_LINE) return [...lines];
  const out: SourceLine[] = [];
  let previousWidth = 0; // of the previous line as written, not as joined
  for (const line of lines) {
    const previous = out.at(-1);
    const before = previous?.text.trim() ?? '';
    const text = line.text.trim();
    const continues =
      previousWidth >= longest * 0.75 &&
      text !== '' &&
      !before.endsWith(':') &&
      !/\t/.test(`${previous!.text}${line.text}`) &&
      !(ROW.test(before) && ROW.test(text)) &&
      !FIELD.test(text) &&
      !startsStructure(text);
    if (continues) out[out.length - 1] = { ...previous!, text: `${before} ${text}` };
    else out.push(line);
    previousWidth = text.length;
  }
  return out;
}
