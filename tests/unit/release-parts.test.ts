import { describe, expect, it } from 'vitest';
import { displayName, telHref } from '../../src/lib/contact';
import { datelineHtml, datelineSeparatorIn, datelineText } from '../../src/lib/dateline';
import { ja } from '../../src/i18n/ja';
import { impossibleDate, writtenFields } from '../../src/lib/frontmatter';
import { escapeHtml, labelGap, runIntoFirstParagraph, withSiteAddresses } from '../../src/lib/html';
import { termMarker } from '../../src/lib/terms';

describe('term numbering', () => {
  it('prints each style', () => {
    expect([1, 2].map((n) => termMarker(n, '1.'))).toEqual(['1.', '2.']);
    expect(termMarker(5, '(1)')).toBe('(5)');
    expect([1, 3, 26, 27].map((n) => termMarker(n, '(a)'))).toEqual(['(a)', '(c)', '(z)', '(aa)']);
    expect([1, 4, 9, 14].map((n) => termMarker(n, '(i)'))).toEqual(['(i)', '(iv)', '(ix)', '(xiv)']);
  });
});

describe('dateline', () => {
  const parts = {
    location: 'TOKYO, Japan',
    date: '2007-03-30',
    isoDate: '2007-03-30T00:00:00+09:00',
    lang: 'en',
    separator: '--',
  };
  it('reads like the wire', () => {
    expect(datelineText(parts)).toBe('TOKYO, Japan, March 30, 2007 --');
    expect(datelineHtml(parts)).toBe(
      '<b class="dateline">TOKYO, Japan, <time datetime="2007-03-30T00:00:00+09:00">March 30, 2007</time> --</b>',
    );
  });
  it('escapes the location', () => {
    expect(datelineHtml({ ...parts, location: '<b>X</b>' })).toContain('&lt;b&gt;X&lt;/b&gt;,');
  });
  it('reads as Japanese writes it in Japanese: its own dash, no spaces', () => {
    const japanese = { ...parts, location: '東京', lang: 'ja', separator: ja.datelineSeparator };
    expect(datelineText({ ...japanese, pattern: ja.datelinePattern })).toBe('東京、2007年3月30日――');
  });
  it('takes the issuer’s separator in the default language, each other language’s own, or the one site.yaml gives', () => {
    const site = { defaultLanguage: 'en', datelineSeparator: '--', localized: {} };
    expect(datelineSeparatorIn('en', site, '--')).toBe('--');
    expect(datelineSeparatorIn('ja', site, ja.datelineSeparator)).toBe('――');
    const given = { ...site, localized: { ja: { datelineSeparator: '—' } } };
    expect(datelineSeparatorIn('ja', given, ja.datelineSeparator)).toBe('—');
    // A newsroom in Japanese first: its issuer's separator.
    expect(datelineSeparatorIn('ja', { ...site, defaultLanguage: 'ja', datelineSeparator: '―' }, '――')).toBe('―');
  });
});

