/**
 * Under `npm run dev`, serves content/attachments/ at /attachments/<file>, as the build publishes
 * the files releases list (src/pages/attachments/[file].ts). Astro's dev server would answer that
 * route only with a trailing slash — `trailingSlash: 'always'` applies to a route whose name has no
 * extension — so the preview serves the folder itself. Only names an attachment may have are
 * served; the preview shows drafts, and so serves what they attach too.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { ATTACHMENT_NAME, attachmentType } from '../lib/attachments';
import { attachmentPath, withBase } from '../lib/urls';

export function attachmentPreview(folder: string): AstroIntegration {
  let base = '/';
  return {
    name: 'newsroom:attachment-preview',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        // Astro's dev server takes the base path off a request's URL before this middleware sees
        // it; with the base still on, it is taken off here.
        const prefixes = [withBase(base, attachmentPath('')), `/${attachmentPath('')}`];
        server.middlewares.use((request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          const prefix = prefixes.find((start) => path.startsWith(start));
          const name = prefix ? path.slice(prefix.length) : '';
          if (!ATTACHMENT_NAME.test(name)) return next();
          const file = join(folder, name);
          try {
            if (!statSync(file).isFile()) return next();
          } catch {
            return next(); // not there: the preview's 404 page
          }
          response.writeHead(200, { 'Content-Type': attachmentType(name) });
          response.end(readFileSync(file));
        });
      },
    },
  };
}
