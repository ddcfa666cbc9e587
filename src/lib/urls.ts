/** Site-relative and absolute URLs, respecting the configured base path. */

/** Joins `base` (e.g. "/" or "/newsroom/") and a site path (e.g. "releases/"). */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

/** Absolute URL of a site path for feeds, sitemaps and canonical links. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

export const releasePath = (slug: string) => `releases/${slug}/`;
