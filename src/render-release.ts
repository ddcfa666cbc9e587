/**
 * A release's full text (ReleaseContent: body with dateline, notices, boilerplate, contacts)
 * rendered to HTML outside any page, through Astro's Container API, for feed items. The body is
 * the HTML rendered when the content loaded (src/stored-bodies.ts), never the MDX source.
 * src/feeds.ts renders each release once per build, however many feeds carry it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import ReleaseContent from './components/release/ReleaseContent.astro';
import type { Release } from './newsroom';

let container: Promise<AstroContainer> | undefined;

/** The release text as HTML, with the site's own (possibly relative) URLs. */
export async function renderReleaseHtml(release: Release): Promise<string> {
  container ??= AstroContainer.create();
  return (await container).renderToString(ReleaseContent, { props: { release } });
}
