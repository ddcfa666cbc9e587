/**
 * The body of a legacy release read into the release components: numbered terms (`1.` with
 * sub-items `(1)`, `(a)`, `(i)`), tables of `Label:<TAB>value` rows, "Note:" blocks, bullets and
 * paragraphs. Every source line ends up in exactly one node; what fits no structure is a paragraph.
 */
import { TERM_STYLES, termMarker, type TermStyle } from '../terms';
import { blockEnd, isBlank, skipBlank, type SourceLine } from './source-lines';

export type BodyNode =
  | { kind: 'paragraph'; source: SourceLine; text: string }
  | { kind: 'bullets'; items: SourceLine[] }
  | { kind: 'terms'; style: TermStyle; inline: boolean; items: TermItem[]; source: SourceLine }
  | { kind: 'table'; rows: TableRow[] }
  | { kind: 'note'; label: string; children: BodyNode[]; source: SourceLine };

export interface TermItem {
  /** As written, colon included: "Aggregate cost of shares purchased:". */
  label: string;
  value: BodyNode[];
  /** The value followed the label on its own line ("Label: value"). */
  inline: boolean;
  source: SourceLine;
}

export interface TableRow {
  label: string;
  value: string;
  source: SourceLine;
}

type Range = readonly SourceLine[];

// ---- Markers --------------------------------------------------------------------------------

/** The text after marker `n` of `style` when `text` starts with it. */
function afterMarker(text: string, n: number, style: TermStyle): string | undefined {
  const marker = termMarker(n, style);
  const trimmed = text.trimStart();
  if (!trimmed.startsWith(marker)) return undefined;
  const rest = trimmed.slice(marker.length);
  // "1.5 million" is a number, not item 1; "(1)Purchase" is still item (1).
  if (style === '1.' && rest && !/^\s/.test(rest)) return undefined;
  return rest.trim();
}

/** The style of a list whose first item starts `text`. */
function listStart(text: string): TermStyle | undefined {
  // Every style's first marker: `(i)` opens a roman list, not the ninth letter.
  return TERM_STYLES.find((style) => afterMarker(text, 1, style) !== undefined);
}

const NOTE = /^(Notes?\s*:)\s*(.*)$/i;
const noteStart = (line: SourceLine | undefined) => line !== undefined && NOTE.test(line.text.trim());

/** "Label: value" → label with its colon, value; a colon inside "10:00" or "http://" does not split. */
export function splitLabel(text: string): { label: string; value: string } {
  const m = /^(.*?:)(?:\s+(.*))?$/.exec(text);
  return m ? { label: m[1]!.trim(), value: (m[2] ?? '').trim() } : { label: text.trim(), value: '' };
}

// ---- Tables ---------------------------------------------------------------------------------

const ROW_FORMS = [
  /^([^\t]+?)\t+(\S.*)$/, // Label:<TAB>value
  /^(\S.*?\S)\s{2,}(\S.*)$/, // Label      value (aligned with spaces)
  /^([^:]{1,80}:)\s+(\S.*)$/, // Label: value
];

function tableRow(source: SourceLine): TableRow | undefined {
  for (const form of ROW_FORMS) {
    const m = form.exec(source.text.trim());
    if (m) return { label: m[1]!.trim(), value: m[2]!.trim(), source };
  }
  return undefined;
}

/** Two or more consecutive lines that are all rows make a table. */
function tableAt(lines: Range, from: number, to: number): { rows: TableRow[]; end: number } | undefined {
  const end = blockEnd(lines, from, to);
  if (end - from < 2) return undefined;
  const rows: TableRow[] = [];
  for (const source of lines.slice(from, end)) {
    const row = !listStart(source.text) && !noteStart(source) ? tableRow(source) : undefined;
    if (!row) return undefined;
    rows.push(row);
  }
  return { rows, end };
}

// ---- Terms ----------------------------------------------------------------------------------

/**
 * Where item `n` of a list ends: at item `n + 1` when the list goes on. The search stops at a
 * "Note:" or at another list's first item, so a later list's "3." never continues this one.
 */
function nextItem(lines: Range, from: number, to: number, n: number, style: TermStyle): number | undefined {
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text;
    if (afterMarker(text, n, style) !== undefined) return i;
    if (noteStart(lines[i]) || listStart(text) === style) return undefined;
  }
  return undefined;
}

/**
 * Where the last item of a list ends, when no next item marks it: after the lines that follow it
 * directly; after the next block when the item had only a label ("2. Number of shares\n\n819,000
 * shares") or when that block is a table or a sub-list; and, when its value opens a sub-list
 * ("(a) Class\n\nCommon\n\n(b) …"), where that sub-list ends.
 */
