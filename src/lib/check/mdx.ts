/**
 * MDX the build could not compile, told in an author's words: syntax errors with their line, and
 * components a release may not use. Shared by the build (src/loaders/checked-files.ts) and
 * `npm run check`, with Sätteri's parser, the one the build uses.
 */
import { mdxToMdast } from 'satteri';
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

/** MDX the build could not compile, told in an author's words. */
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
  const imported = new Set<string>();
  const used: { name: string; line: number | undefined }[] = [];
  const visit = (node: MdastNode) => {
    if (node.type === 'mdxjsEsm') for (const name of node.value?.match(/[A-Za-z_$][\w$]*/g) ?? []) imported.add(name);
    // Lower-case names are HTML elements; capitalised ones are components.
    if (node.type.startsWith('mdxJsx') && node.name && /^[A-Z]/.test(node.name)) {
      used.push({ name: node.name, line: node.position?.start.line });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return used
    .filter(({ name }) => {
      const root = name.split('.')[0]!;
      return !components.includes(root) && !imported.has(root);
    })
    .map(({ name, line }) => ({
      file,
      line,
      field: 'body',
      message: `expected one of the release components (${components.map((c) => `<${c}>`).join(', ')}), found <${name}>, which does not exist`,
    }));
}
