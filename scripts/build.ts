/**
 * `npm run build`: builds the site into a temporary folder next to `dist/` and swaps it in only
 * when the whole build (pages, feeds, sitemaps, search index) succeeded. A failed or interrupted
 * build leaves the previous `dist/` exactly as it was.
 *
 *   npm run build [-- --outDir DIR]
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
const outDir = resolve(at >= 0 && args[at + 1] ? args[at + 1]! : 'dist');
const staging = join(dirname(outDir), `.${basename(outDir)}-building-${process.pid}`);
const previous = join(dirname(outDir), `.${basename(outDir)}-previous-${process.pid}`);

function cleanUp(): void {
  rmSync(staging, { recursive: true, force: true });
}

const astro = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', staging], {
  stdio: 'inherit',
  env: {
    ...process.env,
    // 10,000 releases fit in the default heap, with room; a larger archive may need more.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=4096'].filter(Boolean).join(' '),
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    astro.kill(signal);
  });
}

astro.on('exit', (code, signal) => {
  if (code !== 0) {
    cleanUp();
    console.error(
      signal
        ? `\nBuild interrupted (${signal}); ${outDir} was left as it was.`
        : `\nBuild failed; ${outDir} was left as it was.`,
    );
    process.exit(code ?? 1);
  }
  // Two renames: the old site is replaced in one step, never half-written.
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  console.log(`\nSite written to ${outDir}`);
});
