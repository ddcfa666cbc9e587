/**
 * Wraps a loader so that calendar dates are checked as written, before YAML's rollover hides an
 * impossible day: `date: 2007-02-30` fails with the file, line and field instead of publishing
 * on March 2.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { impossibleDate, writtenFields } from '../lib/frontmatter';

export function withStrictDates(loader: Loader, fields: readonly string[]): Loader {
  return {
    ...loader,
    name: `${loader.name}-strict-dates`,
    async load(context) {
      await loader.load(context);
      const problems: string[] = [];
      for (const entry of context.store.values()) {
        if (!entry.filePath) continue;
        const source = await readFile(resolve(entry.filePath), 'utf8');
        for (const { field, line, value } of writtenFields(source, fields)) {
          const problem = impossibleDate(value);
          if (problem) problems.push(`${entry.filePath}:${line}: ${field}: ${problem}`);
        }
      }
      if (problems.length) throw new Error(`Invalid date in ${context.collection}:\n${problems.join('\n')}`);
    },
  };
}
