/** The benchmark's synthetic releases: deterministic from the seed, realistic, and valid content. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReleases, writeContentFolder } from '../../scripts/bench/generate';
import { checkContent } from '../../src/lib/check/check-content';
import { SEED_CONTENT } from '../support/build';

const frontmatter = (source: string) => load(source.split('---')[1]!) as Record<string, unknown>;

describe('generateReleases', () => {
  const releases = generateReleases(300, 7);

  it('is deterministic from the seed', () => {
    expect(generateReleases(300, 7)).toEqual(releases);
    expect(generateReleases(300, 8)).not.toEqual(releases);
  });

  it('uses the real components, including nested (a) terms, tables and notes', () => {
    const all = releases.map((r) => r.source).join('\n');
    for (const part of ['<Terms>', '<Terms style="(a)">', '<Terms inline>', '<DataTable', '<Row label=', '<Note']) {
      expect(all).toContain(part);
    }
  });

  it('spreads releases over years and every declared category, with drafts, embargoes and corrections', () => {
    const fields = releases.map((r) => frontmatter(r.source));
    const site = load(readFileSync(join(SEED_CONTENT, 'site.yaml'), 'utf8')) as { categories: string[] };
    const years = new Set(
      fields.map((f) => String(f.date instanceof Date ? f.date.toISOString() : f.date).slice(0, 4)),
    );
    expect(years.size).toBeGreaterThan(10);
    expect(new Set(fields.flatMap((f) => f.categories as string[]))).toEqual(new Set(site.categories));
    expect(fields.some((f) => f.draft === true)).toBe(true);
    expect(fields.some((f) => typeof f.embargo === 'string')).toBe(true);
    expect(fields.some((f) => typeof f.correction === 'string')).toBe(true);
    expect(fields.some((f) => Array.isArray(f.notices))).toBe(true);
    expect(new Set(releases.map((r) => r.file)).size).toBe(releases.length);
  });
});

describe('generateReleases with translations', () => {
  const english = generateReleases(200, 5);
  const both = generateReleases(200, 5, { translated: 0.3 });
  const translations = both.filter((r) => r.file.startsWith('ja/'));

  it('translates that share into Japanese, leaving the English releases as they are', () => {
    expect(both.filter((r) => !r.file.startsWith('ja/'))).toEqual(english);
    expect(translations.length).toBeGreaterThan(40);
    expect(translations.length).toBeLessThan(80);
    expect(generateReleases(200, 5, { translated: 0.3 })).toEqual(both);
  });

  it('names each original, in Japanese, on its date and in its categories', () => {
    const originals = new Map(english.map((r) => [r.file.replace(/\.mdx$/, ''), frontmatter(r.source)]));
    for (const translation of translations) {
      const fields = frontmatter(translation.source);
      const original = originals.get(String(fields.translationOf));
      expect(original, translation.file).toBeDefined();
      expect(fields.lang).toBe('ja');
      expect(fields.date).toEqual(original!.date);
      expect(fields.categories).toEqual(original!.categories);
      expect(translation.file).toBe(`ja/${String(fields.translationOf)}.mdx`);
      expect(String(fields.headline)).toMatch(/お知らせ/);
    }
  });
});

describe('writeContentFolder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a content folder that passes the content checks', () => {
    writeContentFolder(dir, SEED_CONTENT, generateReleases(120, 3));
    expect(checkContent({ contentDir: dir })).toEqual([]);
  });

  it('passes them with Japanese translations too', () => {
    const bilingual = join(dir, 'bilingual');
    writeContentFolder(bilingual, SEED_CONTENT, generateReleases(120, 3, { translated: 0.5 }));
    expect(checkContent({ contentDir: bilingual })).toEqual([]);
  });
});
