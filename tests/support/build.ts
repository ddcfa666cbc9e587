/** Builds the site (or a fixture content folder) the way `npm run build` does, for tests. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  outDir: string;
  /** A content folder other than `content/`. */
  content?: string;
  /** Base path such as `/newsroom/`. */
  base?: string;
  /** The build's clock (ISO 8601), for drafts and embargoes. */
  now?: string;
}

export interface BuildResult {
  status: number | null;
  output: string;
}

export function buildSite({ outDir, content, base, now }: BuildOptions): BuildResult {
  // TZ far from the issuer's: pages must show Tokyo dates whatever the build machine's zone.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    TZ: 'Pacific/Honolulu',
  };
  // Vitest exposes its own import.meta.env (BASE_URL, MODE, DEV, …) and NODE_ENV=test through
  // process.env; a child build must not inherit them, or they override the build's own settings.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  if (content) {
    env.NEWSROOM_CONTENT = content;
    // The fixture's content-layer cache lives (and is deleted) with the fixture.
    env.NEWSROOM_CACHE_DIR = join(content, '.astro-cache');
  }
  if (base) env.NEWSROOM_BASE = base;
  if (now) env.NEWSROOM_NOW = now;
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
