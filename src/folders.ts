/**
 * Where the build reads and keeps things: the content folder and Astro's cache. Free of side
 * effects, so `scripts/build.ts` can ask before anything is read or checked.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * The folder authors write in. `NEWSROOM_CONTENT` points the build at another one (test fixtures,
 * benchmarks) without touching `content/`.
 */
export const CONTENT_DIR = resolve(process.env.NEWSROOM_CONTENT || 'content');

/** The site's settings (src/settings.ts). */
export const SITE_FILE = resolve(CONTENT_DIR, 'site.yaml');

/**
 * Astro's cache (content store, incremental-build manifest and pages): `NEWSROOM_CACHE_DIR`, else
 * one per content folder, so building a fixture or benchmark folder never mixes its entries with
 * those of `content/`, whose cache is Astro's default.
 */
export const CACHE_DIR = resolve(
  process.env.NEWSROOM_CACHE_DIR ||
    (process.env.NEWSROOM_CONTENT
      ? `node_modules/.astro-content-${createHash('sha256').update(CONTENT_DIR).digest('hex').slice(0, 12)}`
      : 'node_modules/.astro'),
);
