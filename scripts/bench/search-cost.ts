/**
 * What search costs a reader, measured on a built site: the bytes of the search bundle Pagefind
 * writes (`pagefind/`), and the bytes a browser downloads for a cold first query — the search page
 * opened with an empty cache in headless Chromium, until the results and everything they load
 * have arrived. Shared by `npm run measure:search` and `npm run bench`.
 *
 * Bytes are those of the files as served by a plain static server (no compression), which is what
 * Chromium reports for each response (it reports 0 for a worker's own script, hence the files),
 * with a gzip estimate beside them, since most hosts compress HTML, CSS and JS. Pagefind's index
 * files are compressed already.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARCHIVE_BUNDLE_DIR, SEARCH_BUNDLE_DIR } from '../../src/lib/search.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/serve.ts';

/** Every file under `dir`, with its size, paths relative to `dir`. */
export function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => ({ path, full: join(dir, path) }))
    .filter(({ full }) => statSync(full).isFile())
    .map(({ path, full }) => ({ path, bytes: statSync(full).size }));
}

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export interface IndexSize {
  /** The folders: `pagefind/`, and once the index is split the archive's volumes (`pagefind-archive/…`). */
  bundles: string[];
  files: number;
  total: number;
  /** Fragments, word and filter chunks, meta and entry file: what grows with the releases. */
  index: number;
  wasm: number;
  scripts: number;
}

/**
 * The bundles Pagefind writes: the index proper (grows with the releases), the WebAssembly search
 * code (one per language), and the scripts and styles of its UIs (only pagefind.js and its worker
 * are used by this site; the others are written anyway, in each volume of the archive too).
 */
export function indexSize(siteDir: string): IndexSize {
  const archive = join(siteDir, ARCHIVE_BUNDLE_DIR);
  const volumes = existsSync(archive) ? readdirSync(archive).map((volume) => `${ARCHIVE_BUNDLE_DIR}/${volume}`) : [];
  const bundles = [SEARCH_BUNDLE_DIR, ...volumes.sort()].filter((dir) => existsSync(join(siteDir, dir)));
  const bundle = bundles.flatMap((dir) => files(join(siteDir, dir)));
  const bytes = (test: RegExp) => sum(bundle.filter(({ path }) => test.test(path)).map((f) => f.bytes));
  const total = sum(bundle.map((f) => f.bytes));
  const index = bytes(/^(fragment|index|filter)\/|\.pf_meta$|^pagefind-entry\.json$/);
  const wasm = bytes(/\.pagefind$/);
  return { bundles, files: bundle.length, total, index, wasm, scripts: total - index - wasm };
}

export interface Transfer {
  path: string;
  status: number;
  body: number;
  headers: number;
  gzip: number;
}

export interface ColdQuery {
  summary: string;
  transfers: Transfer[];
}

/**
 * Opens `${searchPage}${query}` (the search page of the default language, or of another:
 * `ja/search/`) in a fresh browser context and records every response until idle.
 */
export async function coldQuery(siteDir: string, query: string, searchPage = 'search/'): Promise<ColdQuery> {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const transfers: Promise<Transfer>[] = [];
    // On the context, not the page: Pagefind searches in a web worker.
    context.on('requestfinished', (request) => {
      transfers.push(
        Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
          const path = new URL(request.url()).pathname;
          const file = join(siteDir, path.endsWith('/') ? `${path}index.html` : path);
          const content = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
          return {
            path,
            status: response?.status() ?? 0,
            body: Math.max(sizes.responseBodySize, content.length),
            headers: sizes.responseHeadersSize,
            gzip: gzipSync(content).length,
          };
        }),
      );
    });
    const page = await context.newPage();
    await page.goto(new URL(`${searchPage}${query}`, server.url).href);
    await page.locator('[data-search-summary]').waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    const summary = await page.locator('[data-search-summary]').innerText();
    return { summary, transfers: await Promise.all(transfers) };
  } finally {
    await browser.close();
    await server.close();
  }
}
