/**
 * Drafts show only under `astro dev`. The decision is taken from the Astro command itself, not
 * from NODE_ENV or Vite's mode, so a production build run with NODE_ENV=development (or under a
 * test runner) can never publish a draft.
 */
import type { AstroIntegration } from 'astro';

export function draftPreview(): AstroIntegration {
  return {
    name: 'newsroom:draft-preview',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.NEWSROOM_PREVIEW': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
