/**
 * Body nodes written as MDX with the release components, laid out the way an author writes them
 * by hand (see content/releases/), so an imported release reads and edits like any other.
 */
import type { BodyNode, TermItem } from './body';
import { escapeInline, escapeLine, jsxAttribute } from './escape';

const pad = (depth: number) => '  '.repeat(depth);

/** Nodes as MDX blocks separated by blank lines, indented `depth` levels. */
export function renderNodes(nodes: readonly BodyNode[], depth = 0): string {
  return nodes.map((node) => renderNode(node, depth)).join('\n\n');
}

function renderNode(node: BodyNode, depth: number): string {
  const at = pad(depth);
  switch (node.kind) {
    case 'paragraph':
      return `${at}${escapeLine(node.text)}`;
    case 'bullets':
      return node.items.map(({ text }) => `${at}- ${escapeInline(text.replace(/^\s*-\s+/, ''))}`).join('\n');
    case 'terms': {
      const style = node.style === '1.' ? '' : ` style="${node.style}"`;
      const items = node.items.map((item) => renderTerm(item, depth + 1)).join('\n');
      return `${at}<Terms${style}${node.inline ? ' inline' : ''}>\n${items}\n${at}</Terms>`;
    }
    case 'table': {
      const rows = node.rows.map(
        (row) => `${pad(depth + 1)}<Row ${jsxAttribute('label', row.label)}>${escapeInline(row.value)}</Row>`,
      );
      return `${at}<DataTable>\n${rows.join('\n')}\n${at}</DataTable>`;
    }
    case 'note':
      // The note's text is not indented: it reads as the continuation of the "Note:" label.
      return `${at}<Note ${jsxAttribute('label', node.label)}>\n${renderNodes(node.children, depth)}\n${at}</Note>`;
  }
}

function renderTerm(item: TermItem, depth: number): string {
  const open = `${pad(depth)}<Term ${jsxAttribute('label', item.label)}`;
  const [only, ...more] = item.value;
  if (!only) return `${open} />`;
  // A one-line value stays on the label's line, as authors write short terms.
  if (only.kind === 'paragraph' && !more.length) return `${open}>${escapeInline(only.text)}</Term>`;
  return `${open}>\n${renderNodes(item.value, depth + 1)}\n${pad(depth)}</Term>`;
}

/** Shared text (boilerplate, notice) as plain paragraphs and bullets: it renders without components. */
export function renderPlain(nodes: readonly BodyNode[]): string {
  return nodes
    .map((node) =>
      node.kind === 'bullets' ? renderNode(node, 0) : node.kind === 'paragraph' ? escapeLine(node.text) : '',
    )
    .join('\n\n');
}
