/**
 * The components an author may use in a release body without importing them. Their names live
 * here so that tools without Astro (`npm run check`) know them; src/components/release/index.ts
 * must provide exactly these (TypeScript checks it).
 */
export const RELEASE_COMPONENT_NAMES = ['Terms', 'Term', 'DataTable', 'Row', 'Note'] as const;
export type ReleaseComponentName = (typeof RELEASE_COMPONENT_NAMES)[number];
