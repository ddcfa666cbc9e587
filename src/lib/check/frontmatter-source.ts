/**
 * Frontmatter as written: where it starts, how js-yaml reads it (the parser Astro uses), and which
 * line of the file holds a field, so each problem points at the line to edit.
 */
import { load, YAMLException } from 'js-yaml';
import type { Problem } from './problem';

// The same opening rule as Astro's: the file starts with `---`, or with blank lines and `---`.
const OPENING = String.raw`^(\uFEFF?\s*?\n?)---`;
const FRONTMATTER = new RegExp(String.raw`${OPENING}([\s\S]*?\n)---`);
// The opening line alone, whether or not a closing line follows.
const OPENING_LINE = new RegExp(String.raw`${OPENING}[ \t]*\r?\n`);

export interface SplitSource {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** File line (1-based) of the first character of `yaml`: the line of the opening `---`. */
  yamlLine: number;
  body: string;
  /** File line of the first character of `body`: the line of the closing `---`. */
  bodyLine: number;
}

const countLines = (text: string) => text.split('\n').length - 1;

/** Splits an MDX source into frontmatter and body, or `undefined` when it has no frontmatter. */
export function splitFrontmatter(source: string): SplitSource | undefined {
  const m = FRONTMATTER.exec(source);
  if (!m) return undefined;
  const yamlLine = 1 + countLines(m[1]!);
  return {
    yaml: m[2]!,
    yamlLine,
    body: source.slice(m[0].length),
    bodyLine: yamlLine + countLines(m[2]!),
  };
}

/**
 * Frontmatter whose closing `---` is missing or mistyped (`--`), which would otherwise read as no
 * frontmatter, or as frontmatter running on into the body: every field reported missing, on the
 * line where it is written.
 */
export function unclosedFrontmatter(
  source: string,
  split: SplitSource | undefined = splitFrontmatter(source),
): { line: number; message: string } | undefined {
  const opening = OPENING_LINE.exec(source);
  if (!opening) return undefined;
  const openLine = 1 + countLines(opening[1]!);
  // The YAML from the rest of the opening line, or the text from the line after it. Neither has a
  // line starting with `---` (it would have closed the frontmatter), so a line of dashes is `--`.
  const [text, firstLine] = split ? [split.yaml, openLine] : [source.slice(opening[0].length), openLine + 1];
  const lines = text.split('\n');
  const mistyped = lines.findIndex((line) => /^--[ \t]*\r?$/.test(line));
  if (mistyped >= 0) {
    return {
      line: firstLine + mistyped,
      message: `expected a line of exactly --- closing the frontmatter that line ${openLine} opens, found --`,
    };
  }
  if (split) return undefined;
  return { line: openLine, message: 'expected a line of --- closing the frontmatter this line opens, found none' };
}

/**
 * Frontmatter left open (`unclosedFrontmatter`), or none at all, as the problem of `file` that the
 * build and `npm run check` both report: otherwise the schema would report every field missing.
 */
export function frontmatterProblem(
  file: string,
  source: string,
  split: SplitSource | undefined = splitFrontmatter(source),
): Problem | undefined {
  const unclosed = unclosedFrontmatter(source, split);
  if (unclosed) return { file, line: unclosed.line, field: '(frontmatter)', message: unclosed.message };
  if (split) return undefined;
  const message = 'expected frontmatter between two --- lines at the top of the file, found none';
  return { file, line: 1, field: '(frontmatter)', message };
}

export type ParsedYaml = { data: unknown } | { line: number; message: string };

/** YAML read: its data, or where it fails (the 0-based line) and YAML's words for why. */
function loadYaml(yaml: string): { data: unknown } | { line: number; reason: string } {
  try {
    return { data: load(yaml) };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return { line: error.mark?.line ?? 0, reason: error.reason };
  }
}

/**
 * Parses YAML; a syntax error comes back with its file line (`firstLine` is the text's first). The
 * mistakes authors make most (`yamlMistake`) are named in their words, on their line; any other
 * error as YAML words it, where YAML noticed it.
 */
export function parseYaml(yaml: string, firstLine = 1): ParsedYaml {
  const loaded = loadYaml(yaml);
  if ('data' in loaded) return loaded;
  const mistake = yamlMistake(yaml, loaded.line);
  if (mistake) return { line: firstLine + mistake.line, message: `expected valid YAML, found ${mistake.found}` };
  // "document separator" is YAML's word for the --- line (and "document" would make Astro add a
  // hint about browser APIs).
  const reason = loaded.reason.replace(/\ba document separator\b/, 'a --- line');
  return {
    line: firstLine + loaded.line,
    message: `expected valid YAML, found a syntax error: ${reason} (check indentation, colons and quotes)`,
  };
}

