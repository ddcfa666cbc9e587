/**
 * The components an author may use in a release body without importing them, as pure functions
 * from their attributes and children to HTML elements (hast). The body renderer
 * (src/lib/release-body.ts) calls them while it evaluates the MDX; nothing here knows Astro, so
 * `npm run check`, the build and unit tests share them.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { z } from 'astro/zod';
import { dataTableSchema, noteSchema, rowSchema, termSchema, termsSchema } from '../schemas/release-components';
import { escapeHtml, labelGap, runIntoFirstParagraph } from './html';
import { listType, termMarker } from './terms';

export const RELEASE_COMPONENT_NAMES = ['Terms', 'Term', 'DataTable', 'Row', 'Note'] as const;
export type ReleaseComponentName = (typeof RELEASE_COMPONENT_NAMES)[number];

/** What MDX hands a component: its attributes, and its content as `children`. */
export type ComponentProps = Record<string, unknown> & { children?: Children };
export type Children = ElementContent | string | number | boolean | Children[] | null | undefined;

/** The interface strings the components print when an author leaves them out. */
export interface ComponentStrings {
  noteLabel: string;
  table: string;
}

/** Serialises hast; `raw` nodes are HTML the components have already produced. */
export const serialize = (nodes: ElementContent[]) => toHtml(nodes, { allowDangerousHtml: true });

/** Children as a flat list of nodes, the way MDX nests them in arrays. */
export function flatten(children: Children): ElementContent[] {
  if (children === null || children === undefined || typeof children === 'boolean') return [];
  if (Array.isArray(children)) return children.flatMap(flatten);
  if (typeof children === 'string' || typeof children === 'number') return [{ type: 'text', value: String(children) }];
  return [children];
}

const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();

function parse<T extends z.ZodType>(schema: T, props: ComponentProps): z.output<T> {
  const { children: _children, ...attributes } = props;
  const result = schema.safeParse(attributes);
  if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join('; '));
  return result.data;
}

function hasClass(node: ElementContent, name: string): node is Element {
  const className = node.type === 'element' ? node.properties.className : undefined;
  return Array.isArray(className) && className.includes(name);
}

/** The body components, printing `strings` where an author left a label or caption out. */
export function releaseComponents(strings: ComponentStrings) {
  /** Numbered terms: numbers the `<Term>` items among its children (1. / (1) / (a) / (i)). */
  function Terms(props: ComponentProps): Element {
    const { style, start, inline } = parse(termsSchema, props);
    let n = start;
    const items = flatten(props.children).map((node) => {
      if (!hasClass(node, 'term')) return node;
      const number = h('span.term-number', termMarker(n++, style));
      // Run-in terms read as a sentence: their labels are not bold.
      const children = inline
        ? node.children.map((child) => (hasClass(child, 'term-label') ? { ...child, tagName: 'span' } : child))
        : node.children;
      return { ...node, children: [number, { type: 'text', value: ' ' }, ...children] } satisfies Element;
    });
    const properties: Properties = { className: inline ? ['terms', 'terms-inline'] : ['terms'], type: listType(style) };
    if (start !== 1) properties.start = start;
    return h(
      'ol',
      properties,
      items.filter((node) => !isBlank(node)),
    );
  }

  /** One term: its label as written, then its value (text, paragraphs, a table or a list). */
  function Term(props: ComponentProps): Element {
    const { label } = parse(termSchema, props);
    const value = flatten(props.children);
    const empty = value.every(isBlank);
    return h('li', { className: empty ? ['term', 'term-empty'] : ['term'] }, [
      // Bold as <b>, not by the stylesheet alone: a feed reader shows it so too.
      h('b.term-label', label),
      // A space after "Purchase method:", none after "取得方法：" (labelGap).
      ...(empty ? [] : [{ type: 'text' as const, value: labelGap(label) }, h('div.term-value', value)]),
    ]);
  }

  /** Label/value rows with row headers; optional column headers and caption. Scrolls when wide. */
  function DataTable(props: ComponentProps): Element {
    const { caption, columns } = parse(dataTableSchema, props);
    return h('section.table-scroll', { tabIndex: 0, ariaLabel: caption ?? strings.table }, [
      h('table.data-table', [
        caption ? h('caption', caption) : null,
        // A line break after the caption: text read from the page without its layout (the search
        // index and its excerpts) would otherwise run the caption into the first cell.
        caption ? '\n' : null,
        columns
          ? h('thead', [
              h(
                'tr',
                columns.map((column) => h('th', { scope: 'col' }, column)),
              ),
            ])
          : null,
        h(
          'tbody',
          flatten(props.children).filter((node) => !isBlank(node)),
        ),
      ]),
    ]);
  }

  /** One row of a `<DataTable>`: the label as written (e.g. "Total:") and its value. */
  function Row(props: ComponentProps): Element {
    const { label } = parse(rowSchema, props);
    return h('tr', [h('th', { scope: 'row' }, label), h('td', flatten(props.children))]);
  }

  /** A "Note:" / "Notes:" block; its label runs into its first paragraph, as in printed releases. */
  function Note(props: ComponentProps): Element {
    const { label = strings.noteLabel } = parse(noteSchema, props);
    const content = runIntoFirstParagraph(
      serialize(flatten(props.children)),
      `<strong class="note-label">${escapeHtml(label)}</strong>`,
      labelGap(label),
    );
    return h('div.note', { role: 'note' }, [{ type: 'raw', value: content }]);
  }

  return { Terms, Term, DataTable, Row, Note } satisfies Record<ReleaseComponentName, unknown>;
}
