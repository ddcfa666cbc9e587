/**
 * The published site's unchanged pages, reused by the next `npm run build` (why and how:
 * src/lib/reused-pages.ts). The published site is only ever read and linked from; links are made
 * and removed in the staging folder alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'astro/zod';
import { MANIFEST_FILE, manifestPages } from '../../src/lib/reused-pages.ts';

/** Kept in Astro's cache: which site that cache last published, and from which manifest. */
const STAMP_FILE = 'newsroom-published.json';

const stampSchema = z.object({ site: z.string(), device: z.string(), inode: z.string(), manifest: z.string() });

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The stamp `stampPublishedSite` left, if there is a readable one. */
function readStamp(cacheDir: string): z.infer<typeof stampSchema> | undefined {
  try {
    return stampSchema.parse(JSON.parse(readFileSync(join(cacheDir, STAMP_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The folder's identity: a folder swapped in by another build, of other content, is another one. */
function identity(dir: string): { device: string; inode: string } {
  const { dev, ino } = statSync(dir, { bigint: true });
  return { device: String(dev), inode: String(ino) };
}

/** The same file (one inode behind two names)? False when either is missing. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a, { bigint: true }), statSync(b, { bigint: true })];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * Hard-links into `staging` every page of Astro's manifest that the published site `site` holds,
 * provided `site` is the very folder published from that manifest (see `stampPublishedSite`): a
 * site built from other content, by another cache, or by a build that failed after Astro wrote its
 * manifest is never reused. Returns the manifest's pages (path → file), or undefined when nothing
 * was linked. Throws if a link cannot be made (e.g. a file system without hard links); the caller
 * then starts again from an empty folder.
 */
export function linkPublishedPages(site: string, staging: string, cacheDir: string): Map<string, string> | undefined {
  const manifest = readIfThere(join(cacheDir, MANIFEST_FILE));
  const stamp = readStamp(cacheDir);
  if (!manifest || !stamp || stamp.manifest !== sha256(manifest) || stamp.site !== site) return;
  let here: ReturnType<typeof identity>;
  try {
    here = identity(site);
  } catch {
    return; // no published site
  }
  if (here.device !== stamp.device || here.inode !== stamp.inode) return;

  const pages = manifestPages(JSON.parse(manifest.toString()));
  const made = new Set<string>();
  for (const file of pages.values()) {
    const from = join(site, file);
    // Deleted from the published site by hand: Astro copies it from its cache as before.
    if (!existsSync(from)) continue;
    const to = join(staging, file);
    if (!made.has(dirname(to))) mkdirSync(dirname(to), { recursive: true });
    made.add(dirname(to));
    linkSync(from, to);
  }
  return pages;
}

/**
 * Once Astro has built into `staging`: removes the linked pages this build no longer publishes (a
 * release deleted, unpublished or moved), and counts those kept unchanged. A page Astro wrote anew
 * is a file of its own, not a link, and stays.
 */
export function dropUnpublishedPages(linked: Map<string, string>, site: string, staging: string, cacheDir: string) {
  const published = new Set(manifestPages(JSON.parse(readFileSync(join(cacheDir, MANIFEST_FILE), 'utf8'))).values());
  let kept = 0;
  for (const file of linked.values()) {
    if (!sameFile(join(site, file), join(staging, file))) continue;
    if (published.has(file)) {
      kept += 1;
      continue;
    }
    unlinkSync(join(staging, file));
    // And its folders, now empty, as a clean build would not have them.
    for (let dir = dirname(join(staging, file)); dir !== staging; dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break; // not empty
      }
    }
  }
  return kept;
}

/** Records, in Astro's cache, that `site` has just been published from the cache's manifest. */
export function stampPublishedSite(site: string, cacheDir: string): void {
  const manifest = readIfThere(join(cacheDir, MANIFEST_FILE));
  if (!manifest) return;
  const stamp = { site, ...identity(site), manifest: sha256(manifest) };
  writeFileSync(join(cacheDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}
