/**
 * `npm run import`: the conversion itself on the seed texts and on one fixture per real-world
 * shape (tests/fixtures/import/), then the command as an author runs it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startsStructure } from '../../src/lib/importer/body';
import { parseDateline } from '../../src/lib/importer/dateline';
import { existingEntries } from '../../src/lib/importer/existing';
import { importRelease, type ExistingEntries, type ImportResult } from '../../src/lib/importer/import-release';
import { comparableText } from '../../src/lib/importer/matching';
import { toLines, unwrapLines } from '../../src/lib/importer/source-lines';
import { ROOT, SEED_CONTENT } from '../support/build';

const CONTENT = SEED_CONTENT;
const FIXTURES = join(ROOT, 'tests/fixtures/import');
const SEEDS = join(ROOT, 'tests/fixtures/seeds');

const existing = (contentDir = CONTENT) => existingEntries(contentDir);

const settings = {
  categories: ['Financial', 'Corporate', 'Product'],
  companyNames: ['Trend Micro Incorporated', 'Trend Micro'],
  datelineSeparator: '--',
  languages: ['en'],
};

function importFile(dir: string, name: string, entries = existing()): ImportResult {
  return importRelease({ text: readFileSync(join(dir, name), 'utf8'), sourceName: name, settings, existing: entries });
}

function imported(dir: string, name: string) {
  const result = importFile(dir, name);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const frontmatterOf = (mdx: string) => load(/^---\n([\s\S]*?)\n---/.exec(mdx)![1]!) as Record<string, unknown>;
const bodyOf = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '').trim();

describe('the seed texts', () => {
  it.each(['2007-03-30-results-of-share-buyback', '2007-11-26-final-terms-stock-acquisition-rights'])(
    '%s imports to the release an author wrote by hand',
    (name) => {
      const result = imported(SEEDS, `${name}.txt`);
      expect(result.fileName).toBe(`${name}.mdx`);
      const byHand = readFileSync(join(CONTENT, 'releases', `${name}.mdx`), 'utf8');
      // The hand-written files add a table caption and leave the default note label out.
      const authored = bodyOf(byHand)
        .replace(/ caption="[^"]*"/, '')
        .replace('<Note>', '<Note label="Note:">');
      expect(bodyOf(result.mdx)).toBe(authored);
      const written = frontmatterOf(byHand);
      expect(frontmatterOf(result.mdx)).toMatchObject({
        headline: written.headline,
        location: written.location,
        categories: written.categories,
        boilerplate: 'trend-micro',
        contacts: ['mahendra-negi'],
      });
      expect(frontmatterOf(result.mdx).notices).toEqual(written.notices);
      expect(result.created).toEqual([]);
      expect(result.report.plain).toEqual([]);
    },
  );
});

describe('no source line is ever dropped', () => {
  const shapes = readdirSync(FIXTURES).filter((f) => /^\d{4}-.*\.txt$/.test(f));

  /** The text an imported release and the entries it uses put on the page. */
  function pageCorpus(result: Extract<ImportResult, { ok: true }>, entries: ExistingEntries): string {
    const data = frontmatterOf(result.mdx);
    const used = <T extends { id: string }>(ids: unknown, list: readonly T[]) =>
      list.filter((e) => (Array.isArray(ids) ? ids : [ids]).includes(e.id));
    const created = result.created.map((c) =>
      c.collection === 'contacts' ? '' : `${c.entry.heading} ${c.entry.body}`,
    );
    const texts = [...used(data.notices, entries.notices), ...used(data.boilerplate, entries.boilerplates)].map(
      (e) => `${e.heading} ${e.body}`,
    );
    const contacts = [
      ...entries.contacts,
      ...result.created.flatMap((c) => (c.collection === 'contacts' ? [c.entry] : [])),
    ]
      .filter((e) => (data.contacts as string[] | undefined)?.includes(e.id))
      .map(({ contact: c }) =>
        [
          c.honorific ? `${c.honorific} ${c.name}` : c.name,
          c.titles.join(' / '),
          c.organisation,
          c.phone && `Phone: ${c.phone}`,
          c.fax && `Fax: ${c.fax}`,
          c.email,
        ].join(' '),
      );
    // Components print their labels; their markup does not reach the page.
    const body = bodyOf(result.mdx)
      .replace(
        /<(?:Term|Row|Note) label=(?:"([^"]*)"|\{("(?:[^"\\]|\\.)*")\})\s*\/?>/g,
        (_, plain, json) => ` ${plain ?? JSON.parse(json)} `,
      )
      .replace(/<\/?[A-Z][^>]*>/g, ' ');
    return comparableText(
      [data.headline, data.subheadline, body, ...texts, ...created, ...contacts, 'Information'].join('\n'),
    );
  }

  it.each(shapes)('%s', (name) => {
    const entries = existing();
    const result = imported(FIXTURES, name);
    const corpus = pageCorpus(result, entries);
    const missing = readFileSync(join(FIXTURES, name), 'utf8')
      .split('\n')
      .map((line) => parseDateline(line)?.rest ?? line)
      // The site numbers terms itself: "1." and "(a)" come from the components.
      .map((line) => comparableText(line.replace(/^\s*(?:\d+\.|\([a-z0-9]+\))\s*/, '')))
      .filter((line) => line && !corpus.includes(line));
    expect(missing).toEqual([]);
  });
});

