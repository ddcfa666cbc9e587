import { defineConfig } from 'vitest/config';
import { SEED_CONTENT } from './tests/support/build';

// The content every test reads unless it names another folder: a copy of the seed, never content/,
// which is the newsroom's own (src/settings.ts reads its site.yaml as it loads).
const NEWSROOM_CONTENT = SEED_CONTENT;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A zone far from the issuer's, so a date computed in the machine's zone would show.
          env: { TZ: 'Pacific/Honolulu', NEWSROOM_CONTENT },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          env: { NEWSROOM_CONTENT },
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
