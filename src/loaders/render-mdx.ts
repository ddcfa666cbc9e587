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
import { storeBody } from '../stored-bodies';

/** What is stored with an MDX entry (read back by src/newsroom.ts and src/stored-bodies.ts). */
export interface RenderedMetadata {
  headings: { depth: number; slug: string; text: string }[];
  /** The body's opening paragraph as plain text, for releases without a `summary`. */
  summary: string;
  /** The name of the file, in the collection's bodies folder, that holds the HTML. */
  bodyKey: string;
}

export interface MdxFile {
  filePath: string;
  /** The body as Astro read it (below the frontmatter). */
  body: string;
  /** The entry's `lang`, for the labels an author left out. */
  lang: unknown;
  /** The components the collection's files may use. */
  components: readonly string[];
  /** The folder the HTML is written to (src/stored-bodies.ts: `bodiesDir`). */
  bodiesDir: string;
}

/** As Astro stores it: `html` stays empty, the HTML being in the file `metadata.bodyKey` names. */
export type RenderedMdx =
  | { rendered: { html: ''; metadata: RenderedMetadata }; problems?: undefined }
  | { rendered?: undefined; problems: Problem[] };

/**
 * An MDX file's HTML, rendered in its language (for labels an author left out) and written to the
 * bodies folder, or the problems that stop it: its syntax, components it may not use, attributes
 * they cannot take.
 */
export function renderMdx({ filePath, body, lang, components, bodiesDir }: MdxFile): RenderedMdx {
  // The stored entry keeps the HTML (in a file of its own) and the summary, not the MDX source.
  const file = displayPath(filePath);
  const source = readFileSync(filePath, 'utf8');
  const { noteLabel, release } = dictionary(typeof lang === 'string' ? lang : undefined);
  const checked = renderChecked(source, file, components, { noteLabel, table: release.table });
  if (checked.problems) return { problems: checked.problems };
  const { html, headings } = checked.body;
  const metadata = { headings, summary: summaryFromBody(body), bodyKey: storeBody(bodiesDir, html) };
  return { rendered: { html: '', metadata } };
}