function lastItemEnd(
  lines: Range,
  at: number,
  to: number,
  item: { style: TermStyle; hasValue: boolean; inNote: boolean },
): number {
  let end = at + 1;
  while (end < to && !isBlank(lines[end]) && !noteStart(lines[end])) end++;
  const next = skipBlank(lines, end, to);
  const nextList = next < to ? listStart(lines[next]!.text) : undefined;
  if (end === at + 1 && next < to && !noteStart(lines[next]) && nextList !== item.style) {
    if (!item.hasValue || nextList || tableAt(lines, next, to)) end = blockEnd(lines, next, to);
  }
  for (let i = at + 1; i < end; i++) {
    const style = listStart(lines[i]!.text);
    if (style && style !== item.style) return Math.max(end, parseTerms(lines, i, to, style, item.inNote).end);
  }
  return end;
}

function parseTerms(lines: Range, from: number, to: number, style: TermStyle, inNote: boolean) {
  const items: TermItem[] = [];
  let i = from;
  for (let n = 1; i < to; n++) {
    const rest = afterMarker(lines[i]!.text, n, style);
    if (rest === undefined) break;
    const source = lines[i]!;
    const { label, value } = splitLabel(rest);
    const end =
      nextItem(lines, i + 1, to, n + 1, style) ?? lastItemEnd(lines, i, to, { style, hasValue: value !== '', inNote });
    const children = parseFlow(lines, i + 1, end, inNote);
    items.push({
      label,
      value: value ? [{ kind: 'paragraph', source, text: value }, ...children] : children,
      inline: value !== '' && children.length === 0,
      source,
    });
    i = end;
  }
  const node: BodyNode = {
    kind: 'terms',
    style,
    inline: items.every((item) => item.inline),
    items,
    source: lines[from]!,
  };
  return { node, end: i };
}

// ---- Notes ----------------------------------------------------------------------------------

/** A "Note:" block runs to the next "Note:" or to the end of the body it sits in. */
function parseNote(lines: Range, from: number, to: number) {
  const source = lines[from]!;
  const [, label, rest] = NOTE.exec(source.text.trim())!;
  let end = from + 1;
  while (end < to && !noteStart(lines[end])) end++;
  const first: BodyNode[] = rest ? [{ kind: 'paragraph', source, text: rest }] : [];
  const node: BodyNode = {
    kind: 'note',
    label: label!.replace(/\s+:/, ':'),
    source,
    children: [...first, ...parseFlow(lines, from + 1, end, true)],
  };
  return { node, end };
}

// ---- Flow -----------------------------------------------------------------------------------

const BULLET = /^\s*-\s+\S/;

/** A line that opens something of its own: a list item, a note or a bullet, never a wrapped line's end. */
export function startsStructure(text: string): boolean {
  return /^\s*(?:\d+\.|\([a-z0-9]+\))(?:\s|$)/i.test(text) || NOTE.test(text.trim()) || BULLET.test(text);
}

/** Reads lines `from`…`to` into nodes; every non-blank line lands in one of them. */
export function parseFlow(lines: Range, from = 0, to = lines.length, inNote = false): BodyNode[] {
  const nodes: BodyNode[] = [];
  let i = skipBlank(lines, from, to);
  while (i < to) {
    const source = lines[i]!;
    const style = listStart(source.text);
    const table = style ? undefined : tableAt(lines, i, to);
    let end: number;
    if (!inNote && noteStart(source)) {
      const note = parseNote(lines, i, to);
      nodes.push(note.node);
      end = note.end;
    } else if (style) {
      const terms = parseTerms(lines, i, to, style, inNote);
      nodes.push(terms.node);
      end = terms.end;
    } else if (table) {
      nodes.push({ kind: 'table', rows: table.rows });
      end = table.end;
    } else if (BULLET.test(source.text)) {
      end = i;
      while (end < to && BULLET.test(lines[end]!.text)) end++;
      nodes.push({ kind: 'bullets', items: lines.slice(i, end) });
    } else {
      nodes.push({ kind: 'paragraph', source, text: source.text.trim() });
      end = i + 1;
    }
    i = skipBlank(lines, end, to);
  }
  return nodes;
}

/** Shared text (boilerplate, notice) read as paragraphs and bullets only: it renders without components. */
export function parsePlain(lines: Range): BodyNode[] {
  const nodes: BodyNode[] = [];
  for (let i = skipBlank(lines, 0); i < lines.length; i = skipBlank(lines, i)) {
    if (BULLET.test(lines[i]!.text)) {
      const from = i;
      while (i < lines.length && BULLET.test(lines[i]!.text)) i++;
      nodes.push({ kind: 'bullets', items: lines.slice(from, i) });
    } else {
      nodes.push({ kind: 'paragraph', source: lines[i]!, text: lines[i]!.text.trim() });
      i++;
    }
  }
  return nodes;
}
