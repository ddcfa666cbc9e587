/**
 * A headless Chromium for end-to-end tests. `CHROMIUM_PATH` points at any Chromium (for example
 * Debian's /usr/bin/chromium); otherwise the one shipped inside the @sparticuz/chromium npm package
 * is used, so `npm install` is all a fresh machine needs.
 */
import { chromium, type Browser } from 'playwright-core';

/** The Chromium to drive: CHROMIUM_PATH, else the one inside @sparticuz/chromium. */
export async function executablePath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return sparticuz.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await executablePath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
