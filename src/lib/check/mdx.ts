/**
 * MDX the build could not render, told in an author's words: syntax errors with their line,
 * components a release may not use or uses out of place, HTML elements a release may not hold,
 * imports, and attributes a component cannot take. Shared by
 * the build (src/loaders/checked-files.ts) and `npm run check`, with Sätteri's parser, the one
 * the build uses.
 */
import { mdxToMdast } from 'satteri';
import { COMPONENT_ATTRIBUTES, COMPONENT_ITEMS } from '../../schemas/release-components';
import { BodyError, renderBody, type RenderedBody } from '../release-body';
import type { ComponentStrings } from '../release-components';
import type { Problem } from './problem';

interface MdastNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  url?: string;
  /** Of a reference (`![chart][c]`) and of the definition it names (`[c]: /attachments/…`). */
  identifier?: string;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

/**
 * The HTML elements a body may hold besides Markdown and the components: text-level markup and
 * plain blocks. Not scripts, frames, forms, media or styles: a release page runs no script of its
 * author's and makes no request to another site, and a lower-case `<note>` is a misspelt `<Note>`.
 */
const HTML_ELEMENTS = new Set(
  (
    'a abbr b bdi bdo br cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr ' +
    'ruby rt rp p div blockquote pre hr h2 h3 h4 h5 h6 ul ol li dl dt dd figure figcaption ' +
    'table caption colgroup col thead tbody tfoot tr th td'
  ).split(' '),
);

/** A javascript: address, however its scheme is spelt or padded. */
const SCRIPT_URL = /^[\s\u0000-\u001f]*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i;
/**
 * A URL of another site: with a scheme (`https:`; `data:` holds the image itself), or from the
 * network root (`//host/`, which a browser also reads in `/\host/`).
 */
const OTHER_SITE = /^\s*(?!data:)([a-z][a-z\d+.-]*:|[/\\]{2})/i;

/** A node as an author would recognise it in a message. */
function shown(node: MdastNode): string {
  if (node.type.startsWith('mdxJsx')) return `<${node.name ?? ''}>`;
  const text = plainText(node).replace(/\s+/g, ' ').trim();
  return text ? `the text "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : `a ${node.type}`;
}
const plainText = (node: MdastNode): string =>
  node.type.startsWith('mdxJsx') ? '' : (node.value ?? (node.children ?? []).map(plainText).join(''));

// The parser's own wording, e.g. "8:48: Could not parse expression with oxc: … (mdx-jsx:…)".
const PARSE_ERROR = /^(\d+):(\d+):\s*([\s\S]*?)\s*(?:\([\w-]+:[\w-]+\))?$/;

/** A double quote inside an attribute's value in double quotes, which ends the value early. */
const QUOTE_IN_ATTRIBUTE = /<[A-Za-z][^>]*=\s*"[^"]*"[^\s>/]/;

/**
 * What to do about an MDX syntax error, from the parser's words (`found`) and the source line it
 * names: advice for the mistakes authors make most, else the general rule.
 */
function mdxAdvice(found: string, line: string): string {
  const paragraph = /^Expected a closing tag for `<(\w+)>`.* before the end of `paragraph`/.exec(found);
  if (paragraph) {
    const name = paragraph[1]!;
    return (
      `Text that starts on the line of <${name}> ends on that line, with </${name}>; for a value of ` +
      `several paragraphs or a list, start it on the line after <${name} …> and put </${name}> on a line of its own`
    );
  }
  if (QUOTE_IN_ATTRIBUTE.test(line)) {
    return `A " inside a value in double quotes ends it: write the value in single quotes (label='the "Plan"'), or use curly quotes “ ”`;
  }
  return 'Every <Component> needs its closing </Component>; to print { or < as text, write \\{ or \\<';
}

