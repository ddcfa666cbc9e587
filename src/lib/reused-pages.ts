/**
 * A rebuild reuses the published site's unchanged pages in place of copies.
 *
 * Astro's incremental build skips a page whose `cacheKey` and code are unchanged and, when the
 * output folder does not hold it yet, copies it there from its cache. `npm run build` writes into
 * an empty staging folder (so that a failed build never touches the published site), which made a
 * one-edit rebuild of 10,000 releases copy 14,000 pages. So `scripts/build.ts` hard-links the
 * pages of Astro's last manifest from the published site into the staging folder
 * (`scripts/support/published-pages.ts`) while Astro starts, and Astro, which waits for them before
 * it generates a page (src/integrations/linked-pages.ts), leaves them there. A page Astro renders
 * again must not be written through its link — that would change the published file before the
 * build has succeeded — so `src/middleware.ts` removes the link just before the page is rendered.
 */

/** Set, for Astro's process, to the staging folder when it holds pages linked from the published site. */
export const LINKED_STAGING = 'NEWSROOM_LINKED_STAGING';

/**
 * Set with it, for Astro's process, to the number of the pipe on which `scripts/build.ts` says it
 * has linked the pages (src/integrations/linked-pages.ts): it does so while Astro starts.
 */
export const LINKING = 'NEWSROOM_LINKING';

/** What `scripts/build.ts` says on that pipe once it is done. */
export type LinkingOutcome = 'linked' | 'not linked';

/**
 * Every file, relative to the output folder, that the page at `url` can be written to, whatever
 * the `build.format` and `trailingSlash` settings: `/releases/x/` → `releases/x/index.html` (or
 * `releases/x.html`), `/rss.xml` → `rss.xml`, `/` → `index.html`. `base` is the site's base path.
 */
export function outputFiles(url: URL, base: string): string[] {
  let path: string;
  try {
    path = decodeURI(url.pathname);
  } catch {
    path = url.pathname; // a malformed escape: Astro names the file after the URL as it is
  }
  const prefix = base.replace(/\/$/, '');
  if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length);
  const bare = path.replace(/^\/+|\/+$/g, '');
  if (bare.split('/').some((segment) => segment === '.' || segment === '..')) return [];
  return bare ? [bare, `${bare}/index.html`, `${bare}.html`] : ['index.html'];
}
