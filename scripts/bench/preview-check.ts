/**
 * How long `npm run dev`'s content-problem banner (src/lib/check/current-problems.ts) takes on a
 * content folder: the first check, one with nothing changed, and one after a release is saved.
 * It appends a sentence to one release, so run it on a copy, such as the folder
 * `npm run bench -- --releases 1000 --keep` leaves:
 *
 *   node --import ./scripts/support/resolve-ts.ts scripts/bench/preview-check.ts /tmp/newsroom-bench-1000-…/content
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { currentProblems } from '../../src/lib/check/current-problems';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node --import ./scripts/support/resolve-ts.ts scripts/bench/preview-check.ts CONTENT_DIR');
  process.exit(2);
}
const release = readdirSync(join(dir, 'releases'), { recursive: true, encoding: 'utf8' }).find((file) =>
  file.endsWith('.mdx'),
);
for (const step of ['first check', 'nothing changed', 'one release saved']) {
  if (step === 'one release saved' && release) appendFileSync(join(dir, 'releases', release), '\nAn added sentence.\n');
  const started = performance.now();
  const problems = currentProblems(dir);
  console.log(
    `${step.padEnd(18)} ${((performance.now() - started) / 1000).toFixed(2)} s, ${problems.length} problem(s)`,
  );
}
