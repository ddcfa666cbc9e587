/**
 * `npm run build`: builds the site into a temporary folder next to `dist/` and swaps it in only
 * when the whole build (pages, feeds, sitemaps, search index) succeeded. A failed or interrupted
 * build leaves the previous `dist/` exactly as it was. The folder starts with the published site's
 * pages hard-linked in, so that those unchanged since are not copied again (src/lib/reused-pages.ts).
 *
 *   npm run build [-- --outDir DIR]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
const outDir = resolve(at >= 0 && args[at + 1] ? args[at + 1]! : 'dist');
const staging = join(dirname(outDir), `.${basename(outDir)}-building-${process.pid}`);
const previous = join(dirname(outDir), `.${basename(outDir)}-previous-${process.pid}`);

function cleanUp(): void {
  // A Pagefind just stopped may still be finishing a file in it.
  rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Deletes folders in a detached process: once the new site is in place the build is done, and
 * deleting the old one (24,000 files at 10,000 releases, 3 s) need not hold up whoever waits on it.
 * Should that process not start, they are deleted here.
 */
function removeInBackground(paths: string[]): void {
  if (paths.length === 0) return;
  const remove = () => paths.forEach((path) => rmSync(path, { recursive: true, force: true }));
  const script = `for (const p of ${JSON.stringify(paths)}) require('node:fs').rmSync(p, { recursive: true, force: true })`;
  const env = { ...process.env, NODE_OPTIONS: '' };
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore', env }).on('error', remove).unref();
}

/** True while the build with process id `pid` runs (it may still need its old site back). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

// What earlier builds left behind when the machine stopped or their process was killed: old sites
// whose deletion they did not see through, and unfinished new ones.
const leftovers = ['previous', 'building'].map((what) => `.${basename(outDir)}-${what}-`);
const leftBehind = (name: string) =>
  leftovers.some((prefix) => {
    const pid = name.slice(prefix.length);
    return name.startsWith(prefix) && /^\d+$/.test(pid) && Number(pid) !== process.pid && !running(Number(pid));
  });
removeInBackground(
  existsSync(dirname(outDir))
    ? readdirSync(dirname(outDir))
        .filter(leftBehind)
        .map((name) => join(dirname(outDir), name))
    : [],
);
// Those named after this process are from an earlier one that had the same id: they go now, before
// this build makes its own.
for (const dir of [staging, previous]) rmSync(dir, { recursive: true, force: true });

/** Stops the build without touching the published site. */
function abort(reason: string, code = 1): never {
  cleanUp();
  console.error(`\n${reason}; ${outDir} was left as it was.`);
  process.exit(code);
}

// The site's modules import without extensions, as Vite allows; this hook lets Node do the same.
await import('./support/resolve-ts.ts');
// Pagefind over the finished site, begun once Astro has written the pages.
const {
  condenseStagedPages,
  forgetStagedPages,
  INDEX_AFTER_BUILD,
  INDEXES_AT_ONCE,
  PAGES_GENERATED,
  searchBundles,
  searchIndexKey,
  writeSearchIndex,
} = await import('../src/integrations/search-index.ts');
type SearchBundle = import('../src/integrations/search-index.ts').SearchBundle;
// Where Astro keeps its manifest, and the pages of the published site reused by this build.
const { CACHE_DIR } = await import('../src/folders.ts');
const { LINKED_STAGING, LINKING } = await import('../src/lib/reused-pages.ts');
type LinkingOutcome = import('../src/lib/reused-pages.ts').LinkingOutcome;
const published = await import('./support/published-pages.ts');

let astro: ChildProcess | undefined;
let swapped = false;
/** The search index, once begun (`indexSite`, below), and what stops it. */
let indexing: Promise<import('./support/published-pages.ts').SearchStamp | undefined> | undefined;
const stopIndexing = new AbortController();

/**
 * Stops the build, once Pagefind has stopped writing into the staging folder; unless the new site
 * was put in place meanwhile (the index done just as the build was interrupted): it is then done.
 */
async function stopAndAbort(reason: string, code = 1): Promise<void> {
  stopIndexing.abort();
  await indexing?.catch(() => {});
  if (!swapped) abort(reason, code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (swapped) return; // the new site is in place: the build is done
    // While Astro runs it stops, and the build stops when it exits (below).
    if (astro && astro.exitCode === null && astro.signalCode === null && astro.kill(signal)) return;
    void stopAndAbort(`Build interrupted (${signal})`);
  });
}

// Should the build run out of work before the new site is in place, it failed: a Pagefind process
// that dies leaves its wrapper waiting for an answer for ever, and Node would exit as if all went well.
process.on('exit', (code) => {
  if (swapped || code !== 0) return;
  cleanUp();
  console.error(`\nBuild stopped before the site was complete; ${outDir} was left as it was.`);
  process.exitCode = 1;
});

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

