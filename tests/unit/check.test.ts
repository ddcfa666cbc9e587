/**
 * `npm run check`: every kind of problem in a broken fixture folder (tests/fixtures/check/broken/),
 * one line each with file, line, field and message; the seed content passes; thousands of
 * releases take seconds. Then the pieces: lines of fields, file encodings, ids, links.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/check-content';
import { contentFiles } from '../../src/lib/check/content-folder';
import { entryId } from '../../src/lib/check/entry-id';
import { fieldLine, parseYaml, splitFrontmatter, unclosedFrontmatter } from '../../src/lib/check/frontmatter-source';
import { findLinks } from '../../src/lib/check/links';
import { linkProblem, sitePages } from '../../src/lib/check/site-pages';
import { decodeSource } from '../../src/lib/check/source-text';
import { ROOT, SEED_CONTENT } from '../support/build';

function check(content: string) {
  return spawnSync(
    process.execPath,
    ['--import', './scripts/support/resolve-ts.ts', 'scripts/check.ts', '--content', content],
    { cwd: ROOT, encoding: 'utf8' },
  );
}

/** Rewrites a content file: `change` gets its text and returns the new one. */
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));

/** Runs `test` on a copy of content/, deleted afterwards. */
function inContentCopy(test: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-check-'));
  try {
    cpSync(SEED_CONTENT, dir, { recursive: true });
    test(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run check', () => {
  it('reports each problem of the broken fixture on its own line, and fails', () => {
    const result = check('tests/fixtures/check/broken');
    expect(result.status).toBe(1);
    const at = 'tests/fixtures/check/broken/';
    const ids = (collection: string, list: string) => `expected the id of an entry in ${at}${collection}/ (${list})`;
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      `${at}boilerplates/example.mdx:3: since: expected a real calendar date YYYY-MM-DD, found 2007-02-30, which does not exist`,
      `${at}boilerplates/example.mdx:6: body: expected the link with a trailing slash (/about/), found "/about"`,
      `${at}contacts/empty.yaml: (file): expected content, found an empty file`,
      `${at}contacts/no-email.yaml:2: email: expected an email address such as ir@example.com, found string "john at example.com"`,
      `${at}notices/forward-looking-statements.mdx:5: body: expected a link starting with / (such as /about/), found the relative link "../releases/", which changes meaning on every page this text appears on`,
      `${at}releases/2007-01-12-broken-links.mdx:8: body: expected a link to a page of the site, found "/releases/2007-01-01-nothing/", which is not one: no release publishes at /releases/2007-01-01-nothing/`,
      `${at}releases/2007-01-12-broken-links.mdx:8: body: expected a link to a published page, found "/releases/2007-01-13-draft/", a draft release, which has no page until draft: true is removed`,
      `${at}releases/2007-01-12-broken-links.mdx:10: body: expected a link to a page of the site, found "/tags/nope/", which is not one`,
      `${at}releases/2007-01-12-broken-links.mdx:10: body: expected a link to a page of the site, found "https://newsroom.example.com/nope/", which is not one`,
      `${at}releases/2007-01-12-broken-links.mdx:11: body: expected the link with a trailing slash (/releases/), found "/releases"`,
      `${at}releases/2007-01-12-broken-links.mdx:13: body: expected a link to a published page, found "/releases/2099-01-01-held/", a release under embargo until 2099-01-01T00:00:00+09:00, which the link would reveal before then`,
      `${at}releases/2007-01-14-undeclared-category.mdx:7: categories[1]: expected one of the categories declared in content/site.yaml (Financial, Corporate), found string "Product"`,
      `${at}releases/2007-01-15-embargo-without-offset.mdx:6: embargo: expected the embargo time in quotes with its UTC offset, e.g. "2007-03-30T15:00:00+09:00", found string "2007-01-15T09:00:00"`,
      `${at}releases/2007-01-16-unknown-references.mdx:6: boilerplate: ${ids('boilerplates', 'example')}, found "example-1999"`,
      `${at}releases/2007-01-16-unknown-references.mdx:9: contacts[1]: ${ids('contacts', 'empty, jane-doe, no-email')}, found "john-roe"`,
      `${at}releases/2007-01-16-unknown-references.mdx:10: notices[1]: ${ids('notices', 'forward-looking-statements')}, found "safe-harbor"`,
      `${at}releases/2007-01-17-invalid-yaml.mdx:2: (frontmatter): expected valid YAML, found ": " in the value of headline, which YAML reads as the start of another field (put the value in quotes: headline: "A headline: with a colon, unquoted")`,
      `${at}releases/2007-01-18-empty.mdx: (file): expected content, found an empty file`,
      `${at}releases/2007-01-19-windows-1252.mdx:8: (file): expected UTF-8 text, found the byte 0x93, which is not UTF-8 (save the file as UTF-8)`,
      `${at}releases/2007-01-20-no-frontmatter.mdx:1: (frontmatter): expected frontmatter between two --- lines at the top of the file, found none`,
      `${at}releases/2007-01-21-fields.mdx:1: headline: expected the headline as text, found nothing`,
      `${at}releases/2007-01-21-fields.mdx:5: author: unknown field(s) author; expected only the fields listed in the README`,
      `${at}releases/2007-02-30-impossible-date.mdx:3: date: expected a real calendar date YYYY-MM-DD, found 2007-02-30, which does not exist`,
      `${at}releases/good-again.mdx:6: slug: publishes at /releases/2007-01-10-good/, like ${at}releases/2007-01-10-good.mdx; rename one file or set slug: to another name`,
      `${at}site.yaml:11: defaultBoilerplate: ${ids('boilerplates', 'example')}, found "example-2006"`,
    ]);
    expect(result.stderr).toContain('25 problem(s) in tests/fixtures/check/broken');
  });

  it('passes the first content, the seed the tests build', () => {
    const result = check('tests/fixtures/seed-content');
    expect(result.stdout).toContain('No problems in tests/fixtures/seed-content');
    expect(result.status).toBe(0);
  });

  it('reports a problem in site.yaml once, not again in every release of its other language', () => {
    inContentCopy((dir) => {
      const site = join(dir, 'site.yaml');
      const text = readFileSync(site, 'utf8').replace(/^timeZone: .*$/m, 'timeZone: Asia/Tokio');
      writeFileSync(site, text);
      const line = text.split('\n').findIndex((l) => l.startsWith('timeZone:')) + 1;
      const result = check(dir);
      expect(result.stdout.trimEnd().split('\n')).toEqual([
        `${dir}/site.yaml:${line}: timeZone: expected an IANA time zone such as Asia/Tokyo, found "Asia/Tokio"`,
      ]);
    });
  });

  it('reports a site.yaml it cannot read alone, not every release’s categories as unknown', () => {
    inContentCopy((dir) => {
      const site = join(dir, 'site.yaml');
      writeFileSync(
        site,
        readFileSync(site, 'latin1').replace('Trend Micro Incorporated', 'Trend Micro Soci\xe9t\xe9'),
        'latin1',
      );
      expect(check(dir).stdout.trimEnd().split('\n')).toEqual([
        `${site}:3: (file): expected UTF-8 text, found the byte 0xE9, which is not UTF-8 (save the file as UTF-8)`,
      ]);
    });
  });

  it('says a release a slug: moved onto another’s address is the one at fault, on its slug: line', () => {
    inContentCopy((dir) => {
      const moved = join(dir, 'releases', 'ja', '2007-03-30-results-of-share-buyback.mdx');
      edit(moved, (text) =>
        text.replace(/^date: .*$/m, 'date: 2007-11-26\nslug: final-terms-stock-acquisition-rights'),
      );
      expect(check(dir).stdout.trimEnd().split('\n')).toEqual([
        `${moved}:4: slug: publishes at /ja/releases/2007-11-26-final-terms-stock-acquisition-rights/, like ${dir}/releases/ja/2007-11-26-final-terms-stock-acquisition-rights.mdx; rename one file or set slug: to another name`,
      ]);
    });
  });

  it('suggests as a translation’s original only releases in another language', () => {
    inContentCopy((dir) => {
      rmSync(join(dir, 'releases', '2007-03-30-results-of-share-buyback.mdx'));
      expect(check(dir).stdout.trimEnd().split('\n')).toEqual([
        `${dir}/releases/ja/2007-03-30-results-of-share-buyback.mdx:6: translationOf: expected the id of an entry in ${dir}/releases/ (2007-11-26-final-terms-stock-acquisition-rights), found "2007-03-30-results-of-share-buyback"`,
      ]);
    });
  });

  it('renders again, when asked to keep what it rendered, only the body whose text changed', () => {
    inContentCopy((dir) => {
      const renderedBodies: NonNullable<Parameters<typeof checkContent>[0]['renderedBodies']> = new Map();
      expect(checkContent({ contentDir: dir, renderedBodies })).toEqual([]);
      const bodies = renderedBodies.size;
      expect(bodies).toBeGreaterThanOrEqual(8); // releases, boilerplates and notices, in two languages
      const release = join(dir, 'releases', '2007-03-30-results-of-share-buyback.mdx');
      writeFileSync(release, `${readFileSync(release, 'utf8')}\nAn added sentence.\n`);
      expect(checkContent({ contentDir: dir, renderedBodies })).toEqual([]);
      expect(renderedBodies.size).toBe(bodies + 1);
    });
  });

  it('names the address now of a release a link reaches by its former address', () => {
    inContentCopy((dir) => {
      edit(join(dir, 'releases', '2007-03-30-results-of-share-buyback.mdx'), (text) =>
        text.replace(/^tags:/m, 'redirectFrom: [2007-03-29-buyback-results]\ntags:'),
      );
      edit(
        join(dir, 'releases', '2007-11-26-final-terms-stock-acquisition-rights.mdx'),
        (text) => `${text}\nSee [the buyback](/releases/2007-03-29-buyback-results/).\n`,
      );
      expect(checkContent({ contentDir: dir }).map((problem) => problem.message)).toEqual([
        'expected the release\'s address, found "/releases/2007-03-29-buyback-results/", a former address of it: link to /releases/2007-03-30-results-of-share-buyback/',
      ]);
    });
  });

  it('refuses a link to a release dated later, which has no page before its date', () => {
    inContentCopy((dir) => {
      writeFileSync(
        join(dir, 'releases', '2099-06-01-later.mdx'),
        '---\nheadline: Later\ndate: 2099-06-01\nlocation: TOKYO, Japan\ncategories: [Corporate]\n---\n\nLater.\n',
      );
      edit(
        join(dir, 'releases', '2007-11-26-final-terms-stock-acquisition-rights.mdx'),
        (text) => `${text}\nSee [what comes](/releases/2099-06-01-later/).\n`,
      );
      expect(checkContent({ contentDir: dir }).map((problem) => problem.message)).toEqual([
        'expected a link to a published page, found "/releases/2099-06-01-later/", a release issued at 2099-06-01T00:00:00+09:00, which has no page before then',
      ]);
    });
  });

  it("refuses another language's boilerplate, contact or notice, and offers only the usable ones", () => {
    inContentCopy((dir) => {
      edit(join(dir, 'releases', '2007-11-26-final-terms-stock-acquisition-rights.mdx'), (text) =>
        text.replace(/^categories:/m, 'notices: [ja/forward-looking-statements]\ncategories:'),
      );
      // A Japanese release may name the default language's entries, and its own by either name.
      edit(join(dir, 'releases', 'ja', '2007-03-30-results-of-share-buyback.mdx'), (text) =>
        text.replace(/^notices:.*$/m, 'notices: [ja/forward-looking-statements]\ncontacts: [mahendra-negi, jane-do]'),
      );
      const found = checkContent({ contentDir: dir, displayRoot: dir });
      expect(found.map(({ file, field, message }) => `${file}: ${field}: ${message}`)).toEqual([
        'releases/2007-11-26-final-terms-stock-acquisition-rights.mdx: notices[0]: expected an entry in the release\'s language (en), found "ja/forward-looking-statements", which is in ja; name the en version, without the ja/ folder',
        'releases/ja/2007-03-30-results-of-share-buyback.mdx: contacts[1]: expected the id of an entry in contacts/ (ja/mahendra-negi, mahendra-negi), found "jane-do"',
      ]);
    });
  });

  it('checks attachments: the file is there, and links to one do not reveal a held release', () => {
    inContentCopy((dir) => {
      mkdirSync(join(dir, 'attachments'));
      for (const file of ['results.pdf', 'held.pdf', 'draft.pdf', 'later.pdf', 'unlisted.pdf']) {
        writeFileSync(join(dir, 'attachments', file), '%PDF-1.4');
      }
      // A download that did not finish.
      writeFileSync(join(dir, 'attachments', 'empty.pdf'), '');
      const release = (name: string, extra: string, body = 'A release.') =>
        writeFileSync(
          join(dir, 'releases', `${name}.mdx`),
          `---\nheadline: ${name}\ndate: ${name.slice(0, 10)}\nlocation: TOKYO, Japan\ncategories: [Corporate]\n${extra}\n---\n\n${body}\n`,
        );
      release(
        '2008-01-10-results',
        'attachments: [{ file: results.pdf, title: Results }, { file: resuls.pdf, title: Typo }, { file: empty.pdf, title: Empty }]',
      );
      // Under embargo, linking to its own file: fine, the file is published with it.
      release(
        '2099-01-01-held',
        'embargo: "2099-01-01T00:00:00+09:00"\nattachments: [{ file: held.pdf, title: Held }]',
        'See [the file](/attachments/held.pdf).',
      );
      release('2008-01-10-draft', 'draft: true\nattachments: [{ file: draft.pdf, title: Draft }]');
      // Dated after the check's clock, with no embargo: published on its date.
      release('2099-02-01-later', 'attachments: [{ file: later.pdf, title: Later }]');
      release(
        '2008-01-10-links',
        '',
        '[a](/attachments/results.pdf) [b](/attachments/held.pdf) [c](/attachments/draft.pdf) [d](/attachments/unlisted.pdf) [e](/attachments/later.pdf)',
      );
      const found = checkContent({ contentDir: dir, displayRoot: dir, now: new Date('2026-01-01T00:00:00Z') });
      expect(found.map(({ file, line, field, message }) => `${file}:${line}: ${field}: ${message}`)).toEqual([
        'releases/2008-01-10-links.mdx:9: body: expected a link to a published page, found "/attachments/held.pdf", a file attached to a release under embargo until 2099-01-01T00:00:00+09:00, which the link would reveal before then',
        'releases/2008-01-10-links.mdx:9: body: expected a link to a published page, found "/attachments/draft.pdf", a file only draft releases attach, which is not published until one of them is',
        'releases/2008-01-10-links.mdx:9: body: expected a link to a page of the site, found "/attachments/unlisted.pdf", which is not one: no release lists unlisted.pdf in its attachments',
        'releases/2008-01-10-links.mdx:9: body: expected a link to a published page, found "/attachments/later.pdf", a file only releases issued from 2099-02-01T00:00:00+09:00 on attach, which is not published before then',
        'releases/2008-01-10-results.mdx:6: attachments[1].file: expected a file in attachments/ (draft.pdf, empty.pdf, held.pdf, later.pdf, results.pdf, unlisted.pdf), found "resuls.pdf" (did you mean "results.pdf"?)',
        'releases/2008-01-10-results.mdx:6: attachments[2].file: expected a file with content, found attachments/empty.pdf, which is empty (0 bytes): save it again',
      ]);
    });
  });

  // How long it takes is measured by `npm run bench` (BENCHMARKS.md), not asserted here: the time
  // allowed is room for a machine busy with other builds (Vitest's default is 5 s).
  it('checks 3,000 releases that link to each other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-check-'));
    try {
      for (const part of ['site.yaml', 'boilerplates', 'notices', 'contacts']) {
        cpSync(join(SEED_CONTENT, part), join(dir, part), { recursive: true });
      }
      mkdirSync(join(dir, 'releases'));
      for (let i = 0; i < 3000; i++) {
        const date = new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
        const link =
          i > 0
            ? ` See [the previous one](/releases/${new Date(Date.UTC(2000, 0, i)).toISOString().slice(0, 10)}-release-${i - 1}/).`
            : '';
        writeFileSync(
          join(dir, 'releases', `${date}-release-${i}.mdx`),
          `---\nheadline: Release ${i}\ndate: ${date}\nlocation: TOKYO, Japan\ncategories: [Financial]\ntags: [tag ${i % 50}]\nnotices: [forward-looking-statements]\n---\n\nText of release ${i}.${link}\n\n<Terms>\n  <Term label="Purchase period">From March 22</Term>\n</Terms>\n`,
        );
      }
      const result = check(dir);
      expect(result.stdout, result.stdout).toContain('No problems in');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('reading files as written', () => {
  it('names the YAML mistakes authors make most in their words, on their line', () => {
    const failure = (yaml: string) => {
      const parsed = parseYaml(yaml, 2);
      return 'line' in parsed ? `${parsed.line}: ${parsed.message}` : 'parsed';
    };
    expect(failure('headline: Results: a colon\ndate: 2008-01-13\n')).toBe(
      '2: expected valid YAML, found ": " in the value of headline, which YAML reads as the start of another field (put the value in quotes: headline: "Results: a colon")',
    );
    // YAML notices an unclosed quote lines later.
    expect(failure('headline: "Trend Micro Announces\ndate: 2008-01-13\nlocation: TOKYO\ncategories: [A]\n')).toBe(
      '2: expected valid YAML, found the value of headline opening a quote (") that its line does not close',
    );
    expect(failure('headline: x\nlocation TOKYO, Japan\ncategories: [A]\n')).toBe(
      '3: expected valid YAML, found "location TOKYO, Japan", a field without the colon after its name (location: …)',
    );
    expect(failure('headline: x\ncategories\n  - A\ndate: 2008-01-13\n')).toBe(
      '3: expected valid YAML, found "categories", a field without the colon after its name (categories: …)',
    );
    // Windows line ends too.
    expect(failure('headline: Results: a colon\r\ndate: 2008-01-13\r\n')).toMatch(
      /^2: expected valid YAML, found ": " in/,
    );
    // Valid lines that look alike are not blamed for a mistake further down, which is named where
    // YAML noticed it.
    const valid = [
      'time: 15:30',
      'url: https://x.test/a',
      'quote: "a: b"',
      "it: 'It''s'",
      'headline: Results # note: x',
      'categories:',
      '- Financial',
      'note: |',
      '  Table: row 3: x',
      'two: "a quote',
      '  over two lines"',
    ].join('\n');
    expect(failure(valid)).toBe('parsed');
    expect(failure(`${valid}\nbroken: [a\n`)).toMatch(/^14: expected valid YAML, found a syntax error: /);
    expect(failure(`---\n${valid}\n  bad: indent\n`)).toMatch(/^14: expected valid YAML, found a syntax error: /);
    expect(failure('name: Jane Roe\ntitles:\n  - IR\n email: jane@example.com\n')).toBe(
      '5: expected valid YAML, found a syntax error: bad indentation of a mapping entry (check indentation, colons and quotes)',
    );
  });

  it('finds the line of a field, of a list item and of a nested field', () => {
    const yaml =
      '\nheadline: x\ncategories:\n- Financial\n- Product\ncontacts:\n  - a\n  - b\ncompany:\n  name: X\n  tickers:\n    - TSE: 1\n';
    expect(fieldLine(yaml, 1, ['headline'])).toBe(2);
    expect(fieldLine(yaml, 1, ['categories', 1])).toBe(5);
    expect(fieldLine(yaml, 1, ['contacts', 1])).toBe(8);
    expect(fieldLine(yaml, 1, ['company', 'tickers', 0])).toBe(12);
    expect(fieldLine(yaml, 1, ['missing'])).toBeUndefined();
  });

  it('splits frontmatter from the body and knows where each starts', () => {
    expect(splitFrontmatter('\n---\ntitle: x\n---\nbody')).toEqual({
      yaml: '\ntitle: x\n',
      yamlLine: 2,
      body: '\nbody',
      bodyLine: 4,
    });
    expect(splitFrontmatter('no frontmatter')).toBeUndefined();
  });

  it('finds frontmatter left open: its closing line missing, or typed otherwise', () => {
    const head = '---\nheadline: A\ndate: 2007-03-30\n';
    expect(unclosedFrontmatter(`${head}---\n\nBody.\n`)).toBeUndefined();
    expect(unclosedFrontmatter('No frontmatter at all.\n')).toBeUndefined();
    expect(unclosedFrontmatter(`${head}\nBody.\n`)).toEqual({
      line: 1,
      message: 'expected a line of --- closing the frontmatter this line opens, found none',
    });
    const mistyped = {
      line: 4,
      message: 'expected a line of exactly --- closing the frontmatter that line 1 opens, found --',
    };
    expect(unclosedFrontmatter(`${head}--\n\nBody.\n`)).toEqual(mistyped);
    // Also when a rule further down closes what the parser takes for frontmatter, and in CRLF files.
    expect(unclosedFrontmatter(`${head}--\n\nBody.\n\n---\n\nMore.\n`)).toEqual(mistyped);
    expect(unclosedFrontmatter(`${head}--\n\nBody.\n`.replaceAll('\n', '\r\n'))).toEqual(mistyped);
  });

  it('names the line of the first byte that is not UTF-8, and reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeSource(Buffer.from('one\ntwo \x93\n', 'latin1'))).toMatchObject({ line: 2 });
    expect(decodeSource(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe2, 0x84, 0xa2]))).toEqual({ text: 'a™' });
    expect(decodeSource(Buffer.from([0xed, 0xa0, 0x80]))).toMatchObject({ line: 1 }); // a lone surrogate
  });

  it('gives entries the ids the build gives them', () => {
    expect(entryId('trend-micro.mdx')).toBe('trend-micro');
    expect(entryId('Mahendra Negi.yaml')).toBe('mahendra-negi');
    expect(entryId('2007/index.mdx')).toBe('2007');
  });

  it('lists the files a collection loads as Astro’s glob loader does: sub-folders and linked folders, no dot-files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-files-'));
    try {
      const files = ['b.mdx', 'a.mdx', '2007/c.mdx', '2007/deep/d.mdx', 'notes.txt', '.draft.mdx', '.hidden/e.mdx'];
      for (const file of files) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), '');
      }
      // A folder named like a file is a folder; a linked folder is read through.
      mkdirSync(join(dir, 'folder.mdx'));
      mkdirSync(join(dir, '..', `${basename(dir)}-elsewhere`), { recursive: true });
      writeFileSync(join(dir, '..', `${basename(dir)}-elsewhere`, 'f.mdx'), '');
      symlinkSync(join(dir, '..', `${basename(dir)}-elsewhere`), join(dir, 'linked'));
      // A link back into a folder being listed is not followed round and round.
      symlinkSync(dir, join(dir, '2007', 'deep', 'up'));
      expect(contentFiles(dir, ['.mdx'])).toEqual(
        ['2007/c.mdx', '2007/deep/d.mdx', 'a.mdx', 'b.mdx', 'linked/f.mdx'].map((file) => join(...file.split('/'))),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-elsewhere`, { recursive: true, force: true });
    }
  });
});

describe('links inside the content', () => {
  it('finds Markdown links, reference definitions and hrefs, on their lines', () => {
    const body = '\nSee [a](/releases/) and \\[not a link](/x/).\n\n[ref]: /about/\n<a href="/contacts/">c</a>\n';
    expect(findLinks(body, 10)).toEqual([
      { href: '/releases/', line: 11 },
      { href: '/about/', line: 13 },
      { href: '/contacts/', line: 14 },
    ]);
  });

  const pages = sitePages(
    [{ slug: '2007-03-30-buyback', year: 2007, categories: ['Financial'], tags: ['Share Buyback'] }],
    10,
  );
  const context = {
    pages,
    publicFiles: new Set(['files/report.pdf']),
    unpublished: new Map([
      ['releases/2007-04-01-draft/', { draft: true }],
      ['releases/2007-05-01-held/', { draft: false, embargo: new Date('2007-05-01T06:00:00Z') }],
      ['ja/releases/2007-05-02-held/', { draft: false, embargo: new Date('2007-05-02T06:00:00Z') }],
      ['ja/releases/2007-04-01-draft/', { draft: true, original: 'content/releases/2007-04-01-draft.mdx' }],
    ]),
    timeZone: 'Asia/Tokyo',
    siteUrl: 'https://newsroom.example.com',
    onPage: 'releases/2007-03-30-buyback/',
  };

  it('knows the pages the content makes: releases, years, categories, tags, feeds and the fixed pages', () => {
    for (const path of [
      '',
      'releases/',
      'releases/2007-03-30-buyback/',
      'releases/2007/',
      'categories/financial/',
      'tags/share-buyback/',
      'about/',
      'contacts/',
      'search/',
      'rss.xml',
      'feeds/2007/atom.xml',
    ]) {
      expect(linkProblem(`/${path}`, context), path).toBeUndefined();
    }
    expect(linkProblem('/files/report.pdf', context)).toBeUndefined();
    expect(linkProblem('../2007/', context)).toBeUndefined();
    expect(linkProblem('https://newsroom.example.com/releases/2007-03-30-buyback/#terms', context)).toBeUndefined();
  });

  it('names the original that holds a translation back', () => {
    expect(linkProblem('/ja/releases/2007-04-01-draft/', context)).toBe(
      'expected a link to a published page, found "/ja/releases/2007-04-01-draft/", a translation whose original content/releases/2007-04-01-draft.mdx is a draft: it has no page until that draft: true is removed',
    );
  });

  it('names the page a broken link most likely meant: a release whose date: moved from its file name', () => {
    expect(linkProblem('/releases/2007-03-31-buyback/', context)).toBe(
      'expected a link to a page of the site, found "/releases/2007-03-31-buyback/", which is not one: no release publishes at /releases/2007-03-31-buyback/ (did you mean "/releases/2007-03-30-buyback/"?)',
    );
    expect(linkProblem('/releases/2099-01-01-elsewhere/', context)).not.toContain('did you mean');
  });

  it('names the address now of a release a link reaches by a former address', () => {
    const moved = new Map([
      ['releases/2007-03-29-buyback/', 'releases/2007-03-30-buyback/'],
      ['releases/2007-03-31-draft/', 'releases/2007-04-01-draft/'],
    ]);
    expect(linkProblem('/releases/2007-03-29-buyback/', { ...context, moved })).toBe(
      'expected the release\'s address, found "/releases/2007-03-29-buyback/", a former address of it: link to /releases/2007-03-30-buyback/',
    );
    // A draft's former address has no page either, until the draft is published.
    expect(linkProblem('/releases/2007-03-31-draft/', { ...context, moved })).toContain('a draft release');
  });

  it('leaves other sites, mail and fragments alone', () => {
    for (const href of ['https://www.trendmicro.com/x', 'mailto:ir@example.com', 'tel:+81', '#terms', '#']) {
      expect(linkProblem(href, context)).toBeUndefined();
    }
  });

  it('says what is wrong with a link to a page that will not exist', () => {
    expect(linkProblem('/releases/2008/', context)).toContain('which is not one');
    expect(linkProblem('/categories/product/', context)).toContain('which is not one');
    expect(linkProblem('/releases/2007-04-01-draft/', context)).toContain('a draft release');
    // A link to a release under embargo would give it away: only one that lifts no earlier may link to it.
    expect(linkProblem('/releases/2007-05-01-held/', context)).toBe(
      'expected a link to a published page, found "/releases/2007-05-01-held/", a release under embargo until 2007-05-01T15:00:00+09:00, which the link would reveal before then',
    );
    // Japanese releases too, by their own address; the English address of the same slug is another page.
    expect(linkProblem('/ja/releases/2007-05-02-held/', context)).toContain(
      'under embargo until 2007-05-02T15:00:00+09:00',
    );
    expect(linkProblem('/releases/2007-05-02-held/', context)).toContain('which is not one');
    const heldUntil = (iso: string) => ({ ...context, heldUntil: new Date(iso) });
    expect(linkProblem('/releases/2007-05-01-held/', heldUntil('2007-05-01T06:00:00Z'))).toBeUndefined();
    expect(linkProblem('/releases/2007-05-01-held/', heldUntil('2007-05-01T05:59:00Z'))).toContain('under embargo');
    expect(linkProblem('/about', context)).toBe('expected the link with a trailing slash (/about/), found "/about"');
    expect(linkProblem('other/', { ...context, onPage: undefined })).toContain('relative link');
  });
});
