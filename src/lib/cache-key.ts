/**
 * Keys for Astro's incremental build: a page whose key and code are unchanged since the last build
 * is copied instead of rendered again. A key is a digest of everything the page shows, so it
 * changes exactly when the page would.
 */
import { createHash } from 'node:crypto';

/** A short digest of JSON-serialisable parts, stable from one build to the next. */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 24);
}
