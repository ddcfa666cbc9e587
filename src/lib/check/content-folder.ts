/**
 * The content folder as written on disk: which files each collection holds, their text, their
 * frontmatter and their ids, with a problem for every file that cannot be read. Shared by
 * `npm run check`, `npm run import` (to match existing entries) and the build's embargo notice.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { entryId } from './entry-id';
import { fieldName } from '../problems';
import { fieldLine, parseYaml, splitFrontmatter, frontmatterProblem, type SplitSource } from './frontmatter-source';
import type { Problem } from './problem';
import { decodeSource } from './source-text';

export type CollectionName = 'releases' | 'boilerplates' | 'notices' | 'contacts';

/** What each collection's loader picks up (see src/content.config.ts). */
export const COLLECTION_FILES: Record<CollectionName, { extensions: readonly string[]; frontmatter: boolean }> = {
  releases: { extensions: ['.mdx'], frontmatter: true },
  boilerplates: { extensions: ['.mdx'], frontmatter: true },
  notices: { extensions: ['.mdx'], frontmatter: true },
  contacts: { extensions: ['.yaml', '.yml'], frontmatter: false },
};

/** The glob a collection's loader reads its folder with: every .mdx file below it, or every .yaml and .yml file. */
export function collectionPattern(collection: CollectionName): string {
  const names = COLLECTION_FILES[collection].extensions.map((extension) => extension.slice(1));
  return names.length === 1 ? `**/*.${names[0]}` : `**/*.{${names.join(',')}}`;
}

export interface ContentEntry {
  collection: CollectionName;
  /** Path shown to authors, relative to the working directory. */
  file: string;
  /** Path inside the collection folder, e.g. `2007/buyback.mdx`. */
  relativePath: string;
  /** The id the build gives the entry, which references use. */
  id: string;
  source?: string | undefined;
  /** Frontmatter and body of an MDX entry. */
  split?: SplitSource | undefined;
  /** The YAML as parsed, before validation; undefined when the file could not be read. */
  data?: Record<string, unknown> | undefined;
  problems: Problem[];
}

/** The names of the files directly in `dir` (content/attachments/), sorted; none when it does not exist. */
export function folderFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

/** A path as an author would type it: relative to the working folder when inside it, else absolute. */
export function displayPath(path: string, root = process.cwd()): string {
  const shown = relative(root, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : resolve(root, path);
}

/**
 * Files of one collection that Astro's glob loader gives an id an earlier one has (`contact.yaml`
 * and `contact.yml`): it would only warn, and keep whichever it read last. Each is said of the
 * later file, in the order given (the files' paths, sorted), by the build and by `npm run check`.
 */
export function sameIdProblems(files: readonly { id: string; file: string }[]): Problem[] {
  const seen = new Map<string, string>();
  return files.flatMap(({ id, file }) => {
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, file);
      return [];
    }
    return [{ file, field: '(file)', message: `has the id "${id}", like ${first}; rename one of the two files` }];
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Reads a text file strictly as UTF-8; an empty or unreadable file becomes a problem. */
export function readSource(path: string, file: string): { source?: string; problem?: Problem } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { problem: { file, field: '(file)', message: `cannot read the file: ${(error as Error).message}` } };
  }
  const decoded = decodeSource(bytes);
  if ('message' in decoded) return { problem: { file, line: decoded.line, field: '(file)', message: decoded.message } };
  if (!decoded.text.trim())
    return { problem: { file, field: '(file)', message: 'expected content, found an empty file' } };
  return { source: decoded.text };
}

/**
 * A problem with one field of a content file (`['contacts', 1]`), on the line that holds it — or on
 * the frontmatter's first line when the field is not written. For what the build finds once the
 * files are loaded, where only the file's path is at hand: the file is read again, which costs
 * nothing on a build that stops there.
 */
export function fieldProblem(
  filePath: string,
  path: readonly PropertyKey[],
  message: string,
  field = fieldName([...path]) || (extname(filePath) === '.mdx' ? '(frontmatter)' : '(file)'),
): Problem {
  const file = displayPath(filePath);
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch {
    return { file, field, message };
  }
  const split = extname(filePath) === '.mdx' ? splitFrontmatter(source) : undefined;
  const [yaml, firstLine] = split ? [split.yaml, split.yamlLine] : [source, 1];
  return { file, line: fieldLine(yaml, firstLine, path) ?? firstLine, field, message };
}

