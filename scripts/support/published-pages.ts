/**
 * The published site's unchanged pages, reused by the next `npm run build` (why and how:
 * src/lib/reused-pages.ts), and its search index, kept while no page it indexes changed. The
 * published site is only ever read and linked from; links are made and removed in the staging
 * folder alone.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'astro/zod';
import type { SearchBundle } from '../../src/integrations/search-index.ts';
import { DATE_PREFIX } from '../../src/lib/releases.ts';

/** Astro's incremental-build manifest, in its cache folder. */
const MANIFEST_FILE = 'incremental-build.json';
/** Ours, next to it: which site that cache last published, and from which manifest. */
const STAMP_FILE = 'newsroom-published.json';

const manifestSchema = z.object({
  routes: z.record(z.string(), z.object({ paths: z.record(z.string(), z.object({ outputFile: z.string() })) })),
});

/**
 * The name on disk of an output file Astro records as a relative URL (`ja/tags/%E8%87%AA…/index.html`
 * is `ja/tags/自…/index.html`); undefined unless it names a file inside the output folder.
 */
function fileOnDisk(outputFile: string): string | undefined {
  try {
    const segments = outputFile.split('/').map(decodeURIComponent);
    return segments.every((s) => s !== '' && s !== '.' && s !== '..' && !/[\\/\0]/.test(s))
      ? segments.join('/')
      : undefined;
  } catch {
    return undefined; // a malformed escape
  }
}

/**
 * Every page path of a manifest (as Astro names it: `/releases/x/`, `/ja/feed.json`) and its output
 * file's name on disk, relative to the output folder. Throws if `manifest` is not one.
 */
export function manifestPages(manifest: unknown): Map<string, string> {
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) throw new Error(`${MANIFEST_FILE}: not the incremental-build manifest this version reads`);
  const pages = new Map<string, string>();
  for (const route of Object.values(parsed.data.routes)) {
    for (const [path, { outputFile }] of Object.entries(route.paths)) {
      const file = fileOnDisk(outputFile);
      if (file === undefined) {
        throw new Error(`${MANIFEST_FILE}: ${path}: expected a file inside the site, found "${outputFile}"`);
      }
      pages.set(path, file);
    }
  }
  return pages;
}

/**
 * The cache's manifest as a file: its bytes, their digest, and whether Astro wrote it since
 * `forgetPublishedSite` (which dates it to 1970); undefined if there is none.
 */
