/**
 * The worker thread of src/integrations/page-worker.ts. It loads the bundle Astro renders the
 * pages from, as Astro's own prerenderer does (astro/dist/core/build/default-prerenderer.js), and
 * gives its app the two things Astro's build hands that app: each page's stylesheets and the
 * scripts integrations add, and a log that goes to Astro's. It then works out every route's pages
 * once, so that the newsroom and each route's paths are ready before the first page comes, says it
 * is ready, and renders each page it is sent, with the record Astro's incremental build keeps of
 * what the page read.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { AstroLoggerMessage } from 'astro';
import { installRenderScope, renderForPrerender } from 'astro/app';
import { StaticPaths } from 'astro/runtime/prerender/static-paths.js';
import { routeKey, type PageReply, type PageRequest, type PageWorkerData } from './page-worker';

interface BundledApp {
  manifest: { routes: { routeData: { route: string; component: string } }[] };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
}

async function serve(port: NonNullable<typeof parentPort>, { entry, styles, scripts }: PageWorkerData) {
  const reply = (message: PageReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const { app } = (await import(entry)) as { app: BundledApp };
  app.setInternals({
    pagesByKeys: new Map(styles.map(([key, pageStyles]) => [key, { styles: pageStyles }])),
    entrySpecifierToBundleMap: new Map(),
  });
  const destination = { write: (log: AstroLoggerMessage) => (reply({ log }), true) };
  app.setOptions({ settings: { scripts }, logger: { options: { destination } } });
  installRenderScope(new AsyncLocalStorage());
  const routes = new Map(app.manifest.routes.map(({ routeData }) => [routeKey(routeData), routeData]));
  await new StaticPaths(app as never).getAll();
  port.on('message', async ({ id, url, route, collectMetadata }: PageRequest) => {
    try {
      const routeData = routes.get(route);
      if (!routeData) throw new Error(`no route ${route.replace('\n', ' in ')} in the bundle`);
      const rendered = await renderForPrerender(app as never, new Request(url), {
        routeData: routeData as never,
        collectMetadata,
      });
      const { response } = rendered;
      const body = response.body === null ? null : await response.arrayBuffer();
      const { status, statusText } = response;
      const headers = [...response.headers];
      reply({ id, status, statusText, headers, body, metadata: rendered.metadata }, body ? [body] : []);
    } catch (error) {
      const { message = String(error), stack } = error as Partial<Error>;
      reply({ id, error: { message, stack } });
    }
  });
  reply({ ready: true });
}

if (parentPort) await serve(parentPort, workerData as PageWorkerData);
