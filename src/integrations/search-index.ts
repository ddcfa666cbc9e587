/**
 * Writes the Pagefind search index into the built site, so `npm run build` produces site and index
 * in one command: after Astro has exited (scripts/build.ts), or at the end of a bare `astro build`.
 * Runs only after a build: under `astro dev` there is no index, and the /search/ page says so.
 *
 * What gets indexed is decided in the templates: release pages mark their <article>, and the About
 * and Contacts pages their text, with `data-pagefind-body`, so every other page, and the
 * boilerplate, notices and contacts inside releases (`data-pagefind-ignore`), stay out of the index.
 * Only the folders where those pages live are read (INDEXED_PAGES).
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
import { copyFileSync, globSync, linkSync, mkdirSync, opendirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { INDEXED_PAGES, SEARCH_BUNDLE_DIR } from '../lib/search';

/** Pagefind's settings: its defaults. */
const INDEX_SETTINGS: pagefind.PagefindServiceConfig = {};

function fail(step: string, errors: string[]): never {
  throw new Error(`Search index: ${step} failed:\n${errors.join('\n')}`);
}

/** The built pages the index reads (INDEXED_PAGES), as paths relative to `siteDir`, sorted. */
export function indexedPages(siteDir: string): string[] {
  return globSync(INDEXED_PAGES, { cwd: siteDir }).sort();
}

/** Where Pagefind reads the pages from, inside the built site while it does (`stagePages`). */
const STAGE_DIR = '.search-index-pages';

/**
 * Whether the file system under `dir` lists a folder in the order its entries were made (tmpfs,
 * btrfs) rather than by their names (ext4): the same names made in two orders are listed in two.
 */
function listsInOrderMade(dir: string): boolean {
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
 * Links `pages` of the site in `siteDir` into a new folder, in this order, so that a file system
 * that lists a folder by the order its entries were made lists them by their names alone. Copies a
 * page where the file system cannot link it.
 */
function stagePages(siteDir: string, pages: string[]): string {
  const stage = join(siteDir, STAGE_DIR);
  rmSync(stage, { recursive: true, force: true });
  for (const page of pages) {
    mkdirSync(join(stage, dirname(page)), { recursive: true });
    try {
      linkSync(join(siteDir, page), join(stage, page));
    } catch {
      copyFileSync(join(siteDir, page), join(stage, page));
    }
  }
  return stage;
}

/**
 * Writes the Pagefind index of the built site in `siteDir` into its `pagefind/` folder, and says
 * what it indexed. Fails (throws) rather than ship a search that can never find anything.
 */
export async function writeSearchIndex(siteDir: string): Promise<string> {
  const pages = indexedPages(siteDir);
  // An empty index would ship a search page that never finds anything: fail the build instead.
  if (pages.length === 0) fail('indexing', [`found no HTML pages in ${siteDir}`]);
  try {
    const source = listsInOrderMade(siteDir) ? stagePages(siteDir, pages) : siteDir;
    const created = await pagefind.createIndex(INDEX_SETTINGS);
    if (!created.index) fail('creating the index', created.errors);
    const { index } = created;
    const added = await index.addDirectory({ path: source, glob: INDEXED_PAGES });
    if (added.errors.length > 0) fail(`reading the pages in ${siteDir}`, added.errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, SEARCH_BUNDLE_DIR) });
    if (written.errors.length > 0) fail('writing the index', written.errors);
    // addDirectory counts every page it read; the entry file counts those actually indexed.
    const entry = JSON.parse(await readFile(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.entries(entry.languages).map(([language, { page_count }]) => `${language}: ${page_count}`);
    return `indexed ${indexed.join(', ')} of ${added.page_count} pages into ${SEARCH_BUNDLE_DIR}/`;
  } finally {
    // Pagefind runs as a child process; close it so the build can exit.
    await pagefind.close();
    rmSync(join(siteDir, STAGE_DIR), { recursive: true, force: true });
  }
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
    .update(JSON.stringify({ version, settings: INDEX_SETTINGS, pages: INDEXED_PAGES, bundle: SEARCH_BUNDLE_DIR }))
    .update(readFileSync(resolveBinaryPath(['pagefind_extended', 'pagefind'])))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
}

/**
 * Set by `npm run build` (scripts/build.ts), which writes the index itself once Astro has exited,
 * so that Astro's memory and Pagefind's are never held at the same time.
 */
export const INDEX_AFTER_BUILD = 'NEWSROOM_SEARCH_INDEX_AFTER_BUILD';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'newsroom:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[INDEX_AFTER_BUILD] === '1') {
          logger.info('left to scripts/build.ts, which writes it once Astro has exited');
          return;
        }
        logger.info(await writeSearchIndex(fileURLToPath(dir)));
      },
    },
  };
}