function manifestFile(cacheDir: string) {
  const file = join(cacheDir, MANIFEST_FILE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return {
    bytes,
    digest: createHash('sha256').update(bytes).digest('hex'),
    written: statSync(file).mtimeMs > 0,
  };
}

/** The cache's manifest (`manifestFile`) with its pages' files; undefined if there is none. */
function readManifest(cacheDir: string) {
  const manifest = manifestFile(cacheDir);
  return manifest && { ...manifest, files: new Set(manifestPages(JSON.parse(manifest.bytes.toString())).values()) };
}

const stampSchema = z.object({
  site: z.string(),
  folder: z.string(),
  manifest: z.string(),
  /**
   * The published search index: how it was made (`searchIndexKey`), and for each of its folders
   * (`searchBundles`) which pages it read, those pages and its files, as `recordBundle` saw them
   * (a folder kept from the site before keeps that site's record of its files, which are its
   * links' very files: `linkPublishedBundle`). A stamp from before the index had parts says
   * nothing of it.
   */
  search: z
    .object({
      key: z.string(),
      bundles: z.array(z.object({ dir: z.string(), list: z.string(), pages: z.string(), files: z.string() })),
      /**
       * The instant each page it read records ('' for none), with the page's inode and modification
       * time then (`recordInstants`): the next build reads it again only if it changed.
       */
      instants: z
        .record(z.string(), z.tuple([z.string(), z.string(), z.string()]))
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});
/** What the stamp says of the published search index. */
export type SearchStamp = NonNullable<z.infer<typeof stampSchema>['search']>;
export type BundleStamp = SearchStamp['bundles'][number];

/**
 * Which folder this is: device, inode, and its birth and change times, so that a folder swapped in
 * later by another build — even one given the freed inode number back — is another one.
 */
function folderIdentity(dir: string): string {
  const { dev, ino, birthtimeNs, ctimeNs } = statSync(dir, { bigint: true });
  return [dev, ino, birthtimeNs, ctimeNs].join(':');
}

/** A page linked into the staging folder: the file it shares with the published site. */
export type LinkedPage = PageFile;

/** What this build reuses of the published site: its pages, linked, and how its index was made. */
export interface PublishedSite {
  pages: Map<string, LinkedPage>;
  search: SearchStamp | undefined;
}

/** Every file under `dir`, relative to it, in order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * The names, sizes, inodes and modification times of `files` in `dir`: a file changed, added or
 * removed since shows (renaming `dir` keeps them).
 */
function statsDigest(dir: string, files: string[], seen?: Map<string, PageFile>): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const { size, ino, mtimeNs } = statSync(join(dir, file), { bigint: true });
    hash.update(`${file}\0${size}\0${ino}\0${mtimeNs}\n`);
    seen?.set(file, { inode: ino, modifiedNs: mtimeNs });
  }
  return hash.digest('hex');
}

/** Which file a page is, and since when it holds what it holds. */
export interface PageFile {
  inode: bigint;
  modifiedNs: bigint;
}

/** The files of the search index folder `bundle` in the site `dir`, relative to the site. */
const bundleFiles = (dir: string, bundle: string) => filesUnder(join(dir, bundle)).map((file) => join(bundle, file));

/** Which pages a search index folder reads: their names, in order. */
const listDigest = (pages: string[]) => createHash('sha256').update(pages.join('\n')).digest('hex');

/**
 * The pages an index folder of the site in `dir` reads, as `statsDigest` sees them; each page's
 * file is added to `seen`, if given.
 */
export const bundlePagesDigest = (dir: string, bundle: SearchBundle, seen?: Map<string, PageFile>) =>
  statsDigest(dir, bundle.pages, seen);

/**
 * What the next build needs to know of each page's instant (`searchBundles`) without reading it:
 * the instant, with the file that held it (`seen`, by `bundlePagesDigest` before the index read the
 * pages).
 */
export function recordInstants(
  instants: ReadonlyMap<string, string>,
  seen: ReadonlyMap<string, PageFile>,
): Record<string, [string, string, string]> {
  const record: Record<string, [string, string, string]> = {};
  for (const [page, file] of seen) {
    const instant = instants.get(page);
    if (instant !== undefined) record[page] = [instant, String(file.inode), String(file.modifiedNs)];
  }
  return record;
}

/**
 * The instants (`searchBundles`) of the pages of the published site this build kept (`unchanged`:
 * still its very files, `linked`) that the published index recorded (`recordInstants`), where each
 * is still the file it recorded, unmodified since, and the index was made the same way (`key`).
 */
export function knownInstants(
  recorded: SearchStamp | undefined,
  key: string | undefined,
  linked: ReadonlyMap<string, LinkedPage>,
  unchanged: ReadonlySet<string>,
): Map<string, string> {
  const known = new Map<string, string>();
  if (!recorded?.instants || recorded.key !== key) return known;
  for (const page of unchanged) {
    const entry = recorded.instants[page];
    const file = linked.get(page);
    if (entry && file && entry[1] === String(file.inode) && entry[2] === String(file.modifiedNs)) {
      known.set(page, entry[0]);
    }
  }
  return known;
}

/**
 * What the next build checks before keeping the index folder `bundle` of the site in `dir`, once
 * written: `pagesRead` is `bundlePagesDigest` from before it was written.
 */
export function recordBundle(dir: string, bundle: SearchBundle, pagesRead: string): BundleStamp {
  return {
    dir: bundle.dir,
    list: listDigest(bundle.pages),
    pages: pagesRead,
    files: statsDigest(dir, bundleFiles(dir, bundle.dir)),
  };
}

/** True if `a` and `b` are the same file, or hold the same bytes. */
function sameContent(a: string, b: string): boolean {
  const [x, y] = [statSync(a, { bigint: true }), statSync(b, { bigint: true })];
  if (x.dev === y.dev && x.ino === y.ino) return true;
  return x.size === y.size && readFileSync(a).equals(readFileSync(b));
}

/** The published site a build may reuse the pages of: which they are, and how its index was made. */
export interface ReusableSite {
  files: string[];
  search: SearchStamp | undefined;
}

/**
 * The pages of Astro's manifest, provided the published site `site` is the very folder a build
 * published from that manifest (`stampPublishedSite`): a site built since from other content, by
 * another cache, or by a build that failed after Astro wrote its manifest is never reused. Returns
 * them with what the stamp says of the site's search index, or undefined when nothing can be
 * reused. Read before Astro starts, as it rewrites the manifest.
 */
export function reusableSite(site: string, cacheDir: string): ReusableSite | undefined {
  let stamp: z.infer<typeof stampSchema>;
  try {
    stamp = stampSchema.parse(JSON.parse(readFileSync(join(cacheDir, STAMP_FILE), 'utf8')));
  } catch {
    return undefined; // never stamped, or unreadable
  }
  const manifest = readManifest(cacheDir);
  if (!manifest || manifest.digest !== stamp.manifest || stamp.site !== site) return undefined;
  try {
    if (folderIdentity(site) !== stamp.folder) return undefined;
  } catch {
    return undefined; // no published site
  }
  return { files: [...manifest.files], search: stamp.search };
}

/**
 * Hard-links into `staging` each of `files` that the published site `site` still holds, and records
 * each in `linked` as it is made; not a file `publicDir` now holds instead of a page, which Astro
 * copies into `staging` as this runs. Throws if a link cannot be made (e.g. a file system without
 * hard links); `linked` then holds those made, for `unlinkPages`.
 */
export function linkPages(
  site: string,
  staging: string,
  files: string[],
  linked: Map<string, LinkedPage>,
  publicDir: string,
): void {
  const made = new Set<string>();
  // Listed once: a handful of files, asked of every page.
  const inPublic = new Set(existsSync(publicDir) ? readdirSync(publicDir, { recursive: true, encoding: 'utf8' }) : []);
  for (const file of files) {
    if (inPublic.has(file)) continue;
    const from = join(site, file);
    let stat;
    try {
      stat = statSync(from, { bigint: true });
    } catch {
      continue; // deleted from the published site by hand: Astro copies it from its cache
    }
    const to = join(staging, file);
    if (!made.has(dirname(to))) mkdirSync(dirname(to), { recursive: true });
    made.add(dirname(to));
    linkSync(from, to);
    linked.set(file, { inode: stat.ino, modifiedNs: stat.mtimeNs });
  }
}

/** Removes a linked page from `staging`, with the folders it leaves empty. */
function unlinkPage(staging: string, file: string): void {
  const path = join(staging, file);
  unlinkSync(path);
  for (let dir = dirname(path); dir !== staging; dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      break; // not empty
    }
  }
}

