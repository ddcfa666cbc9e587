/**
 * Writes the Pagefind search index into the built site, so `npm run build` produces site and index
 * in one command: after Astro has exited (scripts/build.ts), or at the end of a bare `astro build`.
 * Runs only after a build: under `astro dev` there is no index, and the /search/ page says so.
 *
 * What gets indexed is decided in the templates: release pages mark their <article> and the About
 * page its text with `data-pagefind-body`, so every other page, and the boilerplate, notices and
 * contacts inside releases (`data-pagefind-ignore`), stay out of the index. Only the folders where
 * those pages live are read (INDEXED_PAGES).
 *
 * Pages are given to Pagefind one by one, in the order of their paths, not as a folder: Pagefind
 * numbers pages in the order it reads them, and it reads a folder in the order the file system
 * lists it, which differs between machines (and between builds, on tmpfs or btrfs, where it is the
 * order Astro happened to write the pages). The index is then the same bytes wherever it is built.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
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

/** The address Pagefind gives a page it reads from a folder: `releases/x/index.html` → `/releases/x/`. */
const pageUrl = (page: string) => `/${page.split(sep).join('/')}`.replace(/index\.html$/, '');

/** How many pages are read ahead of Pagefind, which works through them one at a time. */
const READ_AHEAD = 32;

/**
 * Writes the Pagefind index of the built site in `siteDir` into its `pagefind/` folder, and says
 * what it indexed. Fails (throws) rather than ship a search that can never find anything.
 */
export async function writeSearchIndex(siteDir: string): Promise<string> {
  try {
    const pages = indexedPages(siteDir);
    // An empty index would ship a search page that never finds anything: fail the build instead.
    if (pages.length === 0) fail('indexing', [`found no HTML pages in ${siteDir}`]);
    const created = await pagefind.createIndex(INDEX_SETTINGS);
    if (!created.index) fail('creating the index', created.errors);
    const { index } = created;
    // Pagefind handles its requests one at a time, in the order they are sent: the pages are
    // numbered in this order. A request that fails outright is reported like a page it refused.
    const added: Promise<string[]>[] = [];
    for (const page of pages) {
      const content = await readFile(join(siteDir, page), 'utf8');
      added.push(
        index.addHTMLFile({ url: pageUrl(page), content }).then(
          ({ errors }) => errors.map((error) => `${page}: ${error}`),
          (error: unknown) => [`${page}: ${String(error)}`],
        ),
      );
      if (added.length >= READ_AHEAD) await added[added.length - READ_AHEAD];
    }
    const errors = (await Promise.all(added)).flat();
    if (errors.length > 0) fail(`reading the pages in ${siteDir}`, errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, SEARCH_BUNDLE_DIR) });
    if (written.errors.length > 0) fail('writing the index', written.errors);
    // Every page read is counted here; the entry file counts those actually indexed.
    const entry = JSON.parse(await readFile(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.entries(entry.languages).map(([language, { page_count }]) => `${language}: ${page_count}`);
    return `indexed ${indexed.join(', ')} of ${pages.length} pages into ${SEARCH_BUNDLE_DIR}/`;
  } finally {
    // Pagefind runs as a child process; close it so the build can exit.
    await pagefind.close();
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
