/**
 * Build only, under `npm run build` over a published site: `scripts/build.ts` hard-links the
 * published site's unchanged pages into the staging folder (src/lib/reused-pages.ts) while Astro
 * starts, reads the content and bundles the site, instead of before. Astro must not look for a
 * page it can keep before they are all there (it would copy the page from its cache instead), so
 * this waits, once the bundles are written and before the first page is generated, until
 * `scripts/build.ts` has said on the pipe it gave Astro (`LINKING`) that it is done, and closed it.
 * Does nothing under `astro dev` or a plain `astro build`.
 */
import { fstatSync, readFile } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { LINKED_STAGING, LINKING, type LinkingOutcome } from '../lib/reused-pages';

/** What `scripts/build.ts` writes on the pipe `fd` before closing it (nothing, should it stop). */
function linkingDone(fd: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Anything else at that number (the variable set by hand, say) could be read forever.
    try {
      const stat = fstatSync(fd);
      if (!stat.isSocket() && !stat.isFIFO()) throw new Error('not a pipe');
    } catch (error) {
      reject(error as Error);
      return;
    }
    // Reads until scripts/build.ts closes its end.
    readFile(fd, 'utf8', (error, said) => (error ? reject(error) : resolve(said)));
  });
}

export default function linkedPages(): AstroIntegration {
  return {
    name: 'newsroom:linked-pages',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const fd = process.env[LINKING];
        if (command !== 'build' || !fd || !process.env[LINKED_STAGING]) return;
        let waited: Promise<string> | undefined;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'newsroom:wait-for-linked-pages',
                // The last bundle Astro writes before it generates the pages.
                applyToEnvironment: (environment) => environment.name === 'client',
                async writeBundle() {
                  waited ??= linkingDone(Number(fd));
                  let said: string;
                  try {
                    said = await waited;
                  } catch (error) {
                    throw new Error(
                      `newsroom: could not hear from npm run build on pipe ${fd}: ${(error as Error).message}`,
                    );
                  }
                  const outcomes: LinkingOutcome[] = ['linked', 'not linked'];
                  if (!outcomes.includes(said as LinkingOutcome)) {
                    throw new Error(
                      'newsroom: npm run build did not say it had linked the published pages (it stopped, or could not remove the links it made)',
                    );
                  }
                },
              },
            ],
          },
        });
      },
    },
  };
}
