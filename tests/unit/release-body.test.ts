/**
 * Release bodies rendered to HTML as the content loads: the body components, numbering, labels
 * run into paragraphs, and errors that name the line.
 */
import { describe, expect, it } from 'vitest';
import { bodyProblems, mdxProblems } from '../../src/lib/check/mdx';
import { BodyError, renderBody, showsAddress } from '../../src/lib/release-body';
import { RELEASE_COMPONENT_NAMES } from '../../src/lib/release-components';

const strings = { noteLabel: 'Note:', table: 'Table' };
const html = (source: string) => renderBody(source, strings).html;

describe('renderBody', () => {
  it('renders Markdown as issued, without typographic quotes', () => {
    expect(html(`Trend Micro's "final" terms -- see [IR](https://example.com/ir).`)).toBe(
      `<p>Trend Micro's "final" terms -- see <a href="https://example.com/ir">IR</a>.</p>`,
    );
  });

  it('skips the frontmatter and gives headings ids', () => {
    const body = renderBody('---\nheadline: X\n---\n\n## Terms of the offer\n\nText', strings);
    expect(body.html).toBe('<h2 id="terms-of-the-offer">Terms of the offer</h2>\n<p>Text</p>');
    expect(body.headings).toEqual([{ depth: 2, slug: 'terms-of-the-offer', text: 'Terms of the offer' }]);
  });

  it('numbers terms, nested lists on their own', () => {
    const out = html(
      [
        '<Terms start={3}>',
        '  <Term label="Class:">Common stock</Term>',
        '  <Term label="Conditions:">',
        '    <Terms style="(a)">',
        '      <Term label="First">x</Term>',
        '      <Term label="Second">y</Term>',
        '    </Terms>',
        '  </Term>',
        '</Terms>',
      ].join('\n'),
    );
    expect(out).toBe(
      '<ol class="terms" type="1" start="3">' +
        '<li class="term"><span class="term-number">3.</span> <b class="term-label">Class:</b> <div class="term-value">Common stock</div></li>' +
        '<li class="term"><span class="term-number">4.</span> <b class="term-label">Conditions:</b> <div class="term-value">' +
        '<ol class="terms" type="a">' +
        '<li class="term"><span class="term-number">(a)</span> <b class="term-label">First</b> <div class="term-value">x</div></li>' +
        '<li class="term"><span class="term-number">(b)</span> <b class="term-label">Second</b> <div class="term-value">y</div></li>' +
        '</ol></div></li></ol>',
    );
  });

  it('runs a value on after a label ending in full-width punctuation, as Japanese writes it', () => {
    expect(html('<Terms inline>\n<Term label="取得する株式の種類：">普通株式</Term>\n</Terms>')).toBe(
      '<ol class="terms terms-inline" type="1"><li class="term"><span class="term-number">1.</span> <span class="term-label">取得する株式の種類：</span><div class="term-value">普通株式</div></li></ol>',
    );
  });

  it('keeps an empty term, and lays inline terms on one line', () => {
    expect(html('<Terms style="(i)" inline>\n<Term label="Remarks:"></Term>\n</Terms>')).toBe(
      '<ol class="terms terms-inline" type="i"><li class="term term-empty"><span class="term-number">(i)</span> <span class="term-label">Remarks:</span></li></ol>',
    );
  });

  it('renders data tables with row headers, column headers and a labelled scroll region', () => {
    expect(html('<DataTable columns={["Holder", "Shares"]}>\n<Row label="Total:">1,072</Row>\n</DataTable>')).toBe(
      '<section class="table-scroll" tabindex="0" aria-label="Table"><table class="data-table">' +
        '<thead><tr><th scope="col">Holder</th><th scope="col">Shares</th></tr></thead>' +
        '<tbody><tr><th scope="row">Total:</th><td>1,072</td></tr></tbody></table></section>',
    );
    expect(html('<DataTable caption="Allotment"><Row label="A">1</Row></DataTable>')).toContain(
      'aria-label="Allotment"><table class="data-table"><caption>Allotment</caption>',
    );
  });

  it('runs a note label into its first paragraph, in the language given', () => {
    expect(renderBody('<Note>\n\nAt the meeting…\n\n</Note>', { noteLabel: '注記：', table: '' }).html).toBe(
      '<div class="note" role="note"><p><strong class="note-label">注記：</strong>At the meeting…</p></div>',
    );
    expect(html('<Note label="Notes:">\n<Terms><Term label="A">b</Term></Terms>\n</Note>')).toMatch(
      /^<div class="note" role="note"><p><strong class="note-label">Notes:<\/strong><\/p><ol class="terms"/,
    );
  });

  it('keeps a note inside a term of a note whole', () => {
    const out = html(
      '<Note>\n\nIntro.\n\n<Terms><Term label="A"><Note label="Inner:">\n\nx\n\n</Note></Term></Terms>\n\n</Note>',
    );
    expect(out).toContain('<div class="note" role="note"><p><strong class="note-label">Inner:</strong> x</p></div>');
    expect(out).toMatch(/^<div class="note" role="note"><p><strong class="note-label">Note:<\/strong> Intro.<\/p>/);
  });

  it('aligns table columns with classes, as the Content-Security-Policy allows no inline style', () => {
    const out = html('| Item | Shares |\n|:--|--:|\n| Total | 819,000 |');
    expect(out).toContain('<th class="align-left">Item</th>');
    expect(out).toContain('<td class="align-right">819,000</td>');
    expect(out).not.toContain('style=');
    expect(html('<p style={{ backgroundColor: "red" }}>x</p>')).toBe('<p style="background-color: red">x</p>');
  });

  it('puts a Markdown table in a labelled region that scrolls sideways, as a <DataTable>', () => {
    expect(html('| Item | Shares |\n|--|--|\n| Total | 819,000 |')).toMatch(
      /^<section class="table-scroll" tabindex="0" aria-label="Table"><table class="data-table">\s*<thead>[\s\S]*<\/table><\/section>$/,
    );
  });

  it('tells a link whose text is its address', () => {
    expect(showsAddress('http://x.test/', 'http://x.test/')).toBe(true);
    expect(showsAddress('https://x.test/ページ', 'https://x.test/%E3%83%9A%E3%83%BC%E3%82%B8')).toBe(true);
    expect(showsAddress('www.x.test/rss', 'http://www.x.test/rss')).toBe(true);
    expect(showsAddress('ir@x.test', 'mailto:ir@x.test')).toBe(true);
    expect(showsAddress('+81353344899', 'tel:+81353344899')).toBe(true);
    expect(showsAddress('Trend Micro', 'http://x.test/')).toBe(false);
    expect(showsAddress('x.test', 'http://x.test/')).toBe(false);
    expect(showsAddress('', '')).toBe(false);
    expect(showsAddress('http://x.test/%E3', 'http://x.test/%E3')).toBe(true);
  });

  it('marks links whose text is their address, so print does not repeat it', () => {
    expect(html('[http://x.test/](http://x.test/) [me@x.test](mailto:me@x.test) [Trend Micro](http://x.test/)')).toBe(
      '<p><a href="http://x.test/" class="bare-link">http://x.test/</a> ' +
        '<a href="mailto:me@x.test" class="bare-link">me@x.test</a> <a href="http://x.test/">Trend Micro</a></p>',
    );
  });

  it('names an expression that cannot be evaluated, and how to print a brace', () => {
    expect(() => html('Value {foo}')).toThrow(
      'expected text, found an expression in braces that cannot be evaluated (foo is not defined); to print { as text, write \\{',
    );
  });

  it('names the line of an expression that cannot be evaluated', () => {
    // Not the frontmatter's braces, nor an escaped brace before it: the expression's own line.
    const source =
      '---\nheadline: X\ntickers: [{ sic: 1 }]\n---\n\nIntro, \\{sic} and all.\n\nThe text [{sic}] as issued.\n';
    try {
      renderBody(source, strings);
      expect.unreachable();
    } catch (error) {
      expect((error as BodyError).message).toContain('(sic is not defined)');
      expect((error as BodyError).line).toBe(8);
    }
  });

  it('escapes what authors write', () => {
    expect(html('<Term label="<b> & co">x</Term>')).toContain('<b class="term-label">&#x3C;b> &#x26; co</b>');
  });

  it('stops at an attribute a component cannot take, naming the line', () => {
    const source = '---\nheadline: X\n---\n\nIntro.\n\n<Terms style="A">\n<Term label="x">y</Term>\n</Terms>\n';
    expect(() => renderBody(source, strings)).toThrow(BodyError);
    try {
      renderBody(source, strings);
    } catch (error) {
      expect((error as BodyError).line).toBe(7);
      expect((error as Error).message).toBe(
        '<Terms style>: expected one of "1.", "(1)", "(a)", "(i)", found string "A"',
      );
    }
  });
});

