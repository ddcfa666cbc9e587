/**
 * Builds the seed site (tests/fixtures/seed-content/) once for all end-to-end tests — at the root
 * and under the sub-path /newsroom/ — and serves both on loopback. Tests read `inject('siteDir')`,
 * `inject('siteUrl')`, `inject('subpathDir')` and `inject('subpathUrl')`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from '../support/build';
import { serveStatic, type StaticServer } from '../support/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteUrl: string;
    subpathDir: string;
    subpathUrl: string;
  }
}

export const SUBPATH = '/newsroom/';
const servers: StaticServer[] = [];

async function buildAndServe(name: string, base?: string): Promise<{ dir: string; url: string }> {
  // NEWSROOM_TEST_DIST lets parallel runs on one machine keep apart.
  const dir = join(ROOT, process.env.NEWSROOM_TEST_DIST ?? '.test-dist', name);
  rmSync(dir, { recursive: true, force: true });
  const result = buildSite({ outDir: dir, base });
  if (result.status !== 0) throw new Error(`The site did not build (${name}):\n${result.output}`);
  const server = await serveStatic(dir, base);
  servers.push(server);
  return { dir, url: server.url };
}

export async function setup(project: TestProject) {
  const site = await buildAndServe('site');
  project.provide('siteDir', site.dir);
  project.provide('siteUrl', site.url);
  const subpath = await buildAndServe('subpath', SUBPATH);
  project.provide('subpathDir', subpath.dir);
  project.provide('subpathUrl', subpath.url);
}

export async function teardown() {
  await Promise.all(servers.map((server) => server.close()));
}
