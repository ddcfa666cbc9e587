/**
 * No request leaves the site: every page type is opened in Chromium (search with a query, so
 * Pagefind loads its index and worker) and every request the page makes is recorded. Any origin
 * other than the loopback server fails the test, whatever the resource type. Nor does the build
 * contact anyone: every network connection its processes open is recorded.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { childEnvironment, ROOT, SEED_CONTENT } from '../support/build';
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

describe('the commands contact no one', () => {
  const recorder = pathToFileURL(join(ROOT, 'tests/support/record-connections.ts')).href;
  let work: string;
  let log: string;
  /**
   * As on a machine where nothing was set: Astro neither told in the environment not to report or
   * check for updates, nor ever asked about it (a fresh home folder), every connection recorded.
   */
  function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env = childEnvironment({
      HOME: work,
      NEWSROOM_CONNECTION_LOG: log,
      NODE_OPTIONS: `--import ${recorder}`,
      ...extra,
    });
    for (const name of [
      'ASTRO_TELEMETRY_DISABLED',
      'TELEMETRY_DISABLED',
      'ASTRO_DISABLE_UPDATE_CHECK',
      'XDG_CONFIG_HOME',
    ]) {
      delete env[name];
    }
    return env;
  }
  const connections = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'newsroom-offline-'));
    log = join(work, 'connections.log');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('records a connection when one is made', () => {
    spawnSync(process.execPath, ['-e', "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"], {
      env: environment(),
    });
    expect(connections()).toBe('127.0.0.1:9\n');
  });

  it('npm run build opens no network connection', () => {
    const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', join(work, 'dist')], {
      cwd: ROOT,
      env: environment(),
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(connections()).toBe('');
  });

  it('a build that fails on broken settings reports that to no one', () => {
    const content = join(work, 'content');
    cpSync(SEED_CONTENT, content, { recursive: true });
    const site = join(content, 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^url: .*$/m, 'url: "javascript:alert(1)"'));
    // Astro itself, whose config fails to load: it would send the error to its telemetry service.
    const result = spawnSync(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(work, 'dist')],
      {
        cwd: ROOT,
        env: environment({ NEWSROOM_CONTENT: content, NEWSROOM_CACHE_DIR: join(work, 'cache') }),
        encoding: 'utf8',
      },
    );
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('url: expected the canonical site URL as an http(s) URL');
    expect(connections()).toBe('');
  });

  it('npm run dev serves pages without contacting anyone', async () => {
    const port = 4890 + (process.pid % 100);
    const dev = spawn(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: ROOT,
        env: environment({ NEWSROOM_CACHE_DIR: join(work, 'cache') }),
        stdio: 'ignore',
      },
    );
    try {
      let html = '';
      for (let tries = 0; tries < 120 && !html.includes('Trend Micro Newsroom'); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        html = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.text(),
          () => '',
        );
      }
      expect(html).toContain('Trend Micro Newsroom');
    } finally {
      dev.kill('SIGTERM');
    }
    // Its own loopback connections (Vite's, to itself) are not another host.
    const elsewhere = connections()
      .split('\n')
      .filter((line) => line && !/^(127\.0\.0\.1|localhost|::1):/.test(line));
    expect(elsewhere).toEqual([]);
  }, 90_000);
});