describe('body problems, as npm run check and the build report them', () => {
  const problems = (source: string) => bodyProblems(source, 'r.mdx', RELEASE_COMPONENT_NAMES);

  it('names a term without its label, and a start that is not a number', () => {
    expect(problems('Intro.\n\n<Terms>\n<Term>y</Term>\n</Terms>')).toEqual([
      { file: 'r.mdx', line: 4, field: 'body', message: '<Term label>: expected the label as text, found nothing' },
    ]);
    expect(problems('<Terms start="3">\n<Term label="a">b</Term>\n</Terms>')[0]!.message).toBe(
      '<Terms start>: expected a whole number such as start={3}, found string "3"',
    );
  });

  it('advises on the MDX mistakes authors make most, on their line', () => {
    const advice = (source: string) =>
      mdxProblems(source, 'r.mdx', RELEASE_COMPONENT_NAMES).map(({ line, message }) => `${line}: ${message}`);
    // A value begun on the tag's line is a paragraph, which a blank line ends before </Term>.
    expect(
      advice('<Terms>\n<Term label="Amount:">2,120,000 yen\n\n  (4,240 yen per share)</Term>\n</Terms>\n'),
    ).toEqual([
      '2: expected valid MDX, found a syntax error at column 1: Expected a closing tag for `<Term>` (2:1) before the end of `paragraph`. Text that starts on the line of <Term> ends on that line, with </Term>; for a value of several paragraphs or a list, start it on the line after <Term …> and put </Term> on a line of its own',
    ]);
    // A double quote inside a double-quoted label ends it.
    expect(advice('<Terms>\n<Term label="Under the "Plan":">x</Term>\n</Terms>\n')[0]).toMatch(
      / A " inside a value in double quotes ends it: write the value in single quotes \(label='the "Plan"'\), or use curly quotes “ ”$/,
    );
    // Otherwise the general rule.
    expect(advice('Text { here\n')[0]).toMatch(
      /Every <Component> needs its closing <\/Component>; to print \{ or < as text/,
    );
  });

  it('refuses imports: bodies are rendered, not bundled', () => {
    expect(mdxProblems("import X from './x.astro';\n\nText", 'r.mdx', RELEASE_COMPONENT_NAMES)).toEqual([
      expect.objectContaining({ line: 1, field: 'body', message: expect.stringMatching(/found an import or export/) }),
    ]);
  });

  it('names an attribute a component does not take, with its line', () => {
    const messages = (source: string) => problems(source).map(({ line, message }) => `${line}: ${message}`);
    expect(messages('Intro.\n\n<Terms styl="(a)">\n<Term label="a" lable="b">c</Term>\n</Terms>')).toEqual([
      '3: <Terms styl>: expected one of style, start, inline, found styl',
      '4: <Term lable>: expected one of label, found lable',
    ]);
  });

  it('keeps items in their container and nothing else in a container', () => {
    const messages = (source: string) => problems(source).map(({ line, message }) => `${line}: ${message}`);
    expect(messages('<Term label="a">b</Term>\n\n<Row label="c">d</Row>')).toEqual([
      '1: <Term>: expected it directly inside a <Terms>, found it outside one',
      '3: <Row>: expected it directly inside a <DataTable>, found it outside one',
    ]);
    expect(messages('<Terms>\nstray text\n<Term label="a">b</Term>\n</Terms>')).toEqual([
      '2: <Terms>: expected only <Term> items inside, found the text "stray text"',
      '3: <Term>: expected it directly inside a <Terms>, found it in a paragraph (start each <Term> on a line of its own)',
    ]);
    expect(messages('<DataTable>\n<Term label="a">b</Term>\n</DataTable>')).toEqual([
      '2: <DataTable>: expected only <Row> items inside, found <Term>',
      '2: <Term>: expected it directly inside a <Terms>, found it inside <DataTable>',
    ]);
    // Terms nest inside a term, and a comment may sit among items.
    const nested =
      '<Terms>\n<Term label="a">\n<Terms style="(a)">\n{/* first */}\n<Term label="b">c</Term>\n</Terms>\n</Term>\n</Terms>';
    expect(messages(nested)).toEqual([]);
  });

  it('holds plain HTML markup but no scripts, frames or misspelt components', () => {
    const messages = (source: string) => problems(source).map(({ line, message }) => `${line}: ${message}`);
    expect(messages('Revenue<sup>1</sup> and H<sub>2</sub>O, <abbr title="Tokyo Stock Exchange">TSE</abbr>.')).toEqual(
      [],
    );
    expect(
      messages(
        '<note>x</note>\n\n<script>alert(1)</script>\n\n<iframe src="https://x.test/" />\n\n<span onclick="x()">y</span>',
      ),
    ).toEqual([
      '1: expected <Note>, found <note>: components are written with a capital letter',
      '3: expected text, release components or plain HTML markup (such as <sup>), found <script>, which a release may not hold',
      '5: expected text, release components or plain HTML markup (such as <sup>), found <iframe>, which a release may not hold',
      '7: <span onclick>: expected no event handler: a release page runs no script of its own',
    ]);
    // Readings of Japanese names are text markup; inline styles and javascript: links are not.
    expect(messages('<ruby>東証<rp>(</rp><rt>とうしょう</rt><rp>)</rp></ruby>')).toEqual([]);
    expect(
      messages('<span style="color: red">x</span>\n\n<a href=" JavaScript:alert(1)">y</a>\n\n[z](javascript:alert(2))'),
    ).toEqual([
      "1: <span style>: expected no style attribute: the site's Content-Security-Policy applies no inline style",
      '3: <a href>: expected a web address, found a javascript: URL, which runs script',
      '5: expected a link to a web address, found a javascript: URL, which runs script',
    ]);
    // Images from the site itself only: one from another site would be blocked, and track readers.
    expect(
      messages(
        '![Chart](/attachments/chart.png) ![Dot](data:image/gif;base64,R0lGOD==) ![Chart][c]\n\n![Logo](https://other.example/logo.png)\n\n![Logo](//other.example/logo.png) ![Logo](/\\other.example/logo.png)\n\n![Logo][logo]\n\n[c]: /attachments/chart.png\n[logo]: https://other.example/logo.png',
      ),
    ).toEqual([
      '3: expected an image from content/attachments/ as /attachments/<file>, found https://other.example/logo.png, which the site may not load from elsewhere',
      '5: expected an image from content/attachments/ as /attachments/<file>, found //other.example/logo.png, which the site may not load from elsewhere',
      '5: expected an image from content/attachments/ as /attachments/<file>, found /\\other.example/logo.png, which the site may not load from elsewhere',
      '7: expected an image from content/attachments/ as /attachments/<file>, found https://other.example/logo.png, which the site may not load from elsewhere',
    ]);
  });

  it('passes a valid body', () => {
    expect(problems('<Note>\n\nA *note*.\n\n</Note>')).toEqual([]);
  });
});
