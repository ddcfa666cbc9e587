/**
 * Build only: when `npm run build` started the staging folder with the published site's unchanged
 * pages hard-linked in (src/lib/reused-pages.ts), a page about to be rendered again loses its link
 * first, so the new page goes to a new file and the published one stays as it was. Does nothing
 * under `astro dev` or a plain `astro build`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineMiddleware } from 'astro:middleware';
import { CACHE_DIR } from './folders';
import { MANIFEST_FILE, manifestPages, pagePath, REUSED_PAGES } from './lib/reused-pages';

const staging = process.env[REUSED_PAGES];
// The manifest the pages were linked from: Astro rewrites it only once every page is generated.
let linked: Map<string, string> | undefined;

export const onRequest = defineMiddleware((context, next) => {
  if (staging && context.isPrerendered) {
    linked ??= manifestPages(JSON.parse(readFileSync(join(CACHE_DIR, MANIFEST_FILE), 'utf8')));
    const file = linked.get(pagePath(context.url, import.meta.env.BASE_URL));
    if (file) rmSync(join(staging, file), { force: true });
  }
  return next();
});
