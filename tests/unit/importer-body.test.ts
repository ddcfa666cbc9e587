import { describe, expect, it } from 'vitest';
import { parseFlow, splitLabel, type BodyNode } from '../../src/lib/importer/body';
import { escapeInline, escapeLine, jsxAttribute, plainText } from '../../src/lib/importer/escape';
import { renderNodes } from '../../src/lib/importer/mdx';
import { toLines } from '../../src/lib/importer/source-lines';

const mdx = (text: string) => renderNodes(parseFlow(toLines(text)));

/** Source line numbers held by nodes, to show that every line lands somewhere. */
function linesOf(nodes: readonly BodyNode[]): number[] {
  return nodes.flatMap((node) => {
    switch (node.kind) {
      case 'paragraph':
        return [node.source.line];
      case 'bullets':
        return node.items.map((s) => s.line);
      case 'table':
        return node.rows.map((r) => r.source.line);
      case 'note':
        return [node.source.line, ...linesOf(node.children)];
      case 'terms':
        return node.items.flatMap((item) => [item.source.line, ...linesOf(item.value)]);
    }
  });
}

describe('numbered terms', () => {
  it('reads label lines and the value paragraph after each, colon kept as written', () => {
    expect(mdx('1. Purchase period\n\nFrom March 22\n\n2. Aggregate cost :\n\n2,533,155,000 yen\n')).toBe(
      [
        '<Terms>',
        '  <Term label="Purchase period">From March 22</Term>',
        '  <Term label="Aggregate cost :">2,533,155,000 yen</Term>',
        '</Terms>',
      ].join('\n'),
    );
  });

  it('writes "Label: value" items on consecutive lines as inline terms', () => {
    expect(mdx('1. Class of Stock: Common\n2. Schedule: From March 22 to 10:00\n')).toBe(
      [
        '<Terms inline>',
        '  <Term label="Class of Stock:">Common</Term>',
        '  <Term label="Schedule:">From March 22 to 10:00</Term>',
        '</Terms>',
      ].join('\n'),
    );
  });

  it('keeps a term whose value is empty', () => {
    expect(mdx('1. Conditions:\n\n2. Persons:\n\nEmployees\n')).toContain(
      '  <Term label="Conditions:" />\n  <Term label="Persons:">Employees</Term>',
    );
  });

  it('nests sub-items (1)…(5) in the inline form inside a term', () => {
    const out = mdx(
      '1. Reason:\n\nMorale.\n\n2. Outline:\n\n(1) Name: 9th Rights\n(2) Number: 1,500\n\n3. Price:\n\nNone\n',
    );
    expect(out).toContain(
      [
        '  <Term label="Outline:">',
        '    <Terms style="(1)" inline>',
        '      <Term label="Name:">9th Rights</Term>',
        '      <Term label="Number:">1,500</Term>',
        '    </Terms>',
        '  </Term>',
        '  <Term label="Price:">None</Term>',
      ].join('\n'),
    );
  });

  it('reads sub-items (a)…(c) with values in their own paragraphs, also in the last term', () => {
    const nodes = parseFlow(
      toLines(
        '1. Details:\n\n(a) Class\n\nCommon\n\n(b) Number\n\nUp to 2,000,000\n(1.5% of shares)\n\n(c) Period\n\nTo December\n',
      ),
    );
    expect(nodes).toHaveLength(1);
    const terms = nodes[0] as Extract<BodyNode, { kind: 'terms' }>;
    const sub = terms.items[0]!.value[0] as Extract<BodyNode, { kind: 'terms' }>;
    expect(sub).toMatchObject({ kind: 'terms', style: '(a)', inline: false });
    expect(sub.items.map((i) => i.label)).toEqual(['Class', 'Number', 'Period']);
    expect(renderNodes(sub.items[1]!.value)).toBe('Up to 2,000,000\n\n(1.5% of shares)');
  });

  it('reads roman sub-items (i), (ii), (iii)', () => {
    expect(mdx('(i) First: a\n(ii) Second: b\n(iii) Third: c\n')).toContain('<Terms style="(i)" inline>');
  });

  it('does not continue a list with the "3." of a later list, nor read "1.5 million" as an item', () => {
    const nodes = parseFlow(
      toLines(
        '1. One\n\nvalue\n\n2. Two\n\nvalue\n\nNote: as follows:\n\n1. A: x\n2. B: y\n3. C: z\n\n1.5 million shares\n',
      ),
    );
    expect(nodes.map((n) => n.kind)).toEqual(['terms', 'note']);
    expect((nodes[0] as Extract<BodyNode, { kind: 'terms' }>).items).toHaveLength(2);
    expect(mdx('1.5 million shares were bought')).toBe('1.5 million shares were bought');
  });

  it('splits a label at the first colon followed by a space, so times and addresses stay whole', () => {
    expect(splitLabel('Time: 10:00 a.m.')).toEqual({ label: 'Time:', value: '10:00 a.m.' });
    expect(splitLabel('See http://example.com')).toEqual({ label: 'See http://example.com', value: '' });
    expect(splitLabel('Aggregate number :')).toEqual({ label: 'Aggregate number :', value: '' });
  });
});

