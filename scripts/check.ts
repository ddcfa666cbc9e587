/**
 * `npm run check`: validates every release, boilerplate, notice and contact, and site.yaml,
 * without building the site. Prints one line per problem (`file:line: field: message`) and exits
 * non-zero when there is any, so it can guard a commit or a CI run.
 *
 *   npm run check
 *   npm run check -- --content path/to/content
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/check/check-content';
import { displayPath } from '../src/lib/check/content-folder';
import { formatProblem } from '../src/lib/check/problem';

const { values } = parseArgs({ options: { content: { type: 'string' } } });
const contentDir = resolve(values.content ?? process.env.NEWSROOM_CONTENT ?? 'content');

const started = performance.now();
const problems = checkContent({ contentDir });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

for (const problem of problems) console.log(formatProblem(problem));
if (problems.length) {
  console.error(`\n${problems.length} problem(s) in ${displayPath(contentDir)} (checked in ${seconds} s).`);
  process.exitCode = 1;
} else {
  console.log(`No problems in ${displayPath(contentDir)} (checked in ${seconds} s).`);
}
