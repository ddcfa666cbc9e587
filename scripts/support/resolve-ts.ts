/**
 * Lets Node run the author scripts straight from TypeScript. Node ≥ 23.6 strips types itself, but
 * only resolves imports written with their extension; the site's modules are written for Vite,
 * which also finds `./fields` as `./fields.ts` and `../i18n` as `../i18n/index.ts`. This hook
 * applies Vite's rule, so the scripts (and the build's render worker, src/loaders/render-pool.ts)
 * reuse the schemas and helpers in src/ unchanged, and Astro's process under `npm run build` loads
 * astro.config.mjs with Node rather than through Vite (scripts/build.ts). Loaded with
 * `node --import`.
 */
import { registerHooks } from 'node:module';

const RELATIVE_WITHOUT_EXTENSION = /^\.{1,2}\/(?:.*\/)?[^/.]+$/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!RELATIVE_WITHOUT_EXTENSION.test(specifier)) throw error;
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        return nextResolve(`${specifier}/index.ts`, context);
      }
    }
  },
});
