/** No broken internal link or fragment anywhere in the built site. */
import { expect, inject, it } from 'vitest';
import { brokenInternalLinks } from '../support/links';

it('has no broken internal links or fragments', async () => {
  expect(await brokenInternalLinks(inject('siteUrl'))).toEqual([]);
});

it('has no placeholder links', async () => {
  const { readFileSync } = await import('node:fs');
  const { builtPages } = await import('../support/pages');
  const withPlaceholders = builtPages(inject('siteDir')).filter((p) => /href="#"/.test(readFileSync(p.file, 'utf8')));
  expect(withPlaceholders.map((p) => p.path)).toEqual([]);
});
