import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** The modules a TypeScript file imports before its first line of code runs. */
const staticImports = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map(([, from]) => from!);

describe('the npm scripts that run a TypeScript file with Node', () => {
  const runs = Object.entries(scripts).flatMap(([name, command]) => {
    const file = /^node (?:--import (\S+) )?(scripts\/\S+\.ts)\b/.exec(command);
    return file ? [{ name, hook: file[1], file: file[2]! }] : [];
  });

  it('are found', () => {
    expect(runs.map(({ name }) => name)).toEqual(expect.arrayContaining(['build', 'check', 'measure:search', 'bench']));
  });

  // The site's modules import without extensions, as Vite allows; Node needs the hook to find them.
  it.each(runs)('$name loads the import hook, or imports only Node’s own modules before it does', ({ hook, file }) => {
    if (hook !== undefined) {
      expect(hook).toBe('./scripts/support/resolve-ts.ts');
      return;
    }
    expect(staticImports(file).filter((from) => !from.startsWith('node:'))).toEqual([]);
  });
});

describe("Astro's config", () => {
  // scripts/build.ts starts Astro with the hook so that Astro imports the config with Node, not
  // through a Vite server of its own; should Node fail (a TypeScript feature Node cannot strip, a
  // Vite-only import in a module the config loads), Astro would quietly fall back to Vite.
  it('loads with Node and the import hook, as npm run build has Astro load it', () => {
    const loaded = spawnSync(
      process.execPath,
      [
        '--import',
        './scripts/support/resolve-ts.ts',
        '--input-type=module',
        '-e',
        "await import('./astro.config.mjs')",
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(loaded.status, loaded.stderr).toBe(0);
  });
});
