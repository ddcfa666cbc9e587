/**
 * Rendered MDX bodies, kept as files beside Astro's content store rather than inside it.
 *
 * Astro embeds its whole content store in the bundle it builds, as one JSON string, serialises the
 * store anew on every content sync and parses it again before the first page. At 10,000 releases
 * the store was 24 MB, two thirds of it body HTML, and carrying it cost about 3 s of every build
 * and rebuild (BENCHMARKS.md). So src/loaders/checked-files.ts writes each body to a file named
 * after a digest of its HTML and stores only that name with the entry; the release page, feed item,
 * notice or boilerplate that shows it reads it back (`bodyHtml`).
 *
 * The same HTML is always the same file, so a file is never rewritten and never read stale. A build
 * deletes the files no entry names any more, and renders again any entry whose file went missing.
 * `astro dev` keeps its own folder, as it keeps its own content store: a build never deletes a body
 * that a running preview shows.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from './folders';

/**
 * The folder of a collection's bodies. (A function: the render worker thread, which is handed the
 * folder, runs outside Vite, where `import.meta.env` is not defined.)
 */
export const bodiesDir = (collection: string) =>
  join(CACHE_DIR, import.meta.env.NEWSROOM_PREVIEW === true ? 'bodies-preview' : 'bodies', collection);

/** What a content entry carries of its body, as Astro's store has it (`rendered.metadata.bodyKey`). */
export interface BodyEntry {
  id: string;
  filePath?: string;
  rendered?: { metadata?: object };
}

/** The name under which `entry`'s body is stored, if it has one. */
export function bodyKey(entry: BodyEntry): string | undefined {
  const key = (entry.rendered?.metadata as { bodyKey?: unknown } | undefined)?.bodyKey;
  return typeof key === 'string' && /^[0-9a-f]{32}$/.test(key) ? key : undefined;
}

const bodyFile = (dir: string, key: string) => join(dir, `${key}.html`);

/**
 * Writes `html` into `dir` (once: the same HTML is the same file) and returns its name. Written
 * under a name of its own and renamed, so a reader never sees half a body, and two threads or
 * processes storing the same body do not write into one file.
 */
export function storeBody(dir: string, html: string): string {
  const key = createHash('sha256').update(html).digest('hex').slice(0, 32);
  const file = bodyFile(dir, key);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${randomUUID()}.partial`;
    writeFileSync(partial, html);
    renameSync(partial, file);
  }
  return key;
}

/** True if `entry` names a body and `dir` holds it. */
export function hasStoredBody(dir: string, entry: BodyEntry): boolean {
  const key = bodyKey(entry);
  return key !== undefined && existsSync(bodyFile(dir, key));
}

/** Deletes from `dir` every body none of `entries` names (and what an interrupted write left). */
export function pruneBodies(dir: string, entries: Iterable<BodyEntry>): void {
  if (!existsSync(dir)) return;
  const named = new Set<string>();
  for (const entry of entries) {
    const key = bodyKey(entry);
    if (key) named.add(`${key}.html`);
  }
  for (const name of readdirSync(dir)) if (!named.has(name)) rmSync(join(dir, name), { force: true });
}

// Bodies read in this process, by name (a name always stands for the same HTML): a release's is
// shown on its page and in its feed item, a boilerplate or notice with every release that has it.
const readBodies = new Map<string, string>();

/** What mends a missing body: the next content sync renders it again. */
const mend = () =>
  import.meta.env.NEWSROOM_PREVIEW === true ? 'save the file again, or restart the preview' : 'build again';

/** The rendered HTML of an MDX entry's body (a release, notice or boilerplate). */
export function bodyHtml(entry: BodyEntry & { collection: string }, dir = bodiesDir(entry.collection)): string {
  const key = bodyKey(entry);
  const source = entry.filePath ?? entry.id;
  if (!key) throw new Error(`${source}: no rendered body stored with this entry; ${mend()}`);
  const file = bodyFile(dir, key);
  let html = readBodies.get(file);
  if (html === undefined) {
    try {
      html = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(
        `${source}: its rendered body is missing from the cache (${(error as Error).message}); ${mend()}`,
      );
    }
    readBodies.set(file, html);
  }
  return html;
}
