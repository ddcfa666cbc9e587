/**
 * MDX bodies rendered on the machine's other core while Astro reads the rest of the content.
 * Astro syncs a collection on one thread, and more than half of that time was rendering bodies
 * (BENCHMARKS.md), which needs nothing but the file; so a worker thread takes most of it, and this
 * thread keeps Astro's own work (reading, parsing frontmatter, checking, storing). The worker runs
 * src/loaders/render-mdx.ts, the function the build otherwise calls in process, so the HTML is the
 * same either way. Started at the first file, it never keeps the build from exiting, and it stops
 * once idle, so its memory is free again before the pages are generated.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderMdx, type MdxFile, type RenderedMdx } from './render-mdx';
import type { RenderRequest } from './render-worker';

type RenderReply =
  | { id: number; result: RenderedMdx; error?: undefined }
  | { id: number; error: { message: string; stack?: string | undefined } };

interface Waiting {
  resolve(result: RenderedMdx): void;
  reject(error: Error): void;
}

/** Node's TypeScript support, plus the resolution rule of Vite that the site's modules rely on. */
const RESOLVE_TS = new URL('../../scripts/support/resolve-ts.ts', import.meta.url).href;

/**
 * Astro's glob loader keeps ten files in flight. With eight of them waiting at the worker, this
 * thread renders the next one itself: measured at 10,000 releases, content sync took 10.0 s in
 * process, 7.1–7.5 s with every body on the worker, 5.9–6.4 s like this.
 */
const BACKLOG = 8;

/** How long the worker waits for more files before it stops. */
const IDLE_MS = 500;

class RenderWorker {
  readonly #worker = new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv: ['--import', RESOLVE_TS] });
  readonly #waiting = new Map<number, Waiting>();
  #next = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;

  /** `onStop` is called once the worker has stopped, idle or not. */
  constructor(onStop: () => void) {
    this.#worker.unref();
    this.#worker.on('message', ({ id, ...reply }: RenderReply) => {
      const caller = this.#waiting.get(id)!;
      this.#waiting.delete(id);
      if (this.#waiting.size === 0) {
        this.#worker.unref();
        this.#idle = setTimeout(() => void this.#worker.terminate(), IDLE_MS).unref();
      }
      if (reply.error === undefined) caller.resolve(reply.result);
      else {
        // The worker's message, for the build's report; its stack, for whoever debugs the renderer.
        const error = new Error(`rendering in a worker thread failed: ${reply.error.message}`);
        error.stack = reply.error.stack ?? error.stack;
        caller.reject(error);
      }
    });
    // A worker that stops takes no more files; what it had fails the build rather than hang it.
    const stopped = (error: Error) => {
      onStop();
      for (const caller of this.#waiting.values()) caller.reject(error);
      this.#waiting.clear();
    };
    this.#worker.on('error', stopped);
    this.#worker.on('exit', (code) => stopped(new Error(`the render worker thread stopped (exit code ${code})`)));
  }

  get waiting(): number {
    return this.#waiting.size;
  }

  render(file: MdxFile): Promise<RenderedMdx> {
    clearTimeout(this.#idle);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage({ id, file } satisfies RenderRequest);
    });
  }
}

let current: RenderWorker | undefined;

/**
 * Renders an MDX file: on the worker thread when the machine has a core to spare (`worker`), here
 * when the worker has `BACKLOG` files waiting. `inProcess` keeps it on this thread: under
 * `astro dev`, so that an edited component is used at the next save.
 */
export function renderFile(
  file: MdxFile,
  { inProcess = false, worker = availableParallelism() > 1 } = {},
): Promise<RenderedMdx> {
  if (inProcess || !worker) return Promise.resolve(renderMdx(file));
  if (!current) {
    const started: RenderWorker = new RenderWorker(() => {
      if (current === started) current = undefined;
    });
    current = started;
  }
  if (current.waiting >= BACKLOG) return Promise.resolve(renderMdx(file));
  return current.render(file);
}
