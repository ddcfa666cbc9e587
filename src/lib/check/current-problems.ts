/**
 * Under `npm run dev`: the problems `npm run check` finds in the content folder as it is now, so a
 * page can say why a release is missing (a file with a problem that stops a build is left out of
 * the preview). Checked again only when a file changed (the files' names, sizes and times),
 * rendering again only the bodies whose text changed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from './check-content';
import type { Problem } from './problem';

let last: { key: string; problems: Problem[] } | undefined;
/** Each body's problems, by file and text: a check after a save renders only what changed. */
const renderedBodies = new Map<string, Problem[]>();

/** What the folder holds, cheaply: every file's path, size and time of change. */
function fingerprint(contentDir: string): string {
  return readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((path) => {
      const stat = statSync(join(contentDir, path), { throwIfNoEntry: false });
      return `${path}\u0000${stat?.size}\u0000${stat?.mtimeMs}`;
    })
    .join('\n');
}

export function currentProblems(contentDir: string): Problem[] {
  const key = fingerprint(contentDir);
  if (last?.key !== key) last = { key, problems: checkContent({ contentDir, renderedBodies }) };
  return last.problems;
}