describe('tables of label and value rows', () => {
  it.each([
    ['a tab', 'Directors:\t1 persons\nTotal:\t1,072 persons'],
    ['a colon and a space', 'Directors: 1 persons\nTotal: 1,072 persons'],
    ['aligned columns', 'Directors      1 persons\nTotal          1,072 persons'],
  ])('reads rows separated by %s', (_, text) => {
    expect(mdx(text)).toMatch(
      /^<DataTable>\n  <Row label="Directors:?">1 persons<\/Row>\n  <Row label="Total:?">1,072 persons<\/Row>\n<\/DataTable>$/,
    );
  });

  it('leaves a single line, or lines that are not all rows, as paragraphs', () => {
    expect(mdx('Directors: 1 persons')).toBe('Directors: 1 persons');
    expect(mdx('Directors: 1 persons\nA sentence without a label.')).toBe(
      'Directors: 1 persons\n\nA sentence without a label.',
    );
  });
});

describe('notes', () => {
  it('runs a "Notes:" block with its own sub-headings to the end of the body', () => {
    expect(mdx('Notes:\n\nExercise period\n\nFrom 2011.\n')).toBe(
      '<Note label="Notes:">\nExercise period\n\nFrom 2011.\n</Note>',
    );
  });
  it('keeps the text after "Note:" as its first paragraph', () => {
    expect(mdx('Note: As follows:\n\n1. A: x\n')).toBe(
      '<Note label="Note:">\nAs follows:\n\n<Terms inline>\n  <Term label="A:">x</Term>\n</Terms>\n</Note>',
    );
  });
});

describe('every line lands in exactly one place', () => {
  it('accounts for each non-blank line of a mixed body', () => {
    const text =
      'Lead.\n\n1. One\n\nvalue\n(more)\n\n2. Two: inline\n\n(a) Sub\n\nsub value\n\nRow one:\tx\nRow two:\ty\n\nNote: n\n\n- bullet\n- bullet\n\nplain\n';
    const lines = toLines(text);
    const expected = lines.filter((l) => l.text.trim()).map((l) => l.line);
    expect([...new Set(linesOf(parseFlow(lines)))].sort((a, b) => a - b)).toEqual(expected);
  });
});

describe('escaping text for MDX', () => {
  it('escapes what MDX or Markdown would read as code, components or formatting', () => {
    expect(escapeInline('{x} <b> *a* _b_ `c` ~d~ |e| [f] C:\\TMP &amp; R&D')).toBe(
      '\\{x\\} \\<b\\> \\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\|e\\| \\[f\\] C:\\\\TMP \\&amp; R&D',
    );
  });
  it('keeps Markdown links, and turns <https://…> addresses into links MDX accepts', () => {
    expect(escapeInline('See [Trend_Micro.com](#) and <http://x.example/a_b>.')).toBe(
      'See [Trend\\_Micro.com](#) and [http://x.example/a\\_b](http://x.example/a_b).',
    );
    expect(escapeInline('[a link](http://example.com/a_(b))')).toBe('[a link](http://example.com/a_(b))');
  });
  it('keeps a javascript: link as the text it was, never as a link', () => {
    expect(escapeInline('Click [here](javascript:alert(1)) now')).toBe('Click \\[here\\](javascript:alert(1)) now');
  });
  it('escapes line starts that would become headings, lists or rules', () => {
    expect(['# Title', '3. Three', '12) Twelve', '+ plus', '---', '===', '-'].map(escapeLine)).toEqual([
      '\\# Title',
      '3\\. Three',
      '12\\) Twelve',
      '\\+ plus',
      '\\---',
      '\\===',
      '\\-',
    ]);
  });
  it('reads escaped text back as written', () => {
    const text = 'Results for <Q4> {2009} at C:\\TMP, *really* [1] &copy;';
    expect(plainText(escapeLine(text))).toBe(text);
  });
  it('writes a label with quotes as an expression', () => {
    expect(jsxAttribute('label', 'Plain {x} <y>')).toBe('label="Plain {x} <y>"');
    expect(jsxAttribute('label', 'The "Company":')).toBe('label={"The \\"Company\\":"}');
  });
});
