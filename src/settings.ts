/**
 * Reads and validates `content/site.yaml`. Loaded by astro.config.mjs (site URL), by the content
 * config (declared categories, default references) and by pages, so every part of the build sees
 * the same settings.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load as parse } from 'js-yaml';
import { CONTENT_DIR } from './folders';
import { formatIssues } from './lib/problems';
import { siteSchema, type SiteSettings } from './schemas/site';

export function loadSiteSettings(path = resolve(CONTENT_DIR, 'site.yaml')): SiteSettings {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read the site settings: ${(error as Error).message}`);
  }
  // NEWSROOM_SITE overrides the canonical URL for one build, e.g. a GitHub Pages preview.
  const site = process.env.NEWSROOM_SITE;
  const withOverride = site && raw && typeof raw === 'object' ? { ...raw, url: site } : raw;
  const result = siteSchema.safeParse(withOverride ?? {});
  if (!result.success) {
    throw new Error(`Invalid site settings in ${path}:\n${formatIssues(path, result.error.issues)}`);
  }
  return result.data;
}

export const settings: SiteSettings = loadSiteSettings();
