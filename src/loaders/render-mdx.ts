/**
 * One MDX file rendered to HTML, the work of src/loaders/checked-files.ts that can run on another
 * core (src/loaders/render-pool.ts): plain data in, plain data out, nothing shared.
 */
import { readFileSync } from 'node:fs';
import { dictionary } from '../i18n';
import { displayPath } from '../lib/check/content-folder';
import { renderChecked } from '../lib/check/mdx';
import type { Problem } from '../lib/check/problem';
import { summaryFromBody } from '../lib/releases';

/** What is stored with an MDX entry's HTML (read back by src/newsroom.ts). */
export interface RenderedMetadata {
  headings: { depth: number; slug: string; text: string }[];
  /** The body's opening paragraph as plain text, for releases without a `summary`. */
  summary: string;
}

export interface MdxFile {
  filePath: string;
  /** The body as Astro read it (below the frontmatter). */
  body: string;
  /** The entry's `lang`, for the labels an author left out. */
  lang: unknown;
  /** The components the collection's files may use. */
  components: readonly string[];
}

export type RenderedMdx =
  | { rendered: { html: string; metadata: RenderedMetadata }; problems?: undefined }
  | { rendered?: undefined; problems: Problem[] };

/**
 * An MDX file's HTML, rendered in its language (for labels an author left out), or the problems
 * that stop it: its syntax, components it may not use, attributes they cannot take.
 */
export function renderMdx({ filePath, body, lang, components }: MdxFile): RenderedMdx {
  // The stored entry keeps the HTML and the summary, not the MDX source (retainBody: false).
  const file = displayPath(filePath);
  const source = readFileSync(filePath, 'utf8');
  const { noteLabel, release } = dictionary(typeof lang === 'string' ? lang : undefined);
  const checked = renderChecked(source, file, components, { noteLabel, table: release.table });
  if (checked.problems) return { problems: checked.problems };
  const { html, headings } = checked.body;
  return { rendered: { html, metadata: { headings, summary: summaryFromBody(body) } } };
}
