/**
 * MDX bodies rendered on the machine's other cores while Astro reads the rest of the content.
 * Astro syncs a collection on one thread, and more than half of that time was rendering bodies
 * (BENCHMARKS.md), which needs nothing but the file; so worker threads take most of it, and this
 * thread keeps Astro's own work (reading, parsing frontmatter, checking, storing). Each worker runs
 * src/loaders/render-mdx.ts, the function the build otherwise calls in process, so the HTML is the
 * same either way. Started at the first file, the workers never keep the build from exiting once
 * nothing is waiting on them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderMdx, type MdxFile, type RenderedMdx } from './render-mdx';
import type { RenderRequest } from './render-worker';

type RenderReply = { id: number; result: RenderedMdx; error?: undefined } | { id: number; error: string };

interface Waiting {
  resolve(result: RenderedMdx): void;
  reject(error: Error): void;
}

/** Node's TypeScript support, plus the resolution rule of Vite that the site's modules rely on. */
const RESOLVE_TS = new URL('../../scripts/support/resolve-ts.ts', import.meta.url).href;

interface PoolWorker {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/**
 * Astro's glob loader keeps ten files in flight. With eight of them waiting at a worker, this
 * thread renders the next one itself: measured at 10,000 releases, content sync took 10.0 s in
 * process, 7.1–7.5 s with every body on the worker, 5.9–6.4 s like this.
 */
const BACKLOG = 8;

class RenderPool {
  readonly #workers = new Set<PoolWorker>();
  #next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv: ['--import', RESOLVE_TS] });
      const member: PoolWorker = { worker, waiting: new Map() };
      const { waiting } = member;
      worker.unref();
      worker.on('message', ({ id, ...reply }: RenderReply) => {
        const caller = waiting.get(id)!;
        waiting.delete(id);
        if (waiting.size === 0) worker.unref();
        if (reply.error === undefined) caller.resolve(reply.result);
        else caller.reject(new Error(`rendering in a worker thread failed: ${reply.error}`));
      });
      // A worker that stops takes no more files; what it had fails the build rather than hang it.
      const stopped = (error: Error) => {
        this.#workers.delete(member);
        for (const caller of waiting.values()) caller.reject(error);
        waiting.clear();
      };
      worker.on('error', stopped);
      worker.on('exit', (code) => stopped(new Error(`the render worker thread stopped (exit code ${code})`)));
      this.#workers.add(member);
    }
  }

  /**
   * Renders `file` on the worker with the fewest files waiting; here when even that one has
   * `BACKLOG` waiting (this thread had time to spare: BENCHMARKS.md), or once no worker is left.
   */
  render(file: MdxFile): Promise<RenderedMdx> {
    let least: PoolWorker | undefined;
    for (const member of this.#workers) if (!least || member.waiting.size < least.waiting.size) least = member;
    if (!least || least.waiting.size >= BACKLOG) return Promise.resolve(renderMdx(file));
    const { worker, waiting } = least;
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, file } satisfies RenderRequest);
    });
  }
}

const MAX_WORKERS = 2;
let pool: RenderPool | undefined;

/**
 * Renders an MDX file, on a worker thread when the machine has a core to spare. `inProcess` keeps
 * it on this thread: under `astro dev`, so that an edited component is used at the next save.
 */
export function renderFile(file: MdxFile, { inProcess = false } = {}): Promise<RenderedMdx> {
  // Astro's own share, on this thread, keeps up with about one worker; a second helps little.
  const spare = Math.min(availableParallelism() - 1, MAX_WORKERS);
  if (inProcess || spare < 1) return Promise.resolve(renderMdx(file));
  pool ??= new RenderPool(spare);
  return pool.render(file);
}
