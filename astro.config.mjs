// @ts-check
// First, before anything that could fail while the config loads: Astro's commands contact no one.
import './src/offline';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { ATTACHMENTS_FOLDER } from './src/lib/attachments';
import { sitemapOptions } from './src/lib/sitemap';
import searchIndex from './src/integrations/search-index';
import { attachmentPreview } from './src/integrations/attachment-preview';
import { draftPreview } from './src/integrations/draft-preview';
import { embargoNotice } from './src/integrations/embargo-notice';
import linkedPages from './src/integrations/linked-pages';
import { CACHE_DIR, CONTENT_DIR } from './src/folders';
import { LINKED_STAGING } from './src/lib/reused-pages';
import { settings } from './src/settings';

export default defineConfig({
  site: settings.url,
  // One per content folder (src/folders.ts).
  cacheDir: CACHE_DIR,
  // NEWSROOM_BASE publishes the site under a sub-path, e.g. /newsroom/ on GitHub Pages.
  base: process.env.NEWSROOM_BASE || '/',
  trailingSlash: 'always',
  // By default Astro generates one page at a time and waits on each write; four in flight keep
  // the CPU busy.
  build: { concurrency: 4 },
  // `npm run build` over a published site starts its staging folder with that site's unchanged
  // pages in it (scripts/build.ts, src/middleware.ts), which Astro must not empty.
  // Under `npm run dev`, a save is read once the file has stopped changing: the watcher drops a
  // second change to a file within 50 ms of the first, so an editor's truncate-then-write (or two
  // quick saves) could leave the preview with the file's empty or earlier text.
  vite: {
    build: { emptyOutDir: !process.env[LINKED_STAGING] },
    server: { watch: { awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 20 } } },
  },
  // Pages whose cacheKey (src/newsroom.ts: pageKey) and code are unchanged since the last build
  // are not rendered again: kept where the output folder has them, else copied from Astro's cache.
  experimental: { incrementalBuild: true },
  // Astro's log, with its line per written file summed up in one (NEWSROOM_LOG_PAGES=1 lists them).
  logger: { entrypoint: './src/integrations/build-log.ts' },
  // The default language at the root, every other one below its code (/ja/…); pages read the
  // language as Astro.currentLocale.
  i18n: {
    locales: settings.languages,
    defaultLocale: settings.defaultLanguage,
    routing: { prefixDefaultLocale: false },
  },
  // A Content-Security-Policy <meta> on every page: scripts and styles only from the site itself
  // (Astro adds the hash of any inline one it emits), nothing from another origin, no inline
  // script. Pagefind compiles WebAssembly in its worker, which a page's <meta> does not govern;
  // public/_headers gives hosts that read it the same policy with 'wasm-unsafe-eval' for that
  // worker, plus the headers a <meta> cannot carry.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Releases are reproduced as issued: no typographic quotes replacing the issuer's own. No
  // syntax highlighting: a release has no code to colour, and Shiki's inline styles would need the
  // CSP above to allow inline styles (Astro warns of it on every build).
  markdown: { processor: satteri({ features: { smartPunctuation: false } }), syntaxHighlight: false },
  integrations: [
    // `npm run build` over a published site: waits for its pages before generating any.
    linkedPages(),
    draftPreview(),
    // Under `npm run dev`, the files releases attach (a build writes them as pages).
    attachmentPreview(`${CONTENT_DIR}/${ATTACHMENTS_FOLDER}`),
    mdx(),
    sitemap(
      sitemapOptions({
        releasesDir: `${CONTENT_DIR}/releases`,
        timeZone: settings.timeZone,
        site: settings.url,
        base: process.env.NEWSROOM_BASE || '/',
        languages: settings.languages,
      }),
    ),
    // Last, so the index is written over the finished site.
    searchIndex(),
    // Tells a scheduler when to rebuild for the next embargoed release.
    embargoNotice(),
  ],
});
