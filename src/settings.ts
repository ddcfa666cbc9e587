/**
 * Reads and validates `content/site.yaml`. Loaded by astro.config.mjs (site URL), by the content
 * config (declared categories, default references) and by pages, so every part of the build sees
 * the same settings.
 */
import { SITE_FILE } from './folders';
import { displayPath, fieldProblem, readSource } from './lib/check/content-folder';
import { parseYaml } from './lib/check/frontmatter-source';
import { contentError, formatProblem } from './lib/check/problem';
import { issueField } from './lib/problems';
import { siteSchema, type SiteSettings } from './schemas/site';

export function loadSiteSettings(path = SITE_FILE): SiteSettings {
  // Read as every content file is: strictly UTF-8 (a file saved as Windows-1252 would publish as
  // mojibake) and not empty.
  const { source, problem } = readSource(path, displayPath(path));
  if (problem) throw contentError(formatProblem(problem));
  const parsed = parseYaml(source!);
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
