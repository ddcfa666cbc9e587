/**
 * A release's full text (ReleaseContent: body with dateline, notices, boilerplate, contacts)
 * rendered to HTML outside any page, through Astro's Container API, for feed items. The body is
 * the HTML stored when the content loaded (src/loaders/checked-files.ts), never the MDX source.
 * Each release is rendered once per build, however many feeds carry it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import ReleaseContent from './components/release/ReleaseContent.astro';
import type { Release } from './newsroom';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

/** The release text as HTML, with the site's own (possibly relative) URLs. */
export function renderReleaseHtml(release: Release): Promise<string> {
  let html = rendered.get(release.id);
  // Under `astro dev` an edited release must render afresh.
  if (!html || import.meta.env.NEWSROOM_PREVIEW === true) {
    container ??= AstroContainer.create();
    html = container.then((c) => c.renderToString(ReleaseContent, { props: { release } }));
    rendered.set(release.id, html);
  }
  return html;
}
