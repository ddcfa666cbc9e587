/**
 * Reads and validates `content/site.yaml`. Loaded by astro.config.mjs (site URL), by the content
 * config (declared categories, default references) and by pages, so every part of the build sees
 * the same settings.
 */
import { readFileSync } from 'node:fs';
import { SITE_FILE } from './folders';
import { displayPath, fieldProblem } from './lib/check/content-folder';
import { parseYaml } from './lib/check/frontmatter-source';
import { contentError, formatProblem } from './lib/check/problem';
import { decodeSource } from './lib/check/source-text';
import { issueField } from './lib/problems';
import { siteSchema, type SiteSettings } from './schemas/site';

export function loadSiteSettings(path = SITE_FILE): SiteSettings {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const message = `cannot read the site settings: ${(error as Error).message}`;
    throw contentError(formatProblem({ file: displayPath(path), field: '(file)', message }));
  }
  // Checked as every content file is: a file saved as Windows-1252 would publish as mojibake.
  const source = decodeSource(bytes);
  if ('message' in source) {
    throw contentError(
      formatProblem({ file: displayPath(path), line: source.line, field: '(file)', message: source.message }),
    );
  }
  const parsed = parseYaml(source.text);
  if ('message' in parsed) {
    throw contentError(
      formatProblem({ file: displayPath(path), line: parsed.line, field: '(file)', message: parsed.message }),
    );
  }
  const raw = parsed.data;
  // NEWSROOM_SITE overrides the canonical URL for one build, e.g. a GitHub Pages preview.
  const site = process.env.NEWSROOM_SITE;
  const withOverride = site && raw && typeof raw === 'object' ? { ...raw, url: site } : raw;
  const result = siteSchema.safeParse(withOverride ?? {});
  if (!result.success) {
    // Each on the line of its setting, as `npm run check` writes it.
    const problems = result.error.issues.map((issue) => {
      const { path: at, field } = issueField(issue);
      return fieldProblem(path, at, issue.message, field || undefined);
    });
    throw contentError(`Invalid site settings:\n${problems.map(formatProblem).join('\n')}`);
  }
  return result.data;
}

export const settings: SiteSettings = loadSiteSettings();