/** MDX the build could not render, told in an author's words (without rendering it). */
export function mdxProblems(source: string, file: string, components: readonly string[]): Problem[] {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(source) as MdastNode;
  } catch (error) {
    const message = (error as Error).message;
    const m = PARSE_ERROR.exec(message);
    const found = (m ? m[3]! : message).replace(/\s*\(\d+:\d+\)$/, '');
    const line = m ? Number(m[1]) : undefined;
    return [
      {
        file,
        line,
        field: 'body',
        message:
          `expected valid MDX, found a syntax error${m ? ` at column ${m[2]}` : ''}: ${found}. ` +
          mdxAdvice(found, line === undefined ? '' : (source.split('\n')[line - 1] ?? '')),
      },
    ];
  }
  const problems: Problem[] = [];
  // Frontmatter alone, or with comments: a page with a headline and nothing under it.
  const content = (tree.children ?? []).filter((node) => node.type !== 'yaml' && node.type !== 'mdxFlowExpression');
  if (content.length === 0) {
    const line = source.trimEnd().split('\n').length;
    problems.push({ file, line, field: 'body', message: 'expected the text after the frontmatter, found none' });
  }
  const report = (node: MdastNode, message: string) =>
    problems.push({ file, line: node.position?.start.line, field: 'body', message });
  // The addresses reference-style images (`![chart][c]`) take from their definitions: gathered
  // from the whole tree, and only for a body that has such an image.
  let definitions: Map<string, string> | undefined;
  const defined = (identifier: string) => {
    if (!definitions) {
      const found = new Map<string, string>();
      const define = (node: MdastNode) => {
        if (node.type === 'definition' && node.identifier) found.set(node.identifier, node.url ?? '');
        node.children?.forEach(define);
      };
      define(tree);
      definitions = found;
    }
    return definitions.get(identifier);
  };
  const visit = (node: MdastNode, parent?: MdastNode) => {
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
    const name = node.type.startsWith('mdxJsx') ? node.name : undefined;
    if (name && /^[A-Z]/.test(name) && !components.includes(name)) {
      report(
        node,
        `expected one of the release components (${listComponents(components)}), found <${name}>, which does not exist`,
      );
    }
    if (name && /^[a-z]/.test(name) && !HTML_ELEMENTS.has(name)) {
      const component = components.find((c) => c.toLowerCase() === name);
      report(
        node,
        component
          ? `expected <${component}>, found <${name}>: components are written with a capital letter`
          : `expected text, release components or plain HTML markup (such as <sup>), found <${name}>, which a release may not hold`,
      );
    }
    const attributes = (name && node.attributes) || [];
    const takes = name ? COMPONENT_ATTRIBUTES[name] : undefined;
    for (const attribute of attributes) {
      if (!attribute.name) continue;
      if (takes && !takes.includes(attribute.name)) {
        const expected = takes.length ? `one of ${takes.join(', ')}` : 'no attributes';
        report(node, `<${name} ${attribute.name}>: expected ${expected}, found ${attribute.name}`);
      }
      if (!takes && /^on/i.test(attribute.name)) {
        report(
          node,
          `<${name} ${attribute.name}>: expected no event handler: a release page runs no script of its own`,
        );
      }
      if (!takes && attribute.name === 'style') {
        report(
          node,
          `<${name} style>: expected no style attribute: the site's Content-Security-Policy applies no inline style`,
        );
      }
      if (typeof attribute.value === 'string' && SCRIPT_URL.test(attribute.value)) {
        report(node, `<${name} ${attribute.name}>: expected a web address, found a javascript: URL, which runs script`);
      }
    }
    // Images come from the site itself: its Content-Security-Policy would block one from elsewhere,
    // and loading it would tell another site who reads the release.
    const image =
      node.type === 'image' ? node.url : node.type === 'imageReference' ? defined(node.identifier ?? '') : undefined;
    if (image !== undefined && OTHER_SITE.test(image)) {
      report(
        node,
        `expected an image from content/attachments/ as /attachments/<file>, found ${image}, which the site may not load from elsewhere`,
      );
    }
    if (node.type === 'link' && SCRIPT_URL.test(node.url ?? '')) {
      report(node, 'expected a link to a web address, found a javascript: URL, which runs script');
    }
    // Items only inside their container, and nothing else directly inside one.
    const item = name ? COMPONENT_ITEMS[name] : undefined;
    for (const child of item ? (node.children ?? []) : []) {
      if (child.type === 'mdxFlowExpression' || (child.type.startsWith('mdxJsx') && child.name === item)) continue;
      report(child, `<${name}>: expected only <${item}> items inside, found ${shown(child)}`);
    }
    const container = name && Object.entries(COMPONENT_ITEMS).find(([, itemName]) => itemName === name)?.[0];
    if (container && parent?.name !== container) {
      const where = parent?.name
        ? `inside <${parent.name}>`
        : parent?.type === 'paragraph'
          ? `in a paragraph (start each <${name}> on a line of its own)`
          : 'outside one';
      report(node, `<${name}>: expected it directly inside a <${container}>, found it ${where}`);
    }
    node.children?.forEach((child) => visit(child, node));
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
