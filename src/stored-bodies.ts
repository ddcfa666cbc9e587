/**
 * Rendered MDX bodies, kept beside Astro's content store rather than inside it.
 *
 * Astro embeds its whole content store in the bundle it builds, as one JSON string, serialises the
 * store anew on every content sync and parses it again before the first page. At 10,000 releases
 * the store was 24 MB, two thirds of it body HTML, and carrying it cost about 3 s of every build
 * and rebuild (BENCHMARKS.md). So each entry stores only the name of its body (a digest of the
 * HTML: `bodyKey`), and a collection's bodies are kept together in one pack file in the cache
 * folder, `bodies/<collection>/<digest of the pack>.pack` (a JSON object, body by name, in name
 * order). One file rather than one per body: creating 10,000 small files took 3.5–5 s of a first
 * build's content sync.
 *
 * src/loaders/checked-files.ts writes the pack once a collection has loaded (`keepBodies`): the
 * bodies its entries name, and nothing else. A body rendered under `astro dev` after that is
 * written at once in a pack of its own, until the next start gathers them. A pack is written under
 * a name of its own and renamed, so a reader never sees half of one, and never rewritten: its name
 * is its content. The release page, feed item, notice or boilerplate that shows a body reads it
 * back (`bodyHtml`). `astro dev` keeps its own folder, as it keeps its own content store: a build
 * never deletes a body that a running preview shows.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from './folders';

/**
 * The folder of a collection's bodies. (A function: modules that import this one also run on the
 * render worker thread, outside Vite, which defines the build's environment only for modules it
 * bundles.)
 */
export const bodiesDir = (collection: string) =>
  join(CACHE_DIR, import.meta.env.NEWSROOM_PREVIEW === true ? 'bodies-preview' : 'bodies', collection);

/** What a content entry carries of its body, as Astro's store has it (`rendered.metadata.bodyKey`). */
export interface BodyEntry {
  id: string;
  filePath?: string;
  rendered?: { metadata?: object };
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The name a body is stored under: the same HTML always has the same name. */
export const htmlKey = (html: string): string => digest(html);

/** The name under which `entry`'s body is stored, if it has one. */
export function bodyKey(entry: BodyEntry): string | undefined {
  const key = (entry.rendered?.metadata as { bodyKey?: unknown } | undefined)?.bodyKey;
  return typeof key === 'string' && /^[0-9a-f]{32}$/.test(key) ? key : undefined;
}

const PACK = /^[0-9a-f]{32}\.pack$/;

/** The packs of each folder read by this process, and the bodies they hold (by name). */
const read = new Map<string, { packs: Set<string>; bodies: Map<string, string> }>();
/** Packs found that could not be read: not read again, and written anew by `writeBodies`. */
const unreadable = new Set<string>();

/** The bodies of `dir` known to this process; with `refresh`, after reading the packs it has not read. */
function storedIn(dir: string, refresh: boolean): Map<string, string> {
  let known = read.get(dir);
  if (!known) read.set(dir, (known = { packs: new Set(), bodies: new Map() }));
  if (refresh && existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (!PACK.test(name) || known.packs.has(name) || unreadable.has(join(dir, name))) continue;
      let pack: unknown;
      try {
        pack = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      } catch {
        pack = undefined;
      }
      if (typeof pack !== 'object' || pack === null) {
        // Damaged (never by a build: packs are renamed into place whole). Its bodies are rendered
        // again, and the pack written anew.
        unreadable.add(join(dir, name));
        continue;
      }
      known.packs.add(name);
      for (const [key, html] of Object.entries(pack)) if (typeof html === 'string') known.bodies.set(key, html);
    }
  }
  return known.bodies;
}

/** The body named `key` in `dir`, if it is stored there. */
function storedBody(dir: string, key: string): string | undefined {
  return storedIn(dir, false).get(key) ?? storedIn(dir, true).get(key);
}

/**
 * The bodies `dir` holds, by name, read once: for the loader, which looks up every entry's body
 * before a collection loads, even when a pack is damaged.
 */
export const storedBodies = (dir: string): ReadonlyMap<string, string> => storedIn(dir, true);

/** Writes `bodies` (HTML by name) into `dir` as one pack, unless it is there already; returns its name. */
export function writeBodies(dir: string, bodies: ReadonlyMap<string, string>): string {
  const pack = JSON.stringify(Object.fromEntries([...bodies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  const name = `${digest(pack)}.pack`;
  const file = join(dir, name);
  if (!existsSync(file) || unreadable.has(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${randomUUID()}.partial`;
    writeFileSync(partial, pack);
    renameSync(partial, file);
    unreadable.delete(file);
  }
  const known = storedIn(dir, false);
  for (const [key, html] of bodies) known.set(key, html);
  read.get(dir)!.packs.add(name);
  return name;
}

/**
 * Leaves in `dir` one pack holding exactly the bodies `entries` name, taken from `rendered` (the
 * bodies just rendered, by name) or from the packs already there, and deletes every other file
 * (older packs, damaged ones, what an interrupted write left). The bodies are then forgotten by
 * this process: the pages read them through their own copy of this module. Throws, naming the
 * entry's file, if a body is nowhere (the next build renders it again), or if the pack cannot be
 * written.
 */
export function keepBodies(dir: string, entries: Iterable<BodyEntry>, rendered: ReadonlyMap<string, string>): void {
  const stored = storedIn(dir, true);
  const kept = new Map<string, string>();
  for (const entry of entries) {
    const key = bodyKey(entry);
    if (key === undefined) continue;
    const html = rendered.get(key) ?? stored.get(key);
    if (html === undefined) throw new Error(`${entry.filePath ?? entry.id}: its rendered body is missing`);
    kept.set(key, html);
  }
  try {
    if (kept.size === 0 && !existsSync(dir)) return;
    const pack = writeBodies(dir, kept);
    for (const name of readdirSync(dir)) if (name !== pack) rmSync(join(dir, name), { force: true });
  } finally {
    read.delete(dir);
  }
}

/** What mends a missing body: the next content sync renders it again. */
const mend = () =>
  import.meta.env.NEWSROOM_PREVIEW === true ? 'save the file again, or restart the preview' : 'build again';

/** The rendered HTML of an MDX entry's body (a release, notice or boilerplate). */
export function bodyHtml(entry: BodyEntry & { collection: string }, dir = bodiesDir(entry.collection)): string {
  const key = bodyKey(entry);
  const source = entry.filePath ?? entry.id;
  if (!key) throw new Error(`${source}: no rendered body stored with this entry; ${mend()}`);
  let html: string | undefined;
  try {
    html = storedBody(dir, key);
  } catch (error) {
    throw new Error(`${source}: its rendered body could not be read (${(error as Error).message}); ${mend()}`);
  }
  if (html === undefined) throw new Error(`${source}: its rendered body is missing from the cache; ${mend()}`);
  return html;
}
