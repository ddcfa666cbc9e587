/**
 * How the build shares its pages between Astro's thread and the page worker
 * (src/integrations/page-worker.ts), with stand-ins for both: the worker takes pages only once it
 * has been started, after the build's first pages, and is ready, and while it has fewer than its
 * share; a page that fails there is rendered on Astro's thread, which reports it if it fails there
 * too; and a worker that fails, stops or never starts leaves every page to Astro's thread, with one
 * warning. That the worker renders a page to the same
 * bytes is tested on a real build (tests/e2e/incremental.test.ts).
 */
import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { sharingPages, type PageThread } from '../../src/integrations/page-worker';

const options = {
  routeData: { route: '/releases/[slug]', component: 'src/pages/releases/[slug].astro' },
} as Parameters<AstroPrerenderer['render']>[1];
const request = (path: string) => new Request(`https://newsroom.example${path}`);
const text = async (rendered: Awaited<ReturnType<AstroPrerenderer['render']>>) =>
  (rendered instanceof Response ? rendered : rendered.response).text();

/** Astro's prerenderer as a stand-in: renders `here:<path>`, or fails on the paths in `bad`. */
function astros(bad: string[] = []) {
  const rendered: string[] = [];
  const prerenderer: AstroPrerenderer = {
    name: 'astro:default',
    getStaticPaths: async () => [],
    async render(req) {
      const path = new URL(req.url).pathname;
      if (bad.includes(path)) throw new Error(`Cannot render ${path}`);
      rendered.push(path);
      return new Response(`here:${path}`);
    },
  };
  return { prerenderer, rendered };
}

/**
 * A worker as a stand-in: ready when `ready` settles, answers when `answer()` is called, failing on
 * the paths in `bad`.
 */
function worker(bad: string[] = [], ready: Promise<void> = Promise.resolve()) {
  const pending: (() => void)[] = [];
  const taken: string[] = [];
  let stopped = false;
  const thread: PageThread = {
    ready,
    get waiting() {
      return pending.length;
    },
    render(req) {
      const path = new URL(req.url).pathname;
      taken.push(path);
      return new Promise((resolve, reject) => {
        pending.push(() =>
          bad.includes(path) ? reject(new Error('worker says no')) : resolve(new Response(`worker:${path}`)),
        );
      });
    },
    async stop() {
      stopped = true;
    },
  };
  const answer = () => pending.splice(0).forEach((reply) => reply());
  return { thread, taken, answer, stopped: () => stopped };
}

function logs() {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { warnings, infos, warn: (m: string) => warnings.push(m), info: (m: string) => infos.push(m) };
}

