/**
 * Every line of each seed release (tests/fixtures/seeds/, copies of ../shared/seeds/) appears in
 * the rendered text of its page, in order, as a reader's browser shows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { ROOT } from '../support/build';
import { firstMissingLine, sourceLines } from '../support/fidelity';

const SEEDS = join(ROOT, 'tests/fixtures/seeds');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')))('seed %s', (file) => {
  it('renders every source line, in order', async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL(`releases/${basename(file, '.txt')}/`, inject('siteUrl')).href);
    expect(response?.status()).toBe(200);
    const text = await page.locator('main').innerText();
    await page.close();
    const lines = sourceLines(readFileSync(join(SEEDS, file), 'utf8'));
    expect(lines.length).toBeGreaterThan(15);
    expect(firstMissingLine(lines, text)).toBeUndefined();
  });
});
