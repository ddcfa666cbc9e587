// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { sitemapOptions } from './src/lib/sitemap';
import searchIndex from './src/integrations/search-index';
import { draftPreview } from './src/integrations/draft-preview';
import { embargoNotice } from './src/integrations/embargo-notice';
import { CONTENT_DIR, settings } from './src/settings';

// Each content folder keeps its own content-layer cache, so building a fixture or benchmark
// folder never mixes its entries with those of `content/`.
const cacheDir = process.env.NEWSROOM_CACHE_DIR
  ? process.env.NEWSROOM_CACHE_DIR
  : process.env.NEWSROOM_CONTENT
    ? `./node_modules/.astro-content-${createHash('sha256').update(CONTENT_DIR).digest('hex').slice(0, 12)}/`
    : undefined;

export default defineConfig({
  site: settings.url,
  cacheDir,
  // NEWSROOM_BASE publishes the site under a sub-path, e.g. /newsroom/ on GitHub Pages.
  base: process.env.NEWSROOM_BASE || '/',
  trailingSlash: 'always',
  // Releases are reproduced as issued: no typographic quotes replacing the issuer's own.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [
    draftPreview(),
    mdx(),
    sitemap(
      sitemapOptions({
        releasesDir: `${CONTENT_DIR}/releases`,
        timeZone: settings.timeZone,
        site: settings.url,
        base: process.env.NEWSROOM_BASE || '/',
      }),
    ),
    // Last, so the index is written over the finished site.
    searchIndex(),
    // Tells a scheduler when to rebuild for the next embargoed release.
    embargoNotice(),
  ],
});
