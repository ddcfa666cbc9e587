/**
 * Writes the Pagefind search index into the built site, so `npm run build` produces site and index
 * in one command: once Astro has written the pages, beside its last steps and outside its process
 * (scripts/build.ts), or at the end of a bare `astro build`.
 * Runs only after a build: under `astro dev` there is no index, and the /search/ page says so.
 *
 * What gets indexed is decided in the templates: release pages mark their <article>, and the About
 * and Contacts pages their text, with `data-pagefind-body`, so every other page, and the
 * boilerplate, notices and contacts inside releases (`data-pagefind-ignore`), stay out of the index.
 * Only the folders where those pages live are read (INDEXED_PAGES). Once the archive is larger
 * than a first search should load, the index is written in parts, where the search page says
 * (`recordedSplit`; README: "A large archive"): the latest years, and the older ones in volumes.
 *
 * Pagefind numbers pages in the order it reads them, and it reads a folder in the order the file
 * system lists it. ext4 lists a folder by a hash of the names, the same from build to build; tmpfs
 * and btrfs list entries in the order they were made, which is the order Astro happened to finish
 * the pages, or, in a rebuild, the order published pages were linked in before Astro wrote the
 * others. On such a file system the pages are first linked into a folder of their own in the order
 * of their paths (`stagePages`), and Pagefind reads that: its listing then depends only on the
 * names (tmpfs lists it newest first), so the same pages give the same index. (A file system that
 * lists by a hash salted anew for each folder, as ZFS is said to, would still vary.)
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  linkSync,
  mkdirSync,
  opendirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import {
  ARCHIVE_ATTRIBUTE,
  ARCHIVE_BUNDLE_DIR,
  INDEXED_FOLDERS,
  INDEXED_PAGES,
  readArchive,
  SEARCH_BUNDLE_DIR,
  SPLIT_FROM_ATTRIBUTE,
  UNDATED,
  type ArchiveVolume,
} from '../lib/search';
import { TRANSLATED_PAGES } from '../lib/urls';

/** Pagefind's settings: its defaults. */
const INDEX_SETTINGS: pagefind.PagefindServiceConfig = {};

function fail(step: string, errors: string[]): never {
  throw new Error(`Search index: ${step} failed:\n${errors.join('\n')}`);
}

/**
 * The built pages the index reads (INDEXED_PAGES), as paths relative to `siteDir`, sorted. Listed
 * folder by folder: at 10,000 releases in 50 ms, where a glob of the pattern took 200 ms.
 */
export function indexedPages(siteDir: string): string[] {
  const pages = new Set<string>();
  // Folders in the folder `dir` of the site (`*`, which matches no name starting with a dot).
  const folders = (dir: string) => {
    try {
      return readdirSync(join(siteDir, dir), { withFileTypes: true })
        .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink()))
        .map((entry) => join(dir, entry.name));
    } catch {
      return [];
    }
  };
  for (const language of ['', ...folders('')]) {
    for (const folder of INDEXED_FOLDERS) {
      const [parent, each] = folder.split('/');
      const dirs = each === '*' ? folders(join(language, parent!)) : [join(language, folder)];
      for (const dir of dirs) if (existsSync(join(siteDir, dir, 'index.html'))) pages.add(join(dir, 'index.html'));
    }
  }
  return [...pages].sort();
}

/** Where Pagefind reads the pages from, inside the built site while it does (`stagePages`). */
const STAGE_DIR = '.search-index-pages';

/**
 * Whether the file system under `dir` lists a folder in the order its entries were made (tmpfs,
 * btrfs) rather than by their names (ext4): the same names made in two orders are listed in two.
 */
