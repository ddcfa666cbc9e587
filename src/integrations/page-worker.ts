/**
 * Build only: pages rendered on the machine's other core as well as on Astro's thread. Astro
 * renders a static build's pages on one thread, and at 10,000 releases that is most of a full
 * build, with the second core a quarter idle (BENCHMARKS.md). Here a worker thread
 * (page-worker-thread.ts) loads the same bundle Astro renders from and takes up to
 * `PAGES_ON_WORKER` pages at a time; Astro's thread renders the rest and writes every file, as
 * before, and keeps its incremental-build record. A page is the same bytes whichever thread
 * rendered it (tests/e2e/incremental.test.ts builds a site with every page on the worker).
 *
 * Astro's own means is the prerenderer an integration may set (`setPrerenderer`); this one hands
 * Astro's default prerenderer the pages the worker does not take. Astro 7.4 documents the same
 * as `experimental.parallelPrerender`, which the registry this project installs from does not
 * have yet (it has 7.3.5).
 *
 * The worker is a helper and never the cause of a failed build: a page that fails there is
 * rendered again here, so that a page that cannot be rendered fails as Astro reports it, and a
 * page that renders here sets the worker aside for the rest of the build, with a warning. So does
 * a worker that stops or does not start. `NEWSROOM_PAGE_WORKER=off` renders every page on Astro's
 * thread; `every` waits for the worker and gives it every page (the tests).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroLoggerMessage, AstroPrerenderer } from 'astro';

/** The variable that turns the worker off (`off`) or gives it every page (`every`). */
export const PAGE_WORKER = 'NEWSROOM_PAGE_WORKER';

/**
 * Pages the worker renders at once; Astro has `build.concurrency` (4) in flight, so at least one is
 * rendered here. Measured at 10,000 releases, three rounds alternating: generating the pages took
 * 35.7–42.9 s on one thread, 31.3–38.9 s with two pages at a time on the worker, 31.4–35.4 s with
 * three, 33.5–40.1 s with all of them (Astro's thread then only writing files).
 */
export const PAGES_ON_WORKER = 3;

/** What the worker is started with (`workerData`). */
export interface PageWorkerData {
  /** The file URL of the bundle's entry (`prerender-entry.*.mjs`). */
  entry: string;
  /** Each page's stylesheets, by Astro's key for the page (`internals.pagesByKeys`). */
  styles: [string, unknown[]][];
  /** The scripts integrations add (`settings.scripts`). */
  scripts: unknown[];
}

/** A page to render: its URL, its route (`routeKey`) and whether to record what it read. */
export interface PageRequest {
  id: number;
  url: string;
  route: string;
  collectMetadata: boolean;
}

/** The worker's answers: ready, a line of Astro's log, a rendered page, or a page that failed. */
export type PageReply =
  | { ready: true }
  | { log: AstroLoggerMessage }
  | {
      id: number;
      status: number;
      statusText: string;
      headers: [string, string][];
      body: ArrayBuffer | null;
      metadata: unknown;
    }
  | { id: number; error: { message: string; stack?: string | undefined } };

/** A route, as both threads name it: Astro's route objects cannot be sent between threads. */
export const routeKey = (route: { route: string; component: string }) => `${route.route}\n${route.component}`;

type RenderOptions = Parameters<AstroPrerenderer['render']>[1];
type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;

/** A worker that takes pages once it has loaded the site's bundle. */
export interface PageThread {
  /** Settles once the worker has loaded the bundle and worked out every route's pages. */
  readonly ready: Promise<void>;
  /** Pages sent and not yet answered. */
  readonly waiting: number;
  render(request: Request, options: RenderOptions): Promise<Rendered>;
  stop(): Promise<void>;
}

/**
 * Pages a build renders before it starts the worker: a rebuild after an edit renders a few dozen,
 * and does not pay for a second copy of the newsroom (about 250 MiB at 10,000 releases).
 */
export const STARTS_AFTER = 100;

export interface SharingOptions {
  /** Start the worker before the first page, wait for it, and give it every page. */
  every?: boolean;
  /** Pages the worker has at once at most. */
  atOnce?: number;
  /** Pages rendered here before the worker is started. */
  startsAfter?: number;
  warn?: (message: string) => void;
  info?: (message: string) => void;
}

/**
 * Astro's prerenderer `here`, with pages shared with the worker `start` gives, once the build has
 * rendered `startsAfter` pages and the worker is ready. Until then, and while it has `atOnce` pages,
 * pages are rendered here.
 */
