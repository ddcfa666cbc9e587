/**
 * MDX the build could not render, told in an author's words: syntax errors with their line,
 * components a release may not use, imports, and attributes a component cannot take. Shared by
 * the build (src/loaders/checked-files.ts) and `npm run check`, with Sätteri's parser, the one
 * the build uses.
 */
import { mdxToMdast } from 'satteri';
import { BodyError, renderBody, type RenderedBody } from '../release-body';
import type { ComponentStrings } from '../release-components';
import type { Problem } from './problem';

interface MdastNode {
  type: string;
  name?: string | null;
  value?: string;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

// The parser's own wording, e.g. "8:48: Could not parse expression with oxc: … (mdx-jsx:…)".
const PARSE_ERROR = /^(\d+):(\d+):\s*([\s\S]*?)\s*(?:\([\w-]+:[\w-]+\))?$/;

/** MDX the build could not render, told in an author's words (without rendering it). */
export function mdxProblems(source: string, file: string, components: readonly string[]): Problem[] {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(source) as MdastNode;
  } catch (error) {
    const message = (error as Error).message;
    const m = PARSE_ERROR.exec(message);
    const found = (m ? m[3]! : message).replace(/\s*\(\d+:\d+\)$/, '');
    return [
      {
        file,
        line: m ? Number(m[1]) : undefined,
        field: 'body',
        message:
          `expected valid MDX, found a syntax error${m ? ` at column ${m[2]}` : ''}: ${found}. ` +
          'Every <Component> needs its closing </Component>; to print { or < as text, write \\{ or \\<',
      },
    ];
  }
  const problems: Problem[] = [];
  const visit = (node: MdastNode) => {
    // Bodies are rendered to HTML when the content loads, never bundled: nothing to import.
    if (node.type === 'mdxjsEsm') {
      problems.push({
        file,
        line: node.position?.start.line,
        field: 'body',
        message: `expected text and release components only, found an import or export (${firstLine(node.value)}); the components ${listComponents(components)} need no import`,
      });
    }
    // Lower-case names are HTML elements; capitalised ones are components.
    if (node.type.startsWith('mdxJsx') && node.name && /^[A-Z]/.test(node.name) && !components.includes(node.name)) {
      problems.push({
        file,
        line: node.position?.start.line,
        field: 'body',
        message: `expected one of the release components (${listComponents(components)}), found <${node.name}>, which does not exist`,
      });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}

const listComponents = (components: readonly string[]) => components.map((c) => `<${c}>`).join(', ');
const firstLine = (value = '') => value.split('\n')[0]!.trim();

/**
 * A body rendered (src/lib/release-body.ts), or what stops it: everything `mdxProblems` finds, then
 * what only rendering shows, a component given an attribute it cannot take (`<Terms style="A">`, a
 * `<Term>` without its label), with the line. The build and `npm run check` both go through here.
 */
export function renderChecked(
  source: string,
  file: string,
  components: readonly string[],
  strings: ComponentStrings,
): { body: RenderedBody; problems?: undefined } | { body?: undefined; problems: Problem[] } {
  const problems = mdxProblems(source, file, components);
  if (problems.length) return { problems };
  try {
    return { body: renderBody(source, strings) };
  } catch (error) {
    const line = error instanceof BodyError ? error.line : undefined;
    return { problems: [{ file, line, field: 'body', message: (error as Error).message }] };
  }
}

/** What stops a body from rendering (see `renderChecked`), for `npm run check`. */
export function bodyProblems(source: string, file: string, components: readonly string[]): Problem[] {
  return renderChecked(source, file, components, { noteLabel: '', table: '' }).problems ?? [];
}
