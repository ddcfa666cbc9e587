/**
 * Fixture content folders for tests: a copy of `content/` with settings changed and releases
 * added, written to a temporary folder so the real `content/` is never touched.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_CONTENT } from './build';

export interface FixtureRelease {
  file: string;
  frontmatter: string;
  body?: string;
}

export function fixtureContent(options: { settings?: Record<string, string>; releases?: FixtureRelease[] }): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-content-'));
  cpSync(SEED_CONTENT, dir, { recursive: true });
  let site = readFileSync(join(dir, 'site.yaml'), 'utf8');
  for (const [key, value] of Object.entries(options.settings ?? {})) {
    site = site.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);
  }
  writeFileSync(join(dir, 'site.yaml'), site);
  for (const release of options.releases ?? []) {
    writeFileSync(
      join(dir, 'releases', release.file),
      `---\n${release.frontmatter.trim()}\n---\n\n${release.body ?? 'Trend Micro today announced a fixture release.'}\n`,
    );
  }
  return dir;
}

/** Minimal valid frontmatter for a fixture release. */
export const frontmatter = (headline: string, date: string, extra = '') =>
  `headline: ${headline}\ndate: ${date}\nlocation: TOKYO, Japan\ncategories: [Corporate]\n${extra}`;