describe('the shapes of real releases', () => {
  it('reads an en-dash dateline, a subheadline, sub-items (1)…(5), an empty term, a tab table and a Notes block', () => {
    const result = imported(FIXTURES, '2009-06-30-stock-options-en-dash-dateline.txt');
    expect(frontmatterOf(result.mdx)).toMatchObject({
      subheadline: 'Board of Directors approves a grant to employees of its subsidiaries',
      date: new Date('2009-06-30T00:00:00Z'),
      location: 'Tokyo, Japan',
      tickers: ['TSE: 4704'],
    });
    expect(result.mdx).toContain('<Terms style="(1)" inline>');
    expect(result.mdx).toContain('<Term label="Conditions for the exercise of the stock acquisition rights:" />');
    expect(result.mdx).toContain(
      '<Row label="Employees of subsidiaries of the Company:">450 persons, 1,300 rights</Row>',
    );
    expect(result.mdx).toContain('<Note label="Notes:">\nExercise period\n');
    expect(result.report.notes).toContain(
      'dateline written "Tokyo, Japan – June 30, 2009 -" prints as "Tokyo, Japan, June 30, 2009 --"',
    );
  });

  it('creates a new boilerplate version and a new contact, and references them', () => {
    const result = imported(FIXTURES, '2012-09-07-share-buyback-no-space-dateline.txt');
    expect(result.created.map((c) => `${c.collection}/${c.fileName}`)).toEqual([
      'boilerplates/trend-micro-2012-09-07.mdx',
      'contacts/jane-example.yaml',
    ]);
    expect(frontmatterOf(result.mdx)).toMatchObject({
      boilerplate: 'trend-micro-2012-09-07',
      contacts: ['jane-example'],
    });
    const boilerplate = result.created[0]!.text;
    expect(frontmatterOf(boilerplate)).toEqual({
      heading: 'About Trend Micro',
      since: new Date('2012-09-07T00:00:00Z'),
    });
    expect(boilerplate).toContain('TREND MICRO and Smart Protection Network are trademarks');
    expect(load(result.created[1]!.text)).toEqual({
      honorific: 'Ms.',
      name: 'Jane Example',
      titles: ['IR Manager'],
      organisation: 'Trend Micro Incorporated',
      phone: '+81-3-5334-3618',
      email: 'ir@trendmicro.co.jp',
      // Named by the old release, kept off the Contacts page until an author lists them.
      listed: false,
    });
    expect(result.report.notes).toContain(
      'contact jane-example is not on the Contacts page (listed: false): set listed: true if readers should call Jane Example',
    );
    // The new version is dated after every other one, so the About page will show it: the author is told.
    expect(result.report.notes).toContainEqual(
      expect.stringMatching(
        /^boilerplate trend-micro-2012-09-07 \(since: 2012-09-07\) is the newest version: the About page shows its text/,
      ),
    );
    // Nothing of the closing sections is pasted into the release itself.
    expect(result.mdx).not.toContain('About Trend Micro');
    expect(result.mdx).not.toContain('Jane Example');
  });

  it('keeps unclassifiable text as paragraphs, escaped so that it prints as typed', () => {
    const result = imported(FIXTURES, '2010-02-15-mdx-special-characters.txt');
    expect(frontmatterOf(result.mdx).headline).toBe('Trend Micro Reports Results for <Q4> {2009}');
    expect(result.mdx).toContain('Revenue grew 5% -- ahead of plan \\> 3% \\{guidance\\}.');
    expect(result.mdx).toContain('\\# Highlights\n\n3\\. This line is not a list');
    expect(result.report.plain.map((p) => p.line)).toEqual([5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(result.created.map((c) => c.id)).toEqual(['notice-regarding-forward-looking-statements']);
  });

  it('matches a notice followed by other lines, and keeps an address block it cannot read as contacts', () => {
    const result = imported(FIXTURES, '2008-05-01-trailing-lines-and-address-block.txt');
    expect(frontmatterOf(result.mdx)).toMatchObject({ notices: ['forward-looking-statements'] });
    expect(frontmatterOf(result.mdx).contacts).toBeUndefined();
    expect(result.created).toEqual([]);
    expect(result.mdx).toContain('\\###\n\nInformation\n\nInvestor Relations Department');
    expect(result.report.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('contact block at line 27 kept as plain text'),
        'no contact recognised: the page shows the default contacts',
      ]),
    );
  });

  it('joins the lines of a text hard-wrapped at 72 columns, but not its table rows or contact lines', () => {
    const result = imported(FIXTURES, '2011-01-20-hard-wrapped-at-72-columns.txt');
    expect(frontmatterOf(result.mdx).headline).toBe(
      'Trend Micro Announces Allotment of Stock Acquisition Rights to Employees of Its Subsidiaries',
    );
    expect(result.mdx).toContain(
      '\nTrend Micro Incorporated (TSE: 4704) today announced that its Board of Directors resolved to allot stock acquisition rights to employees of its subsidiaries, as set out below.\n',
    );
    expect(result.mdx).toContain(
      '<Term label="Exercise period:">From January 21, 2013 to January 20, 2016, both days inclusive.</Term>',
    );
    expect(result.mdx).toContain('<Row label="Directors of subsidiaries:">14 persons</Row>');
    expect(frontmatterOf(result.mdx).contacts).toEqual(['mahendra-negi']);
  });

  it('leaves texts written one paragraph per line as they are', () => {
    const seed = readFileSync(join(SEEDS, '2007-11-26-final-terms-stock-acquisition-rights.txt'), 'utf8');
    const lines = toLines(seed);
    expect(unwrapLines(lines, startsStructure)).toEqual(lines);
  });

  it('refuses a text without a dateline, and an empty one, with the reason', () => {
    expect(importFile(FIXTURES, 'no-dateline.txt')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('expected a dateline such as "TOKYO, Japan, March 30, 2007 --"'),
    });
    expect(importFile(FIXTURES, 'empty.txt')).toEqual({ ok: false, reason: 'the file has no text' });
  });

  it('says a dateline’s date does not exist, rather than that there is no dateline', () => {
    const text =
      'Trend Micro Announces Results\n\nTOKYO, Japan, February 30, 2010 -- Trend Micro today announced results.\n';
    expect(importRelease({ text, sourceName: 'results.txt', settings, existing: existing() })).toEqual({
      ok: false,
      reason: 'expected a dateline with a date that exists, found "February 30, 2010" (line 3), which does not exist',
    });
  });
});

