/**
 * Lets Node run the author scripts straight from TypeScript. Node ≥ 23.6 strips types itself, but
 * only resolves imports written with their extension; the site's modules are written for Vite,
 * which also finds `./fields` as `./fields.ts`. This hook applies Vite's rule, so the scripts reuse
 * the schemas and helpers in src/ unchanged. Loaded with `node --import`.
 */
import { registerHooks } from 'node:module';

const RELATIVE_WITHOUT_EXTENSION = /^\.{1,2}\/(?:.*\/)?[^/.]+$/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!RELATIVE_WITHOUT_EXTENSION.test(specifier)) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});
