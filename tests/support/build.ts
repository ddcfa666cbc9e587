/** Builds the seed content (or a fixture content folder) the way `npm run build` does, for tests. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The content the tests build: a copy of the newsroom's first content (the two 2007 Trend Micro
 * releases, their Japanese versions, boilerplates, notices, contacts and settings), so that a
 * newsroom that replaces `content/` with its own keeps every test passing.
 */
export const SEED_CONTENT = join(ROOT, 'tests/fixtures/seed-content');

/**
 * What Vitest puts into process.env — its own import.meta.env (BASE_URL, MODE, DEV, …),
 * NODE_ENV=test and VITEST* — which a child build or dev server must not inherit: they override
 * the build's settings, and under VITEST=true `astro dev` serves no page at all.
 */
export const VITEST_VARIABLES = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

/**
 * The environment for a child build, without Vitest's variables, and with the seed as its content
 * unless `extra` names another folder: never `content/`, which is the newsroom's own.
 */
export function childEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NEWSROOM_CONTENT: SEED_CONTENT,
    ...extra,
  };
  for (const key of Object.keys(env)) if (VITEST_VARIABLES.test(key)) delete env[key];
  return env;
}

export interface BuildOptions {
  outDir: string;
  /** The content folder (default `SEED_CONTENT`). */
  content?: string;
  /** Base path such as `/newsroom/`. */
  base?: string;
  /** The build's clock (ISO 8601), for drafts and embargoes. */
  now?: string;
  /** Astro lists every file it writes, `(cached)` when kept (NEWSROOM_LOG_PAGES). */
  listPages?: boolean;
}

export interface BuildResult {
  status: number | null;
  output: string;
}

export function buildSite({ outDir, content, base, now, listPages }: BuildOptions): BuildResult {
  // TZ far from the issuer's: pages must show Tokyo dates whatever the build machine's zone.
  const env = childEnvironment({ NO_COLOR: '1', TZ: 'Pacific/Honolulu' });
  if (content) {
    env.NEWSROOM_CONTENT = content;
    // A fixture's content-layer cache lives (and is deleted) with the fixture; the seed's is kept in
    // node_modules/ (src/folders.ts), out of the repository's files.
    env.NEWSROOM_CACHE_DIR = join(content, '.astro-cache');
  }
  if (base) env.NEWSROOM_BASE = base;
  if (now) env.NEWSROOM_NOW = now;
  if (listPages) env.NEWSROOM_LOG_PAGES = '1';
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
