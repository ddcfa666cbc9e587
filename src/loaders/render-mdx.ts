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
import { htmlKey } from '../stored-bodies';

/** What is stored with an MDX entry (read back by src/newsroom.ts and src/stored-bodies.ts). */
export interface RenderedMetadata {
  headings: { depth: number; slug: string; text: string }[];
  /** The body's opening paragraph as plain text, for releases without a `summary`. */
  summary: string;
  /** The name the HTML is stored under in the collection's bodies (src/stored-bodies.ts). */
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
}

/**
 * `rendered` as Astro stores it: its `html` stays empty, the HTML (`html`) being stored apart,
 * under the name `metadata.bodyKey` (src/loaders/checked-files.ts).
 */
export type RenderedMdx =
  | { rendered: { html: ''; metadata: RenderedMetadata }; html: string; problems?: undefined }
  | { rendered?: undefined; html?: undefined; problems: Problem[] };

/**
 * An MDX file's HTML, rendered in its language (for labels an author left out), or the problems
 * that stop it: its syntax, components it may not use, attributes they cannot take.
 */
export function renderMdx({ filePath, body, lang, components }: MdxFile): RenderedMdx {
  // The stored entry keeps the HTML's name and the summary, not the MDX source.
  const file = displayPath(filePath);
  const source = readFileSync(filePath, 'utf8');
  const { noteLabel, release } = dictionary(typeof lang === 'string' ? lang : undefined);
  const checked = renderChecked(source, file, components, { noteLabel, table: release.table });
  if (checked.problems) return { problems: checked.problems };
  const { html, headings } = checked.body;
  const metadata = { headings, summary: summaryFromBody(body), bodyKey: htmlKey(html) };
  return { rendered: { html: '', metadata }, html };
}
