/**
 * What search costs, for BENCHMARKS.md: the bytes of the search bundle a build writes
 * (`pagefind/`), and the bytes a reader's browser downloads for a cold first query — the
 * /search/?q=buyback page opened with an empty cache in headless Chromium, until the results and
 * everything they load have arrived.
 *
 *   npm run measure:search                      build the site into a temporary folder, measure it
 *   npm run measure:search -- --site dist       measure an existing build
 *   npm run measure:search -- --query "?q=…"    another first query
 *
 * Bytes are those of the files as served by a plain static server (no compression), which is what
 * Chromium reports for each response (it reports 0 for a worker's own script, hence the files),
 * with a gzip estimate beside them, since most hosts compress HTML, CSS and JS. Pagefind's index
 * files are compressed already.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/serve.ts';

const ROOT = resolve(import.meta.dirname, '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Every file under `dir`, with its size, paths relative to `dir`. */
function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => ({ path, full: join(dir, path) }))
    .filter(({ full }) => statSync(full).isFile())
    .map(({ path, full }) => ({ path, bytes: statSync(full).size }));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function build(): string {
  const outDir = join(mkdtempSync(join(tmpdir(), 'newsroom-measure-')), 'site');
  // The real `npm run build`, so the numbers are those of a published site.
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`The site did not build:\n${result.stdout}${result.stderr}`);
  return outDir;
}

/**
 * The bundle Pagefind writes: the index proper (grows with the releases), the WebAssembly search
 * code (one per language), and the scripts and styles of its UIs (only pagefind.js and its worker
 * are used by this site; the others are written anyway).
 */
function indexSize(siteDir: string) {
  const bundle = files(join(siteDir, 'pagefind'));
  const bytes = (test: RegExp) => sum(bundle.filter(({ path }) => test.test(path)).map((f) => f.bytes));
  const total = sum(bundle.map((f) => f.bytes));
  const index = bytes(/^(fragment|index|filter)\/|\.pf_meta$|^pagefind-entry\.json$/);
  const wasm = bytes(/\.pagefind$/);
  return { files: bundle.length, total, index, wasm, scripts: total - index - wasm };
}

interface Transfer {
  path: string;
  status: number;
  body: number;
  headers: number;
  gzip: number;
}

async function coldQuery(siteDir: string, query: string): Promise<Transfer[]> {
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
    await page.goto(new URL(`search/${query}`, server.url).href);
    await page.locator('[data-search-summary]').waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    const summary = await page.locator('[data-search-summary]').innerText();
    console.log(`Query search/${query}: ${summary}`);
    return await Promise.all(transfers);
  } finally {
    await browser.close();
    await server.close();
  }
}

const given = option('--site');
const siteDir = given ? resolve(given) : build();
const query = option('--query') ?? '?q=buyback';
try {
  const size = indexSize(siteDir);
  const bundle = join(siteDir, 'pagefind');
  console.log(`\nSearch bundle ${bundle.startsWith(ROOT) ? relative(ROOT, bundle) : bundle}/: ${size.files} files`);
  console.log(`  all files:        ${size.total} bytes (${kB(size.total)})`);
  console.log(`  index proper:     ${size.index} bytes (${kB(size.index)}): fragments, word and filter chunks, meta`);
  console.log(`  wasm:             ${size.wasm} bytes (${kB(size.wasm)})`);
  console.log(`  scripts and UIs:  ${size.scripts} bytes (${kB(size.scripts)})`);

  const transfers = await coldQuery(siteDir, query);
  const pagefind = transfers.filter(({ path }) => path.includes('/pagefind/'));
  console.log(`\nCold first query: ${transfers.length} requests`);
  for (const t of transfers) {
    console.log(`  ${String(t.body).padStart(8)}  (gzip ${String(t.gzip).padStart(7)})  ${t.status}  ${t.path}`);
  }
  const failed = transfers.filter((t) => t.status !== 200);
  if (failed.length > 0) throw new Error(`Requests that did not succeed: ${failed.map((t) => t.path).join(', ')}`);
  const body = sum(transfers.map((t) => t.body));
  const gzip = sum(transfers.map((t) => t.gzip));
  console.log(
    `  response bodies:  ${body} bytes (${kB(body)}); with headers ${body + sum(transfers.map((t) => t.headers))}`,
  );
  console.log(`  of which Pagefind: ${sum(pagefind.map((t) => t.body))} bytes in ${pagefind.length} requests`);
  console.log(`  gzip estimate:    ${gzip} bytes (${kB(gzip)})`);
} finally {
  if (!given) rmSync(join(siteDir, '..'), { recursive: true, force: true });
}
