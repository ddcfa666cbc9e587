/**
 * Imported releases pass the same line-by-line fidelity check as the hand-written ones: the two
 * seed texts and the fixture shapes are imported with `npm run import` into a fresh content folder
 * (site settings and shared entries copied from content/), the folder is built, and every source
 * line must appear, in order, in the text a reader's browser shows. A release started with
 * `npm run new` is built alongside, so its template is known to compile once its draft flag goes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateline } from '../../src/lib/importer/dateline';
import { launchBrowser } from '../support/browser';
import { buildSite, ROOT, SEED_CONTENT } from '../support/build';
import { firstMissingLine, sourceLines } from '../support/fidelity';
import { serveStatic, type StaticServer } from '../support/serve';

const WORK = join(ROOT, process.env.NEWSROOM_TEST_DIST ?? '.test-dist', 'import');
const CONTENT = join(WORK, 'content');
const SEEDS = ['2007-03-30-results-of-share-buyback.txt', '2007-11-26-final-terms-stock-acquisition-rights.txt'].map(
  (name) => join(ROOT, 'tests/fixtures/seeds', name),
);
// Shapes whose closing sections stand in the order the page prints them.
const SHAPES = [
  '2009-06-30-stock-options-en-dash-dateline.txt',
  '2010-02-15-mdx-special-characters.txt',
  '2011-01-20-hard-wrapped-at-72-columns.txt',
  '2012-09-07-share-buyback-no-space-dateline.txt',
].map((name) => join(ROOT, 'tests/fixtures/import', name));

const SCAFFOLDED = '2013-01-10-trend-micro-announces-a-scaffolded-release';

function run(script: string, args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', './scripts/support/resolve-ts.ts', `scripts/${script}.ts`, '--content', CONTENT, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEWSROOM_NOW: '2013-01-10T00:00:00Z' } },
  );
}

let browser: Browser;
let server: StaticServer;
let imported: string;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(CONTENT, { recursive: true });
  for (const part of ['site.yaml', 'boilerplates', 'notices', 'contacts']) {
    cpSync(join(SEED_CONTENT, part), join(CONTENT, part), { recursive: true });
  }
  const result = run('import', [...SEEDS, ...SHAPES]);
  imported = result.stdout;
  if (result.status !== 0) throw new Error(`npm run import failed:\n${result.stdout}${result.stderr}`);
  const scaffolded = run('new', ['Trend Micro Announces a Scaffolded Release']);
  if (scaffolded.status !== 0) throw new Error(`npm run new failed:\n${scaffolded.stderr}`);
  const newFile = join(CONTENT, 'releases', `${SCAFFOLDED}.mdx`);
  writeFileSync(newFile, readFileSync(newFile, 'utf8').replace(/^draft: true\n/m, ''));
  const outDir = join(WORK, 'site');
  const build = buildSite({ outDir, content: CONTENT });
  if (build.status !== 0) throw new Error(`The imported releases did not build:\n${build.output}`);
  server = await serveStatic(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageText(slug: string): Promise<string> {
  const page = await browser.newPage();
  const response = await page.goto(new URL(`releases/${slug}/`, server.url).href);
  expect(response?.status()).toBe(200);
  const text = await page.locator('main').innerText();
  await page.close();
  return text;
}

describe.each(SEEDS)('imported seed %s', (file) => {
  it('renders every source line, in order', async () => {
    const lines = sourceLines(readFileSync(file, 'utf8'));
    expect(lines.length).toBeGreaterThan(15);
    expect(firstMissingLine(lines, await pageText(basename(file, '.txt')))).toBeUndefined();
  });
});

describe.each(SHAPES)('imported shape %s', (file) => {
  it('renders every source line, in order; the dateline in the house style', async () => {
    // The site prints every dateline as "LOCATION, Month D, YYYY --"; the rest of its line is checked.
    const lines = sourceLines(readFileSync(file, 'utf8')).map((line) => {
      const dateline = parseDateline(line);
      return dateline ? dateline.rest : line;
    });
    expect(firstMissingLine(lines, await pageText(basename(file, '.txt')))).toBeUndefined();
  });
});

it('reports what it created, and references what already existed', () => {
  expect(imported).toContain('boilerplate "About Trend Micro" (line 53) → existing boilerplate trend-micro');
  expect(imported).toContain('notice "Notice Regarding Forward-looking Statements" (line 32) → existing notice');
  expect(imported).toMatch(/created +.*boilerplates\/trend-micro-2012-09-07\.mdx/);
  expect(imported).toMatch(/contacts\/jane-example\.yaml/);
});

it('keeps a contact brought in by an old release off the Contacts page, and on that release', async () => {
  const page = await browser.newPage();
  await page.goto(new URL('contacts/', server.url).href);
  const contacts = await page.locator('main').innerText();
  await page.close();
  expect(contacts).toContain('Mahendra Negi');
  expect(contacts).not.toContain('Jane Example');
  expect(imported).toContain('contact jane-example is not on the Contacts page (listed: false)');
  const release = readdirSync(join(CONTENT, 'releases')).find((file) =>
    readFileSync(join(CONTENT, 'releases', file), 'utf8').includes('jane-example'),
  );
  expect(await pageText(basename(release!, '.mdx'))).toContain('Jane Example');
});

it('builds a release started with npm run new once it is no longer a draft', async () => {
  const text = await pageText(SCAFFOLDED);
  expect(text).toContain('Trend Micro Announces a Scaffolded Release');
  // Dated by NEWSROOM_NOW; the location is that of the newest release (the 2012 import).
  expect(text).toContain('Tokyo, Japan, January 10, 2013 -- Trend Micro (TSE: 4704) today announced …');
  // The guidance in MDX comments never reaches the page.
  expect(text).not.toContain('Numbered terms');
});
