/**
 * Output security: every page carries a Content-Security-Policy that allows no inline script, and
 * every page type works under it, with the headers of public/_headers sent as a host would:
 * no violation reported, search finds releases, Print and Copy link still work.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { ROOT } from '../support/build';
import { builtPages, pageTypes as pageTypesOf } from '../support/pages';
import { serveStatic, type StaticServer } from '../support/serve';

/** The headers public/_headers gives every path (`/*`), as Netlify and Cloudflare read them. */
function hostHeaders(): Record<string, string> {
  const text = readFileSync(join(ROOT, 'public', '_headers'), 'utf8');
  const block = /^\/\*\n((?:[ \t]+.*\n?)+)/m.exec(text)?.[1] ?? '';
  return Object.fromEntries(
    block
      .split('\n')
      .map((line) => /^\s+([\w-]+):\s*(.+?)\s*$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!.toLowerCase(), m[2]!]),
  );
}

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

const metaPolicy = (html: string) =>
  /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1]?.replaceAll('&#39;', "'");

describe('Content-Security-Policy in the built pages', () => {
  const pages = builtPages(inject('siteDir'));

  it('is on every page, with no inline or eval script allowed', () => {
    expect(pages.length).toBeGreaterThan(5);
    for (const { file, path } of pages) {
      const policy = metaPolicy(readFileSync(file, 'utf8'));
      expect(policy, path).toBeDefined();
      const scriptSrc = directives(policy!).get('script-src') ?? [];
      expect(scriptSrc, path).toContain("'self'");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(scriptSrc, path).not.toContain("'unsafe-eval'");
      // Pagefind compiles its WebAssembly in a worker, which the page's policy does not cover.
      expect(scriptSrc, path).not.toContain("'wasm-unsafe-eval'");
      expect(directives(policy!).get('default-src'), path).toEqual(["'self'"]);
      expect(directives(policy!).get('object-src'), path).toEqual(["'none'"]);
    }
  });

  it('is sent with the other security headers by public/_headers', () => {
    const headers = hostHeaders();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
    const policy = directives(headers['content-security-policy'] ?? '');
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    // For Pagefind's worker (a script file, so the header is its only policy); pages narrow it.
    expect(policy.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    // A PDF attachment opened in Chrome is shown through an <embed> of its viewer, which
    // object-src governs; every page's own policy keeps 'none'.
    expect(policy.get('object-src')).toEqual(["'self'"]);
    // The header is the outer bound: every page's own <meta> policy narrows it.
    expect(readFileSync(join(inject('siteDir'), '_headers'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'public', '_headers'), 'utf8'),
    );
  });
});

describe('every page type under the policy, in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(inject('siteDir'), '/', { headers: hostHeaders() });
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    // Violations are collected in the page, from the first script on.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
      );
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageTypes = pageTypesOf(inject('siteDir'));
  const release = pageTypes.find((path) => /^releases\/\d{4}-/.test(path))!;

  it.each(pageTypes)('/%s loads with no policy violation', async (path) => {
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) console.push(message.text());
    });
    page.on('pageerror', (error) => console.push(error.message));
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    if (path.startsWith('search/')) await page.locator('[data-search-results] li').first().waitFor();
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await page.close();
    expect([...violations, ...console]).toEqual([]);
  });

  it('finds releases with Pagefind under the policy', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=buyback`);
    await expect
      .poll(() => page.locator('[data-search-results] li a').allTextContents())
      .toContain('Trend Micro Announces Results of Share Buyback');
    await page.close();
  });

  it('runs the Print and Copy link buttons from the external share.js', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await page.goto(`${server.url}${release}`);
    await page.locator('[data-print]').click();
    await expect.poll(() => page.locator('html[data-printed]').count()).toBe(1);
    // The status region is there before it has anything to say: one that appears with its message
    // is often not announced.
    expect(await page.getByRole('status').count()).toBe(1);
    await page.locator('[data-copy-link]').click();
    await expect.poll(() => page.locator('.share-status').textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await page.locator('[data-copy-link]').getAttribute('data-copy-link'),
    );
    await page.close();
  });
});
