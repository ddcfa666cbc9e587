/**
 * A rebuild reuses the published site's unchanged pages in place of copies.
 *
 * Astro's incremental build skips a page whose `cacheKey` and code are unchanged and, when the
 * output folder does not hold it yet, copies it there from its cache. `npm run build` writes into
 * an empty staging folder (so that a failed build never touches the published site), which made a
 * one-edit rebuild of 10,000 releases copy 14,000 pages. So `scripts/build.ts` first hard-links the
 * pages of Astro's last manifest from the published site into the staging folder
 * (`scripts/support/published-pages.ts`), and Astro leaves them there. A page Astro renders again
 * must not be written through its link — that would change the published file before the build
 * has succeeded — so `src/middleware.ts` removes the link just before the page is rendered.
 */
import { z } from 'astro/zod';

/** Set to the staging folder when it holds linked pages, for Astro's process (config, middleware). */
export const REUSED_PAGES = 'NEWSROOM_REUSED_PAGES';

/** Astro's incremental-build manifest (`incremental-build.json` in its cache), as far as we read it. */
export const MANIFEST_FILE = 'incremental-build.json';

const manifestSchema = z.object({
  routes: z.record(z.string(), z.object({ paths: z.record(z.string(), z.object({ outputFile: z.string() })) })),
});

/**
 * The name on disk of an output file Astro records as a relative URL (`ja/tags/%E8%87%AA…/index.html`
 * is `ja/tags/自…/index.html`); undefined unless it names a file inside the output folder.
 */
function fileOnDisk(outputFile: string): string | undefined {
  try {
    const segments = outputFile.split('/').map(decodeURIComponent);
    return segments.every((s) => s !== '' && s !== '.' && s !== '..' && !/[\\/\0]/.test(s))
      ? segments.join('/')
      : undefined;
  } catch {
    return undefined; // a malformed escape
  }
}

/**
 * Every page path of a manifest (as Astro names it: `/releases/x/`, `/ja/feed.json`, without the
 * base) and its output file's name on disk, relative to the output folder. Throws if `manifest` is
 * not one.
 */
export function manifestPages(manifest: unknown): Map<string, string> {
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) throw new Error(`${MANIFEST_FILE}: not the incremental-build manifest this version reads`);
  const pages = new Map<string, string>();
  for (const route of Object.values(parsed.data.routes)) {
    for (const [path, { outputFile }] of Object.entries(route.paths)) {
      const file = fileOnDisk(outputFile);
      if (file === undefined) {
        throw new Error(`${MANIFEST_FILE}: ${path}: expected a file inside the site, found "${outputFile}"`);
      }
      pages.set(path, file);
    }
  }
  return pages;
}

/** The manifest path of the page a request renders: its URL path, decoded, without the base. */
export function pagePath(url: URL, base: string): string {
  const path = decodeURI(url.pathname);
  const prefix = base.replace(/\/$/, '');
  return prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
}