describe('sharing the pages with the page worker', () => {
  /** Lets the stand-in worker's readiness reach the prerenderer. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('gives the worker up to its share at once, and renders the rest on Astro’s thread', async () => {
    const astro = astros();
    const work = worker();
    const log = logs();
    const shared = sharingPages(astro.prerenderer, () => work.thread, { atOnce: 2, startsAfter: 0, ...log });
    await shared.setup!();
    expect(await text(await shared.render(request('/a/'), options))).toBe('here:/a/'); // starts the worker
    await settle();
    const pages = ['/b/', '/c/', '/d/', '/e/'].map((path) => shared.render(request(path), options));
    expect(work.taken).toEqual(['/b/', '/c/']);
    work.answer();
    expect(await Promise.all(pages.map(async (page) => text(await page)))).toEqual([
      'worker:/b/',
      'worker:/c/',
      'here:/d/',
      'here:/e/',
    ]);
    // Answered, it takes pages again.
    const next = shared.render(request('/f/'), options);
    work.answer();
    expect(await text(await next)).toBe('worker:/f/');
    await shared.teardown!();
    expect(work.stopped()).toBe(true);
    expect(log.infos).toEqual(['3 of 6 pages rendered on a second thread']);
    expect(log.warnings).toEqual([]);
  });

  it('starts no worker for a build that renders only a few pages', async () => {
    const astro = astros();
    let started = 0;
    const shared = sharingPages(astro.prerenderer, () => (started++, worker().thread), { startsAfter: 3, ...logs() });
    await shared.setup!();
    for (const path of ['/a/', '/b/', '/c/']) await shared.render(request(path), options);
    await shared.teardown!();
    expect(started).toBe(0);
    expect(astro.rendered).toEqual(['/a/', '/b/', '/c/']);
  });

  it('renders pages on Astro’s thread until the worker is ready, and stops it, ready or not', async () => {
    const astro = astros();
    let ready!: () => void;
    const work = worker([], new Promise((resolve) => (ready = resolve)));
    const shared = sharingPages(astro.prerenderer, () => work.thread, { startsAfter: 1, ...logs() });
    await shared.setup!();
    for (const path of ['/a/', '/b/', '/c/'])
      expect(await text(await shared.render(request(path), options))).toBe(`here:${path}`);
    ready();
    await settle();
    const page = shared.render(request('/d/'), options);
    work.answer();
    expect(await text(await page)).toBe('worker:/d/');
    await shared.teardown!();
    expect(work.stopped()).toBe(true);

    const never = worker([], new Promise(() => {}));
    const early = sharingPages(astros().prerenderer, () => never.thread, { startsAfter: 0, ...logs() });
    await early.setup!();
    await early.render(request('/a/'), options);
    await early.teardown!();
    expect(never.stopped()).toBe(true);
  });

  it('renders on Astro’s thread a page the worker failed on, and sets the worker aside', async () => {
    const astro = astros();
    const work = worker(['/b/']);
    const log = logs();
    const shared = sharingPages(astro.prerenderer, () => work.thread, { startsAfter: 0, ...log });
    await shared.setup!();
    await shared.render(request('/a/'), options);
    await settle();
    const page = shared.render(request('/b/'), options);
    work.answer();
    expect(await text(await page)).toBe('here:/b/');
    expect(log.warnings).toEqual([
      "newsroom: the page worker failed on /b/ (worker says no), which renders here; the build renders the other pages on Astro's thread",
    ]);
    expect(await text(await shared.render(request('/c/'), options))).toBe('here:/c/');
    expect(work.taken).toEqual(['/b/']);
    await shared.teardown!();
  });

  it('reports a page that fails on both threads as Astro’s thread reports it, and keeps the worker', async () => {
    const astro = astros(['/b/']);
    const work = worker(['/b/']);
    const log = logs();
    const shared = sharingPages(astro.prerenderer, () => work.thread, { startsAfter: 0, ...log });
    await shared.setup!();
    await shared.render(request('/a/'), options);
    await settle();
    const page = shared.render(request('/b/'), options);
    work.answer();
    await expect(page).rejects.toThrow('Cannot render /b/');
    const next = shared.render(request('/c/'), options);
    work.answer();
    expect(await text(await next)).toBe('worker:/c/');
    expect(log.warnings).toEqual([]);
    await shared.teardown!();
  });

  it('renders every page on Astro’s thread when the worker does not start, with one warning', async () => {
    for (const start of [
      () => {
        throw new Error('no bundle');
      },
      () => worker([], Promise.reject(new Error('no bundle'))).thread,
    ]) {
      const astro = astros();
      const log = logs();
      const shared = sharingPages(astro.prerenderer, start, { startsAfter: 0, ...log });
      await shared.setup!();
      for (const path of ['/a/', '/b/', '/c/']) {
        expect(await text(await shared.render(request(path), options))).toBe(`here:${path}`);
        await settle();
      }
      await shared.teardown!();
      expect(log.warnings).toEqual([
        "newsroom: the page worker did not start (no bundle); the build renders the other pages on Astro's thread",
      ]);
      expect(log.infos).toEqual([]);
    }
  });

  it('with `every`, starts the worker at once, waits for it and gives it every page', async () => {
    const astro = astros();
    let ready!: () => void;
    const work = worker([], new Promise((resolve) => (ready = resolve)));
    const log = logs();
    const shared = sharingPages(astro.prerenderer, () => work.thread, { every: true, atOnce: 1, ...log });
    const setUp = shared.setup!();
    await settle();
    ready();
    await setUp;
    const pages = ['/a/', '/b/', '/c/'].map((path) => shared.render(request(path), options));
    work.answer();
    expect(await Promise.all(pages.map(async (page) => text(await page)))).toEqual([
      'worker:/a/',
      'worker:/b/',
      'worker:/c/',
    ]);
    expect(astro.rendered).toEqual([]);
    await shared.teardown!();
    expect(log.infos).toEqual(['3 of 3 pages rendered on a second thread']);
  });
});