/** Removes every page of `linked` from `staging`: the build then reuses none of them. */
export function unlinkPages(staging: string, linked: Map<string, LinkedPage>): void {
  for (const file of linked.keys()) unlinkPage(staging, file);
  linked.clear();
}

/**
 * Once the staging folder holds every page this build publishes: the published site's record of the
 * index folder `bundle` (`searchBundles`), if that folder may be kept — Pagefind would write the
 * same bytes. It may if it reads the same pages as the published one did, each the same file or the
 * same bytes (`unchanged`: the pages still linked to the published site's, which need no
 * comparing), if the published index was made the same way (`key`, from `searchIndexKey`), and if
 * the pages it read have not changed since it was published (`pagesRead`: `bundlePagesDigest` of
 * the staging folder's). Whether its files have is checked as they are linked
 * (`linkPublishedBundle`); otherwise the caller writes it. Throws if a page cannot be read.
 */
export function keepableBundle(
  site: string,
  staging: string,
  recorded: SearchStamp | undefined,
  key: string,
  bundle: SearchBundle,
  unchanged: ReadonlySet<string>,
  pagesRead: string,
): BundleStamp | undefined {
  const stamp = recorded?.key === key ? recorded.bundles.find(({ dir }) => dir === bundle.dir) : undefined;
  if (!stamp || stamp.list !== listDigest(bundle.pages)) return undefined;
  // Something of the same name (public/) for Pagefind to write over.
  if (existsSync(join(staging, bundle.dir))) return undefined;
  const same = (page: string) =>
    unchanged.has(page) || (existsSync(join(site, page)) && sameContent(join(staging, page), join(site, page)));
  if (!bundle.pages.every(same)) return undefined;
  // The pages all still the published files, the staging folder's digest is the published site's.
  const published = bundle.pages.every((page) => unchanged.has(page)) ? pagesRead : statsDigest(site, bundle.pages);
  return published === stamp.pages ? stamp : undefined;
}

/**
 * Links the index folder `bundle` of the published site `site` into `staging`, provided its files
 * are still those its record (`stamp`, from `keepableBundle`) saw, and returns what the next build
 * checks before keeping it (`recordBundle`): its links are those very files. Returns undefined if
 * they changed; throws, leaving none of it behind, if they cannot be read or linked.
 */