export function listsInOrderMade(dir: string): boolean {
  const probe = join(dir, `${STAGE_DIR}-probe`);
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  // One left by a build that was stopped here would be listed as it was first made.
  rmSync(probe, { recursive: true, force: true });
  try {
    const [forward, backward] = [names, names.toReversed()].map((order, i) => {
      const folder = join(probe, String(i));
      mkdirSync(folder, { recursive: true });
      for (const name of order) writeFileSync(join(folder, name), '');
      // In the file system's own order (readdirSync sorts).
      const listed: string[] = [];
      const listing = opendirSync(folder);
      for (let entry = listing.readSync(); entry; entry = listing.readSync()) listed.push(entry.name);
      listing.closeSync();
      return listed.join();
    });
    return forward !== backward;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * What Pagefind reads of a page, as a page of its own: the `<html>` tag (the page's language), its
 * `<title>`, and the one element marked `data-pagefind-body`, less the text of the elements it
 * marks `data-pagefind-ignore` (`withoutIgnoredText`). Of a page whose body is
 * marked, Pagefind reads only that element's text, and from anywhere on the page its `data-pagefind-`
 * meta, filters and sort keys, its first `<h1>` (the title) and the first `<img>` after it; the
 * site's templates keep all of them inside the marked element, so Pagefind makes the same index of
 * these pages as of the whole ones (tests/e2e/search.test.ts compares the two), and reads 3,000
 * release pages so cut in 1.0–1.1 s instead of 1.4–1.5 s (BENCHMARKS.md). Undefined — the page is
 * read as it is — for a page without exactly one such element (a year's list, which the index
 * skips), with any of those outside it, or where the end of the element cannot be found from its
 * tags alone: a `<` or `>` in an attribute's value (Astro escapes neither), a script, style,
 * template, text area or comment inside it. `html` is the page's bytes read as Latin-1, which the
 * result keeps as they are.
 */
export function indexedPart(html: string): string | undefined {
  const marker = html.indexOf(BODY_MARK);
  if (marker < 0 || html.includes(BODY_MARK, marker + 1)) return undefined;
  const open = html.lastIndexOf('<', marker);
  const name = /^<([a-z][a-z0-9-]*)\s/i.exec(html.slice(open, marker + 1))?.[1];
  if (!name) return undefined;
  // The element ends where as many of its kind have closed as were opened from it on.
  const close = closingTag(html, open, name);
  const end = close < 0 ? -1 : html.indexOf('>', close) + 1;
  if (end <= 0) return undefined;
  const [before, part, after] = [html.slice(0, open), html.slice(open, end), html.slice(end)];
  if (READ_ANYWHERE.test(before) || READ_ANYWHERE.test(after) || hidesTags(part)) return undefined;
  const htmlTag = /<html(?:\s[^>]*)?>/i.exec(html)?.[0] ?? '<html>';
  const title = /<title>[^<]*<\/title>/i.exec(html)?.[0] ?? '';
  return `<!DOCTYPE html>${htmlTag}<head><meta charset="utf-8">${title}</head><body>${withoutIgnoredText(part)}</body></html>`;
}

/**
 * Where in `html`, from `open` (the `<` of an element's start tag), the element's end tag begins,
 * counting the tags of its kind it holds; -1 if it does not end. Sound only where no tag is hidden
 * from the count (`hidesTags`).
 */
function closingTag(html: string, open: number, name: string): number {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'gi');
  tags.lastIndex = open;
  let depth = 0;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tag.index;
  }
  return -1;
}

/**
 * `part` (`indexedPart`) with the elements marked `data-pagefind-ignore` emptied: Pagefind skips
 * their text, which in a release (its boilerplate, notices and contacts) is half of what it would
 * parse. Their start tags stay, as Pagefind reads their attributes. Left whole: the marked element
 * itself (there, Pagefind reads it all), an element that is or holds anything Pagefind reads even
 * there (meta, filters, sort keys, a heading or image it may take as the title), one whose end
 * tag HTML lets a page leave out, and one holding a self-closed tag (SVG or MathML), which the
 * count of tags cannot follow. Sound only where no tag is hidden from that count (`hidesTags`:
 * no `<` or `>` in an attribute's value).
 */
function withoutIgnoredText(part: string): string {
  let result = '';
  let from = 0;
  for (const tag of part.matchAll(START_TAG)) {
    const [startTag, name, attributes = ''] = tag;
    // The marked element's own tag, or a tag inside an element already emptied.
    if (tag.index === 0 || tag.index < from) continue;
    // The attribute itself, not those words in another's value.
    if (!IGNORE_MARK.test(attributes.replace(/"[^"]*"|'[^']*'/g, '""'))) continue;
    if (OPTIONAL_END.test(name!) || startTag.endsWith('/>')) continue;
    const inner = tag.index + startTag.length;
    const close = closingTag(part, tag.index, name!);
    if (close < inner) continue;
    const element = part.slice(tag.index, close);
    if (READ_ANYWHERE.test(element) || element.includes('/>')) continue;
    result += part.slice(from, inner);
    from = close;
  }
  return result + part.slice(from);
}

const START_TAG = /<([a-z][a-z0-9-]*)(\s[^>]*)?>/gi;
const IGNORE_MARK = /\sdata-pagefind-ignore(?=[\s=/]|$)/i;
/** Elements whose end tag HTML lets a page leave out, and void ones, which have none. */
const OPTIONAL_END =
  /^(?:p|li|dt|dd|rt|rp|optgroup|option|colgroup|caption|thead|tbody|tfoot|tr|td|th|area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;

const BODY_MARK = ' data-pagefind-body';
/** What Pagefind reads wherever it is on a page (`indexedPart`). */
const READ_ANYWHERE = /\sdata-pagefind-(?:meta|filter|sort|default-meta)\b|<h1[\s>]|<img[\s>]/i;

/**
 * Whether `part` may hide a tag from `indexedPart`'s count, or fake one: a `<` or `>` in an
 * attribute's value, a comment, or a `<` in the text of a script, style, template or text area
 * (the site's JSON-LD has none: `jsonLdText` writes each `<` as a JSON escape).
 */
function hidesTags(part: string): boolean {
  if (/="[^"]*[<>]|='[^']*[<>]|<!--/.test(part)) return true;
  for (const raw of part.matchAll(/<(script|style|template|textarea)(?=[\s>])[^>]*>/gi)) {
    const from = raw.index + raw[0].length;
    const close = part.toLowerCase().indexOf(`</${raw[1]!.toLowerCase()}`, from);
    if (close < 0 || part.slice(from, close).includes('<')) return true;
  }
  return false;
}

/** Links the page `page` of the site in `siteDir` at `staged` (copies it where it cannot). */
function stagePage(siteDir: string, page: string, staged: string): void {
  mkdirSync(dirname(staged), { recursive: true });
  try {
    linkSync(join(siteDir, page), staged);
  } catch {
    copyFileSync(join(siteDir, page), staged);
  }
}

/**
 * Links `pages` of the site in `siteDir` into a new folder, in this order, so that a file system
 * that lists a folder by the order its entries were made lists them by their names alone; and so
 * that each index reads only its own pages. Copies a page where the file system cannot link it.
 */
function stagePages(siteDir: string, pages: string[], bundle: string): string {
  const stage = join(siteDir, STAGE_DIR, bundle);
  rmSync(stage, { recursive: true, force: true });
  for (const page of pages) stagePage(siteDir, page, join(stage, page));
  return stage;
}

/**
 * Makes the folder `stage` hold exactly `pages` of the site in `siteDir`, each linked to the site's
 * file (`stagePage`), keeping what it holds of those that are the same files as when they were
 * staged (their identity recorded in `STAGED_FROM`), linked or cut to what the index reads of them
 * since (`condenseStagedPages`): a rebuild over a published site, whose unchanged pages are the
 * same files, stages a few of a part's thousands again (linking 3,000 pages into a new folder and
 * deleting it took 0.3–0.5 s). Only for a file system that lists a folder by its names
 * (`listsInOrderMade`): the order pages were staged in does not show. Throws if a page cannot be
 * found or linked.
 */
function restagePages(siteDir: string, pages: string[], stage: string): string {
  const wanted = new Set(pages);
  const record = join(stage, STAGED_FROM);
  let stagedFrom: Record<string, string> = {};
  try {
    stagedFrom = JSON.parse(readFileSync(record, 'utf8')) as Record<string, string>;
  } catch {
    // None yet, or unreadable: every page is staged again.
  }
  const staged = new Set<string>();
  if (existsSync(stage)) {
    for (const entry of readdirSync(stage, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) continue;
      const file = join(entry.parentPath, entry.name);
      const page = relative(stage, file);
      if (wanted.has(page)) staged.add(page);
      if (wanted.has(page) || file === record) continue;
      rmSync(file, { force: true });
      // The folder of a release no longer in this part, unless something else is in it.
      try {
        rmdirSync(dirname(file));
      } catch {
        // not empty
      }
    }
  }
  const now: Record<string, string> = {};
  let changed = false;
  for (const page of pages) {
    const { dev, ino, mtimeNs, size } = statSync(join(siteDir, page), { bigint: true });
    now[page] = `${dev}:${ino}:${mtimeNs}:${size}`;
    if (staged.has(page) && stagedFrom[page] === now[page]) continue;
    changed = true;
    rmSync(join(stage, page), { recursive: true, force: true });
    stagePage(siteDir, page, join(stage, page));
  }
  if (changed || Object.keys(stagedFrom).length !== pages.length) writeFileSync(record, JSON.stringify(now));
  return stage;
}

/**
 * In a folder of staged pages (`restagePages`), what each page was staged from: the device, inode,
 * modification time and size of the site's file. Not a page: Pagefind reads only INDEXED_PAGES.
 */
const STAGED_FROM = 'staged-from.json';

/**
 * Replaces each page staged in `stageDir` (`restagePages`) that is still a link to a page of the
 * site by what the index reads of it (`indexedPart`), written beside it and renamed over the link,
 * so the site's file is never written. `npm run build` runs it over a published site while Astro
 * starts, when it has a core to spare: an index written later in that build, or in the next,
 * reads the pages of its part so cut (the pages that build renders again are linked again, and
 * cut in the build after). Returns how many it cut; stops between pages once `stopped` says so.
 */
export async function condenseStagedPages(stageDir: string, stopped: () => boolean = () => false): Promise<number> {
  let condensed = 0;
  if (!existsSync(stageDir)) return condensed;
  const files = readdirSync(stageDir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name === 'index.html',
  );
  for (const [i, entry] of files.entries()) {
    // A turn for the build's other work every so often.
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    if (stopped()) break;
    const file = join(entry.parentPath, entry.name);
    if (statSync(file).nlink < 2) continue; // cut already, or a copy
    const part = indexedPart(readFileSync(file, 'latin1'));
    if (part === undefined) continue;
    const next = `${file}.next`;
    writeFileSync(next, part, 'latin1');
    renameSync(next, file);
    condensed++;
  }
  return condensed;
}

/** True if `a` and `b` are on one file system, where a file of one can be linked into the other. */
function sameFileSystem(a: string, b: string): boolean {
  return statSync(a).dev === statSync(b).dev;
}

/**
 * Of the folders below `stageDir` where `writeSearchIndex` keeps each index's pages, removes those
 * of any index but the split ones of `bundles` (`searchBundles`): a volume the archive no longer
 * has, or every one once the index is no longer split, so their links hold no old page.
 */
export function forgetStagedPages(stageDir: string, bundles: readonly SearchBundle[]): void {
  const kept = new Set(bundles.filter((bundle) => bundle.split).map((bundle) => bundle.dir));
  const below = (dir: string) => (existsSync(join(stageDir, dir)) ? readdirSync(join(stageDir, dir)) : []);
  // SEARCH_BUNDLE_DIR, and each volume's folder in ARCHIVE_BUNDLE_DIR.
  const indexes = below('').flatMap((name) =>
    name === ARCHIVE_BUNDLE_DIR ? below(name).map((volume) => `${name}/${volume}`) : [name],
  );
  for (const dir of indexes) if (!kept.has(dir)) rmSync(join(stageDir, dir), { recursive: true, force: true });
  if (below(ARCHIVE_BUNDLE_DIR).length === 0)
    rmSync(join(stageDir, ARCHIVE_BUNDLE_DIR), { recursive: true, force: true });
}

/** Where the index splits, as the built search page records it. */
interface RecordedSplit {
  /** The first instant of the first index. */
  from: string;
  /** The archive's volumes, newest first. */
  archive: ArchiveVolume[];
}

/** The HTML escapes Astro writes in an attribute's value, undone. */
const unescapeAttribute = (value: string) =>
  value.replace(/&(quot|#39|lt|gt|amp);/g, (_, name: string) => ATTRIBUTE_ESCAPES[name]!);
const ATTRIBUTE_ESCAPES: Record<string, string> = { quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' };

/**
 * Where the built site's search page says the index splits (src/newsroom.ts: searchSplit), or
 * undefined for one index.
 */
function recordedSplit(siteDir: string): RecordedSplit | undefined {
  const page = join(siteDir, TRANSLATED_PAGES.search, 'index.html');
  if (!existsSync(page)) return undefined;
  const html = readFileSync(page, 'utf8');
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(html)?.[1];
  const from = attribute(SPLIT_FROM_ATTRIBUTE);
  if (from === undefined) return undefined;
  const archive = attribute(ARCHIVE_ATTRIBUTE);
  let volumes: ArchiveVolume[];
  try {
    volumes = readArchive(unescapeAttribute(archive ?? ''));
  } catch (error) {
    return fail('splitting the index', [`${page}: ${(error as Error).message}`]);
  }
  if (volumes[0]!.from >= from) {
    fail('splitting the index', [
      `${page}: the archive's newest volume starts at ${volumes[0]!.from}, not before ${from}`,
    ]);
  }
  return { from, archive: volumes };
}

/** The instant of issue a release page records for the index (src/lib/search.ts: searchRecord). */
const INSTANT = /\sdata-instant="([^"]+)"/;

/** How much of a page to read first for its instant: a release page records it before its text. */
const HEAD_BYTES = 16 * 1024;
const head = Buffer.alloc(HEAD_BYTES);

/**
 * The instant a page records (`INSTANT`), read from the start of the file, and from the whole file
 * only when the start does not hold it: a rebuild at 10,000 releases asks of every release page.
 */
function pageInstant(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, head, 0, HEAD_BYTES, 0);
    // An instant is ASCII: read as Latin-1, the bytes need no decoding (0.16 s at 10,000 pages as
    // UTF-8, 0.08 s so). A value cut off at the end has no closing quote yet, so it does not match.
    const found = INSTANT.exec(head.toString('latin1', 0, read))?.[1];
    if (found !== undefined || read < HEAD_BYTES) return found;
  } finally {
    closeSync(fd);
  }
  return INSTANT.exec(readFileSync(file, 'utf8'))?.[1];
}

/** One index Pagefind writes: its folder in the site, and the pages it reads (sorted). */
export interface SearchBundle {
  dir: string;
  pages: string[];
  /** True when the index is split: the bundle reads some of the pages only. */
  split: boolean;
}

/**
 * The indexes of the built site in `siteDir` and the pages each reads: one, or, once the search
 * page records a split (`recordedSplit`), the releases issued from its instant on with the About
 * and Contacts pages in the first, and each older release in the archive's volume its instant
 * falls in. Each is written (or kept) on its own. `instants`: the instant each page records, by
 * page, where already known ('' for a page that records none), so that the page is not read for it
 * (scripts/build.ts: the published site's pages a rebuild kept); those of the pages read are added.
 */
export function searchBundles(siteDir: string, instants = new Map<string, string>()): SearchBundle[] {
  const pages = indexedPages(siteDir);
  // An empty index would ship a search page that never finds anything: fail the build instead.
  if (pages.length === 0) fail('indexing', [`found no HTML pages in ${siteDir}`]);
  const split = recordedSplit(siteDir);
  if (split === undefined) return [{ dir: SEARCH_BUNDLE_DIR, pages, split: false }];
  const recent: string[] = [];
  const volumes = split.archive.map((volume) => ({ ...volume, pages: [] as string[] }));
  const unplaced: string[] = [];
  for (const page of pages) {
    let known = instants.get(page);
    if (known === undefined) instants.set(page, (known = pageInstant(join(siteDir, page)) ?? ''));
    const instant = known || undefined;
    // The pages the pattern reads that Pagefind skips (the year lists, a release's former address)
    // are left out, so that a change to one does not make a part's index be written again.
    if (instant === undefined) continue;
    // Undated pages (About, Contacts) go with the latest releases.
    if (instant === UNDATED || instant >= split.from) recent.push(page);
    else (volumes.find((volume) => instant >= volume.from)?.pages ?? unplaced).push(page);
  }
  if (unplaced.length > 0) {
    const oldest = split.archive.at(-1)?.from;
    fail('splitting the index', [`no volume of the archive (the oldest from ${oldest}) holds ${unplaced.join(', ')}`]);
  }
  const empty = volumes.filter((volume) => volume.pages.length === 0);
  if (empty.length > 0) {
    fail(
      'splitting the index',
      empty.map((volume) => `the search page puts releases from ${volume.from} in ${volume.dir}/, but none is there`),
    );
  }
  return [
    { dir: SEARCH_BUNDLE_DIR, pages: recent, split: true },
    ...volumes.map(({ dir, pages: volumePages }) => ({ dir, pages: volumePages, split: true })),
  ];
}

/**
 * Writes the Pagefind index of the built site in `siteDir` into its `pagefind/` folder (and, once
 * the archive is split, each volume of the older years into its folder in `pagefind-archive/`),
 * and says what it indexed. `bundles`: those of `searchBundles` to write (scripts/build.ts keeps
 * the others); `atOnce`: how many of them Pagefind writes at the same time (`INDEXES_AT_ONCE`);
 * `signal`: stops Pagefind when aborted (scripts/build.ts, when Astro fails while the index is
 * written), and the index fails; `stageDir`: a folder outside the site, on its file system, where
 * each part's pages are linked for Pagefind to read and left for the next build (`restagePages`),
 * instead of a folder inside the site linked anew and deleted; `previousDir`: the published site,
 * whose index files the new index has in the same bytes are linked rather than written again
 * (`writeIndexFiles`). Fails (throws) rather than ship a search that can never find anything.
 */
export async function writeSearchIndex(
  siteDir: string,
  bundles = searchBundles(siteDir),
  {
    atOnce = 1,
    signal,
    stageDir,
    previousDir,
    whileWriting,
  }: {
    atOnce?: number;
    signal?: AbortSignal;
    stageDir?: string;
    previousDir?: string;
    /**
     * Called once, as soon as Pagefind has read the first index's pages and builds its files (which
     * leaves a core idle): work of the caller's that can run meanwhile. What it throws is only
     * logged.
     */
    whileWriting?: () => void;
  } = {},
): Promise<string> {
  // A Pagefind process that dies (a panic) leaves its wrapper waiting for ever; Node, with nothing
  // else to do, would then exit as if the build had succeeded.
  const unanswered = () => {
    console.error('Search index: Pagefind stopped without answering; the index was not written.');
    process.exitCode = 1;
  };
  process.once('exit', unanswered);
  const services: (typeof pagefind)[] = [];
  let workers: Promise<void>[] = [];
  // Once one index fails, no other is begun: the build stops.
  let failed = false;
  // Closing a service fails the request it is answering.
  const stop = () => {
    failed = true;
    for (const service of services) void service.close();
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if (signal?.aborted) fail('indexing', ['stopped before it began']);
    const inOrderMade = listsInOrderMade(siteDir);
    if (stageDir) mkdirSync(stageDir, { recursive: true });
    const persistent = stageDir !== undefined && !inOrderMade && sameFileSystem(stageDir, siteDir);
    // Pagefind reads a folder: the site's own, unless it holds another bundle's pages too.
    const sources = bundles.map((bundle) => {
      if (!inOrderMade && !bundle.split) return siteDir;
      if (persistent) {
        try {
          return restagePages(siteDir, bundle.pages, join(stageDir, bundle.dir));
        } catch (error) {
          // As a folder of the site's own, where a page that cannot be linked is copied.
          console.warn(`Search index: ${bundle.dir}/ read from pages linked anew: ${(error as Error).message}`);
          rmSync(join(stageDir, bundle.dir), { recursive: true, force: true });
        }
      }
      return stagePages(siteDir, bundle.pages, bundle.dir);
    });
    const said: string[] = [];
    let next = 0;
    let meanwhile = whileWriting;
    const building = () => {
      const work = meanwhile;
      meanwhile = undefined;
      try {
        work?.();
      } catch (error) {
        // The request just sent still gets its answer; the caller's work is the caller's to mend.
        console.warn(`Search index: ${(error as Error).message}`);
      }
    };
    const writeNext = async (service: typeof pagefind) => {
      while (!failed && next < bundles.length) {
        const i = next++;
        said[i] = await writeBundle(service, siteDir, bundles[i]!, sources[i]!, () => failed, previousDir, building);
      }
    };
    const slots = Math.max(1, Math.min(bundles.length, atOnce));
    for (let slot = 0; slot < slots; slot++) services.push(await pagefindService(slot));
    if (signal?.aborted) fail('indexing', ['stopped before it began']);
    workers = services.map((service) =>
      writeNext(service).catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    );
    await Promise.all(workers);
    return `indexed ${said.join('; ')}`;
  } finally {
    failed = true;
    // Pagefind runs as child processes; close them so the build can exit, and let every index
    // being written stop before its pages go.
    await Promise.all(services.map((service) => service.close()));
    await Promise.allSettled(workers);
    rmSync(join(siteDir, STAGE_DIR), { recursive: true, force: true });
    process.off('exit', unanswered);
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * How many indexes `npm run build` writes at once (a large archive's parts). Pagefind's service
 * answers one request at a time and leaves a core idle for much of writing an index, so each part
 * written alongside another has a service of its own. At 10,000 releases, its four parts one after
 * the other took 9.0–12.6 s, two at a time 7.2 s, all four at once 6.5–6.9 s, in the same bytes
 * (BENCHMARKS.md). A bare `astro build` writes one at a time: inside Astro the wrapper's module
 * cannot be loaded again (`pagefindService`).
 */
export const INDEXES_AT_ONCE = 4;

/**
 * Pagefind's wrapper with a service process of its own: the wrapper keeps one per module instance,
 * and the same module under another URL (a query) is another instance. Slot 0 is the one imported.
 * For Node only: Astro's module runner, which loaded this module for the build, has closed by the
 * time the build is done.
 */
async function pagefindService(slot: number): Promise<typeof pagefind> {
  if (slot === 0) return pagefind;
  return (await import(/* @vite-ignore */ `${import.meta.resolve('pagefind')}?service=${slot}`)) as typeof pagefind;
}

/**
 * Writes `bundle`'s index into the site in `siteDir` with `service`, from the pages in `source`,
 * and says what it indexed. Asks nothing more of the service once `stopped` (another index
 * failed, and the services are closed): the wrapper would start its process again. Calls
 * `building` once the pages are read and Pagefind builds the files.
 */
async function writeBundle(
  service: typeof pagefind,
  siteDir: string,
  bundle: SearchBundle,
  source: string,
  stopped: () => boolean,
  previousDir: string | undefined,
  building: () => void = () => {},
): Promise<string> {
  const halt = () => {
    if (stopped()) throw new Error(`Search index: ${bundle.dir}/ not written, as another part failed`);
  };
  const ask = <T>(request: () => Promise<T>): Promise<T> => {
    halt();
    return request();
  };
  const created = await ask(() => service.createIndex(INDEX_SETTINGS));
  if (!created.index) fail('creating the index', created.errors);
  const { index } = created;
  const added = await ask(() => index.addDirectory({ path: source, glob: INDEXED_PAGES }));
  if (added.errors.length > 0) fail(`reading the pages in ${siteDir}`, added.errors);
  const output = join(siteDir, bundle.dir);
  const earlier = previousDir === undefined ? undefined : join(previousDir, bundle.dir);
  let reused = '';
  if (earlier !== undefined && existsSync(earlier)) {
    const getting = ask(() => index.getFiles());
    building();
    const got = await getting;
    if (got.errors.length > 0) fail('writing the index', got.errors);
    halt();
    const linked = writeIndexFiles(output, got.files, earlier);
    reused = ` (${linked} of its ${got.files.length} files the published ones)`;
  } else {
    const writing = ask(() => index.writeFiles({ outputPath: output }));
    building();
    const written = await writing;
    if (written.errors.length > 0) fail('writing the index', written.errors);
  }
  // The service keeps every index it made until told otherwise.
  await ask(() => index.deleteIndex());
  // addDirectory counts every page it read; the entry file counts those actually indexed.
  const entry = JSON.parse(await readFile(join(output, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.entries(entry.languages).map(([language, { page_count }]) => `${language}: ${page_count}`);
  return `${indexed.join(', ')} of ${added.page_count} pages into ${bundle.dir}/${reused}`;
}

/**
 * Writes an index's `files` (Pagefind's `getFiles`) into `dir`, linking each that the index in
 * `earlier` (the published site's) already has in the same bytes instead of writing it again, and
 * says how many it linked. Pagefind names its fragments and word chunks by their content, so a part
 * re-indexed for one changed page is nearly all the files it was: at 3,000 pages, making its files
 * this way took 1.35–1.79 s where Pagefind's writing them took 1.86–2.58 s (BENCHMARKS.md). A file
 * that cannot be compared or linked (another file system) is written; never into a file already
 * there, which could be a link to a published one.
 */
function writeIndexFiles(
  dir: string,
  files: readonly { path: string; content: Uint8Array }[],
  earlier: string,
): number {
  const made = new Set<string>();
  let linked = 0;
  for (const { path, content } of files) {
    const [file, before] = [join(dir, path), join(earlier, path)];
    if (!made.has(dirname(file))) {
      mkdirSync(dirname(file), { recursive: true });
      made.add(dirname(file));
    }
    try {
      if (
        statSync(before, { throwIfNoEntry: false })?.size === content.length &&
        readFileSync(before).equals(content)
      ) {
        linkSync(before, file);
        linked++;
        continue;
      }
    } catch {
      // written below
    }
    rmSync(file, { force: true });
    writeFileSync(file, content);
  }
  return linked;
}

/**
 * What the index depends on besides the pages it reads: the Pagefind program that runs (its bytes:
 * `PAGEFIND_BINARY_PATH` and the like choose another) and its wrapper's version, its settings,
 * which pages it reads, where it writes, and this module's code. `npm run build` keeps the
 * published index only while this is unchanged and no page it reads changed (scripts/build.ts).
 * For Node only (it reads files next to this module and Pagefind's), not for Astro's bundle.
 */
export async function searchIndexKey(): Promise<string> {
  const wrapper = import.meta.resolve('pagefind');
  const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', wrapper)), 'utf8')) as {
    version: string;
  };
  // The wrapper's own choice of program (lib/resolveBinary.js; not among the package's exports).
  const { resolveBinaryPath } = (await import(/* @vite-ignore */ new URL('resolveBinary.js', wrapper).href)) as {
    resolveBinaryPath: (names: string[]) => string;
  };
  return createHash('sha256')
    .update(
      JSON.stringify({
        version,
        settings: INDEX_SETTINGS,
        pages: INDEXED_PAGES,
        bundles: [SEARCH_BUNDLE_DIR, ARCHIVE_BUNDLE_DIR],
      }),
    )
    .update(readFileSync(resolveBinaryPath(['pagefind_extended', 'pagefind'])))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
}

/**
 * Set by `npm run build` (scripts/build.ts), which writes the index itself, to the number of a pipe
 * on which Astro's process says (`PAGES_GENERATED`) when every page is written: the index is begun
 * then, while Astro writes the sitemaps and exits, and never in Astro's process.
 */
export const INDEX_AFTER_BUILD = 'NEWSROOM_SEARCH_INDEX_AFTER_BUILD';

/** What Astro's process says on that pipe once the pages are written. */
export const PAGES_GENERATED = 'pages generated';

/**
 * Says on the pipe `fd` that the pages are written, and closes it. Anything else at that number (a
 * variable set by hand, say) is left alone: scripts/build.ts then begins the index once Astro exits.
 */
function sayGenerated(fd: number, logger: AstroIntegrationLogger): void {
  try {
    const stat = fstatSync(fd);
    if (!stat.isSocket() && !stat.isFIFO()) throw new Error('not a pipe');
    writeSync(fd, `${PAGES_GENERATED}\n`);
    closeSync(fd);
  } catch (error) {
    logger.warn(`could not tell npm run build on pipe ${fd} that the pages are written: ${(error as Error).message}`);
  }
}

export default function searchIndex(): AstroIntegration {
  const pipe = () => process.env[INDEX_AFTER_BUILD];
  return {
    name: 'newsroom:search-index',
    hooks: {
      'astro:build:generated': ({ logger }) => {
        const fd = Number(pipe());
        if (Number.isInteger(fd) && fd > 2) sayGenerated(fd, logger);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (pipe()) {
          logger.info('left to scripts/build.ts, which writes it beside Astro once the pages are written');
          return;
        }
        logger.info(await writeSearchIndex(fileURLToPath(dir)));
      },
    },
  };
}
