/** Every page of the built site is valid HTML (html-validate, recommended rules; see .htmlvalidate.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/build';
import { builtPages } from '../support/pages';

describe('HTML validity', () => {
  const config = JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8'));
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const pages = builtPages(inject('siteDir'));

  it('finds the pages to check', () => {
    expect(pages.map((p) => p.path)).toEqual(
      expect.arrayContaining(['', '404.html', 'releases/', 'contacts/', 'about/']),
    );
  });

  it.each(pages.map((p) => [p.path || '/', p.file]))('%s validates', async (_, file) => {
    const report = await validator.validateFile(file);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(problems).toEqual([]);
  });
});
