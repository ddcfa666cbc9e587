/**
 * The bad-input corpus (tests/fixtures/bad-input/): each folder holds files laid over a copy of
 * `content/`, one broken input each. `npm run build` (scripts/build.ts) must refuse every one with
 * a message an author can act on — the file (and line, where known), the field, what was
 * expected and what was found — and so must `npm run check` where it reads that kind of problem.
 * Markup in frontmatter and a 5 MB release are not errors: they build, escaped and whole.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnvironment, ROOT, SEED_CONTENT } from '../support/build';

const CORPUS = join(ROOT, 'tests/fixtures/bad-input');
const work = mkdtempSync(join(tmpdir(), 'newsroom-bad-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A copy of `content/` with a corpus folder laid over it. A `site-lines.yaml` replaces, line for
 * line, the settings of the same name and indentation in site.yaml.
 */
function contentWith(name: string): string {
  const dir = join(work, name);
  cpSync(SEED_CONTENT, dir, { recursive: true });
  cpSync(join(CORPUS, name), dir, { recursive: true, filter: (path) => !path.endsWith('site-lines.yaml') });
  const lines = join(CORPUS, name, 'site-lines.yaml');
  if (existsSync(lines)) {
    // Byte for byte (latin1 reads each byte as one character), so a line may hold bytes that are not UTF-8.
    let site = readFileSync(join(dir, 'site.yaml'), 'latin1');
    for (const line of readFileSync(lines, 'latin1').split('\n')) {
      const key = /^(\s*[\w-]+:)/.exec(line)?.[1];
      if (key) site = site.replace(new RegExp(`^${key}.*$`, 'm'), line);
    }
    writeFileSync(join(dir, 'site.yaml'), site, 'latin1');
  }
  return dir;
}

function env(content: string): NodeJS.ProcessEnv {
  return childEnvironment({
    NO_COLOR: '1',
    TZ: 'Pacific/Honolulu',
    NEWSROOM_CONTENT: content,
    NEWSROOM_CACHE_DIR: join(content, '.astro-cache'),
  });
}