// The published site whose pages this build may reuse, read before Astro rewrites its manifest.
let reusable: import('./support/published-pages.ts').ReusableSite | undefined;
try {
  reusable = published.reusableSite(outDir, CACHE_DIR);
} catch (error) {
  console.warn(`newsroom: the published pages will not be reused: ${(error as Error).message}`);
}
// Astro rewrites its manifest: until this build has published, it describes no published site.
published.forgetPublishedSite(CACHE_DIR);

/**
 * The environment Astro inherits, less:
 * - a staging folder and a pipe some other build set: only this one's count;
 * - every variable with a one-character name, such as `_`, which the shell sets to the program that
 *   started the build (npm, npx, env…). Into a module whose text has `import.meta.env` without a dot
 *   after it (Astro's actions runtime, which the feeds' code imports, has `import.meta.env?.DEV`),
 *   Astro inlines every environment variable whose name occurs anywhere in the module's text, and a
 *   one-character name occurs in any text. So `_` made the feeds' code differ between
 *   `npm run build` and `npx …`, and a variable `W` set in one shell and not in another made every
 *   feed render again instead of being kept (BENCHMARKS.md). None of the build's own settings has
 *   such a name.
 */
function inheritedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { [LINKED_STAGING]: _staging, [LINKING]: _pipe, ...rest } = env;
  return Object.fromEntries(Object.entries(rest).filter(([name]) => name.length > 1));
}