describe('npm run import', () => {
  let dir: string;
  const content = () => join(dir, 'content');
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', './scripts/support/resolve-ts.ts', 'scripts/import.ts', '--content', content(), ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
  const files = () => readdirSync(content(), { recursive: true, encoding: 'utf8' }).sort();
  const fixture = (name: string) => join(FIXTURES, name);
  const SHAPE = fixture('2012-09-07-share-buyback-no-space-dateline.txt');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsroom-import-'));
    for (const part of ['site.yaml', 'boilerplates', 'notices', 'contacts']) {
      cpSync(join(CONTENT, part), join(content(), part), { recursive: true });
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints what it recognised, kept as plain text and created, and the preview address', () => {
    const result = run(SHAPE);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/release +.*releases\/2012-09-07-share-buyback-no-space-dateline\.mdx \(wrote\)/);
    expect(result.stdout).toMatch(/recognised +headline \(line 1\)/);
    expect(result.stdout).toMatch(/plain text +none/);
    expect(result.stdout).toMatch(
      /created +.*boilerplates\/trend-micro-2012-09-07\.mdx\n +.*contacts\/jane-example\.yaml/,
    );
    expect(result.stdout).toContain(
      'preview     http://localhost:4321/releases/2012-09-07-share-buyback-no-space-dateline/',
    );
    const check = spawnSync(
      process.execPath,
      ['--import', './scripts/support/resolve-ts.ts', 'scripts/check.ts', '--content', content()],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(check.stdout).toContain('No problems');
  });

  it('writes nothing with --dry-run, and prints the files it would write', () => {
    const before = files();
    const result = run('--dry-run', SHAPE);
    expect(result.status).toBe(0);
    expect(files()).toEqual(before);
    expect(result.stdout).toContain('(would write)');
    expect(result.stdout).toContain('headline: Trend Micro Announces Share Buyback Program');
  });

  it('never duplicates entries and never replaces a release unless told to', () => {
    expect(run(SHAPE).status).toBe(0);
    const after = files();
    const release = join(content(), 'releases/2012-09-07-share-buyback-no-space-dateline.mdx');
    writeFileSync(release, 'edited by an author');

    const again = run(SHAPE);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      '2012-09-07-share-buyback-no-space-dateline.mdx already exists; not replaced (use --force to replace it)',
    );
    expect(readFileSync(release, 'utf8')).toBe('edited by an author');

    const forced = run('--force', SHAPE);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(
      /boilerplate "About Trend Micro" \(line 31\) → existing boilerplate trend-micro-2012-09-07/,
    );
    expect(forced.stdout).toMatch(/created +nothing/);
    expect(files()).toEqual(after);
    expect(readFileSync(release, 'utf8')).toContain('boilerplate: trend-micro-2012-09-07');
  });

  it('succeeds, changing nothing, when a file is imported again unchanged', () => {
    expect(run(SHAPE).status).toBe(0);
    const after = files();
    const again = run(SHAPE);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /release +.*2012-09-07-share-buyback-no-space-dateline\.mdx \(imported before, unchanged\)/,
    );
    expect(files()).toEqual(after);
  });

  it('does not import a release that is there already under another file name, unless forced', () => {
    expect(run(SHAPE).status).toBe(0);
    const copy = join(dir, 'buyback.txt');
    writeFileSync(copy, readFileSync(SHAPE, 'utf8'));
    const twice = run(copy);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(
      /buyback\.txt: not imported: .*releases\/2012-09-07-share-buyback-no-space-dateline\.mdx is this release already \(same language, date and headline\)/,
    );
    expect(run('--force', copy).status).toBe(0);
  });

  it('reuses an entry created for an earlier file of the same run', () => {
    const copy = join(dir, '2012-09-08-second.txt');
    writeFileSync(copy, readFileSync(SHAPE, 'utf8').replace('September 7, 2012', 'September 8, 2012'));
    const result = run(SHAPE, copy);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('→ existing boilerplate trend-micro-2012-09-07');
    // The newsroom's own boilerplate and the one created by the first file: nothing twice.
    expect(files().filter((f) => /^boilerplates[\\/][^\\/]+\.mdx$/.test(f))).toHaveLength(2);
  });

  it('exits non-zero on unreadable input, naming the file and the reason, and imports the rest', () => {
    const result = run(fixture('windows-1252.txt'), join(dir, 'missing.txt'), fixture('empty.txt'), SHAPE);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('windows-1252.txt:3: expected UTF-8 text, found the byte 0x93');
    expect(result.stderr).toMatch(/missing\.txt: cannot read the file: ENOENT/);
    expect(result.stderr).toContain('empty.txt: the file has no text');
    expect(result.stderr).toContain('3 of 4 file(s) not imported.');
    expect(files()).toContain(join('releases', '2012-09-07-share-buyback-no-space-dateline.mdx'));
  });

  it('explains how to call it when given no file', () => {
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run import -- <file.txt>…');
  });
});