/** `npm run build`, as scripts/build.ts runs it. */
function build(content: string, outDir: string) {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    cwd: ROOT,
    env: env(content),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `npm run check`. */
function check(content: string) {
  const result = spawnSync(
    process.execPath,
    ['--import', './scripts/support/resolve-ts.ts', 'scripts/check.ts', '--content', content],
    { cwd: ROOT, env: env(content), encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface BadInput {
  /** Folder in tests/fixtures/bad-input/. */
  name: string;
  /** The file the message must name, inside the content folder. */
  file: string;
  /** The field as the build and the check name it (`categories[0]`). */
  field: string | RegExp;
  expected: string;
  found: string;
  /**
   * The line both name; null where neither knows it, undefined where the check does not read this
   * kind of problem.
   */
  checkLine?: number | null;
}

const BAD_INPUTS: BadInput[] = [
  {
    name: 'missing-headline',
    file: 'releases/2008-01-01-missing-headline.mdx',
    field: 'headline',
    expected: 'expected the headline as text',
    found: 'found nothing',
    checkLine: 1,
  },
  {
    name: 'unparseable-date',
    file: 'releases/2008-01-02-unparseable-date.mdx',
    field: 'date',
    expected: 'expected the date of issue as a calendar date YYYY-MM-DD',
    found: 'found string "next Tuesday"',
    checkLine: 3,
  },
  {
    name: 'date-wrong-format',
    file: 'releases/2008-01-03-date-wrong-format.mdx',
    field: 'date',
    expected: 'expected the date of issue as a calendar date YYYY-MM-DD',
    found: 'found string "01/03/2008"',
    checkLine: 3,
  },
  {
    name: 'unknown-category',
    file: 'releases/2008-01-04-unknown-category.mdx',
    field: 'categories[0]',
    expected: 'expected one of the categories declared in content/site.yaml',
    found: 'found string "Finance"',
    checkLine: 5,
  },
  {
    // Refused rather than dropped, with the field the author meant.
    name: 'misspelt-field',
    file: 'releases/2008-01-25-misspelt-field.mdx',
    field: 'sumary',
    expected: 'unknown field(s) sumary',
    found: '(did you mean "summary"?)',
    checkLine: 6,
  },
  {
    name: 'missing-boilerplate',
    file: 'releases/2008-01-05-missing-boilerplate.mdx',
    field: 'boilerplate',
    expected: 'expected the id of an entry in',
    found: 'found "trend-micro-1999"',
    checkLine: 6,
  },
  {
    name: 'missing-contact',
    file: 'releases/2008-01-06-missing-contact.mdx',
    field: 'contacts[0]',
    expected: 'expected the id of an entry in',
    found: 'found "jane-doe"',
    checkLine: 6,
  },
  {
    name: 'missing-notice',
    file: 'releases/2008-01-07-missing-notice.mdx',
    field: 'notices[0]',
    expected: 'expected the id of an entry in',
    found: 'found "safe-harbor"',
    checkLine: 6,
  },
  {
    // Both files are named: the message says which two releases ask for one address.
    name: 'duplicate-slug',
    file: 'releases/2008-01-09-second.mdx',
    field: 'slug',
    expected: 'publish',
    found: 'releases/2008-01-08-first.mdx',
    checkLine: 6,
  },
  {
    // An English release printing the Japanese notice.
    name: 'notice-in-another-language',
    file: 'releases/2008-01-08-japanese-notice.mdx',
    field: 'notices[0]',
    expected: "expected an entry in the release's language (en)",
    found: 'found "ja/forward-looking-statements", which is in ja',
    checkLine: 6,
  },
  {
    // Saved under another name than the release gives.
    name: 'missing-attachment',
    file: 'releases/2008-01-07-missing-attachment.mdx',
    field: 'attachments[0].file',
    expected: 'expected a file in',
    found:
      'attachments/ (2008-01-07-notice-v2.pdf), found "2008-01-07-notice.pdf" (did you mean "2008-01-07-notice-v2.pdf"?)',
    checkLine: 7,
  },
  {
    // A former address leads to this release: it cannot be another release's address.
    name: 'former-address-taken',
    file: 'releases/2008-01-09-moved.mdx',
    field: 'redirectFrom[0]',
    expected: 'expected an address no other release has',
    found: 'found /releases/2007-03-30-results-of-share-buyback/, the address of',
    checkLine: 6,
  },
  {
    // The headline is the page's h1; a # heading in the text would be a second.
    name: 'level-one-heading',
    file: 'releases/2008-01-09-level-one-heading.mdx',
    field: 'body',
    expected: 'expected headings from ## down',
    found: 'found the # heading "Outline of the buyback"',
    checkLine: 10,
  },
  {
    name: 'mdx-syntax-error',
    file: 'releases/2008-01-10-mdx-syntax-error.mdx',
    field: 'body',
    expected: 'expected valid MDX',
    found: 'found a syntax error at column 48',
    checkLine: 8,
  },
  {
    name: 'unclosed-component',
    file: 'releases/2008-01-11-unclosed-component.mdx',
    field: 'body',
    expected: 'expected valid MDX',
    found: 'Expected a closing tag for `<Terms>`',
    checkLine: 10,
  },
  {
    name: 'unknown-component',
    file: 'releases/2008-01-12-unknown-component.mdx',
    field: 'body',
    expected: 'expected one of the release components (<Terms>, <Term>',
    found: 'found <Footnote>',
    checkLine: 14,
  },
  {
    name: 'bad-component-attribute',
    file: 'releases/2008-01-13-bad-term-style.mdx',
    field: 'body',
    expected: '<Terms style>: expected one of "1.", "(1)", "(a)", "(i)"',
    found: 'found string "A."',
    checkLine: 10,
  },
  {
    name: 'mdx-import',
    file: 'releases/2008-01-14-mdx-import.mdx',
    field: 'body',
    expected: 'expected text and release components only',
    found: "found an import or export (import Chart from '../../src/components/Chart.astro';)",
    checkLine: 8,
  },
  {
    name: 'invalid-yaml',
    file: 'releases/2008-01-13-invalid-yaml.mdx',
    field: '(frontmatter)',
    expected: 'expected valid YAML',
    found:
      'found ": " in the value of headline, which YAML reads as the start of another field (put the value in quotes',
    checkLine: 2,
  },
  {
    name: 'not-utf8',
    file: 'releases/2008-01-14-not-utf8.mdx',
    field: '(file)',
    expected: 'expected UTF-8 text',
    found: 'found the byte 0x96',
    checkLine: 2,
  },
  {
    name: 'empty-file',
    file: 'releases/2008-01-15-empty-file.mdx',
    field: '(file)',
    expected: 'expected content',
    found: 'found an empty file',
    checkLine: null,
  },
  {
    name: 'embargo-without-offset',
    file: 'releases/2008-01-16-embargo-without-offset.mdx',
    field: 'embargo',
    expected: 'expected the embargo time in quotes with its UTC offset',
    found: 'found string "2008-01-16T15:00:00"',
    checkLine: 6,
  },
  {
    // Left out by the loader's pattern, it would be missing from the site without a word.
    name: 'release-saved-as-md',
    file: 'releases/2008-01-17-saved-as-md.md',
    field: '(file)',
    expected: 'expected a .mdx file',
    found: 'found a .md file, which the build does not read',
    checkLine: null,
  },
  {
    name: 'file-name-not-an-address',
    file: 'releases/2008-01-18-Board Resolution.mdx',
    field: '(file)',
    expected: 'expected a file name of lower-case letters, digits and single hyphens',
    found: 'found "2008-01-18-Board Resolution" (rename the file, or set slug:)',
    checkLine: null,
  },
  {
    name: 'empty-body',
    file: 'releases/2008-01-19-empty-body.mdx',
    field: 'body',
    expected: 'expected the text after the frontmatter',
    found: 'found none',
    checkLine: 6,
  },
  {
    // new Date() would have rolled it over to March 1.
    name: 'embargo-impossible-day',
    file: 'releases/2008-01-20-embargo-impossible-day.mdx',
    field: 'embargo',
    expected: 'expected the embargo time on a day that exists',
    found: 'found string "2008-02-30T10:00:00+09:00": 2008-02-30 does not exist',
    checkLine: 6,
  },
  {
    name: 'misspelt-component-attribute',
    file: 'releases/2008-01-21-misspelt-attribute.mdx',
    field: 'body',
    expected: '<Terms styl>: expected one of style, start, inline',
    found: 'found styl',
    checkLine: 10,
  },
  {
    name: 'component-out-of-place',
    file: 'releases/2008-01-22-term-outside-terms.mdx',
    field: 'body',
    expected: '<Term>: expected it directly inside a <Terms>',
    found: 'found it outside one',
    checkLine: 10,
  },
  {
    name: 'html-element',
    file: 'releases/2008-01-23-frame.mdx',
    field: 'body',
    expected: 'expected text, release components or plain HTML markup',
    found: 'found <iframe>, which a release may not hold',
    checkLine: 10,
  },
  {
    // Without it, /ja/about/ showed the English boilerplate in its place.
    name: 'lang-missing-in-language-folder',
    file: 'boilerplates/ja/trend-micro.mdx',
    field: 'lang',
    expected: 'expected lang: ja, as the file is in the ja/ folder',
    found: 'found en (the default when lang: is left out)',
    checkLine: null,
  },
  {
    // The build sees the schema's default, the check that nothing was written: one message.
    name: 'release-lang-missing-in-language-folder',
    file: 'releases/ja/2008-01-24-dividend.mdx',
    field: 'lang',
    expected: 'expected lang: ja, as the file is in the ja/ folder',
    found: 'found en (the default when lang: is left out)',
    checkLine: null,
  },
  {
    name: 'invalid-email',
    file: 'contacts/jane-doe.yaml',
    field: 'email',
    expected: 'expected an email address such as ir@example.com',
    found: 'found string "jane.doe(at)trendmicro.co.jp"',
    checkLine: 4,
  },
  {
    name: 'javascript-url-site',
    file: 'site.yaml',
    field: 'url',
    expected: 'expected the canonical site URL as an http(s) URL',
    found: 'found string "javascript:alert(document.domain)"',
    checkLine: null,
  },
  {
    name: 'javascript-url-company',
    file: 'site.yaml',
    field: 'company.url',
    expected: 'expected the company website as an http(s) URL',
    found: 'found string "JavaScript:alert(1)//https://www.trendmicro.com/"',
    checkLine: null,
  },
  {
    // Read as UTF-8 regardless, it published the company's name as mojibake.
    name: 'site-not-utf8',
    file: 'site.yaml',
    field: '(file)',
    expected: 'expected UTF-8 text',
    found: 'found the byte 0xE9',
    checkLine: 3,
  },
  {
    // Astro only warned, and published whichever contact it read last.
    name: 'contact-same-id',
    file: 'contacts/mahendra-negi.yml',
    field: '(file)',
    expected: 'has the id "mahendra-negi", like',
    found: 'contacts/mahendra-negi.yaml; rename one of the two files',
    checkLine: null,
  },
  {
    // It stopped the build with a stack trace from the time-zone arithmetic, and no file named.
    name: 'time-not-a-time',
    file: 'releases/2008-01-25-time-not-a-time.mdx',
    field: 'time',
    expected: 'expected a time of day HH:MM (24-hour clock, e.g. 09:00)',
    found: 'found string "3pm"',
    checkLine: 4,
  },
  {
    // A mistyped year: feeds and sitemaps would announce a change still to come.
    name: 'correction-dated-ahead',
    file: 'releases/2008-02-01-correction-dated-ahead.mdx',
    field: 'updated',
    expected: 'expected the date the correction was made, on or before today (',
    found: 'in Asia/Tokyo), found 2998-02-03',
    checkLine: 6,
  },
  {
    // The check passed it, and the build stopped with a stack trace naming no line.
    name: 'language-untranslated',
    file: 'site.yaml',
    field: 'languages[2]',
    expected: 'expected a language the interface is translated into (en, ja)',
    found: 'found "de"; add src/i18n/de.ts and list it in src/i18n/dictionaries.ts',
    checkLine: 16,
  },
  {
    // Read as no frontmatter, or as frontmatter running on into the body: every field reported missing.
    name: 'frontmatter-not-closed',
    file: 'releases/2008-01-27-frontmatter-not-closed.mdx',
    field: '(frontmatter)',
    expected: 'expected a line of exactly --- closing the frontmatter that line 1 opens',
    found: 'found --',
    checkLine: 6,
  },
  {
    // Not every field reported missing: the fields are there, without the lines around them.
    name: 'frontmatter-missing',
    file: 'releases/2008-01-30-frontmatter-missing.mdx',
    field: '(frontmatter)',
    expected: 'expected frontmatter between two --- lines at the top of the file',
    found: 'found none',
    checkLine: 1,
  },
  {
    // A contact is all YAML: the file is at fault, not a frontmatter it does not have.
    name: 'contact-invalid-yaml',
    file: 'contacts/jane-roe.yaml',
    field: '(file)',
    expected: 'expected valid YAML, found a syntax error',
    found: '(check indentation, colons and quotes)',
    checkLine: 5,
  },
  {
    // Published as "(PDF, 0 bytes)": a download, or a save, that did not finish.
    name: 'empty-attachment',
    file: 'releases/2008-01-28-empty-attachment.mdx',
    field: 'attachments[0].file',
    expected: 'expected a file with content',
    found: 'attachments/2008-01-28-results.pdf, which is empty (0 bytes): save it again',
    checkLine: 7,
  },
  {
    // The site's Content-Security-Policy blocks it, and loading it would tell another site who reads.
    name: 'image-from-elsewhere',
    file: 'releases/2008-01-26-image-from-elsewhere.mdx',
    field: 'body',
    expected: 'expected an image from content/attachments/ as /attachments/<file>',
    found: 'found https://example.com/chart.png, which the site may not load from elsewhere',
    checkLine: 10,
  },
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fieldPattern = (field: string | RegExp) => (typeof field === 'string' ? escapeRegExp(field) : field.source);

/** The problem as the build and the check write it, on one line: `file:line: field: message`. */
function problemLine({ file, checkLine, field, expected, found }: BadInput): RegExp {
  const line = checkLine ? `:${checkLine}` : '(:\\d+)?';
  return new RegExp(
    `${escapeRegExp(file)}${line}: ${fieldPattern(field)}: .*${escapeRegExp(expected)}.*${escapeRegExp(found)}`,
  );
}

it('has a case for every folder of the corpus', () => {
  const folders = readdirSync(CORPUS).filter((name) => name !== 'html-in-frontmatter');
  expect(folders.sort()).toEqual(BAD_INPUTS.map(({ name }) => name).sort());
});

describe.each(BAD_INPUTS)('$name', (input) => {
  const content = contentWith(input.name);
  const outDir = join(work, `${input.name}-dist`);

  it('fails the build, naming the file, line, field, expected and found', () => {
    const { status, output } = build(content, outDir);
    expect(status, output).not.toBe(0);
    expect(output).toContain('was left as it was');
    expect(existsSync(outDir)).toBe(false);
    // One line, as `npm run check` writes it: the file, its line, the field, what was expected and
    // what was found. Nothing else: no stack trace into the site's code.
    expect(output).toMatch(problemLine(input));
    expect(output).not.toMatch(/Stack trace:|Location:/);
  });

  it.runIf(input.checkLine !== undefined)('fails `npm run check` with the same problem', () => {
    const { status, output } = check(content);
    expect(status, output).not.toBe(0);
    expect(output).toMatch(problemLine(input));
  });
});

it('names every file whose frontmatter fails, as the check does, not only the first', () => {
  const content = contentWith('date-wrong-format');
  cpSync(join(CORPUS, 'unknown-category'), content, { recursive: true });
  const { status, output } = build(content, join(work, 'two-problems-dist'));
  expect(status).not.toBe(0);
  expect(output).toMatch(/2008-01-03-date-wrong-format\.mdx:3: date: expected the date of issue/);
  expect(output).toMatch(/2008-01-04-unknown-category\.mdx:5: categories\[0\]: expected one of the categories/);
  // A reference that is not an id: in the check's words, not Astro's ("Did not match union").
  const references = contentWith('missing-contact');
  const release = join(references, 'releases/2008-01-06-missing-contact.mdx');
  writeFileSync(release, readFileSync(release, 'utf8').replace(/^contacts:.*$/m, 'contacts: [true]'));
  const typed = build(references, join(work, 'reference-dist'));
  expect(typed.output).toMatch(
    /2008-01-06-missing-contact\.mdx:6: contacts\[0\]: expected a contact id as text, found boolean true/,
  );
});

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** The HTML entity decoding a browser does, for the few entities the build writes. */
const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ENTITIES[name]!);

const textFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => ['.html', '.xml', '.json'].includes(extname(path)) && !path.startsWith('pagefind'))
    .map((path) => join(dir, path));

describe('input that builds', () => {
  const content = contentWith('html-in-frontmatter');
  // 5 MB of plain paragraphs, generated here rather than committed.
  const paragraph = 'Trend Micro today disclosed a very long schedule of transactions. '.repeat(15);
  const paragraphs = Math.ceil((5 * 1024 * 1024) / (paragraph.length + 2));
  writeFileSync(
    join(content, 'releases', '2008-01-18-five-megabytes.mdx'),
    `---\nheadline: A five-megabyte release\ndate: 2008-01-18\nlocation: TOKYO, Japan\ncategories: [Corporate]\n---\n\n` +
      `${`${paragraph}\n\n`.repeat(paragraphs)}The last paragraph of the five-megabyte release.\n`,
  );
  const outDir = join(work, 'builds-dist');
  let built: { status: number | null; output: string };
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

  const headline = '</script><script>alert(1)</script> & <b>x</b>';
  const markup = ['<script>alert(', '<b>x</b>', '<img src=x', '<svg onload', '<i>Japan</i>', ']]></description>'];

  it('builds markup in frontmatter and a 5 MB release', () => {
    expect(readFileSync(join(content, 'releases', '2008-01-18-five-megabytes.mdx')).length).toBeGreaterThan(5e6);
    built = build(content, outDir);
    expect(built.status, built.output).toBe(0);
  });

  it('escapes frontmatter in every page, feed and sitemap', () => {
    expect(built.status).toBe(0);
    const files = textFiles(outDir).filter((path) => !path.endsWith('.json'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      // Inside a double-quoted attribute `<` is text (only `"` and `&` end or start anything
      // there, and Astro escapes both), so markup is looked for everywhere else.
      const text = readFileSync(file, 'utf8').replace(/="[^"]*"/g, '=""');
      for (const raw of markup) expect(text.includes(raw), `${file} contains ${raw}`).toBe(false);
    }
    // The only scripts on the page are JSON-LD blocks and external files, none from frontmatter.
    const page = read('releases/2008-01-17-html-in-frontmatter/index.html').replace(/="[^"]*"/g, '=""');
    // (The page's own bold, the dateline and term labels, is a <b> with a class.)
    expect(page).not.toMatch(/<(b(?! class="">)|i|img|svg)[\s>]/);
    expect(page.match(/<script[\s>]/g)?.length).toBe(
      (page.match(/<script type="">/g)?.length ?? 0) + (page.match(/<script[^>]* src="">/g)?.length ?? 0),
    );
  });

  it('shows the headline as text on the release page and in its metadata', () => {
    const html = read('releases/2008-01-17-html-in-frontmatter/index.html');
    expect(decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!.trim())).toBe(headline);
    expect(decode(/<meta property="og:title" content="([^"]*)"/.exec(html)![1]!)).toBe(headline);
    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1]!) as { '@type': string; headline?: string },
    );
    expect(jsonLd.find((node) => node['@type'] === 'NewsArticle')?.headline).toBe(headline);
  });

  it('keeps the headline as text in RSS, Atom and JSON Feed', () => {
    const rssTitles = [...read('rss.xml').matchAll(/<item>[\s\S]*?<title>([\s\S]*?)<\/title>/g)].map((m) =>
      decode(m[1]!.replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1')),
    );
    expect(rssTitles, rssTitles.join('\n')).toContain(headline);
    const atomTitles = [...read('atom.xml').matchAll(/<entry[\s>][\s\S]*?<title[^>]*>([\s\S]*?)<\/title>/g)].map((m) =>
      decode(m[1]!),
    );
    expect(atomTitles).toContain(headline);
    const feed = JSON.parse(read('feed.json')) as { items: { title: string; content_html: string }[] };
    const item = feed.items.find(({ title }) => title === headline);
    expect(item).toBeDefined();
    for (const raw of markup) expect(item!.content_html).not.toContain(raw);
  });

  it('publishes the 5 MB release whole', () => {
    const html = read('releases/2008-01-18-five-megabytes/index.html');
    expect(html).toContain('The last paragraph of the five-megabyte release.');
    const article = html.slice(html.indexOf('<article'), html.lastIndexOf('</article>'));
    expect(article.split('very long schedule of transactions').length - 1).toBeGreaterThanOrEqual(paragraphs * 15);
  });
});