/** The parsed YAML of a data file or of an MDX file's frontmatter, with its problems. */
function readData(
  source: string,
  file: string,
  frontmatter: boolean,
): Pick<ContentEntry, 'split' | 'data' | 'problems'> {
  const split = frontmatter ? splitFrontmatter(source) : undefined;
  const problem = frontmatter ? frontmatterProblem(file, source, split) : undefined;
  if (problem) return { problems: [problem] };
  const yaml = split ? split.yaml : source;
  const parsed = parseYaml(yaml, split ? split.yamlLine : 1);
  // A data file is all YAML: the file is at fault, as for its other problems.
  const field = frontmatter ? '(frontmatter)' : '(file)';
  if ('message' in parsed) {
    return { split, problems: [{ file, line: parsed.line, field, message: parsed.message }] };
  }
  if (!isObject(parsed.data)) {
    const message = 'expected fields written as "name: value" lines, found no fields';
    return { split, problems: [{ file, line: split?.yamlLine ?? 1, field, message }] };
  }
  return { split, data: parsed.data, problems: [] };
}

/**
 * The files of a content folder the build loads, relative to it: sub-folders included, dot-folders
 * and dot-files left out (as Astro's glob loader does), in path order.
 */
export function contentFiles(folder: string, extensions: readonly string[]): string[] {
  const files: string[] = [];
  // Folder by folder, with each entry's type as listed: Node's recursive listing asks the file
  // system for the type of every one of 10,000 files (0.1–0.25 s, against 10 ms). A link is
  // followed, as the recursive listing and Astro's glob loader follow it, unless it leads back
  // into a folder being listed.
  const walk = (inside: string, within: ReadonlySet<string>) => {
    for (const entry of readdirSync(join(folder, inside), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = inside ? join(inside, entry.name) : entry.name;
      if (!entry.isSymbolicLink() && !entry.isDirectory()) {
        if (extensions.some((ext) => entry.name.endsWith(ext))) files.push(path);
        continue;
      }
      const real = entry.isSymbolicLink() ? linkedFolder(join(folder, path)) : realpathSync(join(folder, path));
      if (real === undefined && extensions.some((ext) => entry.name.endsWith(ext))) files.push(path);
      else if (real !== undefined && !within.has(real)) walk(path, new Set(within).add(real));
    }
  };
  walk('', new Set([realpathSync(folder)]));
  return files.sort();
}

/** The folder a link leads to, as its real path; undefined for a link to a file, or to nothing. */
function linkedFolder(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? realpathSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Files in a content folder the build does not read, although an author put them there: any other
 * extension (`.md`, `.MDX`, `.txt`) than the collection's. Dot-files and dot-folders are left out,
 * as the build leaves them. As problems, so that a release saved as `.md` is not silently missing.
 */
export function strayFiles(folder: string, extensions: readonly string[], displayRoot?: string): Problem[] {
  if (!existsSync(folder)) return [];
  const expected = extensions.join(' or ');
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => {
      const inside = relative(folder, path);
      return !extensions.some((ext) => inside.endsWith(ext)) && !inside.split(sep).some((p) => p.startsWith('.'));
    })
    .sort()
    .map((path) => {
      const found = extname(path) ? `a ${extname(path)} file` : 'a file without an extension';
      const message = `expected a ${expected} file, found ${found}, which the build does not read: rename it, or move it out of this folder`;
      return { file: displayPath(path, displayRoot), field: '(file)', message };
    });
}

/** A release's language as written: its `lang:`, else `fallback` (the default), as the build reads it. */
export const writtenLanguage = (data: Record<string, unknown> | undefined, fallback: string): string =>
  typeof data?.lang === 'string' ? data.lang : fallback;

/** The id the build gives a release file: its path below releases/, without `.mdx`. */
export const releaseId = (relativePath: string) =>
  relativePath
    .split(sep)
    .join('/')
    .replace(/\.mdx$/, '');

/** Every file of a collection folder (sub-folders included), read and parsed, in path order. */
export function readCollection(contentDir: string, collection: CollectionName, displayRoot: string): ContentEntry[] {
  const folder = join(contentDir, collection);
  if (!existsSync(folder)) return [];
  const { extensions, frontmatter } = COLLECTION_FILES[collection];
  return contentFiles(folder, extensions).map((relativePath) => {
    const path = join(folder, relativePath);
    const file = displayPath(path, displayRoot);
    const { source, problem } = readSource(path, file);
    const read = source === undefined ? { problems: [] } : readData(source, file, frontmatter);
    const posixPath = relativePath.split(sep).join('/');
    return {
      collection,
      file,
      relativePath: posixPath,
      // Releases are keyed by file path (see src/content.config.ts), the others by Astro's default.
      id: collection === 'releases' ? releaseId(relativePath) : entryId(relativePath),
      source,
      ...read,
      problems: problem ? [problem] : read.problems,
    };
  });
}