export function sharingPages(
  here: AstroPrerenderer,
  start: () => PageThread,
  {
    every = false,
    atOnce = PAGES_ON_WORKER,
    startsAfter = STARTS_AFTER,
    warn = console.warn,
    info = console.log,
  }: SharingOptions = {},
): AstroPrerenderer {
  let thread: PageThread | undefined;
  let ready = false;
  let setAside = false;
  let finished = false;
  let onWorker = 0;
  let rendered = 0;
  const putAside = (reason: string) => {
    if (setAside || finished) return;
    setAside = true;
    warn(`newsroom: the page worker ${reason}; the build renders the other pages on Astro's thread`);
  };
  const begin = async () => {
    try {
      thread = start();
      await thread.ready;
      ready = true;
    } catch (error) {
      putAside(`did not start (${(error as Error).message})`);
    }
  };
  return {
    name: 'newsroom:page-worker',
    async setup() {
      await here.setup?.();
      if (every) await begin();
    },
    getStaticPaths: () => here.getStaticPaths(),
    async render(request, options) {
      rendered++;
      if (!thread && !setAside && rendered > startsAfter) void begin();
      if (!thread || !ready || setAside || (!every && thread.waiting >= atOnce)) return here.render(request, options);
      try {
        const result = await thread.render(request, options);
        onWorker++;
        return result;
      } catch (error) {
        // A page that cannot be rendered fails here as Astro reports it; one that can sets the worker aside.
        const result = await here.render(request, options);
        putAside(`failed on ${new URL(request.url).pathname} (${(error as Error).message}), which renders here`);
        return result;
      }
    },
    async teardown() {
      // Ready or not: the pages are done.
      finished = true;
      await thread?.stop();
      if (onWorker > 0) info(`${onWorker} of ${rendered} pages rendered on a second thread`);
      await here.teardown?.();
    },
  };
}

/** Node's TypeScript support, plus the resolution rule of Vite that the site's modules rely on. */
const RESOLVE_TS = new URL('../../scripts/support/resolve-ts.ts', import.meta.url).href;

/** What the page worker needs of Astro's build app (src/integrations/page-worker-thread.ts). */
interface BuildApp {
  getOptions(): {
    allPages: Record<string, { key: string; styles: unknown[] }>;
    settings: { scripts: unknown[] };
    logger: { options: { destination: { write(message: unknown): unknown } } };
  };
}

/** Starts a worker on the bundle `entry`, ready once it has worked out every route's pages. */
function startPageThread(entry: string | undefined, astros: AstroPrerenderer): PageThread {
  const app = (astros as { app?: BuildApp }).app;
  if (!entry) throw new Error('the bundle Astro renders pages from was not found');
  if (!app?.getOptions) throw new Error('Astro’s build app is not where this Astro version had it');
  const options = app.getOptions();
  const data: PageWorkerData = {
    entry,
    styles: Object.values(options.allPages).map((page) => [page.key, page.styles]),
    scripts: options.settings.scripts,
  };
  const worker = new Worker(new URL('./page-worker-thread.ts', import.meta.url), {
    execArgv: ['--import', RESOLVE_TS],
    workerData: data,
  });
  const waiting = new Map<number, { resolve(result: Rendered): void; reject(error: Error): void }>();
  let next = 0;
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: PageReply) => {
      if ('ready' in reply) return resolve();
      if ('log' in reply) return void options.logger.options.destination.write(reply.log);
      const caller = waiting.get(reply.id)!;
      waiting.delete(reply.id);
      if ('error' in reply) {
        const error = new Error(reply.error.message);
        error.stack = reply.error.stack ?? error.stack;
        return caller.reject(error);
      }
      const { body, status, statusText, headers, metadata } = reply;
      const response = new Response(body, { status, statusText, headers });
      caller.resolve({ response, metadata: metadata as Extract<Rendered, { metadata?: unknown }>['metadata'] });
    });
    // A worker that stops takes no more pages; those it had are rendered here (sharingPages).
    const stopped = (error: Error) => {
      reject(error);
      for (const caller of waiting.values()) caller.reject(error);
      waiting.clear();
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`it stopped (exit code ${code})`)));
  });
  // A worker stopped at the end of a build before it was ready rejects `ready` with no one waiting.
  ready.catch(() => {});
  return {
    ready,
    get waiting() {
      return waiting.size;
    },
    render(request, { routeData, collectMetadata = false }) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, url: request.url, route: routeKey(routeData), collectMetadata } satisfies PageRequest);
      });
    },
    async stop() {
      await worker.terminate();
    },
  };
}

export default function pageWorker(): AstroIntegration {
  const mode = process.env[PAGE_WORKER];
  const every = mode === 'every';
  const used = mode !== 'off' && (every || availableParallelism() > 1);
  let entry: string | undefined;
  return {
    name: 'newsroom:page-worker',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build' || !used) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'newsroom:prerender-entry',
                // Where Astro writes the bundle its prerenderer imports (`prerender-entry.[hash].mjs`).
                applyToEnvironment: (environment) => environment.name === 'prerender',
                writeBundle(output, bundle) {
                  for (const chunk of Object.values(bundle)) {
                    if (chunk.type === 'chunk' && chunk.fileName.startsWith('prerender-entry') && output.dir)
                      entry = pathToFileURL(join(output.dir, chunk.fileName)).href;
                  }
                },
              },
            ],
          },
        });
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (!used) return;
        setPrerenderer((astros) =>
          sharingPages(astros, () => startPageThread(entry, astros), {
            every,
            warn: (message) => logger.warn(message),
            info: (message) => logger.info(message),
          }),
        );
      },
    },
  };
}
