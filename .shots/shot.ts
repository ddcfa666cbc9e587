import { launchBrowser } from '../tests/support/browser';
import { serveStatic } from '../tests/support/serve';
const server = await serveStatic('/tmp/probe-out');
const browser = await launchBrowser();
const path = 'releases/2008-01-10-a/';
for (const [name, width] of [['desk', 1100], ['phone', 360]] as const) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(server.url + path);
  await page.locator('.attachments').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/att-${name}.png` });
  if (name === 'desk') {
    await page.emulateMedia({ media: 'print' });
    await page.locator('.attachments').screenshot({ path: '/tmp/att-print.png' });
  }
}
await browser.close(); await server.close();
