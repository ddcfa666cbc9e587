/** Builds the site with the real `npm run build` (scripts/build.ts) into a new temporary folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The folder the site was written to; throws with the build's output when it fails. */
export function buildIntoTemp(prefix: string): string {
  const outDir = join(mkdtempSync(join(tmpdir(), prefix)), 'site');
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`The site did not build:\n${result.stdout}${result.stderr}`);
  return outDir;
}