/** A field and its value on one line, in a mapping or a list item: `headline: …`, `- name: …`. */
const FIELD_LINE = /^([\s-]*)([\w-]+):(?:\s+(.*))?$/;
/** A quoted value closed on its line: "…" (with \" escapes) or '…' (with '' for a quote). */
const CLOSED_QUOTE = { '"': /^"(?:[^"\\]|\\.)*"/, "'": /^'(?:[^']|'')*'/ } as const;

/** A mistake `yamlMistake` suspects on a line: what it is, and the line as it would be mended. */
interface Suspect {
  found: string;
  mended: string;
}

/** The mistake a line may hold (`yamlMistake`), or undefined. */
function suspectLine(line: string): Suspect | undefined {
  const field = FIELD_LINE.exec(line);
  if (field) {
    const [, lead, name, written = ''] = field;
    // A plain value ends where a comment starts.
    const value = written.replace(/\s+#.*$/, '');
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      if (CLOSED_QUOTE[quote].test(value)) return undefined;
      return {
        found: `the value of ${name} opening a quote (${quote}) that its line does not close`,
        mended: `${line}${quote}`,
      };
    }
    if (/^[^[{|>&*!%@`]/.test(value) && /:\s/.test(value)) {
      const quoted = `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
      return {
        found: `": " in the value of ${name}, which YAML reads as the start of another field (put the value in quotes: ${name}: ${quoted})`,
        mended: `${lead}${name}: ${quoted}`,
      };
    }
    return undefined;
  }
  const missing = /^([\w-]+)(?:\s|$)/.exec(line);
  if (!missing || line.includes(':')) return undefined;
  return {
    found: `"${line.trim()}", a field without the colon after its name (${missing[1]}: …)`,
    mended: `${missing[1]}:${line.slice(missing[1]!.length)}`,
  };
}

/**
 * The first of the YAML mistakes authors make most, on lines up to `errorLine` (0-based), where
 * YAML reports them (often lines later, in its own words): a value with ": " in it unquoted, which
 * YAML reads as another field; a quote a value opens and its line does not close; a field name
 * without its colon. A line is blamed only if mending it lets YAML read on past `errorLine`: a
 * valid line that merely looks alike is never blamed for an error elsewhere.
 */
export function yamlMistake(yaml: string, errorLine: number): { line: number; found: string } | undefined {
  const lines = yaml.split('\n');
  // The lines of a block value (`note: |`) are text, whatever they hold.
  let blockIndent: number | undefined;
  for (let i = 0; i <= Math.min(errorLine, lines.length - 1); i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!isContent(line)) continue;
    if (blockIndent !== undefined && indentOf(line) > blockIndent) continue;
    blockIndent = /:\s*[|>][+-]?\d*\s*(#.*)?$/.test(line) ? indentOf(line) : undefined;
    // A list item, or a line of dashes or dots (a YAML file may open with ---).
    if ((isItem(line) && !FIELD_LINE.test(line)) || /^(?:-{3}|\.{3})\s*$/.test(line)) continue;
    const suspect = suspectLine(line);
    if (!suspect) continue;
    const mended = loadYaml([...lines.slice(0, i), suspect.mended, ...lines.slice(i + 1)].join('\n'));
    if ('data' in mended || mended.line > errorLine) return { line: i, found: suspect.found };
  }
  return undefined;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');
const isItem = (line: string) => /^\s*-(\s|$)/.test(line);
/** Column where a mapping key starts: after the indentation and any `- ` list markers. */
const keyIndent = (line: string) => /^[\s-]*/.exec(line)![0].length;

/**
 * The file line that holds a field, e.g. `['contacts', 1]` → the line of the second contact.
 * Follows block-style mappings and lists; in a flow list (`[a, b]`) it stops at the key's line.
 * Falls back to the deepest part of the path it found.
 */
export function fieldLine(yaml: string, firstLine: number, path: readonly PropertyKey[]): number | undefined {
  const lines = yaml.split('\n');
  let from = 0;
  let to = lines.length;
  let found: number | undefined;
  for (const key of path) {
    const hit = typeof key === 'number' ? findItem(lines, from, to, key) : findKey(lines, from, to, String(key));
    if (hit === undefined) break;
    found = hit;
    to = endOfNode(lines, hit, to);
    // A list item's first field sits on the item's own line, after "- ".
    from = typeof key === 'number' ? hit : hit + 1;
  }
  return found === undefined ? undefined : firstLine + found;
}

function contentLines(lines: string[], from: number, to: number): number[] {
  const found: number[] = [];
  for (let i = from; i < to; i++) if (isContent(lines[i]!)) found.push(i);
  return found;
}

function findKey(lines: string[], from: number, to: number, key: string): number | undefined {
  const candidates = contentLines(lines, from, to);
  const level = Math.min(...candidates.map((i) => keyIndent(lines[i]!)));
  const pattern = new RegExp(`^["']?${escapeRegExp(key)}["']?\\s*:`);
  return candidates.find((i) => keyIndent(lines[i]!) === level && pattern.test(lines[i]!.slice(level)));
}

function findItem(lines: string[], from: number, to: number, n: number): number | undefined {
  const items = contentLines(lines, from, to).filter((i) => isItem(lines[i]!));
  const level = Math.min(...items.map((i) => indentOf(lines[i]!)));
  return items.filter((i) => indentOf(lines[i]!) === level)[n];
}

/** The lines after `at` that belong to its value: deeper ones, and a key's list written flush. */
function endOfNode(lines: string[], at: number, to: number): number {
  const indent = indentOf(lines[at]!);
  const flushItems = !isItem(lines[at]!);
  for (let i = at + 1; i < to; i++) {
    const line = lines[i]!;
    if (!isContent(line)) continue;
    if (indentOf(line) > indent || (flushItems && indentOf(line) === indent && isItem(line))) continue;
    return i;
  }
  return to;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
