/**
 * No request leaves the site: every page type is opened in Chromium (search with a query, so
 * Pagefind loads its index and worker) and every request the page makes is recorded. Any origin
 * other than the loopback server fails the test, whatever the resource type. Nor does the build
 * contact anyone: every network connection its processes open is recorded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { childEnvironment, ROOT } from '../support/build';
import { pageTypes as pageTypesOf } from '../support/pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pageTypes = pageTypesOf(inject('siteDir'));

it.each(pageTypes)('/%s requests nothing from another origin', async (path) => {
  const site = new URL(inject('siteUrl'));
  const context = await browser.newContext();
  const requested: string[] = [];
  // Service workers and web workers included: the context sees every request of the page.
  context.on('request', (request) => requested.push(request.url()));
  const page = await context.newPage();
  await page.goto(`${site.href}${path}`, { waitUntil: 'networkidle' });
  if (path.startsWith('search/')) await page.locator('[data-search-results] li').first().waitFor();
  await context.close();

  // data: and blob: URLs are made in the page, not fetched from anywhere.
  const fetched = requested.filter((url) => !/^(data|blob):/.test(url));
  const origins = new Set(fetched.map((url) => new URL(url).origin));
  expect(requested.length).toBeGreaterThan(1); // the page and at least its stylesheet
  expect([...origins].filter((origin) => origin !== site.origin)).toEqual([]);
  expect(site.hostname).toBe('127.0.0.1');
});

it('npm run build opens no network connection', () => {
  const work = mkdtempSync(join(tmpdir(), 'newsroom-offline-'));
  const log = join(work, 'connections.log');
  const recorder = pathToFileURL(join(ROOT, 'tests/support/record-connections.ts')).href;
  // As on a machine where nothing was set: Astro's telemetry neither switched off in the
  // environment nor ever asked about (a fresh home folder).
  const env = childEnvironment({ HOME: work, NEWSROOM_CONNECTION_LOG: log, NODE_OPTIONS: `--import ${recorder}` });
  delete env.ASTRO_TELEMETRY_DISABLED;
  try {
    // The recorder sees a connection when one is made.
    spawnSync(process.execPath, ['-e', "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"], { env });
    expect(readFileSync(log, 'utf8')).toBe('127.0.0.1:9\n');
    rmSync(log);

    const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', join(work, 'dist')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