const nodeOptions = process.env.NODE_OPTIONS ?? '';
// Over a published site, a pipe (as the child's fd 3) on which this process says when it has linked
// the published pages in (below, while Astro starts).
const linkingPipe = 3;
// A pipe on which Astro says when it has written every page (src/integrations/search-index.ts).
const generatedPipe = 4;
// Astro imports astro.config.mjs with Node when it can, and only otherwise through a Vite server of
// its own, which transforms each of the config's 35 modules in src/ one after the other (about 0.3 s
// of a rebuild at 10,000 releases; BENCHMARKS.md). With the hook that resolves the site's imports
// without their extension, Node can.
const resolveTs = new URL('./support/resolve-ts.ts', import.meta.url).href;
const astroArgs = ['--import', resolveTs, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', staging];
astro = spawn(process.execPath, astroArgs, {
  stdio: ['inherit', 'inherit', 'inherit', reusable ? 'pipe' : 'ignore', 'pipe'],
  env: {
    ...inheritedEnv(process.env),
    // Astro's usage reports stay on this machine (astro.config.mjs says why); set before Astro
    // starts, so that it neither asks nor reports.
    ASTRO_TELEMETRY_DISABLED: process.env.ASTRO_TELEMETRY_DISABLED ?? '1',
    // One clock for the whole build: what is published, the news sitemap and the embargo notice
    // all see the same instant, so an embargo lifting mid-build is never half-published or lost.
    NEWSROOM_NOW: process.env.NEWSROOM_NOW || new Date().toISOString(),
    // The search index is written below, not by Astro.
    [INDEX_AFTER_BUILD]: String(generatedPipe),
    // Astro keeps the linked pages (astro.config.mjs), waits for them before generating pages
    // (src/integrations/linked-pages.ts) and unlinks those it renders (src/middleware.ts).
    ...(reusable ? { [LINKED_STAGING]: staging, [LINKING]: String(linkingPipe) } : {}),
    // A 10,000-release archive needs more than Node's default heap (BENCHMARKS.md); a heap size the
    // user set is kept.
    NODE_OPTIONS: nodeOptions.includes('--max-old-space-size')
      ? nodeOptions
      : `${nodeOptions} --max-old-space-size=4096`.trim(),
  },
});

// The published site's pages, linked into the staging folder while Astro starts, reads the content
// and bundles the site (about 5 s at 10,000 releases; the linking, 1 s, is mostly making folders).
let linked: import('./support/published-pages.ts').PublishedSite | undefined;
if (reusable) {
  const started = performance.now();
  const pages = new Map<string, import('./support/published-pages.ts').LinkedPage>();
  // As a slow file system would (tests: Astro must wait for the links, not find them by chance).
  const delay = Number(process.env.NEWSROOM_LINKING_DELAY_MS ?? 0);
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
  let outcome: LinkingOutcome | '' = 'not linked';
  try {
    published.linkPages(outDir, staging, reusable.files, pages, resolve('public'));
    linked = { pages, search: reusable.search };
    outcome = 'linked';
    console.log(`[newsroom] ${pages.size} pages of the published site linked for reuse in ${seconds(started)}s`);
  } catch (error) {
    console.warn(
      `newsroom: the published pages could not be linked for reuse, so Astro copies the unchanged ones from its cache: ${(error as Error).message}`,
    );
    try {
      published.unlinkPages(staging, pages);
    } catch (unlinkError) {
      // Astro must not generate pages through links left behind: without a word, it stops, and its
      // exit (below) stops the build.
      console.error(
        `newsroom: could not remove the pages linked from the published site: ${(unlinkError as Error).message}`,
      );
      outcome = '';
    }
  }
  const pipe = astro.stdio[linkingPipe] as NodeJS.WritableStream;
  // Astro may have stopped already (a content error): its exit, below, says so.
  pipe.on('error', () => {});
  pipe.end(outcome);
}

// Where each part of the search index has its pages linked for Pagefind, from build to build.
const STAGED_PAGES = join(CACHE_DIR, 'search-index-pages');

// Meanwhile, on the core Astro leaves idle as it starts, the pages the last build staged are cut to
// what the index reads of them, so that Pagefind reads less (about 0.4 s of every 3,000 pages).
let condensing: Promise<void> = Promise.resolve();
if (reusable) {
  const started = performance.now();
  // Stopped once the index is begun: Pagefind then reads the pages cut so far, and the others whole.
  condensing = condenseStagedPages(STAGED_PAGES, () => indexing !== undefined || stopIndexing.signal.aborted).then(
    (count) => {
      if (count > 0)
        console.log(`[newsroom] ${count} staged pages cut to what the index reads in ${seconds(started)}s`);
    },
    (error: unknown) => {
      console.warn(`newsroom: the staged pages were not cut to what the index reads: ${(error as Error).message}`);
    },
  );
}

// How this build makes the search index: a published index made otherwise is never kept.
const indexKeyMade = searchIndexKey().catch((error: unknown) => {
  console.warn(`newsroom: the published search index will not be kept: ${(error as Error).message}`);
  return undefined;
});

/**
 * Keeps or writes each part of the search index of the pages in the staging folder, and returns
 * what the next build checks before keeping it (nothing if a page changed while it was read).
 * Begun as soon as Astro has written the pages, while it writes the sitemaps and exits; `signal`
 * stops Pagefind should Astro fail meanwhile.
 */
async function indexSite(signal: AbortSignal): Promise<import('./support/published-pages.ts').SearchStamp | undefined> {
  const indexKey = await indexKeyMade;
  await condensing;
  // The pages still the published site's files, and of those, the ones unmodified since linked.
  let unchanged: ReadonlySet<string> = new Set();
  let unmodified: ReadonlySet<string> = new Set();
  if (linked) {
    const { kept, dropped, writtenThrough } = published.dropUnpublishedPages(linked.pages, staging, CACHE_DIR);
    unchanged = kept;
    unmodified = writtenThrough.length > 0 ? kept.difference(new Set(writtenThrough)) : kept;
    console.log(`[newsroom] ${kept.size} unchanged pages kept from the published site`);
    const gone = published.droppedPagesWarning(published.droppedReleasePages(outDir, dropped));
    if (gone) console.warn(gone);
    if (writtenThrough.length > 0) {
      // Never seen: it would take a writer src/middleware.ts does not see. The new site, about to
      // replace the published one, is right; the published one changed early.
      console.warn(`newsroom: written through to the published site during the build: ${writtenThrough.join(', ')}`);
    }
  }
  // An index folder none of whose pages changed (all of them, in a scheduled daily build; the
  // archive's, when a recent release is edited) is kept from the published site.
  const started = performance.now();
  // Each page's instant, which puts it in its part: read from the pages this build wrote, and
  // known from the published index's record for those it kept (10,000 pages read in 0.25–1.3 s).
  const instants = linked
    ? published.knownInstants(linked.search, indexKey, linked.pages, unmodified)
    : new Map<string, string>();
  const bundles = searchBundles(staging, instants);
  // (Recorded for the next build only when the index is made a known way.)
  const seen = new Map<string, import('./support/published-pages.ts').PageFile>();
  const pagesRead = indexKey ? bundles.map((bundle) => published.bundlePagesDigest(staging, bundle, seen)) : [];
  type BundleStamp = import('./support/published-pages.ts').BundleStamp;
  const couldNotKeep = (bundle: SearchBundle, error: unknown) =>
    console.warn(`newsroom: the published ${bundle.dir}/ could not be kept: ${(error as Error).message}`);
  // The folders that may be kept, as far as their pages tell; their files are checked and linked
  // while Pagefind writes the others (about 0.3 s at 10,000 releases).
  const keepable = new Map<SearchBundle, BundleStamp>();
  bundles.forEach((bundle, i) => {
    if (!linked || !indexKey) return;
    try {
      const stamp = published.keepableBundle(
        outDir,
        staging,
        linked.search,
        indexKey,
        bundle,
        unchanged,
        pagesRead[i]!,
      );
      if (stamp) keepable.set(bundle, stamp);
    } catch (error) {
      couldNotKeep(bundle, error);
    }
  });
  const kept = new Map<SearchBundle, BundleStamp>();
  const keepBundles = () => {
    for (const [bundle, stamp] of keepable) {
      try {
        const record = published.linkPublishedBundle(
          outDir,
          staging,
          bundle,
          stamp,
          pagesRead[bundles.indexOf(bundle)]!,
        );
        if (record) kept.set(bundle, record);
      } catch (error) {
        couldNotKeep(bundle, error);
      }
    }
  };
  const write = (written: SearchBundle[], whileWriting?: () => void) =>
    writeSearchIndex(staging, written, {
      atOnce: INDEXES_AT_ONCE,
      signal,
      stageDir: STAGED_PAGES,
      // The published index files Pagefind would write again in the same bytes are linked instead.
      previousDir: existsSync(outDir) ? outDir : undefined,
      whileWriting,
    });
  const said: string[] = [];
  const written = bundles.filter((bundle) => !keepable.has(bundle));
  if (written.length > 0) said.push(await write(written, keepBundles));
  else keepBundles();
  // Those whose published files changed since (rare: edited by hand) are written after all.
  const unkept = bundles.filter((bundle) => keepable.has(bundle) && !kept.has(bundle));
  if (unkept.length > 0) said.push(await write(unkept));
  if (said.length === 0) {
    console.log(`[newsroom:search-index] no indexed page changed: the published index kept in ${seconds(started)}s`);
  } else {
    const also = [...kept.keys()].map((bundle) => `; ${bundle.dir}/ kept, as none of its pages changed`).join('');
    console.log(`[newsroom:search-index] ${said.join('; ')}${also} in ${seconds(started)}s`);
  }
  forgetStagedPages(STAGED_PAGES, bundles);
  if (!indexKey) return undefined;
  // A page Pagefind read that changed meanwhile: nothing recorded, and the next build writes it all.
  const still = bundles.every(
    (bundle, i) => kept.has(bundle) || pagesRead[i] === published.bundlePagesDigest(staging, bundle),
  );
  return still
    ? {
        key: indexKey,
        bundles: bundles.map((bundle, i) => kept.get(bundle) ?? published.recordBundle(staging, bundle, pagesRead[i]!)),
        instants: published.recordInstants(instants, seen),
      }
    : undefined;
}

const beginIndexing = () => {
  if (!indexing) {
    indexing = indexSite(stopIndexing.signal);
    // Its failure is reported once Astro has exited (below).
    indexing.catch(() => {});
  }
  return indexing;
};
// Astro says when the pages are written; should it not, the index is begun once it has exited.
let heard = '';
const generated = astro.stdio[generatedPipe] as NodeJS.ReadableStream;
generated.setEncoding('utf8');
generated.on('error', () => {});
generated.on('data', (chunk: string) => {
  heard += chunk;
  if (heard.split('\n').includes(PAGES_GENERATED)) beginIndexing();
});

astro.on('exit', async (code, signal) => {
  if (code !== 0) return stopAndAbort(signal ? `Build interrupted (${signal})` : 'Build failed', code ?? 1);
  let search: import('./support/published-pages.ts').SearchStamp | undefined;
  try {
    search = await beginIndexing();
  } catch (error) {
    return stopAndAbort(`${(error as Error).message}\nBuild failed`);
  }
  // Interrupted once Astro had exited, while the index was written (or kept): the build stops there.
  if (stopIndexing.signal.aborted) return;
  // Two renames: the site is never half-written. Should the second fail, the old site goes back.
  const hadSite = existsSync(outDir);
  try {
    if (hadSite) renameSync(outDir, previous);
  } catch (error) {
    abort(`Could not move the published site aside (${(error as Error).message})`);
  }
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadSite) renameSync(previous, outDir);
    abort(`Could not put the new site in place (${(error as Error).message})`);
  }
  swapped = true;
  // The next build may reuse this site's pages, if they were built from the cache's manifest.
  try {
    published.stampPublishedSite(outDir, CACHE_DIR, search);
  } catch (error) {
    console.warn(`newsroom: the next build will not reuse these pages: ${(error as Error).message}`);
  }
  if (hadSite) removeInBackground([previous]);
  console.log(`\nSite written to ${outDir}`);
});
