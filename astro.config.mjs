// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { CONTENT_DIR, settings } from './src/settings';

// Each content folder keeps its own content-layer cache, so building a fixture or benchmark
// folder never mixes its entries with those of `content/`.
const cacheDir = process.env.NEWSROOM_CONTENT
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
  integrations: [mdx()],
});
