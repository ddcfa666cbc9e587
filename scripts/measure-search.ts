/**
 * What search costs, for BENCHMARKS.md: the bytes of the search bundle a build writes
 * (`pagefind/`), and the bytes a reader's browser downloads for a cold first query — the
 * /search/?q=buyback page opened with an empty cache in headless Chromium, until the results and
 * everything they load have arrived.
 *
 *   npm run measure:search                      build the site into a temporary folder, measure it
 *   npm run measure:search -- --site dist       measure an existing build
 *   npm run measure:search -- --query "?q=…"    another first query
 *   npm run measure:search -- --page ja/search/ another language's search page
 *
 * Bytes are those of the files as served by a plain static server (no compression), which is what
 * Chromium reports for each response (it reports 0 for a worker's own script, hence the files),
 * with a gzip estimate beside them, since most hosts compress HTML, CSS and JS. Pagefind's index
 * files are compressed already.
 */
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { coldQuery, indexSize, sum } from './bench/search-cost.ts';
import { buildIntoTemp, ROOT } from './support/build-site.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const given = option('--site');
const siteDir = given ? resolve(given) : buildIntoTemp('newsroom-measure-');
const query = option('--query') ?? '?q=buyback';
const searchPage = option('--page') ?? 'search/';
try {
  const size = indexSize(siteDir);
  const bundles = size.bundles
    .map((dir) => join(siteDir, dir))
    .map((dir) => (dir.startsWith(ROOT) ? relative(ROOT, dir) : dir));
  console.log(`\nSearch bundle ${bundles.map((dir) => `${dir}/`).join(' and ')}: ${size.files} files`);
  console.log(`  all files:        ${size.total} bytes (${kB(size.total)})`);
  console.log(`  index proper:     ${size.index} bytes (${kB(size.index)}): fragments, word and filter chunks, meta`);
  console.log(`  wasm:             ${size.wasm} bytes (${kB(size.wasm)})`);
  console.log(`  scripts and UIs:  ${size.scripts} bytes (${kB(size.scripts)})`);

  const { summary, transfers } = await coldQuery(siteDir, query, searchPage);
  console.log(`Query ${searchPage}${query}: ${summary}`);
  const pagefind = transfers.filter(({ path }) => /\/pagefind(-archive)?\//.test(path));
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
