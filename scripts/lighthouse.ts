/**
 * `npm run lighthouse`: Lighthouse scores (mobile preset: emulated phone, simulated slow 4G and
 * CPU slowdown) for the home page, all releases, a release page and the search page, in the
 * headless Chromium the tests use (CHROMIUM_PATH, else @sparticuz/chromium). Prints a table and
 * writes the scores to JSON.
 *
 *   npm run lighthouse                        build content/ into a temporary folder, score it
 *   npm run lighthouse -- --site DIR          score an existing build
 *   npm run lighthouse -- --json FILE         where to write the scores
 *
 * Pages are served by the tests' static server on loopback with gzip, as a static host sends
 * them; a failing category exits non-zero, so CI can hold the scores at 100.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { executablePath } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/serve.ts';
import { buildIntoTemp } from './support/build-site.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The newest release page of a build (release folders are named by date). */
function releasePage(siteDir: string): string {
  const newest = readdirSync(join(siteDir, 'releases'))
    .filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name) && existsSync(join(siteDir, 'releases', name, 'index.html')))
    .sort()
    .pop();
  if (!newest) throw new Error(`No release page in ${siteDir}/releases/`);
  return `releases/${newest}/`;
}

const given = option('--site');
const siteDir = given ? resolve(given) : buildIntoTemp('newsroom-lighthouse-');
const jsonFile = resolve(option('--json') ?? join(tmpdir(), 'newsroom-lighthouse.json'));
const server = await serveStatic(siteDir, '/', { gzip: true, headers: { 'cache-control': 'max-age=3600' } });
const chrome = await chromeLauncher.launch({
  chromePath: await executablePath(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const pages = { home: '', 'all releases': 'releases/', release: releasePage(siteDir), search: 'search/' };
type Scores = { url: string; scores: Record<string, number | null> };
const scores: Record<string, Scores> = {};
const failures: string[] = [];
let version = '';
try {
  for (const [name, path] of Object.entries(pages)) {
    const url = new URL(path, server.url).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    version = result.lhr.lighthouseVersion;
    const row: Scores = { url: path || '/', scores: {} };
    for (const category of CATEGORIES) {
      const score = categories[category]?.score ?? null;
      row.scores[category] = score === null ? null : Math.round(score * 100);
      if (row.scores[category] !== 100) {
        // Name the audits that cost points, so a failing score says what to fix.
        const lost = (categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`);
        failures.push(`${name} ${category} ${row.scores[category]}: ${lost.join(', ') || 'see the report'}`);
      }
    }
    scores[name] = row;
  }
} finally {
  chrome.kill();
  await server.close();
  if (!given) rmSync(join(siteDir, '..'), { recursive: true, force: true });
}

console.log(`\nLighthouse ${version}, mobile preset\n`);
console.log(`  ${'page'.padEnd(14)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}  url`);
for (const [name, row] of Object.entries(scores)) {
  console.log(`  ${name.padEnd(14)} ${CATEGORIES.map((c) => String(row.scores[c]).padStart(15)).join('')}  ${row.url}`);
}
writeFileSync(
  jsonFile,
  `${JSON.stringify({ date: new Date().toISOString(), lighthouse: version, scores }, null, 2)}\n`,
);
console.log(`\nScores written to ${jsonFile}`);
if (failures.length) {
  console.error(`\nBelow 100:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
