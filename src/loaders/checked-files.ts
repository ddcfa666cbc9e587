/**
 * Wraps a content loader so that every file is checked as written, before Astro parses it, with
 * the same `file:line: field: message` lines as `npm run check`:
 *
 * - the file is UTF-8 and not empty (Astro would read a Windows-1252 file as mojibake, and an
 *   empty one as a release missing every field);
 * - the YAML parses (Astro's message names the line but neither the field nor the likely cause);
 * - calendar dates name real days (`date: 2007-02-30` would otherwise roll over to March 2);
 * - an MDX body parses, and uses only the components a release may use (MDX would stop the
 *   build with "Expected component X to be defined", naming no file).
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { displayPath, readSource } from '../lib/check/content-folder';
import { parseYaml, splitFrontmatter } from '../lib/check/frontmatter-source';
import { mdxProblems } from '../lib/check/mdx';
import { formatProblem, type Problem } from '../lib/check/problem';
import { impossibleDate, writtenFields } from '../lib/frontmatter';

export interface FileChecks {
  /** Calendar-date fields whose written form must name a real day. */
  dates?: readonly string[];
  /** For MDX files: the components a body may use without importing them. */
  components?: readonly string[];
}

function fileProblems(filePath: string, checks: FileChecks): Problem[] {
  const file = displayPath(filePath);
  const { source, problem } = readSource(filePath, file);
  if (problem) return [problem];
  const mdx = filePath.endsWith('.mdx');
  const split = mdx ? splitFrontmatter(source!) : undefined;
  const yaml = mdx ? split && parseYaml(split.yaml, split.yamlLine) : parseYaml(source!);
  if (yaml && 'message' in yaml) return [{ file, line: yaml.line, field: '(frontmatter)', message: yaml.message }];
  const problems: Problem[] = [];
  for (const { field, line, value } of writtenFields(source!, checks.dates ?? [])) {
    const message = impossibleDate(value);
    if (message) problems.push({ file, line, field, message });
  }
  if (checks.components && mdx) problems.push(...mdxProblems(source!, file, checks.components));
  return problems;
}

/**
 * How Astro hands a loader the parsers for each file extension (its own glob loader reads them
 * from the loader context; the public LoaderContext type leaves them out).
 */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): unknown;
}
type ContextWithEntryTypes = Parameters<Loader['load']>[0] & { entryTypes: Map<string, EntryType> };

export function checkedFiles(loader: Loader, checks: FileChecks = {}): Loader {
  return {
    ...loader,
    name: `${loader.name}-checked`,
    load(context) {
      // Each file is checked as it is read, before Astro parses it: on every build, and on every
      // save under `astro dev`.
      const { entryTypes } = context as ContextWithEntryTypes;
      const checked = new Map(
        [...entryTypes].map(([extension, type]): [string, EntryType] => [
          extension,
          {
            ...type,
            getEntryInfo(params) {
              const problems = fileProblems(fileURLToPath(params.fileUrl), checks);
              if (problems.length) {
                throw new Error(`Cannot build ${context.collection}:\n${problems.map(formatProblem).join('\n')}`);
              }
              return type.getEntryInfo(params);
            },
          },
        ]),
      );
      return loader.load({ ...context, entryTypes: checked } as ContextWithEntryTypes);
    },
  };
}
