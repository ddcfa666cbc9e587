/**
 * The bare-Astro baseline: a minimal separate Astro project that builds the same release files with
 * nothing but `astro` and `@astrojs/mdx` (from this project's node_modules) — one page per entry
 * through getStaticPaths, a trivial layout, and the release components as trivial stubs so the
 * MDX compiles. What our build costs beyond it is the price of our features.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STUBS: Record<string, string> = {
  'Terms.astro': '<ol><slot /></ol>\n',
  'Term.astro': '---\nconst { label } = Astro.props;\n---\n\n<li>{label} <slot /></li>\n',
  'DataTable.astro': '<table><tbody><slot /></tbody></table>\n',
  'Row.astro': '---\nconst { label } = Astro.props;\n---\n\n<tr><th>{label}</th><td><slot /></td></tr>\n',
  'Note.astro': '<div><slot /></div>\n',
};

const PAGE = `---
import { getCollection, render } from 'astro:content';
import DataTable from '../../components/DataTable.astro';
import Note from '../../components/Note.astro';
import Row from '../../components/Row.astro';
import Term from '../../components/Term.astro';
import Terms from '../../components/Terms.astro';

export async function getStaticPaths() {
  const entries = await getCollection('releases');
  return entries.map((entry) => ({ params: { slug: entry.id.split('/').pop() }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{entry.data.headline}</title>
  </head>
  <body>
    <h1>{entry.data.headline}</h1>
    <Content components={{ Terms, Term, DataTable, Row, Note }} />
  </body>
</html>
`;

/** Writes the baseline project into `dir`, reading releases from `releasesDir`. */
export function writeBaselineProject(dir: string, releasesDir: string, nodeModules: string): void {
  mkdirSync(join(dir, 'src/components'), { recursive: true });
  mkdirSync(join(dir, 'src/pages/releases'), { recursive: true });
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\n\nexport default defineConfig({ integrations: [mdx()] });\n",
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  releases: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(releasesDir)} }) }),
};
`,
  );
  for (const [name, source] of Object.entries(STUBS)) writeFileSync(join(dir, 'src/components', name), source);
  writeFileSync(join(dir, 'src/pages/releases/[slug].astro'), PAGE);
}
