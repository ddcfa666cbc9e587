/** Builds the site (or a fixture content folder) the way `npm run build` does, for tests. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

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
  if (content) env.NEWSROOM_CONTENT = content;
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