export function linkPublishedBundle(
  site: string,
  staging: string,
  bundle: SearchBundle,
  stamp: BundleStamp,
  pagesRead: string,
): BundleStamp | undefined {
  const files = bundleFiles(site, bundle.dir);
  if (statsDigest(site, files) !== stamp.files) return undefined;
  try {
    const made = new Set<string>();
    for (const file of files) {
      const dir = dirname(join(staging, file));
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      linkSync(join(site, file), join(staging, file));
    }
  } catch (error) {
    rmSync(join(staging, bundle.dir), { recursive: true, force: true });
    throw error;
  }
  return { ...stamp, pages: pagesRead };
}

/**
 * Once Astro has built into `staging`: removes the linked pages this build does not publish (a
 * release deleted, unpublished or moved), with the folders they leave empty. Returns the linked
 * pages it kept (each still the published file), those it removed, and the files that were written
 * through their link — a writer `src/middleware.ts` does not see changed the published file too.
 */
export function dropUnpublishedPages(linked: Map<string, LinkedPage>, staging: string, cacheDir: string) {
  const manifest = readManifest(cacheDir);
  // A manifest this build did not write (incremental builds switched off) says nothing of it.
  const published = manifest?.written ? manifest.files : new Set<string>();
  const kept = new Set<string>();
  const dropped: string[] = [];
  const writtenThrough: string[] = [];
  for (const [file, page] of linked) {
    const path = join(staging, file);
    let now;
    try {
      now = statSync(path, { bigint: true });
    } catch {
      continue; // unlinked before its page was rendered, and not written again
    }
    if (now.ino !== page.inode) continue; // rendered again, into a file of its own
    if (now.mtimeNs !== page.modifiedNs) writtenThrough.push(file);
    if (published.has(file)) {
      kept.add(file);
      continue;
    }
    unlinkPage(staging, file);
    dropped.push(file);
  }
  return { kept, dropped, writtenThrough };
}

/**
 * Called before Astro starts: forgets which site the cache published, as Astro is about to rewrite
 * the manifest, and dates the manifest to 1970, so that whether Astro wrote it shows afterwards
 * however coarse the file system's clock.
 */
export function forgetPublishedSite(cacheDir: string): void {
  rmSync(join(cacheDir, STAMP_FILE), { force: true });
  try {
    utimesSync(join(cacheDir, MANIFEST_FILE), 0, 0);
  } catch {
    // no manifest yet
  }
}

/**
 * Records in Astro's cache that `site` has just been published from the manifest Astro wrote in
 * this build, with what `search` says of its search index (none: the next build writes a new one);
 * nothing if Astro wrote no manifest.
 */
export function stampPublishedSite(site: string, cacheDir: string, search: SearchStamp | undefined): void {
  // Read by the next build (`reusableSite`), which refuses it if it is no manifest.
  const manifest = manifestFile(cacheDir);
  if (!manifest?.written) return;
  const stamp = { site, folder: folderIdentity(site), manifest: manifest.digest, search };
  writeFileSync(join(cacheDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** A release's page (`releases/2007-03-30-…/index.html`, in any language's folder), not a list's. */
const RELEASE_PAGE = new RegExp(`(?:^|/)releases/${DATE_PREFIX.source.replace(/^\^/, '')}[^/]+/index\\.html$`, 'u');

/**
 * Of the files a build no longer publishes (`dropped`, relative to the published site `site`,
 * which still holds them), the pages of releases: not lists, feeds or other files, nor the page a
 * release left at a former address (`redirectFrom`), which goes with it.
 */
export function droppedReleasePages(site: string, dropped: readonly string[]): string[] {
  return dropped.filter((file) => {
    if (!RELEASE_PAGE.test(file)) return false;
    try {
      return !/<meta http-equiv="refresh"/i.test(readFileSync(join(site, file), 'utf8'));
    } catch {
      return true; // gone from the published site too: a release's page all the same
    }
  });
}

/**
 * What a build says of the published release pages it no longer publishes (`droppedReleasePages`):
 * their addresses, a few of them, and what to do should a release have moved (a new date or file
 * name) rather than gone; undefined when none went.
 */
export function droppedPagesWarning(dropped: readonly string[]): string | undefined {
  const pages = dropped.map((file) => file.slice(0, -'index.html'.length));
  if (pages.length === 0) return undefined;
  const shown = pages.slice(0, 5).join(', ');
  const more = pages.length > 5 ? ` and ${pages.length - 5} more` : '';
  const which =
    pages.length === 1 ? 'release page of the published site is' : 'release pages of the published site are';
  return (
    `newsroom: ${pages.length} ${which} no longer built: ${shown}${more}. A release unpublished, deleted ` +
    'or moved (a new date or file name)? If it moved, list its old address under redirectFrom: in the ' +
    'release, so that links to it still lead to it'
  );
}
