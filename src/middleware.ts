/**
 * Build only: when `npm run build` started the staging folder with the published site's unchanged
 * pages hard-linked in (src/lib/reused-pages.ts), a page about to be rendered again loses its link
 * first, so the new page goes to a new file and the published one stays as it was. Does nothing
 * under `astro dev` or a plain `astro build`.
 */
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { defineMiddleware } from 'astro:middleware';
import { LINKED_STAGING, outputFiles } from './lib/reused-pages';

const staging = process.env[LINKED_STAGING];

export const onRequest = defineMiddleware((context, next) => {
  if (staging && context.isPrerendered) {
    for (const file of outputFiles(context.url, import.meta.env.BASE_URL)) {
      try {
        unlinkSync(join(staging, file));
      } catch {
        // Not there, or a folder: nothing to unlink.
      }
    }
  }
  return next();
});
