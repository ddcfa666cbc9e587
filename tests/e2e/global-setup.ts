/**
 * Builds the real site from `content/` once for all end-to-end tests and serves it on loopback.
 * Tests read `inject('siteDir')` and `inject('siteUrl')`.
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
  }
}

let server: StaticServer | undefined;

export async function setup(project: TestProject) {
  // NEWSROOM_TEST_DIST lets parallel runs on one machine keep apart.
  const outDir = join(ROOT, process.env.NEWSROOM_TEST_DIST ?? '.test-dist', 'site');
  rmSync(outDir, { recursive: true, force: true });
  const result = buildSite({ outDir });
  if (result.status !== 0) throw new Error(`The site did not build:\n${result.output}`);
  server = await serveStatic(outDir);
  project.provide('siteDir', outDir);
  project.provide('siteUrl', server.url);
}

export async function teardown() {
  await server?.close();
}
