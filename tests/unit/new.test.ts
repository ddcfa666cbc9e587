/** `npm run new`: a release file dated today in the issuer's zone, with guidance for every field. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'astro/zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseFileSlug } from '../../src/lib/authoring/release-name';
import { releaseSchema } from '../../src/schemas/release';
import { ROOT, SEED_CONTENT } from '../support/build';

let content: string;
// 15:30 UTC on March 30 is already March 31 in Tokyo (and still March 30 in this test's Honolulu).
const NOW = '2007-03-30T15:30:00Z';

function script(name: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', './scripts/support/resolve-ts.ts', `scripts/${name}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NEWSROOM_CONTENT: content, NEWSROOM_NOW: NOW, ...env },
  });
}
const newRelease = (...args: string[]) => script('new', args);
const releases = () => readdirSync(join(content, 'releases')).sort();

beforeEach(() => {
  content = join(mkdtempSync(join(tmpdir(), 'newsroom-new-')), 'content');
  cpSync(SEED_CONTENT, content, { recursive: true });
});
afterEach(() => rmSync(join(content, '..'), { recursive: true, force: true }));

describe('npm run new', () => {
  it('creates a dated, slugged file for today in the issuer’s time zone and prints where to preview it', () => {
    const result = newRelease('Trend Micro Announces Q1 Results: Revenue Up 10%');
    expect(result.status, result.stderr).toBe(0);
    const name = '2007-03-31-trend-micro-announces-q1-results-revenue-up-10';
    expect(releases()).toContain(`${name}.mdx`);
    expect(result.stdout).toContain(`Created ${join(content, 'releases', `${name}.mdx`)}`);
    expect(result.stdout).toContain(`Preview: http://localhost:4321/releases/${name}/`);
  });

  it('fills in the headline exactly, the date, the usual location and the default boilerplate and contacts', () => {
    newRelease('Trend Micro: "Quoted" #1 Headline');
    const file = releases().find((f) => f.startsWith('2007-03-31-'))!;
    const data = load(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(content, 'releases', file), 'utf8'))![1]!);
    expect(data).toEqual({
      headline: 'Trend Micro: "Quoted" #1 Headline',
      date: new Date('2007-03-31T00:00:00Z'),
      location: 'TOKYO, Japan',
      categories: ['Financial'],
      tags: [],
      boilerplate: 'trend-micro',
      contacts: ['mahendra-negi'],
      draft: true,
    });
  });

  it('explains every field the release schema knows, in a comment when it is optional', () => {
    newRelease('Guidance');
    const text = readFileSync(join(content, 'releases', '2007-03-31-guidance.mdx'), 'utf8');
    const schema = releaseSchema({
      categories: ['Financial'],
      boilerplate: z.string(),
      contact: z.string(),
      notice: z.string(),
      languages: ['en'],
      release: z.string(),
    });
    const fields = Object.keys(schema.shape);
    expect(fields.length).toBeGreaterThan(15);
    for (const field of fields) {
      const at = text.search(new RegExp(`^(# )?${field}:`, 'm'));
      expect(at, `no line for ${field}`).toBeGreaterThan(0);
      // The line above each field is its comment.
      expect(text.slice(0, at).trimEnd().split('\n').at(-1)).toMatch(/^# /);
    }
  });

  it('passes npm run check as it is', () => {
    newRelease('A release that checks');
    const check = script('check', []);
    expect(check.stdout).toContain('No problems');
    expect(check.status).toBe(0);
  });

  it('refuses to overwrite a file, or to take the address of another release', () => {
    expect(newRelease('Twice').status).toBe(0);
    const path = join(content, 'releases', '2007-03-31-twice.mdx');
    writeFileSync(path, 'edited');
    const again = newRelease('Twice');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('2007-03-31-twice.mdx: not created: the file already exists');
    expect(readFileSync(path, 'utf8')).toBe('edited');

    mkdirSync(join(content, 'releases', '2007'));
    writeFileSync(join(content, 'releases', '2007', 'buyback.mdx'), '---\ndate: 2007-03-31\n---\n');
    const clash = newRelease('Buyback');
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain('releases/2007/buyback.mdx already publishes at /releases/2007-03-31-buyback/');
  });

  it('is not stopped by a translation at the same address in another language, nor takes its dateline', () => {
    // A Japanese release, newer than every English one, at /ja/releases/2007-03-31-dividend/.
    writeFileSync(
      join(content, 'releases', 'ja', '2007-03-31-dividend.mdx'),
      '---\nheadline: 配当に関するお知らせ\ndate: 2007-03-31\nlocation: 東京\nlang: ja\ncategories: [Financial]\n---\n\n本文。\n',
    );
    const result = newRelease('Dividend');
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(join(content, 'releases', '2007-03-31-dividend.mdx'), 'utf8');
    expect(text).toMatch(/^location: TOKYO, Japan/m);
  });

  it('takes --slug for a headline that makes no file name, and asks for one when needed', () => {
    expect(newRelease('!!!').stderr).toContain('pass --slug NAME');
    expect(newRelease('!!!', '--slug', 'exclamations').status).toBe(0);
    expect(releases()).toContain('2007-03-31-exclamations.mdx');
    expect(newRelease().status).toBe(2);
  });

  it('answers --help, --slug without a name and an unknown option with its usage, not a stack trace', () => {
    const help = newRelease('--help');
    expect(help.status).toBe(0);
    expect(help.stdout.trim().split('\n')).toEqual([
      'usage: npm run new -- "Headline of the release" [--slug NAME] [--lang CODE]',
      '       npm run new -- --translation-of RELEASE-ID [--lang CODE] "Headline in that language"',
    ]);
    for (const args of [
      ['Hello', '--slug'],
      ['--bogus', 'Hello'],
    ]) {
      const result = newRelease(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/\nusage: npm run new -- /);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a --slug that would make an address with capitals or spaces', () => {
    expect(newRelease('Hello', '--slug', 'Board-Resolution').stderr).toContain('--slug: expected lower-case words');
  });

  it('starts a release in another language in its folder, with its usual dateline and company name', () => {
    const result = newRelease('配当予想の修正に関するお知らせ', '--lang', 'ja', '--slug', 'dividend-forecast');
    expect(result.status, result.stderr).toBe(0);
    const path = join(content, 'releases', 'ja', '2007-03-31-dividend-forecast.mdx');
    expect(result.stdout).toContain('Preview: http://localhost:4321/ja/releases/2007-03-31-dividend-forecast/');
    const text = readFileSync(path, 'utf8');
    const data = load(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
    expect(data).toMatchObject({ headline: '配当予想の修正に関するお知らせ', lang: 'ja', location: '東京' });
    expect(text).toContain('トレンドマイクロ (TSE: 4704) today announced');
    const check = script('check', []);
    expect(check.stdout).toContain('No problems');
    expect(newRelease('Hello', '--lang', 'de').stderr).toContain(
      '--lang: expected one of the languages in content/site.yaml (en, ja), found "de"',
    );
  });
});

describe('npm run new --translation-of', () => {
  const ORIGINAL = '2007-03-30-results-of-share-buyback';
  const translate = (...args: string[]) => newRelease('--translation-of', ...args);

  it('starts a translation under the original’s name and date, with its shared fields and its body to translate', () => {
    rmSync(join(content, 'releases', 'ja', `${ORIGINAL}.mdx`));
    const result = translate(ORIGINAL, '自己株式の取得結果に関するお知らせ');
    expect(result.status, result.stderr).toBe(0);
    const path = join(content, 'releases', 'ja', `${ORIGINAL}.mdx`);
    expect(result.stdout).toContain(`Created ${path}`);
    expect(result.stdout).toContain(`Preview: http://localhost:4321/ja/releases/${ORIGINAL}/`);
    const text = readFileSync(path, 'utf8');
    expect(load(/^---\n([\s\S]*?)\n---/.exec(text)![1]!)).toEqual({
      headline: '自己株式の取得結果に関するお知らせ',
      // The original's date, not today's; the Japanese releases' dateline.
      date: new Date('2007-03-30T00:00:00Z'),
      location: '東京',
      lang: 'ja',
      translationOf: ORIGINAL,
      categories: ['Financial'],
      tags: ['share buyback'],
      tickers: [{ TSE: 4704 }, { Nasdaq: 'TMIC' }],
      notices: ['forward-looking-statements'],
      draft: true,
    });
    // The body to translate, components and all.
    expect(text).toContain('<Term label="Number of shares purchased">819,000 shares</Term>');
    const check = script('check', []);
    expect(check.stdout).toContain('No problems');
    expect(check.status).toBe(0);
    // Published as it stands, it checks too: the pair is linked both ways.
    writeFileSync(path, text.replace('\ndraft: true\n', '\n'));
    expect(script('check', []).stdout).toContain('No problems');
  });

  it('keeps the original’s text to translate in comments, whole, and takes the name it is published under', () => {
    writeFileSync(
      join(content, 'releases', '2007-04-02-dividend.mdx'),
      [
        '---',
        'headline: Dividend',
        'subheadline: "Board approves: a dividend"',
        'date: 2007-04-02',
        'location: TOKYO, Japan',
        'categories: [Financial]',
        'slug: dividend-2007',
        'summary: >',
        '  Trend Micro announced a dividend',
        '  of 36 yen per share.',
        '---',
        '',
        'Trend Micro today announced a dividend.',
        '',
      ].join('\n'),
    );
    const result = translate('2007-04-02-dividend', '配当に関するお知らせ');
    expect(result.status, result.stderr).toBe(0);
    // Published at /ja/releases/2007-04-02-dividend-2007/, beside /releases/2007-04-02-dividend-2007/.
    const path = join(content, 'releases', 'ja', '2007-04-02-dividend-2007.mdx');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain("\n# subheadline: 'Board approves: a dividend'\n");
    expect(text).toContain('\n# summary: Trend Micro announced a dividend of 36 yen per share.\n');
    expect(load(/^---\n([\s\S]*?)\n---/.exec(text)![1]!)).not.toHaveProperty('summary');
    expect(result.stdout).toContain('Preview: http://localhost:4321/ja/releases/2007-04-02-dividend-2007/');
    expect(script('check', []).stdout).toContain('No problems');
  });

  it('names the release meant, and refuses a second translation into a language or a translation of a translation', () => {
    const typo = translate('2007-03-30-results-of-share-buybak', 'x');
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain(
      `--translation-of: expected the id of a release (its file name in content/releases/ without .mdx, e.g. ${ORIGINAL}), found "2007-03-30-results-of-share-buybak" (did you mean "${ORIGINAL}"?)`,
    );
    expect(translate(ORIGINAL, 'x').stderr).toContain(
      `--translation-of: ${ORIGINAL} already has a translation into ja: ${join(content, 'releases', 'ja', `${ORIGINAL}.mdx`)}`,
    );
    expect(translate(`ja/${ORIGINAL}`, 'x').stderr).toContain(
      `is itself a translation, of ${ORIGINAL}; translate that`,
    );
    expect(translate(ORIGINAL, '--lang', 'en', 'x').stderr).toContain(
      '--lang: expected one of the languages in content/site.yaml other than the original’s (ja), found "en"',
    );
    expect(releases()).toEqual([
      '2007-03-30-results-of-share-buyback.mdx',
      '2007-11-26-final-terms-stock-acquisition-rights.mdx',
      'ja',
    ]);
  });
});

describe('file names from headlines', () => {
  it('are lower-case words of at most 60 characters, cut at a word', () => {
    expect(releaseFileSlug('Trend Micro Announces Results of Share Buyback')).toBe(
      'trend-micro-announces-results-of-share-buyback',
    );
    const long = releaseFileSlug(
      'Trend Micro Announces Final Terms of Stock Acquisition Rights to be issued as Stock Options',
    );
    expect(long).toBe('trend-micro-announces-final-terms-of-stock-acquisition');
    expect(long.length).toBeLessThanOrEqual(60);
  });
});
