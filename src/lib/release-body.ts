/**
 * A release body (and a boilerplate's or notice's text), MDX, rendered to HTML once, when the
 * content is loaded — not compiled into a JavaScript module per file. Sätteri, the parser the
 * rest of the site uses, compiles and evaluates the MDX; its JSX calls build HTML elements (hast)
 * directly, the body components (src/lib/release-components.ts) among them.
 */
import { satteriHeadingIdsPlugin, type SatteriAstroData } from '@astrojs/markdown-satteri';
import type { ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import { defineHastPlugin, evaluate } from 'satteri';
import {
  flatten,
  releaseComponents,
  type Children,
  type ComponentProps,
  type ComponentStrings,
  serialize,
} from './release-components';

export interface RenderedBody {
  html: string;
  /** The body's headings, with the ids given to them (as Astro's own Markdown pipeline gives). */
  headings: SatteriAstroData['headings'];
}

/** A body that could not be rendered, with the line of the source where it went wrong. */
export class BodyError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
  }
}

const Fragment = Symbol('Fragment');
type Component = (props: ComponentProps) => ElementContent;
interface Source {
  lineNumber?: number;
}

/** A JSX runtime whose elements are hast nodes and whose components are plain functions. */
function jsx(type: unknown, props: unknown, _key?: unknown, _static?: boolean, source?: unknown): Children {
  const { children, ...attributes } = props as ComponentProps;
  if (type === Fragment) return children;
  if (typeof type === 'function') {
    try {
      return (type as Component)(props as ComponentProps);
    } catch (error) {
      if (error instanceof BodyError) throw error;
      throw new BodyError((error as Error).message, (source as Source | undefined)?.lineNumber);
    }
  }
  return h(type as string, styled(attributes), flatten(children));
}

/**
 * A Markdown table's column alignment (`|--:|`) as a class (`align-right`, in global.css): the
 * site's Content-Security-Policy allows no style attribute. Runs on the HTML tree Sätteri builds
 * from the Markdown, before it becomes JSX.
 */
const tableAlignment = defineHastPlugin({
  name: 'table-alignment',
  element: {
    filter: ['th', 'td'],
    visit(node, ctx) {
      const align = /^text-align:\s*(left|center|right);?$/.exec(String(node.properties?.style ?? ''));
      if (!align) return;
      ctx.setProperty(node, 'style', undefined);
      ctx.setProperty(node, 'className', [`align-${align[1]}`]);
    },
  },
});

/**
 * Whether a link's text is its address: as written (`http://…/`), as read (`https://x.test/ページ` for
 * its percent-encoded href), or without its scheme (`www.x.test/rss`, `ir@x.test` for `mailto:`).
 */
export function showsAddress(text: string, href: string): boolean {
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // a malformed escape: compare the address as written
  }
  return (
    !!text &&
    [href, decoded].some((address) => [address, address.replace(/^[a-z][a-z\d+.-]*:(\/\/)?/i, '')].includes(text))
  );
}

/**
 * Marks a link whose text is its own address (`showsAddress`) with the class `bare-link`: printed
 * pages show a link's address after its text (global.css), which for these would print the same
 * address twice.
 */
const bareLinks = defineHastPlugin({
  name: 'bare-links',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      if (!showsAddress(ctx.textContent(node).trim(), String(node.properties?.href ?? ''))) return;
      const className = node.properties?.className;
      ctx.setProperty(node, 'className', [...(Array.isArray(className) ? className : []), 'bare-link']);
    },
  },
});

/**
 * A Markdown table laid out like a `<DataTable>`: in a region that scrolls sideways when the table
 * is wider than the page, focusable so that a keyboard can scroll it, named for screen readers.
 */
const markdownTable =
  (strings: ComponentStrings): Component =>
  ({ children, ...attributes }) =>
    h('section.table-scroll', { tabIndex: 0, ariaLabel: strings.table }, [
      h('table.data-table', attributes as Properties, flatten(children)),
    ]);

/** The text of hast nodes, for messages. */
const textOf = (nodes: Children): string =>
  flatten(nodes)
    .map((node) => (node.type === 'text' ? node.value : 'children' in node ? textOf(node.children as Children) : ''))
    .join('');

/** A `#` heading in a body: the release's headline is the page's only level-1 heading. */
const levelOneHeading: Component = ({ children }) => {
  throw new Error(
    `expected headings from ## down, as the headline is the page's only level-1 heading, found the # heading "${textOf(children)}"`,
  );
};

/** A style an author writes as an object (`style={{ backgroundColor: 'red' }}`), as CSS text. */
function styled(attributes: Record<string, unknown>): Properties {
  const { style } = attributes;
  if (!style || typeof style !== 'object') return attributes as Properties;
  const css = Object.entries(style as Record<string, unknown>).map(
    ([key, value]) => `${key.startsWith('--') ? key : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value}`,
  );
  return { ...attributes, style: css.join('; ') } as Properties;
}

/**
 * Renders MDX `source` (the whole file: frontmatter is skipped, and error lines are the file's)
 * with the body components, printing `strings` for labels an author left out.
 */
export function renderBody(source: string, strings: ComponentStrings): RenderedBody {
  const astro: SatteriAstroData = {
    frontmatter: {},
    headings: [],
    localImagePaths: new Set(),
    remoteImagePaths: new Set(),
  };
  const { default: Content } = evaluate(source, {
    Fragment,
    jsx,
    jsxs: jsx,
    jsxDEV: jsx,
    development: true,
    // Releases are reproduced as issued: no typographic quotes replacing the issuer's own.
    features: { smartPunctuation: false },
    hastPlugins: [satteriHeadingIdsPlugin(), tableAlignment, bareLinks],
    elementAttributeNameCase: 'react',
    stylePropertyNameCase: 'css',
    data: { astro },
  }) as { default: (props: { components: Record<string, Component> }) => Children };
  let tree: ElementContent[];
  try {
    tree = flatten(
      Content({ components: { ...releaseComponents(strings), table: markdownTable(strings), h1: levelOneHeading } }),
    );
  } catch (error) {
    if (error instanceof BodyError) throw error;
    // A `{…}` expression that names nothing (`{foo}`): MDX runs it as JavaScript. Its line: the
    // first unescaped pair of braces in the body that holds the name JavaScript could not find.
    const message = (error as Error).message;
    const name = /^([\p{L}\p{N}_$]+) is not defined$/u.exec(message)?.[1];
    const bodyStart = /^\uFEFF?\s*---\r?\n[\s\S]*?\n---/.exec(source)?.[0].length ?? 0;
    const at =
      name === undefined
        ? -1
        : source
            .slice(bodyStart)
            .search(
              new RegExp(
                `(?<!\\\\)\\{[^}]*(?<![\\p{L}\\p{N}_$])${name.replace(/\$/g, '\\$')}(?![\\p{L}\\p{N}_$])`,
                'u',
              ),
            );
    throw new BodyError(
      `expected text, found an expression in braces that cannot be evaluated (${message}); to print { as text, write \\{`,
      at < 0 ? undefined : source.slice(0, bodyStart + at).split('\n').length,
    );
  }
  return { html: serialize(tree), headings: astro.headings };
}