describe('withSiteAddresses', () => {
  it('gives links to the site their full address for paper, and leaves other links alone', () => {
    const site = 'https://newsroom.example.com';
    expect(
      withSiteAddresses(
        '<p>See <a href="/newsroom/releases/x/?a=1&amp;b=2#t">x</a>, <a class="c" href="/about/">us</a>, ' +
          '<a href="https://other.example/">them</a>, <a href="//cdn.example/">cdn</a>, <a href="mailto:ir@x.example">mail</a>, ' +
          '<a href="/attachments/a.pdf" data-url="https://newsroom.example.com/attachments/a.pdf">a</a></p>',
        site,
      ),
    ).toBe(
      '<p>See <a href="/newsroom/releases/x/?a=1&amp;b=2#t" data-url="https://newsroom.example.com/newsroom/releases/x/?a=1&amp;b=2#t">x</a>, ' +
        '<a class="c" href="/about/" data-url="https://newsroom.example.com/about/">us</a>, ' +
        '<a href="https://other.example/">them</a>, <a href="//cdn.example/">cdn</a>, <a href="mailto:ir@x.example">mail</a>, ' +
        '<a href="/attachments/a.pdf" data-url="https://newsroom.example.com/attachments/a.pdf">a</a></p>',
    );
  });

  it('puts links and images written from the site’s root below the sub-path the site is published under', () => {
    expect(
      withSiteAddresses(
        '<p><a href="/releases/x/#terms">x</a> <a href="/attachments/a.pdf" type="application/pdf">a</a> ' +
          '<a href="//cdn.example/">cdn</a> <a href="mailto:ir@x.example">mail</a> <a href="#terms">terms</a> ' +
          '<img src="/attachments/chart.png" alt="Chart"> <img alt="Logo" src="https://other.example/logo.png"></p>',
        'https://ir.example.com',
        '/newsroom/',
      ),
    ).toBe(
      '<p><a href="/newsroom/releases/x/#terms" data-url="https://ir.example.com/newsroom/releases/x/#terms">x</a> ' +
        '<a href="/newsroom/attachments/a.pdf" data-url="https://ir.example.com/newsroom/attachments/a.pdf" type="application/pdf">a</a> ' +
        '<a href="//cdn.example/">cdn</a> <a href="mailto:ir@x.example">mail</a> <a href="#terms">terms</a> ' +
        '<img src="/newsroom/attachments/chart.png" alt="Chart"> <img alt="Logo" src="https://other.example/logo.png"></p>',
    );
  });

  it('adds the sub-path once: to a path written with it, and to a body given twice', () => {
    const once = withSiteAddresses(
      '<a href="/newsroom/releases/x/">x</a> <a href="/newsroom">home</a> <a href="/newsroomx/">y</a> <img src="/a.png" alt="">',
      'https://ir.example.com',
      '/newsroom/',
    );
    expect(once).toBe(
      '<a href="/newsroom/releases/x/" data-url="https://ir.example.com/newsroom/releases/x/">x</a> ' +
        '<a href="/newsroom" data-url="https://ir.example.com/newsroom">home</a> ' +
        '<a href="/newsroom/newsroomx/" data-url="https://ir.example.com/newsroom/newsroomx/">y</a> ' +
        '<img src="/newsroom/a.png" alt="">',
    );
    expect(withSiteAddresses(once, 'https://ir.example.com', '/newsroom/')).toBe(once);
  });
});

describe('a label and what follows it', () => {
  it('puts a space after a label, none after full-width punctuation', () => {
    expect(['Phone:', 'Draft:', '電話：', 'FAX：', '解禁前：', '注記：', 'ＴＥＬ'].map(labelGap)).toEqual([
      ' ',
      ' ',
      '',
      '',
      '',
      '',
      ' ',
    ]);
  });
});

describe('runIntoFirstParagraph', () => {
  it('runs the prefix into the opening paragraph', () => {
    expect(runIntoFirstParagraph('\n<p class="a">Trend Micro…</p><p>Next</p>', '<b>D --</b>')).toBe(
      '\n<p class="a"><b>D --</b> Trend Micro…</p><p>Next</p>',
    );
  });
  it('keeps the prefix as its own paragraph when the body opens with something else', () => {
    expect(runIntoFirstParagraph('<ol><li><p>x</p></li></ol>', 'D --')).toBe('<p>D --</p><ol><li><p>x</p></li></ol>');
  });
  it('escapes text', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });
});

describe('contact links', () => {
  it('turns printed numbers into tel: URIs', () => {
    expect(telHref('+813-5334-4899')).toBe('tel:+81353344899');
    expect(telHref('(03) 5334 4899')).toBe('tel:0353344899');
  });
  it('prints the honorific before the name', () => {
    expect(displayName({ honorific: 'Mr.', name: 'Mahendra Negi' })).toBe('Mr. Mahendra Negi');
    expect(displayName({ name: 'IR Team' })).toBe('IR Team');
  });
});

describe('dates as written', () => {
  const source = '---\nheadline: X\ndate: 2007-02-30\nupdated: "2007-03-01" # fixed\n---\nBody';
  it('finds the written value and its line', () => {
    expect(writtenFields(source, ['date', 'updated'])).toEqual([
      { field: 'date', line: 3, value: '2007-02-30' },
      { field: 'updated', line: 4, value: '2007-03-01' },
    ]);
  });
  it('flags days that do not exist', () => {
    expect(impossibleDate('2007-02-30')).toMatch(/does not exist/);
    expect(impossibleDate('2008-02-29')).toBeUndefined();
    expect(impossibleDate('March 30')).toBeUndefined();
  });
});
